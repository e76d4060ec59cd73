import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { forecastDemand, restockAdvice } from "@/lib/domain/forecast";
import { mondayOf } from "@/lib/domain/analytics/history";

const WEEK = 7 * 86_400_000;
/** A destination gets its own forecast from this many orders of the product there. */
export const DESTINATION_MIN_ORDERS = 20;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Recomputes a seller's stored forecasts from their SalesWeek rows: per product over all
 * destinations ("ZZ") and per product and destination with enough orders. Weeks without
 * sales count 0, up to the last complete week before `now`.
 */
export async function recomputeForecasts(db: PrismaClient, sellerId: string, now: Date = new Date()): Promise<{ forecasts: number }> {
  const seller = await db.seller.findUnique({ where: { id: sellerId }, select: { leadTimeDays: true } });
  if (!seller) return { forecasts: 0 };
  const rows = await db.salesWeek.findMany({ where: { sellerId }, select: { productId: true, destination: true, week: true, units: true, orders: true } });
  const end = mondayOf(now).getTime(); // the current, incomplete week starts here
  const stock = new Map(
    (await db.variant.groupBy({ by: ["productId"], where: { product: { sellerId } }, _sum: { stock: true } })).map((g) => [g.productId, g._sum.stock ?? 0]),
  );
  const series = new Map<string, { productId: string; destination: string; first: number; units: Map<number, number>; orders: number }>();
  for (const r of rows) {
    const t = r.week.getTime();
    if (t >= end) continue;
    for (const destination of ["ZZ", r.destination]) {
      const key = `${r.productId}|${destination}`;
      const s = series.get(key) ?? { productId: r.productId, destination, first: t, units: new Map(), orders: 0 };
      s.first = Math.min(s.first, t);
      s.units.set(t, (s.units.get(t) ?? 0) + r.units);
      s.orders += r.orders;
      series.set(key, s);
    }
  }
  const computedAt = now;
  const data: Prisma.ForecastResultCreateManyInput[] = [];
  for (const s of series.values()) {
    if (s.destination !== "ZZ" && s.orders < DESTINATION_MIN_ORDERS) continue;
    const weeks: string[] = [];
    const history: number[] = [];
    for (let t = s.first; t < end; t += WEEK) {
      weeks.push(iso(t));
      history.push(s.units.get(t) ?? 0);
    }
    const result = forecastDemand(history);
    if (!result.ok) continue;
    const { mean, lower80, upper80, lower95, upper95 } = result.forecast;
    const restock = restockAdvice({ stock: Math.max(0, stock.get(s.productId) ?? 0), leadTimeDays: seller.leadTimeDays, forecast: { mean, upper95 } });
    data.push({
      productId: s.productId,
      destination: s.destination,
      sellerId,
      method: result.method,
      mase: result.mase,
      smape: result.smape,
      computedAt,
      // The shape the dashboard reads (lib/domain/analytics/dashboard.ts forecastPayloadSchema):
      // `weeks` runs over the history and then the forecast's weeks.
      payload: {
        weeks: [...weeks, ...mean.map((_, i) => iso(end + i * WEEK))],
        history,
        forecast: { mean, lower80, upper80, lower95, upper95 },
        basis: result.basis,
        restock: restock.ok
          ? { ...restock, short: restock.shortCover }
          : { weeksOfCover: null, short: false, suggestedQuantity: 0, code: restock.code },
      },
    });
  }
  await db.$transaction(async (tx) => {
    await tx.forecastResult.deleteMany({ where: { sellerId } });
    if (data.length > 0) await tx.forecastResult.createMany({ data });
  });
  return { forecasts: data.length };
}
