import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/domain/markets";
import { decimalsOf, isCurrencyCode } from "@/lib/domain/money";
import { CATEGORIES, PRODUCTS, SELLERS } from "./index";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HS_CODE = /^\d{6,10}$/;
const REQUIRED_COUNTRIES = ["JP", "DE", "KE", "BR", "IN", "MX", "US", "GB"];

const sellersById = new Map(SELLERS.map((s) => [s.id, s]));
const categoryIds = new Set(CATEGORIES.map((c) => c.id));
const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const v of values) (seen.has(v) ? dupes : seen).add(v);
  return [...dupes];
}

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
    expect(seller.country).toMatch(/^[A-Z]{2}$/);
    expect(isCurrencyCode(seller.currency), seller.currency).toBe(true);
    expect(seller.languages.length).toBeGreaterThan(0);
    for (const l of seller.languages) expect(isLocale(l), l).toBe(true);
    const first = seller.languages[0]!;
    expect(seller.bio[first]?.trim(), "bio in the seller's language").toBeTruthy();
    expect(seller.bio.en?.trim(), "bio in English").toBeTruthy();
    for (const key of Object.keys(seller.bio)) expect(isLocale(key), key).toBe(true);
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
    const seller = sellersById.get(product.sellerId);
    expect(seller, "seller exists").toBeDefined();
    expect(categoryIds.has(product.categoryId), "category exists").toBe(true);
    if (!seller) return;

    expect(product.originCountry).toBe(seller.country);
    expect(product.originalLocale).toBe(seller.languages[0]);

    // Goods classification.
    if (product.kind === "PHYSICAL") {
      expect(product.hsCode, "HS code").toMatch(HS_CODE);
      expect(product.weightGrams).toBeGreaterThan(0);
      expect(Number.isInteger(product.weightGrams)).toBe(true);
      const d = product.dimensionsMm;
      expect(d, "dimensions").toBeDefined();
      for (const side of [d?.length, d?.width, d?.height]) expect(side).toBeGreaterThan(0);
      expect(product.taxCategory).not.toBe("EBOOK");
    } else {
      expect(product.hsCode).toBeUndefined();
      expect(product.weightGrams).toBeUndefined();
      expect(product.dimensionsMm).toBeUndefined();
      expect(product.taxCategory).not.toBe("BOOK");
    }
    if (product.taxCategory === "BOOK") expect(product.hsCode).toBe("490199");
    if (product.taxCategory === "EBOOK") expect(product.kind).toBe("DIGITAL");

    // Translations: the original locale, English, and at least one more.
    const locales = Object.keys(product.translations);
    for (const l of locales) expect(isLocale(l), l).toBe(true);
    expect(locales).toContain(product.originalLocale);
    expect(locales).toContain("en");
    expect(locales.filter((l) => l !== product.originalLocale).length).toBeGreaterThanOrEqual(2);
    for (const [l, t] of Object.entries(product.translations)) {
      expect(t?.title.trim(), `${l} title`).toBeTruthy();
      expect(t?.description.trim(), `${l} description`).toBeTruthy();
    }

    // Variants: prices in the seller's currency minor units, stock counts.
    expect(product.variants.length).toBeGreaterThanOrEqual(1);
    expect(product.variants.length).toBeLessThanOrEqual(3);
    expect(decimalsOf(seller.currency)).toBeGreaterThanOrEqual(0);
    for (const v of product.variants) {
      expect(Number.isInteger(v.priceMinor), v.sku).toBe(true);
      expect(v.priceMinor, v.sku).toBeGreaterThan(0);
      expect(Number.isInteger(v.stock), v.sku).toBe(true);
      expect(v.stock, v.sku).toBeGreaterThanOrEqual(0);
      for (const l of Object.keys(v.name)) expect(isLocale(l), `${v.sku} ${l}`).toBe(true);
      if (product.variants.length > 1) {
        expect(v.name[product.originalLocale], `${v.sku} name in original locale`).toBeTruthy();
        expect(v.name.en, `${v.sku} name in English`).toBeTruthy();
      } else {
        expect(v.name, v.sku).toEqual({});
      }
    }
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
