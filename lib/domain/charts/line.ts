/**
 * The whole geometry of a weekly line chart (series, interval bands, ticks, the
 * "today" marker), from data and two label formatters. Time runs left to right in
 * every locale; the value axis sits on the page's inline-start side (see layout.ts).
 */
import {
  anchorFor,
  bandPath,
  estimateTextWidth,
  linePath,
  plotArea,
  thinLabels,
  labelsFit,
  type Box,
  type Direction,
  type Plot,
} from "./layout";
import { linearScale, MONTH_STEPS, niceTicks, parseDay, weeklyDateTicks, type DateTick } from "./scale";

export interface WeeklySeries {
  readonly id: string;
  /** One value a week, aligned with `weeks`; null where the series has no value (history ends, forecast starts). */
  readonly values: readonly (number | null)[];
}

export interface IntervalBand {
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
}

export interface WeeklyChartData {
  /** The weeks, as the calendar date (`YYYY-MM-DD`, UTC) each starts on, oldest first. */
  readonly weeks: readonly string[];
  readonly series: readonly WeeklySeries[];
  /** The 80 % and 95 % prediction intervals, aligned with `weeks`. */
  readonly bands?: { readonly p80?: IntervalBand; readonly p95?: IntervalBand };
  /** The week to mark as "today" (a date inside the series; the nearest week at or before it is marked). */
  readonly today?: string;
}

export interface LineChartGeometry {
  readonly box: Box;
  readonly plot: Plot;
  readonly series: readonly { id: string; path: string; points: readonly { x: number; y: number; index: number }[] }[];
  readonly bands: { readonly p80: string; readonly p95: string };
  readonly yTicks: readonly { value: number; y: number; label: string }[];
  /** Value labels' x and anchor: beside the axis on the inline-start side. */
  readonly yLabelX: number;
  readonly yLabelAnchor: "start" | "end" | "middle";
  readonly xTicks: readonly { index: number; x: number; label: string; anchor: "start" | "end" | "middle" }[];
  readonly today: { x: number; index: number } | null;
  /** The extent of every drawn value (series and bands), for the summary. */
  readonly extent: { min: number; max: number } | null;
}

export interface LineChartFormatters {
  readonly value: (value: number) => string;
  readonly month: (tick: DateTick) => string;
}

export const LINE_BOX: Box = { width: 400, height: 240 };
export const FONT_SIZE = 12;

function present(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

/** `integer`: the values are whole units (money in minor units, counts), so ticks are too. */
export function layoutLineChart(data: WeeklyChartData, direction: Direction, format: LineChartFormatters, box: Box = LINE_BOX, integer = false): LineChartGeometry {
  const all = [
    ...data.series.flatMap((s) => present(s.values)),
    ...present(data.bands?.p80?.lower ?? []),
    ...present(data.bands?.p80?.upper ?? []),
    ...present(data.bands?.p95?.lower ?? []),
    ...present(data.bands?.p95?.upper ?? []),
  ];
  const extent = all.length ? { min: Math.min(...all), max: Math.max(...all) } : null;
  const ticks = niceTicks(extent?.min ?? 0, extent?.max ?? 1, 4, (extent?.min ?? 0) >= 0, integer);
  const yLabels = ticks.values.map((v) => format.value(v));
  const labelWidth = Math.max(0, ...yLabels.map((l) => estimateTextWidth(l, FONT_SIZE)));
  const gap = 6;
  const plot = plotArea(box, { start: Math.ceil(labelWidth + gap + 2), end: 12, top: 10, bottom: 26 }, direction);
  const count = data.weeks.length;
  // Time runs left to right in every direction (see layout.ts); one slot a week.
  const x = linearScale([0, Math.max(1, count - 1)], [plot.left, plot.right]);
  const y = linearScale([ticks.min, ticks.max], [plot.bottom, plot.top]);

  const series = data.series.map((s) => {
    const points = s.values.map((v, index) => (typeof v === "number" && Number.isFinite(v) ? { x: x(index), y: y(v), index } : null));
    return { id: s.id, path: linePath(points), points: points.filter((p): p is NonNullable<typeof p> => p !== null) };
  });
  const band = (b: IntervalBand | undefined) =>
    b
      ? bandPath(
          data.weeks.map((_, i) => {
            const lower = b.lower[i];
            const upper = b.upper[i];
            return typeof lower === "number" && typeof upper === "number" && Number.isFinite(lower) && Number.isFinite(upper) ? { x: x(i), lower, upper } : null;
          }),
          y,
        )
      : "";

  // Month labels centred on their week, thinned to every 2nd, 3rd... month when crowded.
  let xTicks: LineChartGeometry["xTicks"] = [];
  for (const step of MONTH_STEPS) {
    const candidates = weeklyDateTicks(data.weeks, step).map((t) => {
      const at = x(t.index);
      const label = format.month(t);
      const width = estimateTextWidth(label, FONT_SIZE);
      // A label that would spill past the box is anchored on its edge instead of centred.
      const edge = at - width / 2 < 0 ? "left" : at + width / 2 > box.width ? "right" : "middle";
      const centre = edge === "left" ? at + width / 2 : edge === "right" ? at - width / 2 : at;
      return { index: t.index, x: at, label, anchor: anchorFor(edge, direction), span: { at: centre, width } };
    });
    const spans = candidates.map((c) => c.span);
    if (labelsFit(spans, 8) || step === MONTH_STEPS[MONTH_STEPS.length - 1]) {
      xTicks = thinLabels(spans, 8).map((i) => {
        const { index, x: at, label, anchor } = candidates[i]!;
        return { index, x: at, label, anchor };
      });
      break;
    }
  }

  let today: LineChartGeometry["today"] = null;
  if (data.today && count) {
    const t = parseDay(data.today).getTime();
    let index = -1;
    data.weeks.forEach((w, i) => {
      if (parseDay(w).getTime() <= t) index = i;
    });
    if (index >= 0 && t < parseDay(data.weeks[count - 1]!).getTime() + 7 * 86_400_000) today = { x: x(index), index };
  }

  const startIsLeft = direction === "ltr";
  return {
    box,
    plot,
    series,
    bands: { p80: band(data.bands?.p80), p95: band(data.bands?.p95) },
    yTicks: ticks.values.map((value, i) => ({ value, y: y(value), label: yLabels[i]! })),
    yLabelX: startIsLeft ? plot.left - gap : plot.right + gap,
    yLabelAnchor: anchorFor(startIsLeft ? "right" : "left", direction),
    xTicks,
    today,
    extent,
  };
}
