/**
 * Display formatting. Exact: the decimal string, not a float, goes to Intl, and the
 * fraction digits are the currency's own (0 for JPY, 3 for KWD).
 */
import { decimalsOf } from "./currencies";
import { toDecimalString, type Money } from "./money";

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: Money, locale: string): string {
  const key = `${locale}|${amount.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = decimalsOf(amount.currency);
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: amount.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(toDecimalString(amount) as Intl.StringNumericLiteral);
}
