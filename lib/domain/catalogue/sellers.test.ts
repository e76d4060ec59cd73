import { describe, expect, it } from "vitest";
import { featuredSellers } from "./sellers";

const seller = (handle: string, country: string, productCount: number) => ({ handle, country, productCount });

describe("featured sellers", () => {
  it("takes the largest shop of each country before a second one of any", () => {
    const sellers = [seller("a", "JP", 50), seller("b", "JP", 40), seller("c", "DE", 5), seller("d", "KE", 1), seller("e", "DE", 30)];
    expect(featuredSellers(sellers, 4).map((s) => s.handle)).toEqual(["a", "e", "d", "b"]);
  });

  it("is bounded, and returns everyone when there are fewer", () => {
    const many = Array.from({ length: 300 }, (_, i) => seller(`s${i}`, `C${i % 30}`, i));
    expect(featuredSellers(many)).toHaveLength(12);
    expect(featuredSellers(many.slice(0, 5))).toHaveLength(5);
    expect(featuredSellers([])).toEqual([]);
  });
});
