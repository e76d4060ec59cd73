import { describe, expect, it } from "vitest";
import { restockAdvice } from ".";

const flat = (value: number, weeks = 8) => Array<number>(weeks).fill(value);

describe("weeks of cover", () => {
  it("walks the stock forward over the forecast mean, the last week fractional", () => {
    const advice = restockAdvice({ stock: 10, leadTimeDays: 14, forecast: { mean: [4, 8, 8, 8], upper95: flat(12, 4) } });
    if (!advice.ok) throw new Error(advice.code);
    expect(advice.weeksOfCover).toBeCloseTo(1.75, 12);
    expect(advice.leadTimeWeeks).toBe(2);
    expect(advice.shortCover).toBe(true);
  });
  it("is not short when the stock outlasts the lead time", () => {
    const advice = restockAdvice({ stock: 30, leadTimeDays: 14, forecast: { mean: flat(5), upper95: flat(9) } });
    if (!advice.ok) throw new Error(advice.code);
    expect(advice.weeksOfCover).toBe(6);
    expect(advice.shortCover).toBe(false);
  });
  it("goes on at the last week's demand past the forecast", () => {
    const advice = restockAdvice({ stock: 100, leadTimeDays: 7, forecast: { mean: [10, 10, 20], upper95: [15, 15, 30] } });
    if (!advice.ok) throw new Error(advice.code);
    expect(advice.weeksOfCover).toBe(3 + 60 / 20);
  });
  it("counts weeks without demand as covered and is null when no demand is forecast", () => {
    const some = restockAdvice({ stock: 3, leadTimeDays: 0, forecast: { mean: [0, 2, 2], upper95: [1, 4, 4] } });
    if (!some.ok) throw new Error(some.code);
    expect(some.weeksOfCover).toBe(2.5);
    const none = restockAdvice({ stock: 3, leadTimeDays: 21, forecast: { mean: flat(0), upper95: flat(0) } });
    if (!none.ok) throw new Error(none.code);
    expect(none).toMatchObject({ weeksOfCover: null, shortCover: false, suggestedQuantity: 0 });
  });
  it("is zero with nothing in stock, short against any lead time", () => {
    const advice = restockAdvice({ stock: 0, leadTimeDays: 3, forecast: { mean: flat(1), upper95: flat(2) } });
    if (!advice.ok) throw new Error(advice.code);
    expect(advice).toMatchObject({ weeksOfCover: 0, shortCover: true });
  });
});

describe("suggested quantity", () => {
  it("is the 95 % upper demand over lead time + review period minus stock, rounded up", () => {
    // 1 week lead time + 4 review weeks at 10 a week = 50, minus 12 in stock.
    const advice = restockAdvice({ stock: 12, leadTimeDays: 7, forecast: { mean: flat(6), upper95: flat(10) } });
    if (!advice.ok) throw new Error(advice.code);
    expect(advice).toMatchObject({ horizonWeeks: 5, expectedDemand: 30, upperDemand: 50, suggestedQuantity: 38, extrapolated: false });
  });
  it("counts a part week pro rata", () => {
    // 10 days = 1 3/7 weeks; + 4 = 5 3/7: 5 weeks at 10 and 3/7 of a week at 20 = 58.57 -> 59.
    const advice = restockAdvice({ stock: 0, leadTimeDays: 10, forecast: { mean: flat(5), upper95: [10, 10, 10, 10, 10, 20, 20, 20] } });
    if (!advice.ok) throw new Error(advice.code);
    expect(advice.upperDemand).toBeCloseTo(50 + (3 / 7) * 20, 9);
    expect(advice.suggestedQuantity).toBe(59);
  });
  it("takes another review period when given, and repeats the last week past the forecast", () => {
    const advice = restockAdvice({ stock: 5, leadTimeDays: 56, reviewWeeks: 2, forecast: { mean: flat(1), upper95: [...flat(2, 7), 3] } });
    if (!advice.ok) throw new Error(advice.code);
    // 10 weeks: 7 at 2 and 3 at 3.
    expect(advice).toMatchObject({ horizonWeeks: 10, upperDemand: 23, suggestedQuantity: 18, extrapolated: true });
  });
  it("is never negative", () => {
    const advice = restockAdvice({ stock: 1000, leadTimeDays: 7, forecast: { mean: flat(3), upper95: flat(5) } });
    if (!advice.ok) throw new Error(advice.code);
    expect(advice.suggestedQuantity).toBe(0);
  });
  it("does not round floating-point dust up to another unit", () => {
    const advice = restockAdvice({ stock: 0, leadTimeDays: 0, reviewWeeks: 3, forecast: { mean: flat(0.1), upper95: flat(0.1) } });
    if (!advice.ok) throw new Error(advice.code);
    expect(advice.upperDemand).not.toBe(0.3);
    expect(advice.suggestedQuantity).toBe(1);
  });
});

describe("bad input", () => {
  const forecast = { mean: flat(1), upper95: flat(2) };
  it("is refused with a code", () => {
    expect(restockAdvice({ stock: -1, leadTimeDays: 7, forecast })).toEqual({ ok: false, code: "INVALID_STOCK" });
    expect(restockAdvice({ stock: 1.5, leadTimeDays: 7, forecast })).toEqual({ ok: false, code: "INVALID_STOCK" });
    expect(restockAdvice({ stock: 1, leadTimeDays: -7, forecast })).toEqual({ ok: false, code: "INVALID_LEAD_TIME" });
    expect(restockAdvice({ stock: 1, leadTimeDays: Number.NaN, forecast })).toEqual({ ok: false, code: "INVALID_LEAD_TIME" });
    expect(restockAdvice({ stock: 1, leadTimeDays: 7, reviewWeeks: -1, forecast })).toEqual({ ok: false, code: "INVALID_REVIEW_PERIOD" });
    expect(restockAdvice({ stock: 1, leadTimeDays: 7, forecast: { mean: [], upper95: [] } })).toEqual({ ok: false, code: "INVALID_FORECAST" });
    expect(restockAdvice({ stock: 1, leadTimeDays: 7, forecast: { mean: [1], upper95: [1, 2] } })).toEqual({ ok: false, code: "INVALID_FORECAST" });
    expect(restockAdvice({ stock: 1, leadTimeDays: 7, forecast: { mean: [-1], upper95: [1] } })).toEqual({ ok: false, code: "INVALID_FORECAST" });
  });
});
