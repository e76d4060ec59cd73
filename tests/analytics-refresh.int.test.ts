import { parseForecastPayload } from "@/lib/domain/analytics/dashboard";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { SELLERS } from "@/prisma/seed-data";
import { evaluateSeries } from "@/lib/domain/forecast";
import { writeDemoHistory } from "@/lib/server/analytics/history";
import { refreshSalesWeeks } from "@/lib/server/analytics/refresh";
import { analyticsNightlyJob, analyticsRefreshJob, enqueueAnalyticsRefresh, ensureNightlyAnalytics, NIGHTLY_KIND, nextNightly, REFRESH_KIND } from "@/lib/server/analytics/jobs";
import { registerJobHandler, runNextJob, type JobContext } from "@/lib/server/jobs";
import { openText } from "@/lib/server/crypto/pii";
import { orderField } from "@/lib/server/checkout/access";
import { createDatabase } from "./database";
import type { Viewer } from "@/lib/domain/accounts";
import { listSellerOrders, listSellerPayouts, loadSellerOrder } from "@/lib/server/seller/orders";
import { fixedClock } from "@/lib/domain/clock";
import { settle } from "@/lib/server/checkout/fulfil";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The demo order history and the analytics built from it, on a database of its own:
 * history written through the order tables, weekly aggregates equal to a direct count,
 * revenue in the seller's currency, the refresh job picking up a new order without
 * touching another seller, and stored forecasts.
 */
let prisma: PrismaClient;
const NOW = new Date("2026-11-25T12:00:00Z");
const tea = SELLERS.find((s) => s.id === "sel_jp_kyoto_tea")!;
const knives = SELLERS.find((s) => s.id === "sel_de_solingen_knives")!;
let written = 0;
let seconds = 0;

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `analytics_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma, { demoAccounts: false });
  const stockBefore = await prisma.variant.aggregate({ _sum: { stock: true } });
  const result = await writeDemoHistory(prisma, { seed: 7, now: NOW });
  written = result.orders;
  seconds = result.seconds;
  expect((await prisma.variant.aggregate({ _sum: { stock: true } }))._sum.stock).toBe(stockBefore._sum.stock);
}, 120_000);
afterAll(async () => {
  await prisma?.$disconnect();
});

function job(sellerId: string | null): JobContext {
  return { id: "job_test", sellerId, requestedBy: null, payload: {}, db: prisma, progress: async () => {} };
}

describe("demo history", () => {
  it("writes a few thousand paid demo orders, quickly, with consistent amounts and a sealed email", async () => {
    console.log(`demo history: ${written} orders in ${seconds.toFixed(1)} s`);
    expect(written).toBeGreaterThan(1_500);
    expect(written).toBeLessThan(12_000);
    expect(seconds).toBeLessThan(30);
    expect(await prisma.order.count({ where: { demo: true, status: "PAID" } })).toBe(written);
    const order = await prisma.order.findFirstOrThrow({ where: { demo: true }, include: { subOrders: true, lines: true } });
    expect(order.paidAt!.getTime()).toBeLessThan(NOW.getTime());
    const sub = order.subOrders[0]!;
    expect(order.subOrders).toHaveLength(1);
    expect(sub.transferStatus).toBe("NONE");
    expect(order.goodsMinor).toBe(order.lines.reduce((a, l) => a + l.goodsMinor, 0));
    expect(order.totalMinor).toBe(order.goodsMinor + order.shippingMinor + order.dutyMinor + order.taxMinor);
    for (const l of order.lines) {
      const variant = await prisma.variant.findUniqueOrThrow({ where: { id: l.variantId } });
      expect(l.unitPriceMinor).toBe(variant.priceMinor);
      expect(l.goodsMinor).toBe(variant.priceMinor * l.quantity);
    }
    expect(openText(order.emailSealed, orderField(order.id, "email"))).toMatch(/@demo\.caravan\.localhost$/);
    const first = await prisma.order.findFirstOrThrow({ where: { demo: true }, orderBy: { paidAt: "asc" } });
    expect(NOW.getTime() - first.paidAt!.getTime()).toBeGreaterThan(700 * 86_400_000);
  });
});

describe("seller order list", () => {
  it("lists the demo orders to their own seller only, marked as demo", async () => {
    const viewer: Viewer = { userId: "usr_tea", email: "tea@example.com", role: "BUYER", seller: { id: tea.id, role: "OWNER" } };
    const list = await listSellerOrders(viewer, { status: null, destination: null, page: 1 }, prisma);
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.total).toBe(await prisma.subOrder.count({ where: { sellerId: tea.id, order: { demo: true } } }));
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.demo && r.items > 0)).toBe(true);
    const detail = await loadSellerOrder(viewer, list.rows[0]!.id, prisma);
    expect(detail.ok && detail.order.lines.length).toBeGreaterThan(0);
    const payouts = await listSellerPayouts(viewer, {}, prisma);
    expect(payouts.ok && payouts.rows.length > 0 && payouts.rows.every((r) => r.seller !== null && r.transfer.status === "NONE")).toBe(true);
  });
});

describe("refreshSalesWeeks", () => {
  it("matches a direct count of units per product, destination and week, revenue in the seller's currency", async () => {
    await refreshSalesWeeks(prisma);
    const direct = await prisma.$queryRaw<{ productId: string; destination: string; week: Date; units: bigint; revenue: bigint }[]>`
      SELECT l."productId", o.destination, date_trunc('week', o."paidAt" AT TIME ZONE 'UTC')::date AS week,
             sum(l.quantity)::bigint AS units, sum(l."unitPriceMinor" * l.quantity)::bigint AS revenue
      FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" JOIN "SubOrder" so ON so.id = l."subOrderId"
      WHERE so."sellerId" = ${tea.id} AND o.status = 'PAID' GROUP BY 1, 2, 3`;
    const rows = await prisma.salesWeek.findMany({ where: { sellerId: tea.id } });
    expect(rows.length).toBe(direct.length);
    expect(rows.length).toBeGreaterThan(50);
    const byKey = new Map(rows.map((r) => [`${r.productId}|${r.destination}|${r.week.toISOString()}`, r]));
    for (const d of direct) {
      const row = byKey.get(`${d.productId}|${d.destination}|${d.week.toISOString()}`)!;
      expect(row.units).toBe(Number(d.units));
      expect(row.revenueMinor).toBe(d.revenue);
      expect(row.currency).toBe("JPY");
      expect(row.week.getUTCDay()).toBe(1);
    }
  });

  it("holds no buyer data", async () => {
    const row = await prisma.salesWeek.findFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(["currency", "destination", "orders", "productId", "revenueMinor", "sellerId", "units", "week", "withdrawnUnits"]);
  });
});

describe("analytics.refresh job", () => {
  it("shows a new paid order after it runs, leaves another seller's rows alone, counts withdrawn units", async () => {
    await refreshSalesWeeks(prisma);
    const otherBefore = await prisma.salesWeek.findMany({ where: { sellerId: knives.id }, orderBy: [{ productId: "asc" }, { destination: "asc" }, { week: "asc" }] });
    const template = await prisma.order.findFirstOrThrow({ where: { demo: true, subOrders: { some: { sellerId: tea.id } } }, include: { subOrders: true, lines: true } });
    const paidAt = new Date("2026-11-17T10:00:00Z");
    const id = "ord_testnewpaid00001";
    await prisma.order.create({
      data: {
        ...template, id, number: "CV-TEST-0001", paidAt, demo: false, quote: template.quote ?? {},
        subOrders: undefined, lines: undefined,
      } as never,
    });
    const sub = template.subOrders[0]!;
    await prisma.subOrder.create({ data: { ...sub, id: "sub_testnewpaid00001", orderId: id } });
    const line = template.lines[0]!;
    await prisma.orderLine.create({ data: { ...line, id: "oln_testnewpaid00001", orderId: id, subOrderId: "sub_testnewpaid00001", quantity: 3, withdrawnQuantity: 1 } });
    const week = new Date("2026-11-16T00:00:00Z");
    const before = await prisma.salesWeek.findUnique({ where: { productId_destination_week: { productId: line.productId, destination: template.destination, week } } });

    expect(await enqueueAnalyticsRefresh(prisma, tea.id)).toBe(true);
    expect(await enqueueAnalyticsRefresh(prisma, tea.id)).toBe(false); // one waiting is enough
    expect(await prisma.job.count({ where: { kind: REFRESH_KIND, sellerId: tea.id, status: "QUEUED" } })).toBe(1);
    registerJobHandler(REFRESH_KIND, analyticsRefreshJob);
    expect(await runNextJob(prisma)).toBe(true);
    expect((await prisma.job.findFirstOrThrow({ where: { kind: REFRESH_KIND, sellerId: tea.id } })).status).toBe("DONE");

    const after = await prisma.salesWeek.findUniqueOrThrow({ where: { productId_destination_week: { productId: line.productId, destination: template.destination, week } } });
    expect(after.units).toBe((before?.units ?? 0) + 3);
    expect(after.withdrawnUnits).toBe((before?.withdrawnUnits ?? 0) + 1);
    expect(after.orders).toBe((before?.orders ?? 0) + 1);
    const otherAfter = await prisma.salesWeek.findMany({ where: { sellerId: knives.id }, orderBy: [{ productId: "asc" }, { destination: "asc" }, { week: "asc" }] });
    expect(otherAfter).toEqual(otherBefore);
  });

  it("converts a line priced in another currency with its order's stored rate", async () => {
    const template = await prisma.order.findFirstOrThrow({ where: { demo: true, subOrders: { some: { sellerId: tea.id } } }, include: { subOrders: true, lines: true } });
    const id = "ord_testforeignrate01";
    const paidAt = new Date("2026-11-18T10:00:00Z");
    await prisma.order.create({
      data: { ...template, id, number: "CV-TEST-0002", paidAt, destination: "KE", demo: false, quote: { fxRates: [{ from: "EUR", to: "JPY", rate: "160.5000000000", rateDate: "2026-11-18" }] }, subOrders: undefined, lines: undefined } as never,
    });
    await prisma.subOrder.create({ data: { ...template.subOrders[0]!, id: "sub_testforeignrate01", orderId: id } });
    const line = template.lines[0]!;
    await prisma.orderLine.create({ data: { ...line, id: "oln_testforeignrate01", orderId: id, subOrderId: "sub_testforeignrate01", quantity: 2, unitPriceMinor: 1000, unitCurrency: "EUR" } });
    const week = new Date("2026-11-16T00:00:00Z");
    const before = await prisma.salesWeek.findUnique({ where: { productId_destination_week: { productId: line.productId, destination: "KE", week } } });
    await refreshSalesWeeks(prisma, { sellerId: tea.id });
    const after = await prisma.salesWeek.findUniqueOrThrow({ where: { productId_destination_week: { productId: line.productId, destination: "KE", week } } });
    // 2 x EUR 10.00 at 160.5 JPY per EUR = JPY 3,210
    expect(after.revenueMinor - (before?.revenueMinor ?? BigInt(0))).toBe(BigInt(3210));
    expect(after.currency).toBe("JPY");
  });

  it("is queued when a payment settles, once per seller while one waits", async () => {
    await prisma.job.deleteMany({ where: { kind: REFRESH_KIND } });
    const order = await prisma.order.findFirstOrThrow({ where: { demo: true, lines: { every: { kind: "PHYSICAL" } }, subOrders: { some: { sellerId: knives.id } } } });
    await settle(order.id, fixedClock(new Date("2026-11-25T12:00:00Z")), prisma);
    await settle(order.id, fixedClock(new Date("2026-11-25T12:00:00Z")), prisma);
    expect(await prisma.job.findMany({ where: { kind: REFRESH_KIND }, select: { sellerId: true, status: true } })).toEqual([{ sellerId: knives.id, status: "QUEUED" }]);
  });

  it("refuses a job without a seller", async () => {
    expect(await analyticsRefreshJob(job(null))).toEqual({ ok: false, code: "ANALYTICS_INVALID_JOB" });
  });

  it("stores forecasts per product and per busy destination, with a method, MASE and restock advice", async () => {
    const outcome = await analyticsRefreshJob(job(tea.id));
    expect(outcome.ok).toBe(true);
    const stored = await prisma.forecastResult.findMany({ where: { sellerId: tea.id } });
    const products = await prisma.product.count({ where: { sellerId: tea.id } });
    expect(stored.filter((f) => f.destination === "ZZ")).toHaveLength(products);
    expect(stored.some((f) => f.destination !== "ZZ")).toBe(true);
    for (const f of stored) {
      expect(f.method).toMatch(/^[a-z-]+$/);
      const payload = f.payload as { weeks: string[]; history: number[]; forecast: { mean: number[]; upper95: number[] }; restock: { ok?: boolean } };
      expect(payload.weeks.length).toBe(payload.history.length + payload.forecast.mean.length);
      // What the job stores is what the dashboard reads.
      expect(parseForecastPayload(f.payload)).not.toBeNull();
      expect(payload.forecast.mean).toHaveLength(8);
      expect(payload.restock.ok).toBe(true);
    }
    expect(stored.filter((f) => f.mase !== null).length).toBeGreaterThan(0);
  });

  it("nightly: queues every active seller's refresh and itself for the next 02:00 UTC", async () => {
    await prisma.job.deleteMany({ where: { kind: { in: [REFRESH_KIND, NIGHTLY_KIND] } } });
    const outcome = await analyticsNightlyJob(job(null));
    expect(outcome.ok).toBe(true);
    expect(await prisma.job.count({ where: { kind: REFRESH_KIND, status: "QUEUED" } })).toBe(await prisma.seller.count({ where: { status: "ACTIVE" } }));
    await ensureNightlyAnalytics(prisma);
    expect(await prisma.job.count({ where: { kind: NIGHTLY_KIND } })).toBe(1);
    const next = await prisma.job.findFirstOrThrow({ where: { kind: NIGHTLY_KIND } });
    expect(next.runAfter.getUTCHours()).toBe(2);
    expect(next.runAfter.getTime()).toBeGreaterThan(Date.now());
    expect(nextNightly(new Date("2026-03-01T01:59:00Z")).toISOString()).toBe("2026-03-01T02:00:00.000Z");
    expect(nextNightly(new Date("2026-03-01T02:00:00Z")).toISOString()).toBe("2026-03-02T02:00:00.000Z");
  });
});

describe("forecast accuracy on the seeded history", () => {
  it("the chosen method beats seasonal naive (MASE < 1) on most series with two years of history", async () => {
    await refreshSalesWeeks(prisma);
    const end = new Date("2026-11-23T00:00:00Z").getTime();
    const rows = await prisma.salesWeek.findMany({ where: { week: { lt: new Date(end) } } });
    const start = end - 104 * 7 * 86_400_000;
    const series = new Map<string, number[]>();
    const byDestination = new Map<string, { units: number[]; orders: number }>();
    for (const r of rows) {
      const w = Math.round((r.week.getTime() - start) / (7 * 86_400_000));
      if (w < 0) continue;
      const s = series.get(r.productId) ?? new Array<number>(104).fill(0);
      s[w] = (s[w] ?? 0) + r.units;
      series.set(r.productId, s);
      const key = `${r.productId}|${r.destination}`;
      const d = byDestination.get(key) ?? { units: new Array<number>(104).fill(0), orders: 0 };
      d.units[w] = (d.units[w] ?? 0) + r.units;
      d.orders += r.orders;
      byDestination.set(key, d);
    }
    const evaluation = evaluateSeries([...series.values()]);
    console.log(`forecast accuracy, per product: ${evaluation.evaluated} series, share MASE < 1: ${evaluation.shareBelowOne}, median MASE ${evaluation.medianMase}, methods ${JSON.stringify(evaluation.methods)}`);
    expect(evaluation.evaluated).toBeGreaterThan(20);
    expect(evaluation.shareBelowOne!).toBeGreaterThan(0.5);
    const busy = [...byDestination.values()].filter((d) => d.orders >= 20).map((d) => d.units);
    const perDestination = evaluateSeries(busy);
    console.log(`forecast accuracy, per product and destination (>= 20 orders): ${perDestination.evaluated} series, share MASE < 1: ${perDestination.shareBelowOne}, median MASE ${perDestination.medianMase}, methods ${JSON.stringify(perDestination.methods)}`);
    expect(perDestination.evaluated).toBeGreaterThan(10);
    expect(perDestination.shareBelowOne!).toBeGreaterThan(0.5);
  }, 120_000);
});

describe("seed with history", () => {
  it("writes the history, the weekly aggregates and forecasts of every seller, and queues the nightly refresh", async () => {
    const url = await createDatabase(inject("databaseUrl"), `analytics_seed_${process.pid}`);
    await migrate(url);
    const db = createPrismaClient(url);
    try {
      const started = Date.now();
      const result = await seed(db, { demoAccounts: false, history: true });
      console.log(`seed with history: ${result.historyOrders} orders, ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
      expect(result.historyOrders).toBe(await db.order.count({ where: { demo: true } }));
      const withWeeks = await db.salesWeek.groupBy({ by: ["sellerId"] });
      const withForecasts = await db.forecastResult.groupBy({ by: ["sellerId"] });
      expect(withWeeks).toHaveLength(SELLERS.length);
      expect(withForecasts).toHaveLength(SELLERS.length);
      expect(await db.job.count({ where: { kind: NIGHTLY_KIND, status: "QUEUED" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);

  it("is off by default: a plain seed writes no orders", async () => {
    expect(await prisma.order.count({ where: { demo: false, id: { not: { startsWith: "ord_test" } } } })).toBe(0);
  });
});
