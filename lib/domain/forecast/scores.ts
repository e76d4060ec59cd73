/**
 * Forecast accuracy scores.
 *
 * MASE (Hyndman & Koehler 2006): mean absolute error over the horizon divided by the
 * in-sample mean absolute error of the seasonal naive method on the training weeks,
 * (1 / (T - m)) * sum_{t>m} |y_t - y_{t-m}|. When that scale is zero or undefined (fewer
 * than m + 1 weeks, or an exactly repeating season) the lag-1 naive scale is used; when
 * that is zero too (a constant history) the score is undefined (null).
 *
 * sMAPE, in percent (0..200): mean of 200 * |y - f| / (|y| + |f|), a week where both
 * are 0 counting as a perfect 0.
 */
import { at } from "./stats";

function meanAbsLagDifference(train: readonly number[], lag: number): number | null {
  if (train.length <= lag) return null;
  let total = 0;
  for (let t = lag; t < train.length; t += 1) total += Math.abs(at(train, t) - at(train, t - lag));
  return total / (train.length - lag);
}

/** The MASE denominator for a training window; null when neither scale is positive. */
export function maseScale(train: readonly number[], seasonLength: number): number | null {
  if (seasonLength > 1) {
    const seasonal = meanAbsLagDifference(train, seasonLength);
    if (seasonal !== null && seasonal > 0) return seasonal;
  }
  const naive = meanAbsLagDifference(train, 1);
  return naive !== null && naive > 0 ? naive : null;
}

function checkLengths(actual: readonly number[], predicted: readonly number[]): void {
  if (actual.length === 0 || actual.length !== predicted.length) throw new RangeError("actual and predicted need the same, non-zero length");
}

export function mase(actual: readonly number[], predicted: readonly number[], scale: number | null): number | null {
  checkLengths(actual, predicted);
  if (scale === null || !(scale > 0)) return null;
  let total = 0;
  actual.forEach((y, i) => {
    total += Math.abs(y - at(predicted, i));
  });
  return total / actual.length / scale;
}

export function smape(actual: readonly number[], predicted: readonly number[]): number {
  checkLengths(actual, predicted);
  let total = 0;
  actual.forEach((y, i) => {
    const f = at(predicted, i);
    const denominator = Math.abs(y) + Math.abs(f);
    total += denominator === 0 ? 0 : (200 * Math.abs(y - f)) / denominator;
  });
  return total / actual.length;
}
