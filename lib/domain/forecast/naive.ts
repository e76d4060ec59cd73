/**
 * The seasonal naive method, the baseline every other method must beat: each future week
 * repeats the same week one season earlier (FPP3 §5.2). A history of no more than one
 * season falls back to the naive method (the last week repeated).
 *
 * Intervals (FPP3 §5.5, multi-step benchmark forecast sds): sd_h = sigma * sqrt(k + 1),
 * k = floor((h - 1) / m), for the seasonal naive; sd_h = sigma * sqrt(h) for the naive;
 * sigma^2 the mean squared in-sample residual y_t - y_{t-m}.
 */
import { assertHorizon, assertSeasonLength, assertSeries, at, clipAtZero, intervals, residualVariance } from "./stats";
import type { Forecast, NaiveModel } from "./types";

export interface SeasonalNaiveOptions {
  /** Weeks in a season: 52 for a yearly cycle of weekly data. */
  seasonLength?: number;
}

export function fitSeasonalNaive(series: readonly number[], options: SeasonalNaiveOptions = {}): NaiveModel {
  assertSeries(series);
  const wanted = options.seasonLength ?? 52;
  assertSeasonLength(wanted);
  // A seasonal naive needs one full season plus at least one week to have a residual.
  const m = series.length > wanted ? wanted : 1;
  return fitLag(series, m);
}

/** The naive method: every future week equals the last one. */
export function fitNaive(series: readonly number[]): NaiveModel {
  assertSeries(series);
  return fitLag(series, 1);
}

function fitLag(series: readonly number[], m: number): NaiveModel {
  const fitted: (number | null)[] = [];
  const residuals: number[] = [];
  series.forEach((y, t) => {
    if (t < m) {
      fitted.push(null);
      return;
    }
    const f = at(series, t - m);
    fitted.push(clipAtZero(f));
    residuals.push(y - f);
  });
  return {
    method: m === 1 ? "naive" : "seasonal-naive",
    n: series.length,
    seasonLength: m,
    lastSeason: series.slice(series.length - m),
    fitted,
    sigma2: residualVariance(residuals),
  };
}

export function forecastSeasonalNaive(model: NaiveModel, horizon: number): Forecast {
  assertHorizon(horizon);
  const m = model.seasonLength;
  const sigma = Math.sqrt(model.sigma2);
  const means: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= horizon; h += 1) {
    const k = Math.floor((h - 1) / m);
    // y_{n+h-m(k+1)}: index within the last season.
    means.push(at(model.lastSeason, h - 1 - m * k));
    sd.push(sigma * Math.sqrt(m === 1 ? h : k + 1));
  }
  return intervals(means, sd);
}
