import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/domain/markets";
import { decimalsOf } from "@/lib/domain/money";
import { CATEGORIES, PRODUCTS, SELLERS } from "./index";
import { SLUG, duplicates, expectValidProduct, expectValidSeller } from "./test-support";

const REQUIRED_COUNTRIES = ["JP", "DE", "KE", "BR", "IN", "MX", "US", "GB"];

const sellersById = new Map(SELLERS.map((s) => [s.id, s]));
const categoryIds = new Set(CATEGORIES.map((c) => c.id));

describe("seed catalogue: sizes", () => {
  it("has enough sellers, spread over the required countries", () => {
    expect(SELLERS.length).toBeGreaterThanOrEqual(8);
    const countries = new Set(SELLERS.map((s) => s.country));
    expect(countries.size).toBeGreaterThanOrEqual(8);
    for (const c of REQUIRED_COUNTRIES) expect(countries, c).toContain(c);
  });

  it("has enough products, categories and digital goods", () => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(80);
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(8);
    expect(PRODUCTS.filter((p) => p.kind === "DIGITAL").length).toBeGreaterThanOrEqual(10);
  });

  it("gives every seller at least six products and every category at least one", () => {
    for (const s of SELLERS) expect(PRODUCTS.filter((p) => p.sellerId === s.id).length, s.id).toBeGreaterThanOrEqual(6);
    for (const c of CATEGORIES) expect(PRODUCTS.some((p) => p.categoryId === c.id), c.id).toBe(true);
  });

  it("has German listings for a good share of the catalogue", () => {
    expect(PRODUCTS.filter((p) => p.translations.de).length).toBeGreaterThanOrEqual(40);
  });
});

describe("seed catalogue: identity", () => {
  it("uses unique ids", () => {
    expect(duplicates(SELLERS.map((s) => s.id))).toEqual([]);
    expect(duplicates(CATEGORIES.map((c) => c.id))).toEqual([]);
    expect(duplicates(PRODUCTS.map((p) => p.id))).toEqual([]);
  });

  it("uses unique, ASCII kebab-case handles and slugs", () => {
    expect(duplicates(SELLERS.map((s) => s.handle))).toEqual([]);
    expect(duplicates(CATEGORIES.map((c) => c.slug))).toEqual([]);
    expect(duplicates(PRODUCTS.map((p) => p.slug))).toEqual([]);
    for (const s of SELLERS) expect(s.handle, s.id).toMatch(SLUG);
    for (const c of CATEGORIES) expect(c.slug, c.id).toMatch(SLUG);
    for (const p of PRODUCTS) expect(p.slug, p.id).toMatch(SLUG);
  });

  it("uses SKUs that are unique across the whole catalogue", () => {
    expect(duplicates(PRODUCTS.flatMap((p) => p.variants.map((v) => v.sku)))).toEqual([]);
  });
});

describe("seed catalogue: sellers", () => {
  it.each(SELLERS.map((s) => [s.id, s] as const))("%s is consistent", (_id, seller) => {
    expectValidSeller(seller);
  });
});

describe("seed catalogue: categories", () => {
  it("names every category in all eight locales", () => {
    for (const c of CATEGORIES) {
      expect(Object.keys(c.names).sort(), c.id).toEqual([...LOCALES].sort());
      for (const l of LOCALES) expect(c.names[l].trim(), `${c.id} ${l}`).not.toBe("");
      expect(Number.isInteger(c.position), c.id).toBe(true);
    }
  });
});

describe("seed catalogue: products", () => {
  it.each(PRODUCTS.map((p) => [p.id, p] as const))("%s is consistent", (_id, product) => {
    expectValidProduct(product, sellersById.get(product.sellerId), categoryIds);
  });

  it("prices JPY items in whole yen", () => {
    const yen = PRODUCTS.filter((p) => sellersById.get(p.sellerId)?.currency === "JPY");
    expect(yen.length).toBeGreaterThan(0);
    expect(decimalsOf("JPY")).toBe(0);
    for (const p of yen) for (const v of p.variants) expect(Number.isInteger(v.priceMinor), v.sku).toBe(true);
  });

  it("includes seed packets for sowing (HS 1209) and printed books", () => {
    expect(PRODUCTS.some((p) => p.hsCode?.startsWith("1209"))).toBe(true);
    expect(PRODUCTS.filter((p) => p.taxCategory === "BOOK").length).toBeGreaterThanOrEqual(3);
  });
});

describe("sellers' legal identity", () => {
  it("names every demo seller's registered name, address and return terms", async () => {
    const { SELLER_LEGAL } = await import("./seller-legal");
    const { SELLERS } = await import("./index");
    for (const seller of SELLERS) {
      const legal = SELLER_LEGAL[seller.id];
      expect(legal, seller.id).toBeDefined();
      expect(legal!.address.length).toBeGreaterThanOrEqual(2);
      expect(legal!.returnDays).toBeGreaterThan(0);
    }
    expect(Object.keys(SELLER_LEGAL).sort()).toEqual(SELLERS.map((s) => s.id).sort());
  });
});
