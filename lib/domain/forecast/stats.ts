/** Small numeric helpers shared by the forecasting methods. */
import type { Forecast } from "./types";

/** Standard normal quantiles for the two-sided 80 % and 95 % intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** Element i of a list the caller knows is long enough. */
export function at(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new RangeError(`index ${index} outside a list of ${values.length}`);
  return value;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? at(sorted, mid) : (at(sorted, mid - 1) + at(sorted, mid)) / 2;
}

/** True for a list of finite, non-negative numbers (weekly units sold). */
export function isSeries(series: unknown): series is readonly number[] {
  return Array.isArray(series) && series.every((v) => typeof v === "number" && Number.isFinite(v) && v >= 0);
}

/** Throws a RangeError for an empty list or one with a negative or non-finite value. */
export function assertSeries(series: readonly number[]): void {
  if (!isSeries(series) || series.length === 0) throw new RangeError("a series is a non-empty list of finite, non-negative numbers");
}

export function assertHorizon(horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError("the horizon is a whole number of weeks, at least 1");
}

export function assertSeasonLength(m: number): void {
  if (!Number.isInteger(m) || m < 1) throw new RangeError("the season length is a whole number, at least 1");
}

/** Mean of squared residuals; 0 when there are none. */
export function residualVariance(residuals: readonly number[]): number {
  if (residuals.length === 0) return 0;
  let total = 0;
  for (const e of residuals) total += e * e;
  return total / residuals.length;
}

const clip = (v: number) => (v > 0 ? v : 0);

/**
 * Builds the normal prediction intervals mean +- z * sd per week, then clips every number
 * at 0 (clipping keeps the ordering lower95 <= lower80 <= mean <= upper80 <= upper95).
 */
export function intervals(rawMean: readonly number[], sd: readonly number[]): Forecast {
  const out: Forecast = { mean: [], lower80: [], upper80: [], lower95: [], upper95: [], sd: [...sd] };
  rawMean.forEach((m, i) => {
    const s = at(sd, i);
    out.mean.push(clip(m));
    out.lower80.push(clip(m - Z80 * s));
    out.upper80.push(clip(m + Z80 * s));
    out.lower95.push(clip(m - Z95 * s));
    out.upper95.push(clip(m + Z95 * s));
  });
  return out;
}

export const clipAtZero = clip;
