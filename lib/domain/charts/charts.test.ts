import { describe, expect, it } from "vitest";
import {
  anchorFor,
  bandPath,
  barLayout,
  estimateTextWidth,
  fitText,
  layoutBarChart,
  layoutLineChart,
  linearScale,
  linePath,
  mirrorX,
  niceStep,
  niceTicks,
  parseDay,
  plotArea,
  thinLabels,
  weeklyDateTicks,
  xRange,
  type DateTick,
} from "./index";

/** Mondays from `start`, `count` of them. */
function weeksFrom(start: string, count: number): string[] {
  const first = parseDay(start).getTime();
  return Array.from({ length: count }, (_, i) => new Date(first + i * 7 * 86_400_000).toISOString().slice(0, 10));
}

const plain = { value: (v: number) => String(v), month: (t: DateTick) => `${t.date.getUTCMonth() + 1}${t.withYear ? `/${t.date.getUTCFullYear()}` : ""}` };

describe("linearScale", () => {
  it("maps the domain onto the range, and a reversed range reverses", () => {
    const s = linearScale([0, 100], [10, 210]);
    expect(s(0)).toBe(10);
    expect(s(50)).toBe(110);
    expect(s(100)).toBe(210);
    expect(s(150)).toBe(310);
    const y = linearScale([0, 10], [300, 0]);
    expect(y(0)).toBe(300);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(225);
  });

  it("puts every value in the middle when the domain is a single value", () => {
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
    expect(linearScale([5, 5], [0, 100])(99)).toBe(50);
  });
});

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(1.3)).toBe(2);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(230)).toBe(500);
    expect(niceStep(0.013)).toBe(0.02);
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });

  it("covers the data with whole steps and at most the asked-for intervals", () => {
    const t = niceTicks(3, 97, 5);
    expect(t.values).toEqual([0, 20, 40, 60, 80, 100]);
    expect(t.min).toBeLessThanOrEqual(3);
    expect(t.max).toBeGreaterThanOrEqual(97);
    expect(niceTicks(1234, 5678, 4).values).toEqual([0, 2000, 4000, 6000]);
    expect(niceTicks(1234, 5678, 10).values).toEqual([1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000]);
    for (const [lo, hi] of [[0, 1], [-37, 412], [0.001, 0.0123], [99_999, 100_001], [-5, -1]] as const) {
      const ticks = niceTicks(lo, hi, 5);
      expect(ticks.values.length - 1).toBeLessThanOrEqual(10);
      expect(ticks.values[0]).toBeLessThanOrEqual(lo);
      expect(ticks.values.at(-1)).toBeGreaterThanOrEqual(hi);
      const mantissa = ticks.step / 10 ** Math.floor(Math.log10(ticks.step));
      expect([1, 2, 5]).toContain(Math.round(mantissa));
    }
  });

  it("keeps decimals exact and never shows -0", () => {
    expect(niceTicks(0.1, 0.3, 2).values).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks(0, 0.7, 7).values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(niceTicks(-1, 1, 2).values).toEqual([-1, 0, 1]);
    expect(Object.is(niceTicks(-1, 1, 2).values[1], 0)).toBe(true);
  });

  it("starts at zero when asked, and gives a flat series an axis of its own", () => {
    expect(niceTicks(40, 90, 5, true).values[0]).toBe(0);
    expect(niceTicks(40, 90, 5, false).values[0]).toBe(40);
    expect(niceTicks(0, 0, 4, true).values).toEqual([0, 0.5, 1]);
    const flat = niceTicks(50, 50, 4);
    expect(flat.min).toBeLessThan(50);
    expect(flat.max).toBeGreaterThan(50);
    expect(niceTicks(Number.NaN, Number.POSITIVE_INFINITY).values).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("keeps whole steps for whole units (money in minor units)", () => {
    expect(niceTicks(0, 3, 4, true).step).toBe(1);
    expect(niceTicks(0, 3, 4, true, true).values).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 2, 10, true, true).values).toEqual([0, 1, 2]);
    expect(niceTicks(0, 5000, 4, true, true).values).toEqual([0, 2000, 4000, 6000]);
  });
});

describe("weeklyDateTicks", () => {
  it("puts a tick on the first week of each month, with the year on the first and at a new year", () => {
    const weeks = weeksFrom("2026-11-02", 12); // 2 Nov 2026 .. 18 Jan 2027
    const ticks = weeklyDateTicks(weeks);
    expect(ticks.map((t) => weeks[t.index])).toEqual(["2026-11-02", "2026-12-07", "2027-01-04"]);
    expect(ticks.map((t) => t.withYear)).toEqual([true, false, true]);
  });

  it("marks the first week only when it opens its month, and keeps only every n-th month when asked", () => {
    const weeks = weeksFrom("2026-01-14", 52);
    const monthly = weeklyDateTicks(weeks);
    expect(weeks[monthly[0]!.index]).toBe("2026-02-04");
    expect(monthly[0]!.withYear).toBe(true);
    expect(monthly).toHaveLength(12);
    const quarterly = weeklyDateTicks(weeks, 3).map((t) => t.date.getUTCMonth());
    expect(quarterly).toEqual([3, 6, 9, 0]);
    expect(weeklyDateTicks(weeks, 3).map((t) => t.withYear)).toEqual([true, false, false, true]);
    expect(weeklyDateTicks(weeksFrom("2026-01-05", 3), 3).map((t) => t.index)).toEqual([0]);
  });

  it("gives a series inside one month a tick on its first week", () => {
    expect(weeklyDateTicks(weeksFrom("2026-03-11", 2))).toEqual([{ index: 0, date: parseDay("2026-03-11"), withYear: true }]);
    expect(weeklyDateTicks([])).toEqual([]);
  });

  it("refuses a week that is not a calendar date", () => {
    expect(() => weeklyDateTicks(["2026-13"])).toThrow(RangeError);
  });
});

describe("paths", () => {
  it("draws a line through the points and breaks it at a gap", () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5, y: 20.123 }])).toBe("M0,10L5,20.12");
    expect(linePath([{ x: 0, y: 0 }, null, { x: 2, y: 2 }, { x: 3, y: 3 }])).toBe("M0,0M2,2L3,3");
    expect(linePath([])).toBe("");
  });

  it("builds a band along the upper bound and back along the lower, closed", () => {
    const y = (v: number) => 100 - v;
    const path = bandPath(
      [
        { x: 0, lower: 10, upper: 30 },
        { x: 10, lower: 20, upper: 40 },
        { x: 20, lower: 25, upper: 50 },
      ],
      y,
    );
    expect(path).toBe("M0,70L10,60L20,50L20,75L10,80L0,90Z");
  });

  it("sorts swapped bounds, splits at gaps and draws nothing for a single point", () => {
    const y = (v: number) => v;
    expect(bandPath([{ x: 0, lower: 5, upper: 1 }, { x: 1, lower: 1, upper: 5 }], y)).toBe("M0,5L1,5L1,1L0,1Z");
    expect(bandPath([{ x: 0, lower: 0, upper: 1 }, null, { x: 2, lower: 0, upper: 1 }, { x: 3, lower: 0, upper: 1 }], y)).toBe("M2,1L3,1L3,0L2,0Z");
    expect(bandPath([{ x: 0, lower: 0, upper: 1 }], y)).toBe("");
  });
});

describe("right to left", () => {
  const box = { width: 400, height: 200 };
  const margins = { start: 60, end: 10, top: 5, bottom: 20 };

  it("puts the logical start margin on the right and mirrors the x range", () => {
    expect(plotArea(box, margins, "ltr")).toEqual({ left: 60, right: 390, top: 5, bottom: 180 });
    const rtl = plotArea(box, margins, "rtl");
    expect(rtl).toEqual({ left: 10, right: 340, top: 5, bottom: 180 });
    expect(xRange(rtl, true)).toEqual([340, 10]);
    expect(linearScale([0, 10], xRange(rtl, true))(0)).toBe(340);
    expect(mirrorX(60, 400)).toBe(340);
  });

  it("anchors text by its logical side", () => {
    expect(anchorFor("left", "ltr")).toBe("start");
    expect(anchorFor("left", "rtl")).toBe("end");
    expect(anchorFor("right", "ltr")).toBe("end");
    expect(anchorFor("right", "rtl")).toBe("start");
    expect(anchorFor("middle", "rtl")).toBe("middle");
  });

  it("grows bars rightwards in left to right and leftwards in right to left", () => {
    const plot = { left: 100, right: 300, top: 0, bottom: 100 };
    const ltr = barLayout([50, 100], { plot, direction: "ltr", min: 0, max: 100 });
    expect(ltr.bars.map((b) => [b.x, b.width])).toEqual([[100, 100], [100, 200]]);
    expect(ltr.bars[0]!.labelEdge).toBe("left");
    expect(ltr.bars[0]!.labelX).toBeGreaterThan(200);
    const rtl = barLayout([50, 100], { plot, direction: "rtl", min: 0, max: 100 });
    expect(rtl.bars.map((b) => [b.x, b.width])).toEqual([[200, 100], [100, 200]]);
    expect(rtl.bars[0]!.labelEdge).toBe("right");
    expect(rtl.bars[0]!.labelX).toBeLessThan(200);
    expect(rtl.bars[1]!.y).toBeGreaterThan(rtl.bars[0]!.y);
  });

  it("keeps time left to right in a right-to-left line chart, with the value axis on the right", () => {
    const data = { weeks: weeksFrom("2026-09-07", 10), series: [{ id: "h", values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }] };
    const ltr = layoutLineChart(data, "ltr", plain);
    const rtl = layoutLineChart(data, "rtl", plain);
    const [first, last] = [rtl.series[0]!.points[0]!, rtl.series[0]!.points.at(-1)!];
    expect(first.x).toBeLessThan(last.x);
    expect(ltr.yLabelX).toBeLessThan(ltr.plot.left);
    expect(rtl.yLabelX).toBeGreaterThan(rtl.plot.right);
    expect(ltr.yLabelAnchor).toBe("end");
    expect(rtl.yLabelAnchor).toBe("end");
  });
});

describe("crowded labels", () => {
  it("measures wide scripts wider", () => {
    expect(estimateTextWidth("12月", 10)).toBeCloseTo(2 * 6 + 10);
    expect(estimateTextWidth("\u2066Dec\u2069", 10)).toBeCloseTo(18);
  });

  it("skips labels until none overlap, always keeping the first", () => {
    const labels = Array.from({ length: 10 }, (_, i) => ({ at: i * 20, width: 30 }));
    const kept = thinLabels(labels, 4);
    expect(kept).toEqual([0, 2, 4, 6, 8]);
    expect(thinLabels(labels.slice(0, 3).map((l, i) => ({ ...l, at: i * 100 })), 4)).toEqual([0, 1, 2]);
    expect(thinLabels([], 4)).toEqual([]);
  });

  it("thins month ticks of a long series on a narrow chart, and labels never overlap", () => {
    const weeks = weeksFrom("2025-01-06", 104);
    const long = { value: String, month: () => "September 2026" };
    const geometry = layoutLineChart({ weeks, series: [{ id: "h", values: weeks.map((_, i) => i) }] }, "ltr", long);
    expect(geometry.xTicks.length).toBeGreaterThan(1);
    expect(geometry.xTicks.length).toBeLessThan(24);
    const spans = geometry.xTicks.map((t) => {
      const w = estimateTextWidth(t.label, 12);
      return t.anchor === "middle" ? [t.x - w / 2, t.x + w / 2] : t.anchor === "start" ? [t.x, t.x + w] : [t.x - w, t.x];
    });
    for (let i = 1; i < spans.length; i += 1) expect(spans[i]![0]).toBeGreaterThan(spans[i - 1]![1]!);
    for (const [lo, hi] of spans) {
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(geometry.box.width);
    }
  });

  it("shortens a long category name with an ellipsis", () => {
    expect(fitText("Japan", 100)).toEqual({ text: "Japan", shortened: false });
    const long = fitText("The United Kingdom of Great Britain", 60);
    expect(long.shortened).toBe(true);
    expect(long.text.endsWith("…")).toBe(true);
    expect(estimateTextWidth(long.text, 12)).toBeLessThanOrEqual(60);
  });
});

describe("layoutLineChart", () => {
  const weeks = weeksFrom("2026-10-05", 8);
  const data = {
    weeks,
    series: [
      { id: "history", values: [10, 12, 11, 14, null, null, null, null] },
      { id: "forecast", values: [null, null, null, 14, 15, 16, 15, 17] },
    ],
    bands: {
      p80: { lower: [null, null, null, 14, 13, 13, 12, 13], upper: [null, null, null, 14, 17, 19, 18, 21] },
      p95: { lower: [null, null, null, 14, 11, 10, 9, 9], upper: [null, null, null, 14, 19, 22, 22, 26] },
    },
    today: "2026-10-28",
  };

  it("draws both series, both bands, the today marker and an axis covering every value", () => {
    const g = layoutLineChart(data, "ltr", plain);
    expect(g.series.map((s) => s.points.length)).toEqual([4, 5]);
    expect(g.series[0]!.path.startsWith("M")).toBe(true);
    expect(g.bands.p80).toMatch(/^M.*Z$/);
    expect(g.bands.p95).toMatch(/^M.*Z$/);
    expect(g.bands.p95).not.toBe(g.bands.p80);
    expect(g.extent).toEqual({ min: 9, max: 26 });
    expect(g.yTicks[0]!.value).toBe(0);
    expect(g.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(26);
    // 28 October falls in the week of 26 October, the fourth.
    expect(g.today?.index).toBe(3);
    expect(g.today?.x).toBe(g.series[0]!.points[3]!.x);
    for (const p of g.series.flatMap((s) => s.points)) {
      expect(p.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(p.x).toBeLessThanOrEqual(g.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(p.y).toBeLessThanOrEqual(g.plot.bottom);
    }
  });

  it("has no band without intervals and no marker for a day outside the series", () => {
    const g = layoutLineChart({ weeks, series: data.series, today: "2027-06-01" }, "ltr", plain);
    expect(g.bands).toEqual({ p80: "", p95: "" });
    expect(g.today).toBeNull();
    expect(layoutLineChart({ weeks, series: data.series, today: "2026-01-01" }, "ltr", plain).today).toBeNull();
  });

  it("copes with no data at all", () => {
    const g = layoutLineChart({ weeks: [], series: [] }, "ltr", plain);
    expect(g.extent).toBeNull();
    expect(g.xTicks).toEqual([]);
    expect(g.series).toEqual([]);
  });
});

describe("layoutBarChart", () => {
  it("keeps room for the widest value label at the bars' end", () => {
    const g = layoutBarChart([1200, 300, 0], ["Germany", "Japan", "Brazil"], ["1,200", "300", "0"], "ltr");
    expect(g.box.height).toBe(3 * 30 + 8);
    const widest = g.bars[0]!;
    expect(widest.labelX + estimateTextWidth("1,200", 12)).toBeLessThanOrEqual(g.box.width);
    expect(g.bars[2]!.width).toBe(0);
    expect(g.categories.map((c) => c.anchor)).toEqual(["start", "start", "start"]);
    const rtl = layoutBarChart([1200, 300, 0], ["ألمانيا", "اليابان", "البرازيل"], ["1,200", "300", "0"], "rtl");
    expect(rtl.categories[0]!.x).toBeGreaterThan(rtl.plot.right);
    expect(rtl.bars[0]!.labelX - estimateTextWidth("1,200", 12)).toBeGreaterThanOrEqual(0);
  });

  it("gives a tiny value a visible bar", () => {
    const g = layoutBarChart([1_000_000, 1], ["A", "B"], ["1,000,000", "1"], "ltr");
    expect(g.bars[1]!.width).toBe(1);
  });
});
