/** Shared shapes of the demand-forecasting library (weekly unit sales, ADR 0028). */

export type MethodName =
  | "naive"
  | "seasonal-naive"
  | "ses"
  | "holt"
  | "holt-damped"
  | "holt-winters"
  | "holt-winters-damped"
  | "croston"
  | "sba";

/**
 * A forecast for weeks 1..h after the last observation. Every number is >= 0 (clipped),
 * and lower95 <= lower80 <= mean <= upper80 <= upper95 week by week. `sd` is the
 * standard deviation of the h-step forecast error before clipping: it never decreases
 * with the horizon.
 */
export interface Forecast {
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
  sd: number[];
}

interface ModelBase {
  method: MethodName;
  /** Length of the history the model was fitted on. */
  n: number;
  /** One-step-ahead in-sample predictions, aligned with the history; null where none exists. */
  fitted: (number | null)[];
  /** Variance of the in-sample one-step residuals (mean of their squares). */
  sigma2: number;
}

export interface NaiveModel extends ModelBase {
  method: "naive" | "seasonal-naive";
  /** Season length actually used: 1 for the naive method. */
  seasonLength: number;
  /** The last `seasonLength` observations, oldest first. */
  lastSeason: number[];
}

export type TrendKind = "none" | "additive" | "damped";

export interface EtsParams {
  alpha: number;
  /** Trend smoothing in error-correction form (beta = alpha * beta*); 0 without a trend. */
  beta: number;
  /** Seasonal smoothing in error-correction form (gamma = (1 - alpha) * gamma*); 0 without a season. */
  gamma: number;
  /** Damping; 1 for an undamped trend. */
  phi: number;
}

export interface EtsModel extends ModelBase {
  method: "ses" | "holt" | "holt-damped" | "holt-winters" | "holt-winters-damped";
  trend: TrendKind;
  /** Null without a seasonal component. */
  seasonLength: number | null;
  params: EtsParams;
  /** States after the last observation. */
  level: number;
  slope: number;
  /** The last m seasonal states, oldest first (season[i] belongs to week n - m + i); empty without a season. */
  season: number[];
  sse: number;
}

export interface CrostonModel extends ModelBase {
  method: "croston" | "sba";
  alpha: number;
  /** Smoothed non-zero demand size. */
  size: number;
  /** Smoothed interval between demands, in weeks. */
  interval: number;
  /** Demand per week forecast for every future week: size / interval, times (1 - alpha / 2) for SBA. */
  rate: number;
}

export type Model = NaiveModel | EtsModel | CrostonModel;
