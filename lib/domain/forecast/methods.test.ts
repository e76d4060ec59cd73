import { describe, expect, it } from "vitest";
import {
  fitCroston,
  fitHolt,
  fitHoltWinters,
  fitNaive,
  fitSeasonalNaive,
  fitSes,
  forecast,
  type Forecast,
  type Model,
} from ".";
import { Z95 } from "./stats";
import { repeat, trendSeasonal, YEARLY } from "./test-support";

const close = (actual: readonly number[], expected: readonly number[], digits = 6) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? Number.NaN, digits));
};

const tight = (f: Forecast, value: number) => {
  for (const band of [f.mean, f.lower80, f.upper80, f.lower95, f.upper95]) close(band, Array(band.length).fill(value));
};

describe("a constant series", () => {
  const series = Array(30).fill(5);
  const models: [string, Model][] = [
    ["naive", fitNaive(series)],
    ["seasonal naive", fitSeasonalNaive(series, { seasonLength: 4 })],
    ["simple exponential smoothing", fitSes(series)],
    ["Holt", fitHolt(series)],
    ["damped Holt", fitHolt(series, { damped: true })],
    ["Holt-Winters", fitHoltWinters(series, { seasonLength: 4 })],
    ["damped Holt-Winters", fitHoltWinters(series, { seasonLength: 4, damped: true })],
    ["Croston", fitCroston(series)],
  ];
  it.each(models)("%s forecasts the constant with tight intervals", (_, model) => {
    expect(model.sigma2).toBeCloseTo(0, 12);
    tight(forecast(model, 8), 5);
  });
  it("SBA deflates even a constant by (1 - alpha / 2), as it is built to", () => {
    const model = fitCroston(series, { variant: "sba", alpha: 0.2 });
    close(forecast(model, 3).mean, [4.5, 4.5, 4.5]);
  });
});

describe("a purely seasonal series", () => {
  const pattern = [10, 20, 30, 15];
  const series = repeat(pattern, 6);
  const next8 = repeat(pattern, 2);
  it("is repeated by the seasonal naive method, with no error", () => {
    const model = fitSeasonalNaive(series, { seasonLength: 4 });
    expect(model.method).toBe("seasonal-naive");
    close(forecast(model, 8).mean, next8);
    close(forecast(model, 8).upper95, next8);
  });
  it("is reproduced by Holt-Winters (m = 4), flat trend and all", () => {
    const model = fitHoltWinters(series, { seasonLength: 4 });
    expect(model.slope).toBeCloseTo(0, 9);
    close(forecast(model, 8).mean, next8);
    close(forecast(model, 8).upper95, next8);
  });
  it("is reproduced by Holt-Winters with a yearly season (m = 52)", () => {
    const yearly = YEARLY.map((v) => v + 50);
    const model = fitHoltWinters(repeat(yearly, 3), { seasonLength: 52 });
    close(forecast(model, 8).mean, yearly.slice(0, 8));
  });
  it("falls back to naive when the history is not longer than a season", () => {
    const model = fitSeasonalNaive([3, 4, 5], { seasonLength: 52 });
    expect(model.method).toBe("naive");
    close(forecast(model, 3).mean, [5, 5, 5]);
  });
});

describe("a linear trend", () => {
  const series = Array.from({ length: 20 }, (_, t) => 5 + 3 * t);
  const line = Array.from({ length: 8 }, (_, h) => 5 + 3 * (20 + h));
  it("is extended by Holt's method", () => {
    const model = fitHolt(series);
    close(forecast(model, 8).mean, line);
    close(forecast(model, 8).lower95, line);
  });
  it("flattens under the damped trend", () => {
    const mean = forecast(fitHolt(series, { damped: true }), 8).mean;
    mean.forEach((v, i) => {
      expect(v).toBeLessThan((line[i] ?? 0) + 1e-9);
      if (i > 0) expect(v).toBeGreaterThan(mean[i - 1] ?? Infinity);
    });
    expect(mean[7]).toBeLessThan((line[7] ?? 0) - 1);
  });
  it("is extended with its season by Holt-Winters", () => {
    const pattern = [4, -2, 6, -8];
    const history = trendSeasonal(24, 50, 2, pattern, 0, 1);
    const expected = Array.from({ length: 8 }, (_, h) => 50 + 2 * (24 + h) + (pattern[(24 + h) % 4] ?? 0));
    close(forecast(fitHoltWinters(history, { seasonLength: 4 }), 8).mean, expected);
  });
});

describe("Croston and SBA", () => {
  it("give size / interval, and SBA the (1 - alpha / 2) factor", () => {
    const series = repeat([0, 0, 6], 10);
    const croston = fitCroston(series, { alpha: 0.1 });
    expect(croston.size).toBeCloseTo(6, 12);
    expect(croston.interval).toBeCloseTo(3, 12);
    close(forecast(croston, 4).mean, [2, 2, 2, 2]);
    close(forecast(fitCroston(series, { alpha: 0.1, variant: "sba" }), 4).mean, [1.9, 1.9, 1.9, 1.9]);
  });
  it("update size and interval only in weeks with demand", () => {
    // first demand week 2: z = 4, p = 2; week 5 (q = 3): z = 6, p = 2.5; week 7 (q = 2): z = 4, p = 2.25.
    const series = [0, 4, 0, 0, 8, 0, 2];
    const croston = fitCroston(series, { alpha: 0.5 });
    expect(croston.size).toBeCloseTo(4, 12);
    expect(croston.interval).toBeCloseTo(2.25, 12);
    expect(croston.rate).toBeCloseTo(4 / 2.25, 12);
    expect(fitCroston(series, { alpha: 0.5, variant: "sba" }).rate).toBeCloseTo((0.75 * 4) / 2.25, 12);
    expect(croston.fitted.slice(0, 2)).toEqual([null, null]);
    expect(croston.fitted[2]).toBeCloseTo(2, 12);
  });
  it("choose alpha from the grid by in-sample error when none is given", () => {
    const model = fitCroston([0, 3, 0, 0, 9, 0, 1, 0, 0, 0, 7, 0, 2, 0]);
    expect([0.05, 0.1, 0.15, 0.2, 0.25, 0.3]).toContain(model.alpha);
  });
  it("refuse a series without demand or a bad alpha", () => {
    expect(() => fitCroston([0, 0, 0])).toThrow(RangeError);
    expect(() => fitCroston([0, 1, 0], { alpha: 0 })).toThrow(RangeError);
  });
});

describe("prediction intervals", () => {
  const noisy = trendSeasonal(40, 100, 0.5, [5, -5, 10, -10], 8, 7);
  const widths = (f: Forecast) => f.upper95.map((u, i) => u - (f.lower95[i] ?? 0));
  const strictlyWider = (f: Forecast) => widths(f).forEach((w, i, all) => i > 0 && expect(w).toBeGreaterThan(all[i - 1] ?? Infinity));

  it("widen with the horizon for every smoothing method and the naive", () => {
    strictlyWider(forecast(fitNaive(noisy), 8));
    strictlyWider(forecast(fitSes(noisy), 8));
    strictlyWider(forecast(fitHolt(noisy), 8));
    strictlyWider(forecast(fitHolt(noisy, { damped: true }), 8));
    strictlyWider(forecast(fitHoltWinters(noisy, { seasonLength: 4 }), 8));
    strictlyWider(forecast(fitCroston(noisy), 8));
  });
  it("of the seasonal naive widen a step per season: sd_h = sigma * sqrt(floor((h - 1) / m) + 1)", () => {
    const model = fitSeasonalNaive(noisy, { seasonLength: 4 });
    const sigma = Math.sqrt(model.sigma2);
    close(forecast(model, 9).sd, [1, 1, 1, 1, 2, 2, 2, 2, 3].map((k) => sigma * Math.sqrt(k)), 9);
  });
  it("of simple exponential smoothing follow sigma^2 (1 + (h - 1) alpha^2)", () => {
    const model = fitSes(noisy);
    const { alpha } = model.params;
    const f = forecast(model, 5);
    close(f.sd, [1, 2, 3, 4, 5].map((h) => Math.sqrt(model.sigma2 * (1 + (h - 1) * alpha * alpha))), 9);
    expect(f.upper95[4]).toBeCloseTo((f.mean[4] ?? 0) + Z95 * (f.sd[4] ?? 0), 9);
  });
  it("of Holt follow sigma^2 (1 + (h - 1)(alpha^2 + alpha beta h + beta^2 h (2h - 1) / 6))", () => {
    const model = fitHolt(noisy);
    const { alpha, beta } = model.params;
    const expected = [1, 2, 3, 6, 8].map((h) =>
      Math.sqrt(model.sigma2 * (1 + (h - 1) * (alpha * alpha + alpha * beta * h + (beta * beta * h * (2 * h - 1)) / 6))),
    );
    const sd = forecast(model, 8).sd;
    close([sd[0], sd[1], sd[2], sd[5], sd[7]].map((v) => v ?? Number.NaN), expected, 9);
  });
  it("of Croston follow the in-sample residual variance", () => {
    const model = fitCroston([0, 4, 0, 0, 8, 0, 2], { alpha: 0.5 });
    // residuals after the first demand: 0-2, 0-2, 8-2, 0-2.4, 2-2.4
    const sigma2 = (4 + 4 + 36 + 5.76 + 0.16) / 5;
    expect(model.sigma2).toBeCloseTo(sigma2, 12);
    close(forecast(model, 3).sd, [1, 1.25, 1.5].map((k) => Math.sqrt(sigma2 * k)), 12);
  });
});

describe("nothing negative", () => {
  it("a falling trend is clipped at zero, intervals too", () => {
    const falling = Array.from({ length: 10 }, (_, t) => 50 - 5 * t);
    const f = forecast(fitHolt(falling), 8);
    for (const band of [f.mean, f.lower80, f.upper80, f.lower95, f.upper95]) band.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
    expect(f.mean[7]).toBe(0);
    expect(fitHolt(falling).fitted.every((v) => v === null || v >= 0)).toBe(true);
  });
});

describe("bad input", () => {
  it("is refused", () => {
    expect(() => fitSes([])).toThrow(RangeError);
    expect(() => fitSes([1, -1])).toThrow(RangeError);
    expect(() => fitSes([1, Number.NaN])).toThrow(RangeError);
    expect(() => fitHolt([1])).toThrow(RangeError);
    expect(() => fitHoltWinters(repeat([1, 2, 3, 4], 1), { seasonLength: 4 })).toThrow(RangeError);
    expect(() => fitSeasonalNaive([1, 2], { seasonLength: 0 })).toThrow(RangeError);
    expect(() => forecast(fitSes([1, 2]), 0)).toThrow(RangeError);
  });
});
