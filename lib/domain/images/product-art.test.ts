import { describe, expect, it } from "vitest";
import { productArt } from "./product-art";

describe("productArt", () => {
  it("is a deterministic SVG per product and image index", () => {
    const svg = productArt("prd_001", 0);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(productArt("prd_001", 0)).toBe(svg);
    expect(productArt("prd_001", 1)).not.toBe(svg);
    expect(productArt("prd_002", 0)).not.toBe(svg);
  });
  it("escapes the id it embeds", () => {
    expect(productArt('a"<b>&', 0)).not.toMatch(/aria-label="a"<b>/);
    expect(productArt('a"<b>&', 0)).toContain("a&#34;&#60;b&#62;&#38;");
  });
});
