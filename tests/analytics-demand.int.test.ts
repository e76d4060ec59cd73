import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import type { Viewer } from "@/lib/domain/accounts";
import { OTHER_COUNTRIES } from "@/lib/domain/analytics/dashboard";
import { operatorDemand, sellerDashboard } from "@/lib/server/analytics/dashboard";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The seller's dashboard and the operator's demand view read from stored aggregates on a
 * database of its own: a seller sees only their own products and figures (another
 * seller's product id in `?product=` is ignored), countries and categories of fewer than
 * 5 orders are merged, the operator's forecast adds up the products' stored forecasts by
 * week, category and country, and categories as well as markets grow or shrink.
 */
let prisma: PrismaClient;
const NOW = new Date("2026-11-25T12:00:00Z"); // a Wednesday: the current week is 2026-11-23
const TEA = "sel_jp_kyoto_tea"; // JPY; prd_001 and prd_002 tea, prd_005 and prd_006 kitchen
const KNIVES = "sel_de_solingen_knives"; // EUR; prd_012 kitchen
const DAY = 86_400_000;
const week = (back: number) => new Date(Date.parse("2026-11-23T00:00:00Z") - back * 7 * DAY);

const teaViewer: Viewer = { userId: "usr_tea", email: "tea@shop.example", role: "BUYER", seller: { id: TEA, role: "OWNER" } };
const buyer: Viewer = { userId: "usr_buyer", email: "buyer@example.com", role: "BUYER", seller: null };
const operator: Viewer = { userId: "usr_op", email: "op@example.com", role: "OPERATOR", seller: null };

function forecastPayload(weeks: string[], history: number[], mean: number[]) {
  return { weeks, history, forecast: { mean, lower80: mean, upper80: mean, lower95: mean, upper95: mean }, restock: { weeksOfCover: 3, short: false, suggestedQuantity: 0 } };
}

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `analytics_demand_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma, { demoAccounts: false });
  const row = (sellerId: string, currency: string, productId: string, destination: string, back: number, orders: number, units: number, revenue: number, withdrawn = 0) => ({
    sellerId, productId, destination, week: week(back), orders, units, revenueMinor: BigInt(revenue), currency, withdrawnUnits: withdrawn,
  });
  await prisma.salesWeek.createMany({
    data: [
      row(TEA, "JPY", "prd_001", "DE", 0, 6, 8, 8000),
      row(TEA, "JPY", "prd_001", "DE", 1, 3, 3, 3000),
      row(TEA, "JPY", "prd_001", "FR", 0, 2, 2, 2000),
      row(TEA, "JPY", "prd_005", "BR", 20, 1, 1, 500, 1),
      row(TEA, "JPY", "prd_002", "US", 15, 10, 40, 40000),
      row(KNIVES, "EUR", "prd_012", "JP", 20, 5, 5, 50000),
      row(KNIVES, "EUR", "prd_012", "JP", 2, 10, 20, 200000),
    ],
  });
  await prisma.productDayStat.createMany({
    data: [
      { productId: "prd_001", day: new Date("2026-11-20T00:00:00Z"), country: "JP", views: 100, carts: 10 },
      { productId: "prd_012", day: new Date("2026-11-20T00:00:00Z"), country: "JP", views: 50, carts: 5 },
    ],
  });
  const stored = (productId: string, sellerId: string, payload: object) => ({ productId, destination: "ZZ", sellerId, method: "holt-winters", mase: 0.7, smape: 30, payload, computedAt: NOW });
  await prisma.forecastResult.createMany({
    data: [
      stored("prd_001", TEA, forecastPayload(["2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"], [3, 3], [4, 6])),
      stored("prd_005", TEA, forecastPayload(["2026-11-16", "2026-11-23", "2026-11-30"], [0], [1, 1])),
      stored("prd_006", TEA, forecastPayload(["2026-11-16", "2026-11-23", "2026-11-30"], [0], [2, 2])),
      stored("prd_012", KNIVES, forecastPayload(["2026-11-16", "2026-11-23", "2026-11-30"], [20], [10, 10])),
    ],
  });
}, 120_000);
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("sellerDashboard", () => {
  it("shows the seller's own totals, weeks, funnel and withdrawals", async () => {
    const result = await sellerDashboard(teaViewer, { locale: "en", now: NOW }, prisma);
    if (!result.ok) throw new Error(result.code);
    expect(result.currency).toBe("JPY");
    expect(result.totals).toEqual({ orders: 22, units: 54, revenueMinor: 53_500, withdrawnUnits: 1 });
    expect(result.weeks.at(-1)).toBe("2026-11-23");
    expect(result.revenue.at(-1)).toBe(10_000);
    expect(result.revenue.at(-2)).toBe(3_000);
    const tea = result.products.find((p) => p.productId === "prd_001")!;
    expect(tea).toMatchObject({ views: 100, carts: 10, orders: 11, units: 13, cartRate: 0.1, orderRate: 1.1 });
    expect(result.products.find((p) => p.productId === "prd_005")!.withdrawnUnits).toBe(1);
  });

  it("merges destinations of fewer than 5 orders into one row, naming none of them", async () => {
    const result = await sellerDashboard(teaViewer, { locale: "en", now: NOW }, prisma);
    if (!result.ok) throw new Error(result.code);
    // DE 9 orders and US 10 are shown; FR (2) and BR (1) only as "other", together.
    expect(result.countries.map((c) => c.country)).toEqual(["US", "DE", OTHER_COUNTRIES]);
    expect(result.countries.at(-1)).toEqual({ country: OTHER_COUNTRIES, orders: 3, units: 3, revenueMinor: 2_500 });
  });

  it("never shows another seller's products or figures, and ignores another seller's product id", async () => {
    const plain = await sellerDashboard(teaViewer, { locale: "en", now: NOW }, prisma);
    const withOther = await sellerDashboard(teaViewer, { locale: "en", now: NOW, productId: "prd_012" }, prisma);
    if (!plain.ok || !withOther.ok) throw new Error("refused");
    expect(withOther.selected).toBeNull();
    expect(withOther).toEqual(plain);
    const text = JSON.stringify(withOther, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    for (const id of ["prd_012", "prd_013", KNIVES]) expect(text).not.toContain(id);
    expect(withOther.products.every((p) => p.productId.localeCompare("prd_012") < 0)).toBe(true);
    expect(withOther.totals.revenueMinor).toBe(53_500); // none of the knives' EUR 2,500
  });

  it("shows the seller's own product's stored forecast", async () => {
    const result = await sellerDashboard(teaViewer, { locale: "en", now: NOW, productId: "prd_001" }, prisma);
    if (!result.ok) throw new Error(result.code);
    expect(result.selected?.productId).toBe("prd_001");
    expect(result.selected?.forecast).toMatchObject({ method: "holtWinters", mase: 0.7 });
    expect(result.selected?.forecast?.payload?.forecast.mean).toEqual([4, 6]);
  });

  it("refuses without a session or a shop", async () => {
    expect(await sellerDashboard(null, { locale: "en", now: NOW }, prisma)).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(await sellerDashboard(buyer, { locale: "en", now: NOW }, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
  });
});

describe("operatorDemand", () => {
  it("shows demand by country and category with small rows merged", async () => {
    const result = await operatorDemand(operator, { locale: "en", now: NOW }, prisma);
    if (!result.ok) throw new Error(result.code);
    expect(result.countries.map((c) => [c.key, c.orders, c.units])).toEqual([["US", 10, 40], ["JP", 15, 25], ["DE", 9, 11], [OTHER_COUNTRIES, 3, 3]]);
    expect(result.categories.map((c) => [c.key, c.orders, c.units])).toEqual([["cat_coffee_tea", 21, 53], ["cat_kitchen", 16, 26]]);
    expect(result.categories[0]!.label).not.toBe("cat_coffee_tea");
  });

  it("adds up the products' stored forecasts by week and category, and splits them over countries by their recent sales", async () => {
    const result = await operatorDemand(operator, { locale: "en", now: NOW }, prisma);
    if (!result.ok) throw new Error(result.code);
    const forecastOf = (rows: { key: string; forecastUnits: number }[], key: string) => rows.find((r) => r.key === key)!.forecastUnits;
    expect(forecastOf(result.categories, "cat_coffee_tea")).toBe(10);
    expect(forecastOf(result.categories, "cat_kitchen")).toBe(26);
    expect(forecastOf(result.countries, "JP")).toBe(20);
    expect(forecastOf(result.countries, "DE")).toBeCloseTo((10 * 11) / 13, 9);
    expect(forecastOf(result.countries, OTHER_COUNTRIES)).toBeCloseTo((10 * 2) / 13 + 2, 9); // FR's and BR's, merged
    expect(forecastOf(result.countries, "US")).toBe(0);
    expect(result.unallocatedForecast).toBe(4); // prd_006 sold nowhere in the last 26 weeks
    const { weeks, history, forecast } = result.weekly;
    expect(weeks.slice(-3)).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(history.slice(-3)).toEqual([3, null, null]);
    expect(forecast.slice(-3)).toEqual([null, 17, 19]);
  });

  it("names the markets and the categories that grow or shrink fastest, leaving out those of fewer than 5 orders", async () => {
    const result = await operatorDemand(operator, { locale: "en", now: NOW }, prisma);
    if (!result.ok) throw new Error(result.code);
    expect(result.growing.map((g) => [g.market, g.change])).toEqual([["DE", null], ["JP", 3]]);
    expect(result.shrinking.map((g) => [g.market, g.change])).toEqual([["US", -1]]);
    expect([...result.growing, ...result.shrinking].some((g) => g.market === "FR" || g.market === "BR")).toBe(false);
    expect(result.categoriesGrowing.map((g) => [g.market, g.recentUnits, g.previousUnits])).toEqual([["cat_kitchen", 20, 6]]);
    expect(result.categoriesShrinking.map((g) => [g.market, g.recentUnits, g.previousUnits])).toEqual([["cat_coffee_tea", 13, 40]]);
    expect(result.categoriesGrowing[0]!.label).not.toBe("cat_kitchen");
  });

  it("is the operator's only", async () => {
    expect(await operatorDemand(teaViewer, { locale: "en", now: NOW }, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await operatorDemand(buyer, { locale: "en", now: NOW }, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await operatorDemand(null, { locale: "en", now: NOW }, prisma)).toEqual({ ok: false, code: "UNAUTHENTICATED" });
  });
});
