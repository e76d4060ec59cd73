/** One entry point per method name, for selection and backtests. */
import { fitCroston, forecastCroston } from "./croston";
import { fitHolt, fitHoltWinters, fitSes, forecastEts } from "./ets";
import { fitNaive, fitSeasonalNaive, forecastSeasonalNaive } from "./naive";
import type { Forecast, MethodName, Model } from "./types";

export interface MethodOptions {
  /** Weeks in a season (52 for weekly data with a yearly cycle). */
  seasonLength: number;
}

/** Fewest weeks of history a method is fitted on. */
export function minimumHistory(method: MethodName, seasonLength: number): number {
  switch (method) {
    case "naive":
    case "ses":
      return 1;
    case "seasonal-naive":
      return seasonLength + 1;
    case "holt":
    case "holt-damped":
      return 4;
    case "holt-winters":
    case "holt-winters-damped":
      return 2 * seasonLength;
    case "croston":
    case "sba":
      return 2;
  }
}

export function fitMethod(method: MethodName, series: readonly number[], options: MethodOptions): Model {
  const m = options.seasonLength;
  switch (method) {
    case "naive":
      return fitNaive(series);
    case "seasonal-naive":
      return fitSeasonalNaive(series, { seasonLength: m });
    case "ses":
      return fitSes(series);
    case "holt":
      return fitHolt(series);
    case "holt-damped":
      return fitHolt(series, { damped: true });
    case "holt-winters":
      return fitHoltWinters(series, { seasonLength: m });
    case "holt-winters-damped":
      return fitHoltWinters(series, { seasonLength: m, damped: true });
    case "croston":
      return fitCroston(series);
    case "sba":
      return fitCroston(series, { variant: "sba" });
  }
}

export function forecast(model: Model, horizon: number): Forecast {
  switch (model.method) {
    case "naive":
    case "seasonal-naive":
      return forecastSeasonalNaive(model, horizon);
    case "croston":
    case "sba":
      return forecastCroston(model, horizon);
    default:
      return forecastEts(model, horizon);
  }
}
