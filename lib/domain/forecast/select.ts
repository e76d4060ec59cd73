/**
 * Chooses a forecasting method per series by a rolling-origin backtest on the series' own
 * history (FPP3 §5.10, "time series cross-validation"), then forecasts with it.
 *
 * Origins: the last one leaves `backtestHorizon` weeks to score, earlier ones step back by
 * `step` weeks, up to `origins` of them, each training on every week before it (expanding
 * window) and keeping at least `minTrain` weeks. Fewer than 2 origins: too short to
 * backtest, the seasonal naive (or naive) method is used and the result says so.
 *
 * Candidates: intermittent series (ADI >= 1.32, Syntetos, Boylan & Croston 2005) get
 * Croston and SBA; the others the seasonal naive (or naive), simple exponential smoothing,
 * Holt, damped Holt and Holt-Winters. A method is a candidate only when it can be fitted at
 * the first origin. The lowest mean MASE wins, then the lowest sMAPE, then the simpler
 * method (the order above).
 */
import { demandProfile, type DemandProfile } from "./croston";
import { fitMethod, forecast, minimumHistory } from "./methods";
import { mase, maseScale, smape } from "./scores";
import { isSeries, mean } from "./stats";
import type { Forecast, MethodName } from "./types";

export interface SelectionOptions {
  /** Weeks in a season; 52 (a yearly cycle of weekly data) by default. */
  seasonLength?: number;
  /** Weeks to forecast; 8 by default. */
  horizon?: number;
  /** Weeks ahead scored at each backtest origin; min(horizon, 8) by default, at most 8. */
  backtestHorizon?: number;
  /** Most backtest origins; 6 by default. */
  origins?: number;
  /** Weeks between origins; 2 by default. */
  step?: number;
  /** Fewest training weeks at the first origin; 8 by default. */
  minTrain?: number;
}

export interface CandidateScore {
  method: MethodName;
  /** Mean MASE over the origins that could be scaled; null when none could. */
  mase: number | null;
  /** Mean sMAPE over the origins, in percent. */
  smape: number;
}

export type SelectionBasis =
  /** Chosen by the backtest. */
  | "BACKTEST"
  /** Too little history for a backtest (or for the intermittent methods): seasonal naive or naive. */
  | "SHORT_HISTORY"
  /** Not a single week with demand: the forecast is zero. */
  | "NO_DEMAND";

export type DemandForecast =
  | {
      ok: true;
      method: MethodName;
      basis: SelectionBasis;
      /** The chosen method's backtest scores; null without a backtest (or a scale for MASE). */
      mase: number | null;
      smape: number | null;
      /** Next `horizon` weeks with 80 % and 95 % intervals. */
      forecast: Forecast;
      /** One-step in-sample predictions of the chosen method, aligned with the history. */
      fitted: (number | null)[];
      profile: DemandProfile;
      candidates: CandidateScore[];
    }
  | { ok: false; code: "EMPTY_SERIES" | "INVALID_SERIES" | "INVALID_OPTIONS" };

interface Settings {
  m: number;
  horizon: number;
  backtestHorizon: number;
  origins: number;
  step: number;
  minTrain: number;
}

function settingsOf(options: SelectionOptions): Settings | null {
  const m = options.seasonLength ?? 52;
  const horizon = options.horizon ?? 8;
  const backtestHorizon = options.backtestHorizon ?? Math.min(horizon, 8);
  const origins = options.origins ?? 6;
  const step = options.step ?? 2;
  const minTrain = options.minTrain ?? 8;
  const whole = [m, horizon, backtestHorizon, origins, step, minTrain];
  if (!whole.every((v) => Number.isInteger(v) && v >= 1) || backtestHorizon > 8) return null;
  return { m, horizon, backtestHorizon, origins, step, minTrain };
}

/** Start of each backtest origin (training length), oldest first; empty when there is no room. */
export function backtestOrigins(n: number, settings: Pick<Settings, "backtestHorizon" | "origins" | "step" | "minTrain">): number[] {
  const out: number[] = [];
  for (let k = 0; k < settings.origins; k += 1) {
    const origin = n - settings.backtestHorizon - k * settings.step;
    if (origin < settings.minTrain) break;
    out.unshift(origin);
  }
  return out;
}

/** Scores one method at the given origins. */
export function backtest(
  series: readonly number[],
  method: MethodName,
  origins: readonly number[],
  options: { seasonLength: number; backtestHorizon: number },
): CandidateScore {
  const mases: number[] = [];
  const smapes: number[] = [];
  for (const origin of origins) {
    const train = series.slice(0, origin);
    const actual = series.slice(origin, origin + options.backtestHorizon);
    const predicted = forecast(fitMethod(method, train, { seasonLength: options.seasonLength }), actual.length).mean;
    const score = mase(actual, predicted, maseScale(train, options.seasonLength));
    if (score !== null) mases.push(score);
    smapes.push(smape(actual, predicted));
  }
  return { method, mase: mases.length > 0 ? mean(mases) : null, smape: mean(smapes) };
}

const SMOOTH_CANDIDATES: MethodName[] = ["seasonal-naive", "ses", "holt", "holt-damped", "holt-winters"];
const INTERMITTENT_CANDIDATES: MethodName[] = ["croston", "sba"];

function better(a: CandidateScore, b: CandidateScore): boolean {
  const tolerance = 1e-9;
  if (a.mase !== null && b.mase === null) return true;
  if (a.mase !== null && b.mase !== null && Math.abs(a.mase - b.mase) > tolerance) return a.mase < b.mase;
  if (a.mase === null && b.mase !== null) return false;
  return a.smape < b.smape - tolerance;
}

/** The baseline used without a backtest: seasonal naive when there is more than a season, else naive. */
function baselineMethod(n: number, m: number): MethodName {
  return n > m && m > 1 ? "seasonal-naive" : "naive";
}

export function forecastDemand(series: readonly number[], options: SelectionOptions = {}): DemandForecast {
  if (!isSeries(series)) return { ok: false, code: "INVALID_SERIES" };
  if (series.length === 0) return { ok: false, code: "EMPTY_SERIES" };
  const settings = settingsOf(options);
  if (settings === null) return { ok: false, code: "INVALID_OPTIONS" };
  const { m, horizon } = settings;
  const profile = demandProfile(series);

  const finish = (method: MethodName, basis: SelectionBasis, candidates: CandidateScore[], chosen: CandidateScore | null): DemandForecast => {
    const model = fitMethod(method, series, { seasonLength: m });
    return {
      ok: true,
      method,
      basis,
      mase: chosen?.mase ?? null,
      smape: chosen?.smape ?? null,
      forecast: forecast(model, horizon),
      fitted: model.fitted,
      profile,
      candidates,
    };
  };

  const baseline = baselineMethod(series.length, m);
  if (profile.pattern === "none") return finish(baseline, "NO_DEMAND", [], null);

  const origins = backtestOrigins(series.length, settings);
  if (origins.length < 2) return finish(baseline, "SHORT_HISTORY", [], null);
  const first = origins[0] ?? 0;
  const intermittent = profile.adi >= 1.32;

  let names: MethodName[];
  if (intermittent) {
    // Croston needs a demand in every training window: the first one has the fewest weeks.
    const demandsAtFirst = series.slice(0, first).filter((y) => y > 0).length;
    if (demandsAtFirst < 2) return finish(baseline, "SHORT_HISTORY", [], null);
    names = INTERMITTENT_CANDIDATES;
  } else {
    names = SMOOTH_CANDIDATES.map((name) => (name === "seasonal-naive" ? baselineMethod(first, m) : name)).filter(
      (name) => first >= minimumHistory(name, m),
    );
  }

  const scores = names.map((name) => backtest(series, name, origins, { seasonLength: m, backtestHorizon: settings.backtestHorizon }));
  let chosen: CandidateScore | null = null;
  for (const score of scores) if (chosen === null || better(score, chosen)) chosen = score;
  if (chosen === null) return finish(baseline, "SHORT_HISTORY", [], null);
  return finish(chosen.method, "BACKTEST", scores, chosen);
}
