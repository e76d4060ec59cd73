/**
 * The geometry of a horizontal bar chart (one bar a category), mirrored in
 * right-to-left: categories on the inline-start side, bars growing towards the end.
 */
import { anchorFor, barLayout, estimateTextWidth, plotArea, type BarRect, type Box, type Direction, type Plot } from "./layout";
import { niceTicks } from "./scale";

export const BAR_WIDTH = 400;
export const BAR_ROW = 30;
const FONT_SIZE = 12;
const GAP = 8;

export interface BarChartGeometry {
  readonly box: Box;
  readonly plot: Plot;
  readonly bars: readonly (BarRect & { valueAnchor: "start" | "end" | "middle" })[];
  /** Category labels: x and anchor on the inline-start side; text shortened to fit (the table has it whole). */
  readonly categories: readonly { text: string; x: number; y: number; anchor: "start" | "end" | "middle"; shortened: boolean }[];
  /** The zero line. */
  readonly baseline: number;
}

/** Shortens a label to at most `width` units, ending in an ellipsis. */
export function fitText(text: string, width: number, fontSize = FONT_SIZE): { text: string; shortened: boolean } {
  if (estimateTextWidth(text, fontSize) <= width) return { text, shortened: false };
  const chars = [...text];
  while (chars.length > 1 && estimateTextWidth(`${chars.join("")}…`, fontSize) > width) chars.pop();
  return { text: `${chars.join("").trimEnd()}…`, shortened: true };
}

/**
 * `categories` are the (already translated) names; `valueLabels` the formatted values,
 * whose widest decides the space kept free at the bars' end so no label runs off the chart.
 */
export function layoutBarChart(values: readonly number[], categories: readonly string[], valueLabels: readonly string[], direction: Direction, width = BAR_WIDTH): BarChartGeometry {
  const box = { width, height: Math.max(1, values.length) * BAR_ROW + 8 };
  const widest = (labels: readonly string[]) => Math.max(0, ...labels.map((l) => estimateTextWidth(l, FONT_SIZE)));
  const categorySpace = Math.min(Math.ceil(widest(categories)), Math.floor(width * 0.36));
  const valueSpace = Math.min(Math.ceil(widest(valueLabels)), Math.floor(width * 0.3));
  const hasNegative = values.some((v) => v < 0);
  const plot = plotArea(
    box,
    { start: categorySpace + GAP * 2 + (hasNegative ? valueSpace + GAP : 0), end: valueSpace + GAP + 4, top: 4, bottom: 4 },
    direction,
  );
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 4, true);
  const { bars, x } = barLayout(values, { plot, direction, min: ticks.min, max: ticks.max, labelGap: GAP / 2 + 2 });
  const startIsLeft = direction === "ltr";
  const categoryX = startIsLeft ? GAP : width - GAP;
  return {
    box,
    plot,
    bars: bars.map((b) => ({ ...b, valueAnchor: anchorFor(b.labelEdge, direction) })),
    categories: categories.map((name, i) => {
      const fitted = fitText(name, categorySpace);
      return { ...fitted, x: categoryX, y: bars[i]?.centerY ?? 0, anchor: anchorFor(startIsLeft ? "left" : "right", direction) };
    }),
    baseline: x(0),
  };
}
