/**
 * Scales and ticks for the seller analytics charts: pure arithmetic, no I/O, no
 * formatting (the components format with the page's locale).
 */

export interface LinearScale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** The coordinate of a value (extrapolates outside the domain). */
  (value: number): number;
}

/**
 * A linear map from `domain` to `range`. A range given high-to-low (`[300, 0]`, as a
 * y axis whose zero is at the bottom, or an x axis mirrored for right-to-left) maps
 * high-to-low. An empty domain (min = max) maps everything to the middle of the range.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) => (span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0))) as LinearScale;
  return Object.assign(scale, { domain: [d0, d1] as const, range: [r0, r1] as const });
}

/** The steps a "nice" axis uses: 1, 2 or 5 times a power of ten. */
export function niceStep(roughStep: number): number {
  if (!(roughStep > 0) || !Number.isFinite(roughStep)) return 1;
  const power = 10 ** Math.floor(Math.log10(roughStep));
  const fraction = roughStep / power;
  // The smallest of 1, 2, 5, 10 that is at least the rough step, so there are never more ticks than asked for.
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

export interface NiceTicks {
  /** The axis' extent, widened outwards to whole steps (so it contains min and max). */
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Every step from min to max inclusive. */
  readonly values: readonly number[];
}

/**
 * Ticks at 1-2-5 steps covering [min, max] with at most about `maxCount` intervals.
 * Values are rounded to the step's decimals, so 0.1 + 0.2 never shows as 0.30000000000000004.
 * Zero is kept in the axis when `includeZero` (bars and revenue should start at zero).
 * `integer` keeps the step at 1 or more (money in minor units, counts), so no two
 * ticks print the same label.
 */
export function niceTicks(min: number, max: number, maxCount = 5, includeZero = false, integer = false): NiceTicks {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 1;
  }
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) {
    // A flat series: give it an axis of one step around the value.
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    hi = lo + pad;
    if (!includeZero || lo !== 0) lo = includeZero && lo > 0 ? 0 : lo - pad;
  }
  const step = Math.max(integer ? 1 : 0, niceStep((hi - lo) / Math.max(1, Math.floor(maxCount))));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const round = (v: number) => Number(v.toFixed(decimals));
  const first = round(Math.floor(lo / step + 1e-9) * step);
  const last = round(Math.ceil(hi / step - 1e-9) * step);
  const values: number[] = [];
  for (let i = 0; ; i += 1) {
    const v = round(first + i * step);
    if (v > last + step / 2) break;
    values.push(v === 0 ? 0 : v); // never -0
  }
  return { min: first, max: last, step, values };
}

/** Parses a calendar date `YYYY-MM-DD` as midnight UTC; charts keep dates in UTC so no time zone shifts a week. */
export function parseDay(day: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a calendar date: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export interface DateTick {
  /** The index of the week in the series. */
  readonly index: number;
  readonly date: Date;
  /** Whether the label should carry the year too (the first tick, and the first of each new year). */
  readonly withYear: boolean;
}

/**
 * Month-boundary ticks for a weekly series: the first week that starts in each month.
 * The series' first week counts as a boundary only when it is its month's first week
 * (a series starting mid-month gets its first tick at the next month, so no label
 * crowds the one after it). With `monthStep` > 1 only every n-th month is kept,
 * counted from January, so quarters fall on Jan/Apr/Jul/Oct. A series inside one
 * month gets a single tick on its first week.
 */
export function weeklyDateTicks(weeks: readonly string[], monthStep = 1): DateTick[] {
  const ticks: DateTick[] = [];
  let previousMonth = -1;
  let previousYear = -1;
  weeks.forEach((week, index) => {
    const date = parseDay(week);
    const month = date.getUTCFullYear() * 12 + date.getUTCMonth();
    if (month === previousMonth) return;
    previousMonth = month;
    if (index === 0 && date.getUTCDate() > 7) return;
    if (date.getUTCMonth() % monthStep !== 0) return;
    const year = date.getUTCFullYear();
    ticks.push({ index, date, withYear: ticks.length === 0 || year !== previousYear });
    previousYear = year;
  });
  if (!ticks.length && weeks.length && monthStep === 1) ticks.push({ index: 0, date: parseDay(weeks[0]!), withYear: true });
  return ticks;
}

/** Month steps tried, smallest first, when month ticks are too crowded. */
export const MONTH_STEPS = [1, 2, 3, 6, 12] as const;
