/**
 * A day's set of rates, all against EUR (the ECB's base), and conversion between any
 * two currencies through EUR. Rates the ECB does not publish (AED, KWD, ...) are
 * entered by hand and marked MANUAL.
 */
import {
  chainRates,
  chargeStepMinor,
  convert,
  decimalsOf,
  fromBigInt,
  identityRate,
  invertRate,
  MoneyError,
  parseRate,
  type CurrencyCode,
  type Money,
  type Rate,
} from "@/lib/domain/money";

export const FX_SOURCES = ["ECB", "MANUAL"] as const;
export type FxSource = (typeof FX_SOURCES)[number];

export interface EurRate {
  quote: CurrencyCode;
  /** Published decimal: units of `quote` per 1 EUR. */
  rate: string;
  /** ISO date (YYYY-MM-DD) the rate is for. */
  date: string;
  source: FxSource;
}

export interface FxTable {
  /** The reference date of the newest rate in the table. */
  date: string;
  rates: ReadonlyMap<CurrencyCode, EurRate>;
}

export interface Conversion {
  original: Money;
  converted: Money;
  rate: Rate;
  /** Oldest date among the rates used. */
  rateDate: string;
  sources: FxSource[];
}

export class MissingRateError extends MoneyError {
  constructor(readonly currency: string) {
    super(`No exchange rate for ${currency}`);
    this.name = "MissingRateError";
  }
}

export function buildFxTable(rates: readonly EurRate[]): FxTable {
  const map = new Map<CurrencyCode, EurRate>();
  for (const rate of rates) {
    const current = map.get(rate.quote);
    if (!current || current.date < rate.date) map.set(rate.quote, rate);
  }
  const date = [...map.values()].reduce((newest, r) => (r.date > newest ? r.date : newest), "");
  return { date, rates: map };
}

function eurTo(table: FxTable, currency: CurrencyCode): { rate: Rate; entry?: EurRate } {
  if (currency === "EUR") return { rate: identityRate("EUR") };
  const entry = table.rates.get(currency);
  if (!entry) throw new MissingRateError(currency);
  return { rate: parseRate("EUR", currency, entry.rate), entry };
}

/** The exact rate from `from` to `to`, crossing through EUR. */
export function crossRate(table: FxTable, from: CurrencyCode, to: CurrencyCode): { rate: Rate; dates: string[]; sources: FxSource[] } {
  if (from === to) return { rate: identityRate(from), dates: [], sources: [] };
  const a = eurTo(table, from);
  const b = eurTo(table, to);
  const rate = chainRates(invertRate(a.rate), b.rate);
  const used = [a.entry, b.entry].filter((e): e is EurRate => e !== undefined);
  return { rate, dates: used.map((e) => e.date), sources: [...new Set(used.map((e) => e.source))] };
}

/**
 * The exact factor that turns an integer amount of `from` at `fromDecimals` decimals
 * into one of `to` at `toDecimals` decimals (by default each currency's own minor
 * units): `amount x numerator / denominator`, for conversions done in SQL on many rows.
 */
export function scaledRate(
  table: FxTable,
  from: CurrencyCode,
  to: CurrencyCode,
  decimals: { from?: number; to?: number } = {},
): { numerator: bigint; denominator: bigint } {
  const { rate } = crossRate(table, from, to);
  const shift = (decimals.to ?? decimalsOf(to)) - (decimals.from ?? decimalsOf(from));
  return {
    numerator: rate.numerator * (shift > 0 ? 10n ** BigInt(shift) : 1n),
    denominator: rate.denominator * (shift < 0 ? 10n ** BigInt(-shift) : 1n),
  };
}

/**
 * Rounds the exact converted value once, straight to a whole number of charge steps.
 * Rounding to the minor unit first and then to the step would round twice
 * (454.977 fils -> 455 -> 460 instead of 450).
 */
function convertToChargeable(amount: Money, rate: Rate): Money {
  const step = BigInt(chargeStepMinor(rate.quote));
  const steps = convert(amount, { ...rate, denominator: rate.denominator * step });
  return fromBigInt(BigInt(steps.amountMinor) * step, rate.quote);
}

/**
 * Converts an amount into another currency. With `chargeable`, the result is also
 * rounded to the nearest amount the payment provider accepts (10 fils for KWD), so a
 * displayed price is exactly what would be charged.
 */
export function convertMoney(
  table: FxTable,
  amount: Money,
  to: CurrencyCode,
  options: { chargeable?: boolean } = {},
): Conversion {
  const { rate, dates, sources } = crossRate(table, amount.currency, to);
  const converted = options.chargeable ? convertToChargeable(amount, rate) : convert(amount, rate);
  const rateDate = dates.length ? dates.reduce((oldest, d) => (d < oldest ? d : oldest)) : table.date;
  return { original: amount, converted, rate, rateDate, sources };
}

/** Whole days between the table's date and `today` (ISO dates). */
export function ageInDays(table: FxTable, today: string): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${table.date}T00:00:00Z`);
  return Math.floor(ms / 86_400_000);
}

/**
 * Rates older than this are stale: the store still shows converted prices but labels
 * them as indicative. Seven days covers ECB holidays and long weekends.
 */
export const STALE_AFTER_DAYS = 7;

/** Stale when older than the limit, and also when the date is unknown (an empty table): never fail open. */
export function isStale(table: FxTable, today: string): boolean {
  return isRateDateStale(table.date, today);
}

/** The same rule for one rate's date (a conversion's `rateDate`, the older leg of a cross rate). */
export function isRateDateStale(rateDate: string, today: string): boolean {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${rateDate}T00:00:00Z`);
  if (!Number.isFinite(ms)) return true;
  return Math.floor(ms / 86_400_000) > STALE_AFTER_DAYS;
}
