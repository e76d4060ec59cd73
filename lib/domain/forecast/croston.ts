/**
 * Croston's method (Croston 1972) for intermittent demand, and the Syntetos-Boylan
 * approximation (SBA, Syntetos & Boylan 2005) that removes its upward bias.
 *
 * Only weeks with demand update the estimates: with q the weeks since the previous demand,
 *   size     z <- z + alpha * (y - z)
 *   interval p <- p + alpha * (q - p)
 * starting from the first demand (z = its size, p = the weeks up to and including it).
 * Every future week gets the same rate: z / p for Croston, (1 - alpha / 2) * z / p for SBA.
 * alpha is given, or chosen from 0.05..0.3 by the least in-sample one-step squared error.
 *
 * Intervals: from the empirical one-step residuals y_t - rate_{t-1} (every week after the
 * first demand, zero weeks included), sigma^2 their mean square, widened as for simple
 * exponential smoothing, sd_h^2 = sigma^2 * (1 + (h - 1) * alpha^2), then clipped at 0.
 * The normal shape understates the upper tail of a single lumpy week but is close for the
 * sums over several weeks that restock advice uses.
 */
import { assertHorizon, assertSeries, intervals, residualVariance } from "./stats";
import type { CrostonModel, Forecast } from "./types";

export const CROSTON_ALPHAS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3] as const;

export interface CrostonOptions {
  /** "croston" (default) or "sba". */
  variant?: "croston" | "sba";
  /** Smoothing constant in (0, 1]; chosen from CROSTON_ALPHAS when absent. */
  alpha?: number;
}

interface Pass {
  size: number;
  interval: number;
  fitted: (number | null)[];
  residuals: number[];
  sse: number;
}

function pass(series: readonly number[], alpha: number, factor: number): Pass {
  const fitted: (number | null)[] = [];
  const residuals: number[] = [];
  let size = 0;
  let interval = 0;
  let last = -1;
  let sse = 0;
  series.forEach((y, t) => {
    if (last < 0) {
      fitted.push(null);
      if (y > 0) {
        size = y;
        interval = t + 1;
        last = t;
      }
      return;
    }
    const f = (factor * size) / interval;
    fitted.push(f);
    residuals.push(y - f);
    sse += (y - f) * (y - f);
    if (y > 0) {
      size += alpha * (y - size);
      interval += alpha * (t - last - interval);
      last = t;
    }
  });
  return { size, interval, fitted, residuals, sse };
}

export function fitCroston(series: readonly number[], options: CrostonOptions = {}): CrostonModel {
  assertSeries(series);
  if (!series.some((y) => y > 0)) throw new RangeError("Croston's method needs at least one week with demand");
  const variant = options.variant ?? "croston";
  if (options.alpha !== undefined && !(options.alpha > 0 && options.alpha <= 1)) throw new RangeError("alpha is in (0, 1]");
  const alphas = options.alpha === undefined ? CROSTON_ALPHAS : [options.alpha];
  let best: { alpha: number; pass: Pass } | null = null;
  for (const alpha of alphas) {
    const factor = variant === "sba" ? 1 - alpha / 2 : 1;
    const p = pass(series, alpha, factor);
    if (best === null || p.sse < best.pass.sse) best = { alpha, pass: p };
  }
  if (best === null) throw new RangeError("no smoothing constant to try");
  const { alpha, pass: p } = best;
  const factor = variant === "sba" ? 1 - alpha / 2 : 1;
  return {
    method: variant,
    n: series.length,
    alpha,
    size: p.size,
    interval: p.interval,
    rate: (factor * p.size) / p.interval,
    fitted: p.fitted,
    sigma2: residualVariance(p.residuals),
  };
}

export function forecastCroston(model: CrostonModel, horizon: number): Forecast {
  assertHorizon(horizon);
  const means: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= horizon; h += 1) {
    means.push(model.rate);
    sd.push(Math.sqrt(model.sigma2 * (1 + (h - 1) * model.alpha * model.alpha)));
  }
  return intervals(means, sd);
}

/** Share of weeks with no demand, mean weeks between demands (ADI) and CV^2 of the demand sizes. */
export interface DemandProfile {
  zeroShare: number;
  /** Weeks per demand, n / (weeks with demand); Infinity without any demand. */
  adi: number;
  /** Squared coefficient of variation of the non-zero sizes (population variance); 0 with one demand. */
  cv2: number;
  /** Syntetos, Boylan & Croston (2005): cut-offs ADI 1.32 and CV^2 0.49. */
  pattern: "smooth" | "erratic" | "intermittent" | "lumpy" | "none";
}

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export function demandProfile(series: readonly number[]): DemandProfile {
  assertSeries(series);
  const sizes = series.filter((y) => y > 0);
  const zeroShare = (series.length - sizes.length) / series.length;
  if (sizes.length === 0) return { zeroShare, adi: Number.POSITIVE_INFINITY, cv2: 0, pattern: "none" };
  const adi = series.length / sizes.length;
  let m = 0;
  for (const s of sizes) m += s;
  m /= sizes.length;
  let v = 0;
  for (const s of sizes) v += (s - m) * (s - m);
  v /= sizes.length;
  const cv2 = v / (m * m);
  const intermittent = adi >= ADI_CUTOFF;
  const variable = cv2 >= CV2_CUTOFF;
  const pattern = intermittent ? (variable ? "lumpy" : "intermittent") : variable ? "erratic" : "smooth";
  return { zeroShare, adi, cv2, pattern };
}

