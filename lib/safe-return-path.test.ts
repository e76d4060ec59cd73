import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  const origin = "http://shop.test";
  it("keeps a local path with its query", () => {
    expect(safeReturnPath("/de/catalogue?page=2", null, origin)).toBe("/de/catalogue?page=2");
  });
  it("refuses other hosts and protocol-relative or malformed paths", () => {
    expect(safeReturnPath("https://evil.test/", null, origin)).toBe("/");
    expect(safeReturnPath("//evil.test/x", null, origin)).toBe("/");
    expect(safeReturnPath("/\\evil.test", null, origin)).toBe("/");
    expect(safeReturnPath("/a\r\nSet-Cookie: x", null, origin)).toBe("/");
  });
  it("falls back to a same-origin referer, never a foreign one", () => {
    expect(safeReturnPath(undefined, "http://shop.test/ja/products/x?y=1", origin)).toBe("/ja/products/x?y=1");
    expect(safeReturnPath(undefined, "http://evil.test/ja", origin)).toBe("/");
    expect(safeReturnPath(undefined, "not a url", origin)).toBe("/");
  });
});
