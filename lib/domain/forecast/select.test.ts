import { describe, expect, it } from "vitest";
import { backtest, backtestOrigins, demandProfile, forecastDemand, mase, maseScale, smape } from ".";
import { intermittent, repeat, trendSeasonal, YEARLY } from "./test-support";

describe("scores", () => {
  it("MASE divides the mean absolute error by the in-sample seasonal naive MAE", () => {
    // |y_t - y_{t-2}| over the training weeks: 2, 2, 2 -> scale 2.
    expect(maseScale([1, 5, 3, 7, 5], 2)).toBe(2);
    expect(mase([10, 10], [9, 13], 2)).toBe(1);
  });
  it("falls back to the lag-1 scale when the seasonal one is zero or undefined, and is null when both are", () => {
    expect(maseScale([1, 3, 1, 3, 1, 3], 2)).toBe(2);
    expect(maseScale([1, 4, 2], 52)).toBe(2.5);
    expect(maseScale([4, 4, 4], 2)).toBeNull();
    expect(mase([1], [2], null)).toBeNull();
  });
  it("sMAPE is in percent and counts a week where both are zero as perfect", () => {
    expect(smape([100, 0], [50, 0])).toBeCloseTo((200 * 50) / 150 / 2, 12);
    expect(smape([0], [5])).toBe(200);
  });
});

describe("rolling-origin backtest", () => {
  it("places expanding-window origins back from the end", () => {
    expect(backtestOrigins(40, { backtestHorizon: 8, origins: 6, step: 2, minTrain: 8 })).toEqual([22, 24, 26, 28, 30, 32]);
    expect(backtestOrigins(19, { backtestHorizon: 8, origins: 6, step: 2, minTrain: 8 })).toEqual([9, 11]);
    expect(backtestOrigins(15, { backtestHorizon: 8, origins: 6, step: 2, minTrain: 8 })).toEqual([]);
  });
  it("gives the seasonal naive a MASE of exactly 1 against its own in-sample errors", () => {
    // y_t - y_{t-8} = 16 every week, in and out of sample, and the horizon is one season.
    const series = trendSeasonal(60, 20, 2, [3, -1, 4, -1, 5, -9, 2, -6], 0, 1);
    const origins = backtestOrigins(series.length, { backtestHorizon: 8, origins: 6, step: 2, minTrain: 8 });
    const score = backtest(series, "seasonal-naive", origins, { seasonLength: 8, backtestHorizon: 8 });
    expect(score.mase).toBeCloseTo(1, 12);
  });
});

describe("method selection", () => {
  it("picks Holt-Winters on a trending seasonal series (m = 4)", () => {
    const series = trendSeasonal(60, 40, 1.5, [12, -6, 20, -26], 2, 3);
    const result = forecastDemand(series, { seasonLength: 4 });
    if (!result.ok) throw new Error(result.code);
    expect(result.basis).toBe("BACKTEST");
    expect(result.method).toBe("holt-winters");
    expect(result.candidates.map((c) => c.method)).toEqual(["seasonal-naive", "ses", "holt", "holt-damped", "holt-winters"]);
    expect(result.mase).toBeLessThan(1);
    expect(result.mase).toBe(Math.min(...result.candidates.map((c) => c.mase ?? Infinity)));
    expect(result.smape).toBeGreaterThan(0);
    expect(result.forecast.mean).toHaveLength(8);
    expect(result.fitted).toHaveLength(60);
  });
  it("picks Holt-Winters on weekly data with a yearly season (m = 52)", () => {
    const series = trendSeasonal(156, 60, 0.3, YEARLY, 3, 5);
    const result = forecastDemand(series);
    if (!result.ok) throw new Error(result.code);
    expect(result.method).toBe("holt-winters");
    expect(result.mase).toBeLessThan(1);
  });
  it("leaves Holt-Winters out when it cannot be backtested on two seasons", () => {
    const result = forecastDemand(trendSeasonal(110, 60, 0.3, YEARLY, 3, 5));
    if (!result.ok) throw new Error(result.code);
    expect(result.candidates.map((c) => c.method)).toEqual(["seasonal-naive", "ses", "holt", "holt-damped"]);
  });
  it("routes an intermittent series to Croston or SBA", () => {
    const series = intermittent(80, 0.3, 6, 11);
    const profile = demandProfile(series);
    expect(profile.adi).toBeGreaterThanOrEqual(1.32);
    const result = forecastDemand(series, { seasonLength: 4 });
    if (!result.ok) throw new Error(result.code);
    expect(result.candidates.map((c) => c.method)).toEqual(["croston", "sba"]);
    expect(["croston", "sba"]).toContain(result.method);
    expect(result.forecast.mean.every((v) => v > 0 && v === result.forecast.mean[0])).toBe(true);
  });
  it("keeps a smooth series away from Croston", () => {
    const result = forecastDemand(trendSeasonal(60, 30, 0, [0], 5, 2), { seasonLength: 4 });
    if (!result.ok) throw new Error(result.code);
    expect(result.profile.pattern).toBe("smooth");
    expect(result.candidates.map((c) => c.method)).not.toContain("croston");
  });
  it("uses seasonal naive, or naive, without a backtest on a short history and says so", () => {
    const short = forecastDemand([3, 5, 4, 6, 5, 7, 6, 8, 7, 9], { seasonLength: 4 });
    if (!short.ok) throw new Error(short.code);
    expect(short).toMatchObject({ method: "seasonal-naive", basis: "SHORT_HISTORY", mase: null, smape: null, candidates: [] });
    expect(short.forecast.mean.slice(0, 4)).toEqual([6, 8, 7, 9]);
    const shorter = forecastDemand([3, 5, 4]);
    if (!shorter.ok) throw new Error(shorter.code);
    expect(shorter).toMatchObject({ method: "naive", basis: "SHORT_HISTORY" });
  });
  it("forecasts zero for a series without demand", () => {
    const result = forecastDemand(Array(30).fill(0), { seasonLength: 4 });
    if (!result.ok) throw new Error(result.code);
    expect(result.basis).toBe("NO_DEMAND");
    expect(result.forecast.upper95).toEqual(Array(8).fill(0));
  });
  it("classifies demand with the ADI and CV^2 cut-offs", () => {
    expect(demandProfile([1, 1, 1, 1]).pattern).toBe("smooth");
    expect(demandProfile([1, 10, 1, 10]).pattern).toBe("erratic");
    expect(demandProfile([0, 5, 0, 5]).pattern).toBe("intermittent");
    expect(demandProfile([0, 1, 0, 10]).pattern).toBe("lumpy");
    expect(demandProfile([0, 5, 0, 5])).toMatchObject({ zeroShare: 0.5, adi: 2, cv2: 0 });
  });
  it("forecasts the requested horizon", () => {
    const result = forecastDemand(repeat([5, 9, 7, 3], 10), { seasonLength: 4, horizon: 12 });
    if (!result.ok) throw new Error(result.code);
    expect(result.forecast.mean).toHaveLength(12);
  });
  it("refuses bad input with a code", () => {
    expect(forecastDemand([])).toEqual({ ok: false, code: "EMPTY_SERIES" });
    expect(forecastDemand([1, -2, 3])).toEqual({ ok: false, code: "INVALID_SERIES" });
    expect(forecastDemand([1, Number.POSITIVE_INFINITY])).toEqual({ ok: false, code: "INVALID_SERIES" });
    expect(forecastDemand([1, 2, 3], { horizon: 0 })).toEqual({ ok: false, code: "INVALID_OPTIONS" });
    expect(forecastDemand([1, 2, 3], { backtestHorizon: 9 })).toEqual({ ok: false, code: "INVALID_OPTIONS" });
    expect(forecastDemand([1, 2, 3], { seasonLength: 1.5 })).toEqual({ ok: false, code: "INVALID_OPTIONS" });
  });
});
