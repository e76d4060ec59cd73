import { describe, expect, it } from "vitest";
import { evaluateSeries, forecastDemand } from ".";
import { intermittent, repeat, trendSeasonal } from "./test-support";

describe("evaluateSeries", () => {
  const options = { seasonLength: 4 };
  const series = [
    trendSeasonal(40, 40, 1.5, [12, -6, 20, -26], 2, 3),
    trendSeasonal(40, 30, 0, [0], 6, 4),
    intermittent(40, 0.3, 6, 11),
    trendSeasonal(40, 80, -0.5, [5, 0, -5, 0], 10, 9),
    [3, 4, 5, 6, 7], // shorter than two seasons
    repeat([2], 40), // constant: MASE undefined
  ];

  it("reports the share with MASE < 1 and the median MASE of the series with enough history", () => {
    const mases = series.slice(0, 4).map((s) => {
      const result = forecastDemand(s, options);
      if (!result.ok || result.mase === null) throw new Error("expected a score");
      return result.mase;
    });
    const sorted = [...mases].sort((a, b) => a - b);
    const evaluation = evaluateSeries(series, options);
    expect(evaluation.evaluated).toBe(4);
    expect(evaluation.skipped).toBe(2);
    expect(evaluation.shareBelowOne).toBe(mases.filter((m) => m < 1).length / 4);
    expect(evaluation.medianMase).toBeCloseTo(((sorted[1] ?? 0) + (sorted[2] ?? 0)) / 2, 12);
    expect(Object.values(evaluation.methods).reduce((a, b) => a + (b ?? 0), 0)).toBe(4);
  });
  it("needs two seasons of history: 52-week seasons leave these series out", () => {
    expect(evaluateSeries(series)).toMatchObject({ evaluated: 0, skipped: 6, shareBelowOne: null, medianMase: null });
  });
});
