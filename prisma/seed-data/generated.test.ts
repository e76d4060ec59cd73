import { describe, expect, it } from "vitest";
import { LOCALES, MARKETS, type Locale } from "@/lib/domain/markets";
import { COUNTRY_CURRENCIES, decimalsOf } from "@/lib/domain/money";
import { CATEGORIES, PRODUCTS, SELLERS, type SeedProduct } from "./index";
import { FEATURED_SHARE, generateCatalogue, localPrice, sellerCountFor } from "./generated";
import { duplicates, expectValidProduct, expectValidSeller } from "./test-support";
import { UNITS_PER_EUR } from "./vocabulary";

const COUNT = 20_000;
const catalogue = generateCatalogue({ count: COUNT, seed: 42, batchSize: 3_000 });
const batches = [...catalogue.batches()];
const products = batches.flat();
const sellersById = new Map([...SELLERS, ...catalogue.sellers].map((s) => [s.id, s]));
const categoryIds = new Set(CATEGORIES.map((c) => c.id));
const sellerOf = (p: SeedProduct) => sellersById.get(p.sellerId)!;

/** The HS codes the demo catalogue uses in each category: generated goods are classified the same way. */
const demoHsCodes = new Map<string, Set<string>>();
for (const p of PRODUCTS) if (p.hsCode) demoHsCodes.set(p.categoryId, (demoHsCodes.get(p.categoryId) ?? new Set()).add(p.hsCode));
const demoKinds = new Map(PRODUCTS.map((p) => [p.categoryId, `${p.kind} ${p.taxCategory}`]));

describe("generated catalogue: size and determinism", () => {
  it("yields exactly the requested number of products, in batches of at most the batch size", () => {
    expect(products).toHaveLength(COUNT);
    expect(batches.map((b) => b.length)).toEqual([3000, 3000, 3000, 3000, 3000, 3000, 2000]);
    expect([...generateCatalogue({ count: 0, seed: 1 }).batches()].flat()).toEqual([]);
    expect(() => generateCatalogue({ count: -1, seed: 1 })).toThrow();
  });

  it("gives the same catalogue for the same seed, on every pass, and another for another seed", () => {
    const again = generateCatalogue({ count: 2_000, seed: 42, batchSize: 500 });
    const first = [...again.batches()].flat();
    expect([...again.batches()].flat()).toEqual(first);
    const fresh = generateCatalogue({ count: 2_000, seed: 42 });
    expect(fresh.sellers).toEqual(again.sellers);
    expect([...fresh.batches()].flat()).toEqual(first);
    const other = generateCatalogue({ count: 2_000, seed: 43 });
    expect([...other.batches()].flat().map((p) => p.slug)).not.toEqual(first.map((p) => p.slug));
  });

  it("has a few hundred sellers at 100,000 products, fewer for smaller catalogues", () => {
    expect(sellerCountFor(100_000)).toBeGreaterThanOrEqual(200);
    expect(sellerCountFor(100_000)).toBeLessThanOrEqual(500);
    expect(catalogue.sellers).toHaveLength(sellerCountFor(COUNT));
    expect(sellerCountFor(1_000)).toBeLessThan(sellerCountFor(100_000));
  });
});

describe("generated catalogue: identity", () => {
  it("uses ids, slugs, handles and SKUs unique across it and the demo catalogue", () => {
    const all = [...PRODUCTS, ...products];
    const sellers = [...SELLERS, ...catalogue.sellers];
    expect(duplicates(all.map((p) => p.id))).toEqual([]);
    expect(duplicates(all.map((p) => p.slug))).toEqual([]);
    expect(duplicates(all.flatMap((p) => p.variants.map((v) => v.sku)))).toEqual([]);
    // Variant rows take their id from the SKU, lower-cased.
    expect(duplicates(all.flatMap((p) => p.variants.map((v) => v.sku.toLowerCase())))).toEqual([]);
    expect(duplicates(sellers.map((s) => s.id))).toEqual([]);
    expect(duplicates(sellers.map((s) => s.handle))).toEqual([]);
  });
});

describe("generated catalogue: sellers", () => {
  it("are each consistent, like the demo sellers", () => {
    for (const s of catalogue.sellers) expectValidSeller(s);
  });

  it("trade from every market country and other origin countries, in the country's currency", () => {
    const countries = new Set(catalogue.sellers.map((s) => s.country));
    for (const m of MARKETS) expect(countries, m.country).toContain(m.country);
    expect([...countries].filter((c) => !MARKETS.some((m) => m.country === c)).length).toBeGreaterThanOrEqual(5);
    for (const s of catalogue.sellers) {
      const known = (COUNTRY_CURRENCIES as Record<string, string>)[s.country];
      if (known) expect(s.currency, s.id).toBe(known);
      expect(UNITS_PER_EUR[s.currency], s.currency).toBeDefined();
    }
  });

  it("write their listings in every store locale between them", () => {
    expect(new Set(catalogue.sellers.map((s) => s.languages[0]))).toEqual(new Set(LOCALES));
  });

  it("offer very different numbers of products, as on a real marketplace", () => {
    const perSeller = new Map<string, number>();
    for (const p of products) perSeller.set(p.sellerId, (perSeller.get(p.sellerId) ?? 0) + 1);
    const counts = [...perSeller.values()].sort((a, b) => a - b);
    expect(counts.at(-1)!).toBeGreaterThan(5 * counts[Math.floor(counts.length / 4)]!);
  });
});

describe("generated catalogue: products", () => {
  it("are each consistent by the demo catalogue's rules, with one to three locales beyond the original", () => {
    for (const p of products) expectValidProduct(p, sellerOf(p), categoryIds, { minOthers: 1, maxOthers: 3, english: false });
  }, 60_000);

  it("classify goods as the demo catalogue does in each category", () => {
    for (const p of products) {
      expect(`${p.kind} ${p.taxCategory}`, p.id).toBe(demoKinds.get(p.categoryId));
      if (p.hsCode) expect(demoHsCodes.get(p.categoryId), `${p.id} ${p.hsCode}`).toContain(p.hsCode);
    }
    expect(new Set(products.map((p) => p.categoryId))).toEqual(categoryIds);
  });

  it("are mostly also in English, and use all one, two and three extra locales", () => {
    const foreign = products.filter((p) => p.originalLocale !== "en");
    const withEnglish = foreign.filter((p) => p.translations.en).length / foreign.length;
    expect(withEnglish).toBeGreaterThan(0.8);
    expect(withEnglish).toBeLessThan(1);
    const extra = new Map<number, number>();
    for (const p of products) {
      const n = Object.keys(p.translations).length - 1;
      extra.set(n, (extra.get(n) ?? 0) + 1);
    }
    for (const n of [1, 2, 3]) expect(extra.get(n)! / COUNT, `${n} extra locales`).toBeGreaterThan(0.15);
    const seen = new Set(products.flatMap((p) => Object.keys(p.translations) as Locale[]));
    expect(seen).toEqual(new Set(LOCALES));
  });

  it("feature about 1% of products", () => {
    const share = products.filter((p) => p.featured).length / COUNT;
    expect(FEATURED_SHARE).toBe(0.01);
    expect(share).toBeGreaterThan(0.007);
    expect(share).toBeLessThan(0.013);
  });

  it("sell out some physical variants, never digital ones", () => {
    const physical = products.filter((p) => p.kind === "PHYSICAL").flatMap((p) => p.variants);
    const soldOut = physical.filter((v) => v.stock === 0).length / physical.length;
    expect(soldOut).toBeGreaterThan(0.05);
    expect(soldOut).toBeLessThan(0.2);
    for (const p of products.filter((x) => x.kind === "DIGITAL")) for (const v of p.variants) expect(v.stock).toBeGreaterThan(0);
  });

  it("price in the seller's currency at realistic magnitudes", () => {
    for (const p of products) {
      const s = sellerOf(p);
      for (const v of p.variants) {
        const eur = v.priceMinor / 10 ** decimalsOf(s.currency) / UNITS_PER_EUR[s.currency]!;
        expect(eur, `${v.sku} ${v.priceMinor} ${s.currency}`).toBeGreaterThan(1);
        expect(eur, `${v.sku} ${v.priceMinor} ${s.currency}`).toBeLessThan(5_000);
      }
    }
    const yen = products.filter((p) => sellerOf(p).currency === "JPY").flatMap((p) => p.variants.map((v) => v.priceMinor));
    expect(yen.length).toBeGreaterThan(0);
    for (const price of yen) expect(price % 10).toBe(0);
    const dinar = products.filter((p) => sellerOf(p).currency === "KWD").flatMap((p) => p.variants.map((v) => v.priceMinor));
    expect(dinar.length).toBeGreaterThan(0);
    for (const price of dinar) expect(price % 50).toBe(0);
  });

  it("carry the search words shoppers use, in Latin and Japanese script", () => {
    const titles = (l: Locale) => products.map((p) => p.translations[l]?.title ?? "");
    expect(titles("en").filter((t) => /\btea\b/i.test(t)).length).toBeGreaterThan(100);
    expect(titles("en").filter((t) => /\bknife\b/i.test(t)).length).toBeGreaterThan(100);
    expect(titles("ja").filter((t) => t.includes("緑茶")).length).toBeGreaterThan(3);
    expect(titles("ja").filter((t) => t.includes("包丁")).length).toBeGreaterThan(10);
    expect(titles("zh-CN").filter((t) => t.includes("茶")).length).toBeGreaterThan(10);
    expect(titles("ar").filter((t) => t.includes("شاي")).length).toBeGreaterThan(10);
  });
});

describe("local prices", () => {
  const rng = () => 0.99;
  it("round as shops in each currency do", () => {
    expect(localPrice(rng, 20, "JPY")).toBe(3600);
    expect(localPrice(rng, 20, "KRW")).toBe(34_000);
    expect(localPrice(rng, 12, "KWD")).toBe(4250);
    expect(localPrice(rng, 20, "EUR")).toBe(2000);
    expect(localPrice(() => 0.1, 20, "EUR")).toBe(1999);
    expect(localPrice(rng, 20, "IDR")).toBe(39_000_000);
  });
});
