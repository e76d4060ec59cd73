import { describe, expect, it } from "vitest";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";
import { MARKETS } from "@/lib/domain/markets";
import { destinationMix, generateHistory, mondayOf, prng, seasonality, speedOf, weeklyUnits, type HistoryInput } from "./history";

const input = (seed: number): HistoryInput => ({
  seed,
  sellers: SELLERS,
  products: PRODUCTS.map((p) => ({ id: p.id, sellerId: p.sellerId, categoryId: p.categoryId, variants: p.variants.map((v) => ({ id: `var_${v.sku.toLowerCase()}`, priceMinor: v.priceMinor })) })),
  destinations: MARKETS.map((m) => m.country),
  end: new Date("2026-11-23T00:00:00Z"),
});

describe("generateHistory", () => {
  it("is the same for the same seed and differs for another", () => {
    const a = generateHistory(input(3));
    const b = generateHistory(input(3));
    expect(a).toEqual(b);
    expect(generateHistory(input(4))).not.toEqual(a);
  });

  it("writes a few thousand orders over two years, all before the end, every line a known variant", () => {
    const orders = generateHistory(input(1));
    expect(orders.length).toBeGreaterThan(1_500);
    expect(orders.length).toBeLessThan(10_000);
    const end = Date.parse("2026-11-23T00:00:00Z");
    const variants = new Set(input(1).products.flatMap((p) => p.variants.map((v) => v.id)));
    for (const o of orders) {
      expect(o.paidAt.getTime()).toBeLessThan(end);
      expect(o.paidAt.getTime()).toBeGreaterThanOrEqual(end - 104 * 7 * 86_400_000);
      for (const l of o.lines) {
        expect(variants.has(l.variantId)).toBe(true);
        expect(l.quantity).toBeGreaterThan(0);
      }
    }
  });

  it("sells more gifts in December than in June", () => {
    const orders = generateHistory(input(1));
    const gifts = new Set(PRODUCTS.filter((p) => ["cat_crafts", "cat_textiles", "cat_home", "cat_kitchen"].includes(p.categoryId)).map((p) => p.id));
    const inMonth = (m: number) => orders.filter((o) => o.paidAt.getUTCMonth() === m && gifts.has(o.lines[0]!.productId)).reduce((a, o) => a + o.lines[0]!.quantity, 0);
    expect(inMonth(11)).toBeGreaterThan(1.5 * inMonth(5));
  });

  it("sells more tea in the northern winter than in its summer", () => {
    const orders = generateHistory(input(1));
    const tea = new Set(PRODUCTS.filter((p) => p.categoryId === "cat_coffee_tea").map((p) => p.id));
    const units = (months: number[]) =>
      orders.filter((o) => months.includes(o.paidAt.getUTCMonth()) && tea.has(o.lines[0]!.productId) && ["DE", "GB", "US", "JP"].includes(o.destination)).length;
    expect(units([0, 1])).toBeGreaterThan(1.5 * units([6, 7]));
  });

  it("gives slow movers many weeks without a sale", () => {
    const units = weeklyUnits(input(1));
    const slow = PRODUCTS.filter((p) => speedOf(p.id, 1) === "slow");
    expect(slow.length).toBeGreaterThan(10);
    for (const p of slow) {
      const total = new Array<number>(104).fill(0);
      for (const series of units.get(p.id)!.values()) series.forEach((u, w) => (total[w] = (total[w] ?? 0) + u));
      expect(total.filter((u) => u === 0).length).toBeGreaterThan(52);
    }
  });

  it("ships most to the seller's home and nearby markets", () => {
    const mix = destinationMix("DE", MARKETS.map((m) => m.country));
    expect(mix.get("DE")!).toBeGreaterThan(mix.get("KE")!);
    expect(mix.get("FR")!).toBeGreaterThan(mix.get("KR")!);
    expect([...mix.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe("seasonality", () => {
  it("peaks before Ramadan's end in the Gulf and before Lunar New Year in China, not elsewhere", () => {
    const week = Date.parse("2026-03-09T00:00:00Z");
    expect(seasonality("cat_crafts", "AE", week)).toBeGreaterThan(2 * seasonality("cat_crafts", "GB", week));
    const lunar = Date.parse("2026-02-02T00:00:00Z");
    expect(seasonality("cat_crafts", "CN", lunar)).toBeGreaterThan(2 * seasonality("cat_crafts", "DE", lunar));
  });

  it("turns tea's winter around in the southern hemisphere", () => {
    const july = Date.parse("2025-07-07T00:00:00Z");
    expect(seasonality("cat_coffee_tea", "AU", july)).toBeGreaterThan(seasonality("cat_coffee_tea", "DE", july));
  });
});

describe("helpers", () => {
  it("prng is deterministic in [0, 1)", () => {
    const a = prng(42);
    const b = prng(42);
    for (let i = 0; i < 100; i += 1) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("mondayOf gives the Monday 00:00 UTC of the week", () => {
    expect(mondayOf(new Date("2026-11-29T23:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(mondayOf(new Date("2026-11-23T00:00:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});
