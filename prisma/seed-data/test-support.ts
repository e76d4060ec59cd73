/** Checks every catalogue (the demo one and generated ones) must pass, shared by their tests. */
import { expect } from "vitest";
import { LOCALES, type Locale } from "@/lib/domain/markets";
import { decimalsOf, isCurrencyCode } from "@/lib/domain/money";
import type { SeedProduct, SeedSeller } from "./types";

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HS_CODE = /^\d{6,10}$/;

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

export function duplicates(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const v of values) (seen.has(v) ? dupes : seen).add(v);
  return [...dupes];
}

export function expectValidSeller(seller: SeedSeller): void {
  expect(seller.country).toMatch(/^[A-Z]{2}$/);
  expect(isCurrencyCode(seller.currency), seller.currency).toBe(true);
  expect(seller.handle, seller.id).toMatch(SLUG);
  expect(seller.languages.length).toBeGreaterThan(0);
  for (const l of seller.languages) expect(isLocale(l), l).toBe(true);
  const first = seller.languages[0]!;
  expect(seller.bio[first]?.trim(), "bio in the seller's language").toBeTruthy();
  expect(seller.bio.en?.trim(), "bio in English").toBeTruthy();
  for (const key of Object.keys(seller.bio)) expect(isLocale(key), key).toBe(true);
}

/**
 * One product's consistency: its seller and category, goods classification, translations
 * and variants. `translations` says how many locales beyond the original one a listing
 * carries and whether English must be among them (the demo catalogue: always English and
 * at least two more; generated ones: one to three more, English usually).
 */
export function expectValidProduct(
  product: SeedProduct,
  seller: SeedSeller | undefined,
  categoryIds: ReadonlySet<string>,
  translations: { minOthers: number; maxOthers?: number; english: boolean } = { minOthers: 2, english: true },
): void {
  expect(seller, "seller exists").toBeDefined();
  expect(categoryIds.has(product.categoryId), "category exists").toBe(true);
  if (!seller) return;
  expect(product.slug, product.id).toMatch(SLUG);
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

  // Translations: the original locale and others.
  const locales = Object.keys(product.translations);
  for (const l of locales) expect(isLocale(l), l).toBe(true);
  expect(locales).toContain(product.originalLocale);
  if (translations.english) expect(locales).toContain("en");
  const others = locales.filter((l) => l !== product.originalLocale).length;
  expect(others).toBeGreaterThanOrEqual(translations.minOthers);
  if (translations.maxOthers !== undefined) expect(others).toBeLessThanOrEqual(translations.maxOthers);
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
}
