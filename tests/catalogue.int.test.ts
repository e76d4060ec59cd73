import { beforeAll, describe, expect, inject, it } from "vitest";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { formatPriceBound, parseCatalogueQuery, PAGE_SIZE } from "@/lib/domain/catalogue/query";
import { CATEGORIES, PRODUCTS, SELLERS } from "@/prisma/seed-data";

process.env.DATABASE_URL = inject("databaseUrl");
const { queryCatalogue, searchProducts, featuredProducts } = await import("@/lib/server/catalogue/queries");
const { getProduct, getSeller, listCategories, listSellers } = await import("@/lib/server/catalogue/entities");
const { getPrisma } = await import("@/lib/db/client");

const US = findMarket("US") as MarketDefinition;
const JP = findMarket("JP") as MarketDefinition;
const KW = findMarket("KW") as MarketDefinition;
const query = (qs: string, market = US) => parseCatalogueQuery(new URLSearchParams(qs), market.currency);

describe("catalogue queries on the seeded database", () => {
  beforeAll(() => {
    expect(PRODUCTS.length).toBeGreaterThanOrEqual(80);
  });

  it("pages through every active product exactly once", async () => {
    const first = await queryCatalogue("en", US, query(""));
    expect(first.total).toBe(PRODUCTS.length);
    expect(first.items).toHaveLength(PAGE_SIZE);
    const seen = new Set<string>();
    for (let page = 1; page <= first.pageCount; page++) {
      for (const item of (await queryCatalogue("en", US, query(`page=${page}`))).items) seen.add(item.id);
    }
    expect(seen.size).toBe(PRODUCTS.length);
  });

  it("filters by category, origin and kind", async () => {
    const category = CATEGORIES[0]!;
    const result = await queryCatalogue("en", US, query(`category=${category.slug}`));
    expect(result.total).toBe(PRODUCTS.filter((p) => p.categoryId === category.id).length);
    const japan = await queryCatalogue("en", US, query("origin=JP"));
    expect(japan.total).toBe(PRODUCTS.filter((p) => p.originCountry === "JP").length);
    expect(japan.items.every((i) => i.originCountry === "JP")).toBe(true);
    const digital = await queryCatalogue("en", US, query("kind=digital"));
    expect(digital.total).toBe(PRODUCTS.filter((p) => p.kind === "DIGITAL").length);
  });

  it("sorts by the price in the buyer's currency across seller currencies", async () => {
    for (const market of [US, JP, KW]) {
      const result = await queryCatalogue("en", market, query("sort=price-asc", market));
      const amounts = result.items.map((i) => i.price.display.amountMinor);
      expect(result.items.every((i) => i.price.display.currency === market.currency)).toBe(true);
      expect([...amounts].sort((a, b) => a - b)).toEqual(amounts);
      const currencies = new Set(result.items.map((i) => i.price.original.currency));
      expect(currencies.size).toBeGreaterThan(1);
    }
  });

  it("sorts every page, both ways, by the displayed price", async () => {
    for (const market of [JP, KW]) {
      for (const sort of ["price-asc", "price-desc"] as const) {
        const first = await queryCatalogue("en", market, query(`sort=${sort}`, market));
        const amounts: number[] = [];
        for (let p = 1; p <= first.pageCount; p++) amounts.push(...(await queryCatalogue("en", market, query(`sort=${sort}&page=${p}`, market))).items.map((i) => i.price.display.amountMinor));
        expect(amounts).toHaveLength(PRODUCTS.length);
        expect(amounts).toEqual([...amounts].sort((a, b) => (sort === "price-asc" ? a - b : b - a)));
      }
    }
  });

  it("includes a product at exactly its displayed price and excludes it one step beyond, in every currency", async () => {
    for (const [market, step] of [[JP, 1], [KW, 10], [US, 1]] as const) {
      const all = await queryCatalogue("en", market, query("sort=price-asc", market));
      const item = all.items[3]!;
      const shown = item.price.display.amountMinor;
      const bound = (minor: number) => formatPriceBound(minor, market.currency);
      const ids = async (qs: string) => {
        const first = await queryCatalogue("en", market, query(qs, market));
        const found = first.items.map((i) => i.id);
        for (let p = 2; p <= first.pageCount; p++) found.push(...(await queryCatalogue("en", market, query(`${qs}&page=${p}`, market))).items.map((i) => i.id));
        return found;
      };
      expect(await ids(`min=${bound(shown)}&max=${bound(shown)}`)).toContain(item.id);
      expect(await ids(`min=${bound(shown + step)}`)).not.toContain(item.id);
      expect(await ids(`max=${bound(shown - step)}`)).not.toContain(item.id);
    }
  });

  it("a price bound keeps exactly the products whose displayed price meets it, at and beside every kind of boundary", async () => {
    const all = async (qs: string, market: MarketDefinition) => {
      const first = await queryCatalogue("en", market, query(qs, market));
      const items = [...first.items];
      for (let p = 2; p <= first.pageCount; p++) items.push(...(await queryCatalogue("en", market, query(`${qs}&page=${p}`, market))).items);
      return items;
    };
    for (const [market, step] of [[JP, 1], [KW, 10], [US, 1]] as const) {
      const every = await all("sort=price-asc", market);
      const shown = new Map(every.map((i) => [i.id, i.price.display.amountMinor]));
      const bound = (minor: number) => formatPriceBound(minor, market.currency);
      // Displayed prices across the range, each bound exactly at one, a step above and a step below.
      const picks = [0, 7, 19, 33, 48, 61, 77, every.length - 1].map((i) => every[Math.min(i, every.length - 1)]!.price.display.amountMinor);
      for (const price of picks) {
        for (const at of [price - step, price, price + step].filter((v) => v > 0)) {
          const over = (await all(`min=${bound(at)}`, market)).map((i) => i.id).sort();
          expect(over, `min ${at} ${market.currency}`).toEqual([...shown].filter(([, v]) => v >= at).map(([id]) => id).sort());
          const under = (await all(`max=${bound(at)}`, market)).map((i) => i.id).sort();
          expect(under, `max ${at} ${market.currency}`).toEqual([...shown].filter(([, v]) => v <= at).map(([id]) => id).sort());
        }
      }
    }
  });

  it("filters a price range typed in the buyer's currency, matching the displayed prices", async () => {
    const result = await queryCatalogue("en", JP, query("min=2000&max=6000", JP));
    expect(result.total).toBeGreaterThan(0);
    for (const item of result.items) {
      expect(item.price.display.amountMinor).toBeGreaterThanOrEqual(2000);
      expect(item.price.display.amountMinor).toBeLessThanOrEqual(6000);
    }
    const all = await queryCatalogue("en", JP, query("sort=price-asc", JP));
    const everything = [...all.items];
    for (let p = 2; p <= all.pageCount; p++) everything.push(...(await queryCatalogue("en", JP, query(`sort=price-asc&page=${p}`, JP))).items);
    const expected = everything.filter((i) => i.price.display.amountMinor >= 2000 && i.price.display.amountMinor <= 6000).length;
    expect(result.total).toBe(expected);
  });

  it("returns an empty page past the end, still counting the listing so the page can send the buyer to the last one", async () => {
    const first = await queryCatalogue("en", US, query("kind=physical"));
    const result = await queryCatalogue("en", US, query("kind=physical&page=400"));
    expect(result.items).toEqual([]);
    expect(result.total).toBe(first.total);
    expect(result.pageCount).toBe(first.pageCount);
    expect(first.pageCount).toBeGreaterThan(1);
  });

  it("shows titles in the visitor's locale, else the original language", async () => {
    const result = await queryCatalogue("ja", US, query("origin=DE"));
    for (const item of result.items) {
      const seeded = PRODUCTS.find((p) => p.id === item.id)!;
      if (seeded.translations.ja) expect(item).toMatchObject({ title: seeded.translations.ja.title, contentLocale: "ja" });
      else expect(item).toMatchObject({ title: seeded.translations[seeded.originalLocale]!.title, contentLocale: seeded.originalLocale });
    }
  });

  it("lists categories with localized names and counts", async () => {
    const categories = await listCategories("de");
    expect(categories).toHaveLength(CATEGORIES.length);
    expect(categories[0]!.name).toBe(CATEGORIES.find((c) => c.slug === categories[0]!.slug)!.names.de);
    expect(categories.reduce((n, c) => n + c.productCount, 0)).toBe(PRODUCTS.length);
  });

  it("returns featured products", async () => {
    const featured = await featuredProducts("en", US, 50);
    expect(featured.map((f) => f.id).sort()).toEqual(PRODUCTS.filter((p) => p.featured).map((p) => p.id).sort());
  });
});

describe("product detail", () => {
  it("converts each variant and keeps the original price", async () => {
    const seeded = PRODUCTS.find((p) => SELLERS.find((s) => s.id === p.sellerId)?.currency === "JPY")!;
    const product = await getProduct(seeded.slug, "en", KW);
    expect(product).not.toBeNull();
    expect(product!.variants).toHaveLength(seeded.variants.length);
    for (const [i, variant] of product!.variants.entries()) {
      expect(variant.price.original).toEqual({ amountMinor: seeded.variants[i]!.priceMinor, currency: "JPY" });
      expect(variant.price.display.currency).toBe("KWD");
      expect(variant.price.display.amountMinor % 10).toBe(0);
      expect(variant.price.rateDate).toBe("2026-11-27");
    }
  });

  it("is null for an unknown slug", async () => {
    expect(await getProduct("no-such-thing", "en", US)).toBeNull();
  });
});

describe("search", () => {
  const tea = PRODUCTS.find((p) => p.translations.de && p.originCountry === "JP")!;

  it("finds a product by its title in another language than the page's", async () => {
    const result = await searchProducts("en", US, tea.translations.de!.title, 1);
    expect(result.items.map((i) => i.id)).toContain(tea.id);
    expect(result.items.find((i) => i.id === tea.id)!.title).toBe(tea.translations.en!.title);
  });

  it("ignores accents and case, and matches word prefixes", async () => {
    const word = tea.translations.de!.title.split(" ").find((w) => /[äöüÄÖÜ]/.test(w)) ?? tea.translations.de!.title.split(" ")[0]!;
    const folded = word.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
    const result = await searchProducts("de", US, folded.slice(0, Math.max(3, folded.length - 1)), 1);
    expect(result.total).toBeGreaterThan(0);
    expect(result.items.map((i) => i.id)).toContain(tea.id);
  });

  it("finds Chinese and Japanese text by one character, by two, and by longer runs", async () => {
    const japanese = PRODUCTS.find((p) => p.translations.ja && p.originalLocale === "ja")!;
    const title = japanese.translations.ja!.title.replace(/[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, "");
    for (const part of [title.slice(0, 1), title.slice(1, 3), title.slice(0, 4)]) {
      const result = await searchProducts("ja", JP, part, 1);
      expect(result.items.map((i) => i.id), part).toContain(japanese.id);
    }
    const chinese = PRODUCTS.find((p) => p.translations["zh-CN"])!;
    const zh = chinese.translations["zh-CN"]!.title.replace(/[^\p{Script=Han}]/gu, "").slice(0, 2);
    expect((await searchProducts("zh-CN", JP, zh, 1)).total).toBeGreaterThan(0);
  });

  it("finds Japanese titles by a substring", async () => {
    const japanese = PRODUCTS.find((p) => p.translations.ja && p.originalLocale === "ja")!;
    const title = japanese.translations.ja!.title;
    const result = await searchProducts("ja", JP, title.slice(0, 3), 1);
    expect(result.items.map((i) => i.id)).toContain(japanese.id);
  });

  it("treats punctuation-only and SQL-looking input as harmless text", async () => {
    expect((await searchProducts("en", US, "!!! ::: &&&", 1)).total).toBe(0);
    expect((await searchProducts("en", US, "'); DROP TABLE \"Product\"; --", 1)).total).toBe(0);
    expect((await queryCatalogue("en", US, query(""))).total).toBe(PRODUCTS.length);
  });
});

describe("sellers", () => {
  it("finds a seller by handle with a localized bio and a product count", async () => {
    const seeded = SELLERS.find((s) => s.country === "DE")!;
    const seller = await getSeller(seeded.handle, "de");
    expect(seller).toMatchObject({ handle: seeded.handle, country: "DE", currency: "EUR", bio: seeded.bio.de ?? seeded.bio.en });
    expect(seller!.productCount).toBe(PRODUCTS.filter((p) => p.sellerId === seeded.id).length);
    expect(await getSeller("no-such-seller", "de")).toBeNull();
  });

  it("hides a suspended seller and their products", async () => {
    const seeded = SELLERS.find((s) => s.country === "MX")!;
    const { changeSellerStatus } = await import("@/lib/server/catalogue/changes");
    const actor = { kind: "system", name: "test" } as const;
    expect((await changeSellerStatus(actor, { handle: seeded.handle, status: "SUSPENDED" }, getPrisma())).ok).toBe(true);
    try {
      expect(await getSeller(seeded.handle, "en")).toBeNull();
      expect((await listSellers("en")).map((s) => s.handle)).not.toContain(seeded.handle);
      const mexican = await queryCatalogue("en", US, query("origin=MX"));
      expect(mexican.total).toBe(0);
      const product = PRODUCTS.find((p) => p.sellerId === seeded.id)!;
      expect(await getProduct(product.slug, "en", US)).toBeNull();
    } finally {
      expect((await changeSellerStatus(actor, { handle: seeded.handle, status: "ACTIVE" }, getPrisma())).ok).toBe(true);
    }
  });
});

describe("current FX table", () => {
  it("is shared for a minute, then reloaded", async () => {
    const { currentFxTable } = await import("@/lib/server/catalogue/fx");
    const now = Date.now() + 10 * 60_000;
    const first = currentFxTable(now);
    expect(currentFxTable(now + 59_000)).toBe(first);
    const later = currentFxTable(now + 61_000);
    expect(later).not.toBe(first);
    expect((await later).rates.get("JPY")?.rate).toBe((await first).rates.get("JPY")?.rate);
  });
});
