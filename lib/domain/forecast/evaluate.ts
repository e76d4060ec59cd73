/**
 * Accuracy over many series, for benchmarking the method selection: of the series with at
 * least two full seasons of history whose backtest MASE is defined, the share where the
 * chosen method beats the in-sample seasonal naive scale (MASE < 1), and the median MASE.
 */
import { forecastDemand, type SelectionOptions } from "./select";
import { median } from "./stats";
import type { MethodName } from "./types";

export interface Evaluation {
  /** Series scored. */
  evaluated: number;
  /** Series left out: invalid, shorter than two seasons, or without a defined MASE. */
  skipped: number;
  /** Share (0..1) of the scored series with MASE < 1; null when none was scored. */
  shareBelowOne: number | null;
  medianMase: number | null;
  /** How often each method was chosen among the scored series. */
  methods: Partial<Record<MethodName, number>>;
}

export function evaluateSeries(series: readonly (readonly number[])[], options: SelectionOptions = {}): Evaluation {
  const m = options.seasonLength ?? 52;
  const scores: number[] = [];
  const methods: Partial<Record<MethodName, number>> = {};
  let skipped = 0;
  for (const one of series) {
    if (one.length < 2 * m) {
      skipped += 1;
      continue;
    }
    const result = forecastDemand(one, options);
    if (!result.ok || result.mase === null) {
      skipped += 1;
      continue;
    }
    scores.push(result.mase);
    methods[result.method] = (methods[result.method] ?? 0) + 1;
  }
  return {
    evaluated: scores.length,
    skipped,
    shareBelowOne: scores.length > 0 ? scores.filter((s) => s < 1).length / scores.length : null,
    medianMase: scores.length > 0 ? median(scores) : null,
    methods,
  };
}
