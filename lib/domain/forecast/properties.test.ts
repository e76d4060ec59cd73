import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitCroston, fitHolt, fitHoltWinters, fitSeasonalNaive, fitSes, forecast, forecastDemand, type Forecast } from ".";

const weeks = fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 48 });

function assertWellFormed(f: Forecast, horizon: number): void {
  for (const band of [f.mean, f.lower80, f.upper80, f.lower95, f.upper95, f.sd]) {
    expect(band).toHaveLength(horizon);
    for (const v of band) expect(v).toBeGreaterThanOrEqual(0);
  }
  for (let i = 0; i < horizon; i += 1) {
    const [l95, l80, m, u80, u95] = [f.lower95[i], f.lower80[i], f.mean[i], f.upper80[i], f.upper95[i]].map((v) => v ?? Number.NaN);
    expect(l95).toBeLessThanOrEqual(l80 ?? Number.NaN);
    expect(l80).toBeLessThanOrEqual(m ?? Number.NaN);
    expect(m).toBeLessThanOrEqual(u80 ?? Number.NaN);
    expect(u80).toBeLessThanOrEqual(u95 ?? Number.NaN);
    if (i > 0) expect(f.sd[i]).toBeGreaterThanOrEqual((f.sd[i - 1] ?? Infinity) - 1e-12);
  }
}

describe("every forecast", () => {
  it("of the selection is non-negative, ordered lower95 <= lower80 <= mean <= upper80 <= upper95, sd never shrinking", () => {
    fc.assert(
      fc.property(weeks, (series) => {
        const result = forecastDemand(series, { seasonLength: 4 });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        assertWellFormed(result.forecast, 8);
        expect(result.fitted).toHaveLength(series.length);
        for (const v of result.fitted) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });
  it("of each method is well formed too", () => {
    fc.assert(
      fc.property(weeks.filter((s) => s.length >= 8 && s.some((v) => v > 0)), (series) => {
        assertWellFormed(forecast(fitSeasonalNaive(series, { seasonLength: 4 }), 10), 10);
        assertWellFormed(forecast(fitSes(series), 10), 10);
        assertWellFormed(forecast(fitHolt(series), 10), 10);
        assertWellFormed(forecast(fitHolt(series, { damped: true }), 10), 10);
        assertWellFormed(forecast(fitHoltWinters(series, { seasonLength: 4 }), 10), 10);
        assertWellFormed(forecast(fitCroston(series, { variant: "sba" }), 10), 10);
      }),
      { numRuns: 80 },
    );
  });
});
