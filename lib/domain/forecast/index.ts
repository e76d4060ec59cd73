/**
 * Demand forecasting for weekly unit sales per product (and per destination, when the
 * caller splits the sales that way): seasonal naive, exponential smoothing (simple, Holt,
 * damped Holt, additive Holt-Winters), Croston and SBA; per-series method selection by a
 * rolling-origin backtest; restock advice. Pure functions, no I/O (docs/adr/0028).
 */
export type { CrostonModel, EtsModel, EtsParams, Forecast, MethodName, Model, NaiveModel, TrendKind } from "./types";
export { fitNaive, fitSeasonalNaive, forecastSeasonalNaive, type SeasonalNaiveOptions } from "./naive";
export { fitHolt, fitHoltWinters, fitSes, forecastEts, type HoltOptions, type HoltWintersOptions } from "./ets";
export { ADI_CUTOFF, CV2_CUTOFF, demandProfile, fitCroston, forecastCroston, type CrostonOptions, type DemandProfile } from "./croston";
export { fitMethod, forecast, minimumHistory } from "./methods";
export { mase, maseScale, smape } from "./scores";
export {
  backtest,
  backtestOrigins,
  forecastDemand,
  type CandidateScore,
  type DemandForecast,
  type SelectionBasis,
  type SelectionOptions,
} from "./select";
export { restockAdvice, type RestockAdvice, type RestockInput } from "./restock";
export { evaluateSeries, type Evaluation } from "./evaluate";
