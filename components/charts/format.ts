/**
 * Labels for the charts in the page's locale: numbers through Intl.NumberFormat,
 * money through the store's formatter (integer minor units, the currency's own
 * decimals), dates in UTC so a week never shifts by a time zone. Digits are the
 * locale's own: Intl picks them ("ar" uses Western digits in current CLDR, "ar-EG"
 * Arabic-Indic), so the charts write numbers as the rest of the page does.
 */
import { formatMoney } from "@/lib/domain/money/format";
import type { CurrencyCode } from "@/lib/domain/money";
import { parseDay, type DateTick } from "@/lib/domain/charts";

/** How a chart's values read: plain numbers (counts, units), or money in minor units of one currency. */
export type ChartValueFormat =
  | { readonly kind: "number"; readonly options?: Intl.NumberFormatOptions }
  | { readonly kind: "money"; readonly currency: CurrencyCode };

export function valueFormatter(locale: string, format: ChartValueFormat = { kind: "number" }): (value: number) => string {
  if (format.kind === "money") {
    const { currency } = format;
    return (value) => formatMoney({ amountMinor: Math.round(value), currency }, locale);
  }
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...format.options });
  return (value) => numbers.format(value);
}

export interface DateFormatters {
  /** An axis label: the month, with the year on the first tick and at each new year. */
  readonly month: (tick: DateTick) => string;
  /** A week in the table and the summary: its first day, in full. */
  readonly day: (day: string) => string;
}

export function dateFormatters(locale: string): DateFormatters {
  const month = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const monthYear = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return {
    month: (tick) => (tick.withYear ? monthYear : month).format(tick.date),
    day: (value) => day.format(parseDay(value)),
  };
}
