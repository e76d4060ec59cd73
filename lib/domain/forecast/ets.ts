/**
 * Exponential smoothing with additive errors, in the error-correction form of FPP3 ch. 8:
 *
 *   prediction  yhat_t = l_{t-1} + phi * b_{t-1} + s_{t-m}
 *   error       e_t    = y_t - yhat_t
 *   level       l_t    = l_{t-1} + phi * b_{t-1} + alpha * e_t
 *   trend       b_t    = phi * b_{t-1} + beta * e_t
 *   season      s_t    = s_{t-m} + gamma * e_t
 *
 * without trend (b = 0) it is simple exponential smoothing, ETS(A,N,N); with phi = 1 Holt's
 * linear method, ETS(A,A,N); with phi < 1 the damped trend, ETS(A,Ad,N); with a season
 * the additive Holt-Winters method, ETS(A,A,A) / ETS(A,Ad,A).
 *
 * Forecast: l_n + (phi + ... + phi^h) * b_n + s_{n+h-m(k+1)}, k = floor((h - 1) / m).
 *
 * Parameters: the grid below, keeping the combination with the least in-sample one-step
 * SSE (the first one met on a tie, so fits are deterministic). beta = alpha * beta* and
 * gamma = (1 - alpha) * gamma* keep 0 < beta < alpha and 0 < gamma < 1 - alpha.
 *
 * Intervals (Hyndman, Koehler, Ord & Snyder 2008, class 1 models; FPP3 §8.7 gives the
 * same variances in closed form):
 *   sd_h^2 = sigma^2 * (1 + sum_{j=1}^{h-1} c_j^2),  c_j = alpha + beta * phi_j + gamma * [j mod m = 0],
 *   phi_j = phi + ... + phi^j (= j undamped), sigma^2 the mean squared one-step residual.
 * For ETS(A,N,N) this is sigma^2 * (1 + (h - 1) alpha^2); for ETS(A,A,N)
 * sigma^2 * (1 + (h - 1) (alpha^2 + alpha beta h + beta^2 h (2h - 1) / 6)).
 */
import { assertHorizon, assertSeasonLength, assertSeries, at, clipAtZero, intervals } from "./stats";
import type { EtsModel, EtsParams, Forecast, TrendKind } from "./types";

export const ALPHAS = [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.98] as const;
export const BETA_STARS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.5] as const;
export const GAMMA_STARS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.5] as const;
export const PHIS = [0.8, 0.9, 0.98] as const;

interface Initial {
  level: number;
  slope: number;
  /** s_{-m}..s_{-1}: season[j] is used for the prediction of week j of the first season. */
  season: number[];
}

interface Run {
  sse: number;
  fitted: number[];
  level: number;
  slope: number;
  season: number[];
}

/** Least-squares line through the first points: value at t = 0 and slope per week. */
function line(values: readonly number[]): { intercept: number; slope: number } {
  const n = values.length;
  if (n < 2) return { intercept: at(values, 0), slope: 0 };
  const tBar = (n - 1) / 2;
  let yBar = 0;
  for (const v of values) yBar += v;
  yBar /= n;
  let num = 0;
  let den = 0;
  values.forEach((v, t) => {
    num += (t - tBar) * (v - yBar);
    den += (t - tBar) * (t - tBar);
  });
  const slope = num / den;
  return { intercept: yBar - slope * tBar, slope };
}

/**
 * Heuristic initial states, exact for a line plus a fixed seasonal pattern: the trend from a
 * line through the first ten weeks (non-seasonal) or from the difference of the first two
 * season means (seasonal), the seasonal states from the first two seasons around that trend.
 * States are set one week before the history so that the first prediction is the line's value.
 */
function initialStates(series: readonly number[], trend: TrendKind, m: number | null, phi: number): Initial {
  if (m === null) {
    if (trend === "none") return { level: at(series, 0), slope: 0, season: [] };
    const { intercept, slope } = line(series.slice(0, 10));
    return { level: intercept - phi * slope, slope, season: [] };
  }
  let first = 0;
  let second = 0;
  for (let j = 0; j < m; j += 1) {
    first += at(series, j);
    second += at(series, m + j);
  }
  first /= m;
  second /= m;
  const slope = trend === "none" ? 0 : (second - first) / m;
  let intercept = first - (slope * (m - 1)) / 2;
  const season: number[] = [];
  for (let j = 0; j < m; j += 1) {
    const a = at(series, j) - (intercept + slope * j);
    const b = at(series, m + j) - (intercept + slope * (m + j));
    season.push((a + b) / 2);
  }
  let shift = 0;
  for (const s of season) shift += s;
  shift /= m;
  intercept += shift;
  return { level: intercept - phi * slope, slope, season: season.map((s) => s - shift) };
}

function run(series: readonly number[], init: Initial, params: EtsParams, trend: TrendKind, m: number | null): Run {
  let level = init.level;
  let slope = trend === "none" ? 0 : init.slope;
  const season = [...init.season];
  const { alpha, beta, gamma, phi } = params;
  const fitted: number[] = [];
  let sse = 0;
  for (let t = 0; t < series.length; t += 1) {
    const j = m === null ? 0 : t % m;
    const s = m === null ? 0 : at(season, j);
    const damped = phi * slope;
    const prediction = level + damped + s;
    const e = at(series, t) - prediction;
    fitted.push(prediction);
    sse += e * e;
    level = level + damped + alpha * e;
    if (trend !== "none") slope = damped + beta * e;
    if (m !== null) season[j] = s + gamma * e;
  }
  // Reorder the ring so that season[i] belongs to week n - m + i.
  const ordered: number[] = [];
  if (m !== null) for (let i = 0; i < m; i += 1) ordered.push(at(season, (series.length + i) % m));
  return { sse, fitted, level, slope, season: ordered };
}

interface EtsSpec {
  method: EtsModel["method"];
  trend: TrendKind;
  seasonLength: number | null;
}

function fitEts(series: readonly number[], spec: EtsSpec): EtsModel {
  const { trend, seasonLength: m } = spec;
  const betas = trend === "none" ? [0] : BETA_STARS;
  const gammas = m === null ? [0] : GAMMA_STARS;
  const phis = trend === "damped" ? PHIS : [1];
  let best: { run: Run; params: EtsParams } | null = null;
  for (const phi of phis) {
    const init = initialStates(series, trend, m, phi);
    for (const alpha of ALPHAS) {
      for (const betaStar of betas) {
        for (const gammaStar of gammas) {
          const params = { alpha, beta: alpha * betaStar, gamma: (1 - alpha) * gammaStar, phi };
          const result = run(series, init, params, trend, m);
          if (best === null || result.sse < best.run.sse) best = { run: result, params };
        }
      }
    }
  }
  if (best === null) throw new RangeError("no parameters to try");
  const { run: r, params } = best;
  return {
    method: spec.method,
    n: series.length,
    trend,
    seasonLength: m,
    params,
    level: r.level,
    slope: r.slope,
    season: r.season,
    sse: r.sse,
    sigma2: r.sse / series.length,
    fitted: r.fitted.map(clipAtZero),
  };
}

/** Simple exponential smoothing, ETS(A,N,N). */
export function fitSes(series: readonly number[]): EtsModel {
  assertSeries(series);
  return fitEts(series, { method: "ses", trend: "none", seasonLength: null });
}

export interface HoltOptions {
  /** Damp the trend towards flat (phi chosen from 0.8, 0.9, 0.98). */
  damped?: boolean;
}

/** Holt's linear trend, ETS(A,A,N), or its damped form ETS(A,Ad,N). Needs 2 weeks. */
export function fitHolt(series: readonly number[], options: HoltOptions = {}): EtsModel {
  assertSeries(series);
  if (series.length < 2) throw new RangeError("Holt's method needs at least 2 weeks");
  const damped = options.damped ?? false;
  return fitEts(series, { method: damped ? "holt-damped" : "holt", trend: damped ? "damped" : "additive", seasonLength: null });
}

export interface HoltWintersOptions {
  /** Weeks in a season: 52 for a yearly cycle of weekly data. */
  seasonLength?: number;
  damped?: boolean;
}

/** Additive Holt-Winters, ETS(A,A,A) or ETS(A,Ad,A). Needs two full seasons. */
export function fitHoltWinters(series: readonly number[], options: HoltWintersOptions = {}): EtsModel {
  assertSeries(series);
  const m = options.seasonLength ?? 52;
  assertSeasonLength(m);
  if (m < 2) throw new RangeError("Holt-Winters needs a season of at least 2 weeks");
  if (series.length < 2 * m) throw new RangeError("Holt-Winters needs at least two full seasons");
  const damped = options.damped ?? false;
  return fitEts(series, {
    method: damped ? "holt-winters-damped" : "holt-winters",
    trend: damped ? "damped" : "additive",
    seasonLength: m,
  });
}

export function forecastEts(model: EtsModel, horizon: number): Forecast {
  assertHorizon(horizon);
  const { alpha, beta, gamma, phi } = model.params;
  const m = model.seasonLength;
  const means: number[] = [];
  const sd: number[] = [];
  let phiSum = 0; // phi + ... + phi^h
  let phiPower = 1;
  let cSquares = 0; // sum_{j=1}^{h-1} c_j^2
  for (let h = 1; h <= horizon; h += 1) {
    phiPower *= phi;
    phiSum += phiPower;
    const trendPart = model.trend === "none" ? 0 : phiSum * model.slope;
    let seasonPart = 0;
    if (m !== null) {
      const k = Math.floor((h - 1) / m);
      seasonPart = at(model.season, h - 1 - m * k);
    }
    means.push(model.level + trendPart + seasonPart);
    sd.push(Math.sqrt(model.sigma2 * (1 + cSquares)));
    // c_h, used from the next step on; phiSum is phi_h here.
    const c = alpha + (model.trend === "none" ? 0 : beta * phiSum) + (m !== null && h % m === 0 ? gamma : 0);
    cSquares += c * c;
  }
  return intervals(means, sd);
}
