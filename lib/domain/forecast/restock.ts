/**
 * Restock advice from a demand forecast, without I/O.
 *
 * Weeks of cover: the stock is used up week by week at the forecast mean demand; the week
 * it runs out counts as the fraction it lasts (10 units against a week of 4 then 8: 1 +
 * 6/8 = 1.75). Past the forecast the last week's mean goes on. No demand left to
 * forecast: the stock does not run out (null).
 *
 * The cover is short when it is less than the lead time (days / 7 weeks).
 *
 * Suggested quantity: the 95 % upper forecast summed over lead time + review period
 * (fractional weeks counted pro rata, the last week repeated past the forecast) minus the
 * stock, rounded up, never below 0. A sum of weekly 95 % upper bounds is at least the
 * 95 % upper bound of the sum (the sd of a sum is at most the sum of the sds), so the
 * quantity errs towards enough.
 */
import type { Forecast } from "./types";

export interface RestockInput {
  /** Units in stock now. */
  stock: number;
  /** Days from ordering to the goods being sellable. */
  leadTimeDays: number;
  /** Weeks until the next time the seller reviews stock; 4 by default. */
  reviewWeeks?: number;
  forecast: Pick<Forecast, "mean" | "upper95">;
}

export type RestockAdvice =
  | {
      ok: true;
      /** Null when the forecast demand is zero: the stock does not run out. */
      weeksOfCover: number | null;
      leadTimeWeeks: number;
      /** True when the stock runs out before a new order could arrive. */
      shortCover: boolean;
      /** Lead time + review period, in weeks. */
      horizonWeeks: number;
      /** Forecast demand over that horizon, mean and 95 % upper level. */
      expectedDemand: number;
      upperDemand: number;
      suggestedQuantity: number;
      /** True when the horizon is longer than the forecast and its last week was repeated. */
      extrapolated: boolean;
    }
  | { ok: false; code: "INVALID_STOCK" | "INVALID_LEAD_TIME" | "INVALID_REVIEW_PERIOD" | "INVALID_FORECAST" };

const nonNegative = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/** Sum of the first `weeks` (possibly fractional) values, the last value repeated past the end. */
function sumOver(values: readonly number[], weeks: number): number {
  let total = 0;
  let left = weeks;
  let last = 0;
  for (let i = 0; left > 0; i += 1) {
    const v = values[i] ?? last;
    last = v;
    const part = Math.min(1, left);
    total += part * v;
    left -= part;
  }
  return total;
}

function coverOf(stock: number, means: readonly number[]): number | null {
  let left = stock;
  let weeks = 0;
  for (const demand of means) {
    if (left <= 0) return weeks;
    if (demand >= left) return weeks + left / demand;
    left -= demand;
    weeks += 1;
  }
  if (left <= 0) return weeks;
  const last = means[means.length - 1] ?? 0;
  return last > 0 ? weeks + left / last : null;
}

/** Rounds up, ignoring floating-point dust just above a whole number. */
const ceilUnits = (v: number) => Math.ceil(v - 1e-9);

export function restockAdvice(input: RestockInput): RestockAdvice {
  const { stock, leadTimeDays, forecast } = input;
  const reviewWeeks = input.reviewWeeks ?? 4;
  if (!nonNegative(stock) || !Number.isInteger(stock)) return { ok: false, code: "INVALID_STOCK" };
  if (!nonNegative(leadTimeDays)) return { ok: false, code: "INVALID_LEAD_TIME" };
  if (!nonNegative(reviewWeeks)) return { ok: false, code: "INVALID_REVIEW_PERIOD" };
  const { mean, upper95 } = forecast;
  if (
    !Array.isArray(mean) ||
    !Array.isArray(upper95) ||
    mean.length === 0 ||
    mean.length !== upper95.length ||
    !mean.every(nonNegative) ||
    !upper95.every(nonNegative)
  ) {
    return { ok: false, code: "INVALID_FORECAST" };
  }
  const leadTimeWeeks = leadTimeDays / 7;
  const horizonWeeks = leadTimeWeeks + reviewWeeks;
  const weeksOfCover = coverOf(stock, mean);
  const upperDemand = sumOver(upper95, horizonWeeks);
  return {
    ok: true,
    weeksOfCover,
    leadTimeWeeks,
    shortCover: weeksOfCover !== null && weeksOfCover < leadTimeWeeks,
    horizonWeeks,
    expectedDemand: sumOver(mean, horizonWeeks),
    upperDemand,
    suggestedQuantity: Math.max(0, ceilUnits(upperDemand - stock)),
    extrapolated: horizonWeeks > mean.length,
  };
}
