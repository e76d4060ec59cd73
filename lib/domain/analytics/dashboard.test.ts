import { describe, expect, it } from "vitest";
import { demandForecast, forecastChart, forecastWeeks, funnelRates, marketGrowth, mergeSmallCountries, mergeSmallDemand, methodKey, mondayOf, OTHER_COUNTRIES, parseForecastPayload, weeklySeries, weeksEnding } from "./dashboard";

const payload = {
  weeks: ["2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07"],
  history: [3, 4],
  forecast: { mean: [5, 6], lower80: [4, 5], upper80: [6, 7], lower95: [3, 4], upper95: [7, 8] },
  restock: { weeksOfCover: 1.5, short: true, suggestedQuantity: 12, leadTimeWeeks: 3 },
};

describe("weeks", () => {
  it("finds the Monday of a week in UTC", () => {
    expect(mondayOf(new Date("2026-12-01T23:30:00Z"))).toBe("2026-11-30");
    expect(mondayOf(new Date("2026-11-30T00:00:00Z"))).toBe("2026-11-30");
    expect(mondayOf(new Date("2026-12-06T12:00:00Z"))).toBe("2026-11-30");
  });
  it("lists the weeks ending with this one, oldest first", () => {
    expect(weeksEnding(new Date("2026-12-01T00:00:00Z"), 3)).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
    expect(weeksEnding(new Date("2026-12-01T00:00:00Z"), 104)).toHaveLength(104);
  });
  it("fills weeks without sales with zero", () => {
    const series = weeklySeries([{ week: "2026-11-23", units: 2, revenueMinor: 900 }], ["2026-11-16", "2026-11-23"]);
    expect(series).toEqual({ units: [0, 2], revenue: [0, 900] });
  });
});

describe("k-anonymity of countries", () => {
  it("merges countries of fewer than 5 orders into one row, last", () => {
    const rows = mergeSmallCountries([
      { country: "DE", orders: 5, units: 6, revenueMinor: 100 },
      { country: "FR", orders: 4, units: 4, revenueMinor: 900 },
      { country: "JP", orders: 12, units: 20, revenueMinor: 500 },
      { country: "BR", orders: 1, units: 3, revenueMinor: 50 },
    ]);
    expect(rows.map((r) => r.country)).toEqual(["JP", "DE", OTHER_COUNTRIES]);
    expect(rows[2]).toEqual({ country: OTHER_COUNTRIES, orders: 5, units: 7, revenueMinor: 950 });
  });
  it("has no other row when every country is large enough", () => {
    expect(mergeSmallCountries([{ country: "DE", orders: 5, units: 5, revenueMinor: 1 }]).map((r) => r.country)).toEqual(["DE"]);
  });
});

describe("funnel", () => {
  it("gives conversion rates, none without a denominator", () => {
    expect(funnelRates({ productId: "p", views: 200, carts: 20, orders: 5 })).toEqual({ cartRate: 0.1, orderRate: 0.25, viewToOrder: 0.025 });
    expect(funnelRates({ productId: "p", views: 0, carts: 0, orders: 1 })).toEqual({ cartRate: null, orderRate: null, viewToOrder: null });
  });
});

describe("growing and shrinking markets", () => {
  const today = new Date("2026-12-01T00:00:00Z");
  const weeks = weeksEnding(today, 26);
  const rows = [
    ...weeks.slice(0, 13).map((week) => ({ market: "DE", week, orders: 1, units: 2 })),
    ...weeks.slice(13).map((week) => ({ market: "DE", week, orders: 1, units: 3 })),
    ...weeks.slice(0, 13).map((week) => ({ market: "FR", week, orders: 1, units: 4 })),
    ...weeks.slice(13).map((week) => ({ market: "FR", week, orders: 1, units: 1 })),
    { market: "JP", week: weeks[25]!, orders: 4, units: 40 },
    { market: "DE", week: "2020-01-06", orders: 100, units: 1000 },
  ];
  it("compares the last 13 weeks with the 13 before, small markets left out", () => {
    const { growing, shrinking } = marketGrowth(rows, today);
    expect(growing).toEqual([{ market: "DE", recentUnits: 39, previousUnits: 26, change: 0.5 }]);
    expect(shrinking).toEqual([{ market: "FR", recentUnits: 13, previousUnits: 52, change: -0.75 }]);
  });
  it("puts a market new in the last weeks first", () => {
    const { growing } = marketGrowth([...rows, { market: "JP", week: weeks[24]!, orders: 1, units: 1 }], today);
    expect(growing.map((g) => [g.market, g.change])).toEqual([["JP", null], ["DE", 0.5]]);
  });
});

describe("stored forecast", () => {
  it("reads a payload of the expected shape", () => {
    const parsed = parseForecastPayload(payload);
    expect(parsed?.restock.suggestedQuantity).toBe(12);
    const chart = forecastChart(parsed!);
    expect(chart.history).toEqual([3, 4, null, null]);
    expect(chart.mean).toEqual([null, null, 5, 6]);
    expect(chart.p95.upper).toEqual([null, null, 7, 8]);
  });
  it("refuses a payload of another shape", () => {
    expect(parseForecastPayload(null)).toBeNull();
    expect(parseForecastPayload({ ...payload, weeks: payload.weeks.slice(1) })).toBeNull();
    expect(parseForecastPayload({ ...payload, forecast: { ...payload.forecast, upper95: [1] } })).toBeNull();
    expect(parseForecastPayload({ ...payload, restock: { short: "yes" } })).toBeNull();
  });
  it("names known methods and folds unknown ones", () => {
    expect(methodKey("seasonal-naive")).toBe("seasonalNaive");
    expect(methodKey("constructor")).toBe("other");
  });
});

describe("k-anonymity of the operator's demand rows", () => {
  it("merges rows of fewer than 5 orders into one row, last, adding up their forecasts", () => {
    const rows = mergeSmallDemand([
      { key: "DE", orders: 5, units: 10, forecastUnits: 4 },
      { key: "FR", orders: 4, units: 40, forecastUnits: 3 },
      { key: "JP", orders: 30, units: 60, forecastUnits: 20 },
      { key: "BR", orders: 1, units: 1, forecastUnits: 0.5 },
    ]);
    expect(rows.map((r) => r.key)).toEqual(["JP", "DE", OTHER_COUNTRIES]);
    expect(rows[2]).toEqual({ key: OTHER_COUNTRIES, orders: 5, units: 41, forecastUnits: 3.5 });
    expect(rows.some((r) => r.key === "FR" || r.key === "BR")).toBe(false);
  });
  it("has no other row when every row is large enough", () => {
    expect(mergeSmallDemand([{ key: "tea", orders: 9, units: 9, forecastUnits: 1 }]).map((r) => r.key)).toEqual(["tea"]);
  });
});

describe("the marketplace's demand forecast", () => {
  const forecasts = [
    { productId: "tea", weeks: ["2026-12-07", "2026-12-14"], mean: [10, 20] },
    { productId: "knife", weeks: ["2026-12-07", "2026-12-14"], mean: [1, 3] },
    { productId: "seeds", weeks: ["2026-12-07"], mean: [5] },
  ];
  const categoryOf = new Map([["tea", "cat_tea"], ["knife", "cat_kitchen"], ["seeds", "cat_kitchen"]]);
  const shares = [
    { productId: "tea", destination: "DE", units: 3 },
    { productId: "tea", destination: "JP", units: 1 },
    { productId: "knife", destination: "DE", units: 2 },
  ];
  it("adds up the products' forecasts by week and by category", () => {
    const f = demandForecast({ forecasts, categoryOf, shares });
    expect([...f.weekly]).toEqual([["2026-12-07", 16], ["2026-12-14", 23]]);
    expect(f.byCategory.get("cat_tea")).toBe(30);
    expect(f.byCategory.get("cat_kitchen")).toBe(9);
  });
  it("splits each product's forecast by where it sold, and keeps what sold nowhere apart", () => {
    const f = demandForecast({ forecasts, categoryOf, shares });
    expect(f.byCountry.get("DE")).toBe(30 * 0.75 + 4);
    expect(f.byCountry.get("JP")).toBe(30 * 0.25);
    expect(f.unallocated).toBe(5);
    const countries = [...f.byCountry.values()].reduce((a, b) => a + b, 0);
    expect(countries + f.unallocated).toBe([...f.weekly.values()].reduce((a, b) => a + b, 0));
  });
  it("never counts a negative mean", () => {
    const f = demandForecast({ forecasts: [{ productId: "tea", weeks: ["2026-12-07"], mean: [-2] }], categoryOf, shares });
    expect(f.weekly.get("2026-12-07")).toBe(0);
  });
  it("takes the forecast weeks after the history from a stored payload", () => {
    expect(forecastWeeks("p", parseForecastPayload(payload)!)).toEqual({ productId: "p", weeks: ["2026-11-30", "2026-12-07"], mean: [5, 6] });
  });
});
