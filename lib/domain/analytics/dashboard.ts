/**
 * The seller's and operator's analytics without I/O: weekly series from stored
 * SalesWeek sums, k-anonymous country breakdowns, the view-to-order funnel, growing
 * and shrinking markets, and the stored forecast's payload checked before it is drawn.
 */
import { z } from "zod";
import type { MethodName } from "@/lib/domain/forecast/types";

/** A destination with fewer orders than this in the period is merged into "other". */
export const K_ANONYMITY = 5;
export const OTHER_COUNTRIES = "other";
export const HISTORY_WEEKS = 104;
export const GROWTH_WEEKS = 13;

const DAY = 86_400_000;

/** The Monday (UTC) of the week `date` falls in, as YYYY-MM-DD. */
export function mondayOf(date: Date): string {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - weekday * DAY).toISOString().slice(0, 10);
}

/** `count` Mondays ending with the week of `today`, oldest first. */
export function weeksEnding(today: Date, count: number): string[] {
  const last = Date.parse(`${mondayOf(today)}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * 7 * DAY).toISOString().slice(0, 10));
}

export interface WeekSum {
  week: string;
  units: number;
  revenueMinor: number;
}

/** One value a week for every week in `weeks` (0 where nothing sold). */
export function weeklySeries(rows: readonly WeekSum[], weeks: readonly string[]): { units: number[]; revenue: number[] } {
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return {
    units: weeks.map((w) => byWeek.get(w)?.units ?? 0),
    revenue: weeks.map((w) => byWeek.get(w)?.revenueMinor ?? 0),
  };
}

export interface CountrySum {
  country: string;
  orders: number;
  units: number;
  revenueMinor: number;
}

/**
 * Countries sorted by revenue, with every country of fewer than `k` orders merged into
 * one "other" row (kept last), so no small group of buyers can be singled out. The
 * merged row is shown whatever its size: it names no country.
 */
export function mergeSmallCountries(rows: readonly CountrySum[], k = K_ANONYMITY): CountrySum[] {
  const kept: CountrySum[] = [];
  const other: CountrySum = { country: OTHER_COUNTRIES, orders: 0, units: 0, revenueMinor: 0 };
  let merged = 0;
  for (const row of rows) {
    if (row.orders >= k) kept.push({ ...row });
    else {
      merged += 1;
      other.orders += row.orders;
      other.units += row.units;
      other.revenueMinor += row.revenueMinor;
    }
  }
  kept.sort((a, b) => b.revenueMinor - a.revenueMinor || a.country.localeCompare(b.country));
  return merged > 0 ? [...kept, other] : kept;
}

export interface FunnelRow {
  productId: string;
  views: number;
  carts: number;
  orders: number;
}

/** Conversion rates from views to carts and carts to orders (null without a denominator). */
export function funnelRates(row: FunnelRow): { cartRate: number | null; orderRate: number | null; viewToOrder: number | null } {
  return {
    cartRate: row.views > 0 ? row.carts / row.views : null,
    orderRate: row.carts > 0 ? row.orders / row.carts : null,
    viewToOrder: row.views > 0 ? row.orders / row.views : null,
  };
}

export interface MarketWeek {
  market: string;
  week: string;
  orders: number;
  units: number;
}

export interface MarketGrowth {
  market: string;
  recentUnits: number;
  previousUnits: number;
  /** Relative change of units (0.25 = +25 %); null when the earlier period sold nothing. */
  change: number | null;
}

/**
 * Units in the last `span` weeks (ending with the week of `today`) against the `span`
 * before, per market, fastest growing first then fastest shrinking. Markets with fewer
 * than `k` orders across both periods are left out (k-anonymity).
 */
export function marketGrowth(rows: readonly MarketWeek[], today: Date, span = GROWTH_WEEKS, k = K_ANONYMITY): { growing: MarketGrowth[]; shrinking: MarketGrowth[] } {
  const weeks = weeksEnding(today, span * 2);
  const previous = new Set(weeks.slice(0, span));
  const recent = new Set(weeks.slice(span));
  const sums = new Map<string, { recent: number; previous: number; orders: number }>();
  for (const row of rows) {
    const inRecent = recent.has(row.week);
    if (!inRecent && !previous.has(row.week)) continue;
    const sum = sums.get(row.market) ?? { recent: 0, previous: 0, orders: 0 };
    if (inRecent) sum.recent += row.units;
    else sum.previous += row.units;
    sum.orders += row.orders;
    sums.set(row.market, sum);
  }
  const all: MarketGrowth[] = [];
  for (const [market, sum] of sums) {
    if (sum.orders < k) continue;
    all.push({ market, recentUnits: sum.recent, previousUnits: sum.previous, change: sum.previous > 0 ? (sum.recent - sum.previous) / sum.previous : null });
  }
  const score = (g: MarketGrowth) => (g.change === null ? Number.POSITIVE_INFINITY : g.change);
  const growing = all.filter((g) => g.recentUnits > g.previousUnits).sort((a, b) => score(b) - score(a) || a.market.localeCompare(b.market));
  const shrinking = all.filter((g) => g.recentUnits < g.previousUnits).sort((a, b) => score(a) - score(b) || a.market.localeCompare(b.market));
  return { growing, shrinking };
}

const finite = z.number().finite();
const series = z.array(finite);

/** The payload the analytics job stores in ForecastResult.payload. */
export const forecastPayloadSchema = z
  .object({
    weeks: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
    history: series,
    forecast: z.object({ mean: series, lower80: series, upper80: series, lower95: series, upper95: series }),
    restock: z
      .object({
        weeksOfCover: finite.nullable(),
        short: z.boolean(),
        suggestedQuantity: z.number().int().nonnegative(),
      })
      .passthrough(),
  })
  .passthrough()
  .refine((p) => {
    const h = p.forecast.mean.length;
    const f = p.forecast;
    return h > 0 && [f.lower80, f.upper80, f.lower95, f.upper95].every((s) => s.length === h) && p.weeks.length === p.history.length + h;
  });

export type ForecastPayload = z.infer<typeof forecastPayloadSchema>;

/** The payload, or null when it does not have the expected shape (the page then says "no forecast"). */
export function parseForecastPayload(value: unknown): ForecastPayload | null {
  const parsed = forecastPayloadSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The chart's series for a stored forecast: history then the forecast's mean, and the intervals over the forecast weeks. */
export function forecastChart(payload: ForecastPayload): {
  weeks: string[];
  history: (number | null)[];
  mean: (number | null)[];
  p80: { lower: (number | null)[]; upper: (number | null)[] };
  p95: { lower: (number | null)[]; upper: (number | null)[] };
} {
  const h = payload.history.length;
  const pad = (values: readonly number[]) => [...Array<null>(h).fill(null), ...values];
  const f = payload.forecast;
  return {
    weeks: [...payload.weeks],
    history: [...payload.history, ...Array<null>(f.mean.length).fill(null)],
    mean: pad(f.mean),
    p80: { lower: pad(f.lower80), upper: pad(f.upper80) },
    p95: { lower: pad(f.lower95), upper: pad(f.upper95) },
  };
}

/** Known forecasting methods (messages `analytics.methods.<key>`); anything else reads as "other". */
const FORECAST_METHODS = {
  naive: "naive",
  "seasonal-naive": "seasonalNaive",
  ses: "ses",
  holt: "holt",
  "holt-damped": "holtDamped",
  "holt-winters": "holtWinters",
  "holt-winters-damped": "holtWintersDamped",
  croston: "croston",
  sba: "sba",
} as const satisfies Record<MethodName, string>;
export type ForecastMethodKey = (typeof FORECAST_METHODS)[MethodName] | "other";

export function methodKey(method: string): ForecastMethodKey {
  return Object.hasOwn(FORECAST_METHODS, method) ? FORECAST_METHODS[method as MethodName] : "other";
}

export interface DemandSum {
  key: string;
  orders: number;
  units: number;
  /** Units forecast for the next weeks (see demandForecast). */
  forecastUnits: number;
}

/**
 * Demand rows sorted by units, with every row of fewer than `k` orders merged into one
 * "other" row (kept last) that adds up their units, orders and forecasts: the same
 * k-anonymity rule as the seller's countries.
 */
export function mergeSmallDemand(rows: readonly DemandSum[], k = K_ANONYMITY): DemandSum[] {
  const kept: DemandSum[] = [];
  const other: DemandSum = { key: OTHER_COUNTRIES, orders: 0, units: 0, forecastUnits: 0 };
  let merged = 0;
  for (const row of rows) {
    if (row.orders >= k) kept.push({ ...row });
    else {
      merged += 1;
      other.orders += row.orders;
      other.units += row.units;
      other.forecastUnits += row.forecastUnits;
    }
  }
  kept.sort((a, b) => b.units - a.units || a.key.localeCompare(b.key));
  return merged > 0 ? [...kept, other] : kept;
}

/** A product's stored forecast, its future weeks only. */
export interface ProductForecastWeeks {
  productId: string;
  /** The forecast's weeks (YYYY-MM-DD) and their mean units, one each. */
  weeks: readonly string[];
  mean: readonly number[];
}

/** The forecast part of a stored payload: the weeks after the history with their means. */
export function forecastWeeks(productId: string, payload: ForecastPayload): ProductForecastWeeks {
  return { productId, weeks: payload.weeks.slice(payload.history.length), mean: [...payload.forecast.mean] };
}

export interface DemandForecast {
  /** Forecast units per week across every product, by week. */
  weekly: Map<string, number>;
  byCategory: Map<string, number>;
  byCountry: Map<string, number>;
  /** Forecast units of products that sold nowhere in the share period (no country to give them to). */
  unallocated: number;
}

/**
 * The marketplace's demand forecast from the products' own stored forecasts. By week and
 * by category: the sum of the products' forecasts (bottom-up). By destination country:
 * each product's forecast split by where it sold in the recent period (top-down by
 * historical proportions), so the countries add up to the same total as the categories
 * wherever a product sold in that period.
 */
export function demandForecast(input: {
  forecasts: readonly ProductForecastWeeks[];
  categoryOf: ReadonlyMap<string, string>;
  /** Units per product and destination in the share period. */
  shares: readonly { productId: string; destination: string; units: number }[];
}): DemandForecast {
  const weekly = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const byCountry = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  const destinations = new Map<string, { destination: string; units: number }[]>();
  for (const s of input.shares) {
    if (s.units <= 0) continue;
    destinations.set(s.productId, [...(destinations.get(s.productId) ?? []), s]);
  }
  let unallocated = 0;
  for (const f of input.forecasts) {
    let total = 0;
    f.weeks.forEach((week, i) => {
      const value = Math.max(0, f.mean[i] ?? 0);
      add(weekly, week, value);
      total += value;
    });
    const category = input.categoryOf.get(f.productId);
    if (category) add(byCategory, category, total);
    const split = destinations.get(f.productId) ?? [];
    const sold = split.reduce((n, s) => n + s.units, 0);
    if (sold === 0) {
      unallocated += total;
      continue;
    }
    for (const s of split) add(byCountry, s.destination, (total * s.units) / sold);
  }
  return { weekly, byCategory, byCountry, unallocated };
}
