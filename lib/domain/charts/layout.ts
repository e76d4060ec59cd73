/**
 * Chart geometry in the SVG's own coordinate space (the viewBox; the SVG scales to
 * its container, so these are not CSS pixels). Pure: the components only draw it.
 *
 * Direction. Two questions, answered differently:
 * - Which way does time run? Left to right in every locale, Arabic included. Arabic
 *   writes numbers and dates left to right, the charts sellers compare ours with
 *   (carriers', payment providers', spreadsheets) run time left to right in Arabic
 *   too, and a reversed time axis makes "the line goes up" read as "it falls" to
 *   anyone switching languages. So `LineChart` never mirrors x.
 * - Where do labels, the value axis and the legend go? On the page's inline-start
 *   side: in Arabic the value axis and the bar categories are on the right, text is
 *   anchored at its logical end, and the legend and table follow the page.
 * Horizontal bars have no time in them, so `BarChart` mirrors fully in right-to-left:
 * categories on the right, bars growing leftwards. `mirror` below does that flip.
 */
import { linearScale, type LinearScale } from "./scale";

export type Direction = "ltr" | "rtl";

export interface Box {
  readonly width: number;
  readonly height: number;
}

export interface Margins {
  /** Logical sides: start is left in left-to-right, right in right-to-left. */
  readonly start: number;
  readonly end: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Plot {
  /** The drawing area, in physical coordinates (left < right). */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The plot area inside a box once logical margins are placed on their physical sides. */
export function plotArea(box: Box, margins: Margins, direction: Direction): Plot {
  const left = direction === "rtl" ? margins.end : margins.start;
  const right = box.width - (direction === "rtl" ? margins.start : margins.end);
  return { left, right: Math.max(left, right), top: margins.top, bottom: Math.max(margins.top, box.height - margins.bottom) };
}

/** The x range of a plot, reversed when mirrored (so the domain's minimum sits on the right). */
export function xRange(plot: Plot, mirror: boolean): [number, number] {
  return mirror ? [plot.right, plot.left] : [plot.left, plot.right];
}

/** An x coordinate reflected across the box (left edge to right edge). */
export function mirrorX(x: number, width: number): number {
  return width - x;
}

/**
 * The `text-anchor` that puts a label's physical left or right edge at its x.
 * SVG's `start` and `end` follow the text's direction, so in right-to-left `end` is
 * the left edge.
 */
export function anchorFor(edge: "left" | "right" | "middle", direction: Direction): "start" | "end" | "middle" {
  if (edge === "middle") return "middle";
  const startIsLeft = direction === "ltr";
  return (edge === "left") === startIsLeft ? "start" : "end";
}

/** A rough width of a label in the chart's units: CJK and other wide scripts count one em a character. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80 && code <= 0xffef) ems += 1;
    else if (/[\u200e\u200f\u2066-\u2069\u061c]/.test(ch)) ems += 0;
    else ems += 0.6;
  }
  return ems * fontSize;
}

export interface Label {
  /** Centre of the label along the axis. */
  readonly at: number;
  readonly width: number;
}

/** Whether labels, in the order given, leave at least `gap` between neighbours. */
export function labelsFit(labels: readonly Label[], gap: number): boolean {
  const sorted = [...labels].sort((a, b) => a.at - b.at);
  for (let i = 1; i < sorted.length; i += 1) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.at + a.width / 2 + gap > b.at - b.width / 2) return false;
  }
  return true;
}

/**
 * The indexes of labels to keep so that none overlap: every n-th, for the smallest
 * n that fits, always starting with the first. A chart skips ticks rather than print
 * them over each other.
 */
export function thinLabels(labels: readonly Label[], gap: number): number[] {
  for (let every = 1; every <= Math.max(1, labels.length); every += 1) {
    const kept = labels.map((_, i) => i).filter((i) => i % every === 0);
    if (labelsFit(kept.map((i) => labels[i]!), gap)) return kept;
  }
  return labels.length ? [0] : [];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

const num = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * An SVG path through points; a missing value (null) breaks the line into separate
 * pieces rather than drawing across the gap.
 */
export function linePath(points: readonly (Point | null)[]): string {
  const parts: string[] = [];
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? "L" : "M"}${num(p.x)},${num(p.y)}`);
    pen = true;
  }
  return parts.join("");
}

export interface BandPoint {
  readonly x: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The closed area between a lower and an upper line (a forecast interval): along the
 * upper edge forwards, back along the lower edge, closed. Bounds given in either order
 * are sorted; a missing point (null) splits the band into separate areas. "" when
 * nothing is left to draw (fewer than two points in every piece).
 */
export function bandPath(points: readonly (BandPoint | null)[], y: (value: number) => number): string {
  const pieces: BandPoint[][] = [[]];
  for (const p of points) {
    if (p) pieces[pieces.length - 1]!.push(p);
    else pieces.push([]);
  }
  return pieces
    .filter((piece) => piece.length >= 2)
    .map((piece) => {
      const upper = piece.map((p) => `${num(p.x)},${num(y(Math.max(p.lower, p.upper)))}`);
      const lower = [...piece].reverse().map((p) => `${num(p.x)},${num(y(Math.min(p.lower, p.upper)))}`);
      return `M${upper.join("L")}L${lower.join("L")}Z`;
    })
    .join("");
}

export interface BarRect {
  readonly index: number;
  /** Physical rectangle: x is the left edge whatever the direction. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Where the value's label goes: just past the bar's end, on the physical side given. */
  readonly labelX: number;
  readonly labelEdge: "left" | "right";
  /** The vertical centre of the row, for the category and value labels. */
  readonly centerY: number;
}

export interface BarLayoutOptions {
  readonly plot: Plot;
  readonly direction: Direction;
  /** The value axis' extent (from niceTicks with zero included). */
  readonly min: number;
  readonly max: number;
  /** Share of each row the bar fills, 0..1. */
  readonly fill?: number;
  /** Space between a bar's end and its value label. */
  readonly labelGap?: number;
}

/**
 * Horizontal bars, one a row, from the zero line: rightwards in left-to-right,
 * leftwards (mirrored) in right-to-left; a negative value grows the other way. Each
 * bar's width is at least 1 unit for a non-zero value, so small values stay visible.
 */
export function barLayout(values: readonly number[], options: BarLayoutOptions): { bars: BarRect[]; x: LinearScale } {
  const { plot, direction, fill = 0.62, labelGap = 6 } = options;
  const x = linearScale([options.min, options.max], xRange(plot, direction === "rtl"));
  const rowHeight = values.length ? (plot.bottom - plot.top) / values.length : 0;
  const zero = x(Math.min(Math.max(0, options.min), options.max));
  const bars = values.map((value, index) => {
    const end = x(value);
    let left = Math.min(zero, end);
    let width = Math.abs(end - zero);
    if (value !== 0 && width < 1) {
      width = 1;
      if (end < zero) left = zero - 1;
    }
    const height = rowHeight * fill;
    const y = plot.top + index * rowHeight + (rowHeight - height) / 2;
    const towardsRight = end > zero || (end === zero && direction === "ltr");
    return {
      index,
      x: left,
      y,
      width,
      height,
      labelX: towardsRight ? left + width + labelGap : left - labelGap,
      labelEdge: towardsRight ? ("left" as const) : ("right" as const),
      centerY: y + height / 2,
    };
  });
  return { bars, x };
}
