import { describe, expect, it } from "vitest";
import {
  catalogueSearch,
  decodeQuerySegments,
  encodeQuerySegments,
  MAX_PAGE,
  parseCatalogueQuery,
  parsePriceBound,
} from "./query";

const parse = (qs: string, currency: "USD" | "JPY" | "KWD" = "USD") => parseCatalogueQuery(new URLSearchParams(qs), currency);

describe("catalogue query", () => {
  it("keeps valid filters", () => {
    expect(parse("category=coffee-tea&origin=jp&kind=digital&min=10&max=25.5&sort=price-asc&page=3")).toEqual({
      category: "coffee-tea",
      origin: "JP",
      kind: "digital",
      minMinor: 1000,
      maxMinor: 2550,
      sort: "price-asc",
      page: 3,
    });
  });

  it("normalises nonsense to defaults instead of failing", () => {
    expect(parse("page=-1&min=abc&max=1e9&sort=sideways&kind=liquid&origin=Japan&category=../etc")).toEqual({ sort: "featured", page: 1 });
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("page=99999999").page).toBe(MAX_PAGE);
  });

  it("swaps an inverted price range", () => {
    const q = parse("min=50&max=10");
    expect([q.minMinor, q.maxMinor]).toEqual([1000, 5000]);
  });

  it("reads price bounds in the buyer currency's minor units", () => {
    expect(parsePriceBound("1500", "JPY")).toBe(1500);
    expect(parsePriceBound("1500.7", "JPY")).toBe(1500);
    expect(parsePriceBound("1.25", "KWD")).toBe(1250);
    expect(parsePriceBound("12,5", "USD")).toBe(1250);
    expect(parsePriceBound("-3", "USD")).toBeUndefined();
    expect(parsePriceBound("", "USD")).toBeUndefined();
  });

  it("reads thousands separators, both decimal marks and full-width digits as buyers type them", () => {
    const cases: [string, "USD" | "JPY" | "KWD", number | undefined][] = [
      ["1,000", "USD", 100000],
      ["1.000", "USD", 100000],
      ["1,000,000", "JPY", 1000000],
      ["1.234,50", "USD", 123450],
      ["1,234.50", "USD", 123450],
      ["1 234,50", "USD", 123450],
      ["12,50", "USD", 1250],
      ["12.5", "USD", 1250],
      ["１０００", "JPY", 1000],
      ["１，０００", "JPY", 1000],
      ["1,000", "KWD", 1000],
      ["1,00,000", "USD", undefined],
      ["1,0000", "USD", 100],
      ["1..5", "USD", undefined],
      ["1,", "USD", undefined],
      ["1,234,5", "USD", undefined],
      ["1.234.567,8", "USD", 123456780],
      ["1,234.567.8", "USD", undefined],
      ["1e3", "USD", undefined],
      ["9999999999", "USD", undefined],
    ];
    for (const [raw, currency, minor] of cases) expect(parsePriceBound(raw, currency), `${raw} ${currency}`).toBe(minor);
  });

  it("round-trips through path segments and has one canonical query string", () => {
    const query = parse("sort=newest&category=books&min=5");
    expect(catalogueSearch(query, "USD")).toBe("?category=books&min=5&sort=newest");
    expect(decodeQuerySegments(encodeQuerySegments(query, "USD"), "USD")).toEqual(query);
    expect(catalogueSearch(parse(""), "USD")).toBe("");
    expect(decodeQuerySegments(["%E0%A4%A", "page=2"], "USD").page).toBe(2);
  });
});
