/**
 * Exchange rates as exact rationals. A rate says how many units (major) of `quote`
 * one unit (major) of `base` buys, exactly as published ("161.23").
 */
import { divideRoundHalfAwayFromZero, fromBigInt, MoneyError, type Money } from "./money";
import { assertCurrency, decimalsOf, type CurrencyCode } from "./currencies";

export interface Rate {
  readonly base: CurrencyCode;
  readonly quote: CurrencyCode;
  /** Exact value as numerator / denominator, both positive. */
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

function reduce(numerator: bigint, denominator: bigint): [bigint, bigint] {
  const divisor = gcd(numerator, denominator);
  return [numerator / divisor, denominator / divisor];
}

/** Parses a published decimal rate such as "1.0824" or "161.2300". Must be positive. */
export function parseRate(base: string, quote: string, value: string): Rate {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new MoneyError(`Not a rate: ${value}`);
  const fraction = match[2] ?? "";
  const numerator = BigInt((match[1] ?? "0") + fraction);
  if (numerator === 0n) throw new MoneyError(`A rate must be positive: ${value}`);
  const [n, d] = reduce(numerator, 10n ** BigInt(fraction.length));
  return { base: assertCurrency(base), quote: assertCurrency(quote), numerator: n, denominator: d };
}

export function identityRate(currency: string): Rate {
  const code = assertCurrency(currency);
  return { base: code, quote: code, numerator: 1n, denominator: 1n };
}

export function invertRate(rate: Rate): Rate {
  return { base: rate.quote, quote: rate.base, numerator: rate.denominator, denominator: rate.numerator };
}

/** base->mid and mid->quote into base->quote, exactly (cross rates via EUR). */
export function chainRates(first: Rate, second: Rate): Rate {
  if (first.quote !== second.base) throw new MoneyError(`Cannot chain ${first.base}/${first.quote} with ${second.base}/${second.quote}`);
  const [n, d] = reduce(first.numerator * second.numerator, first.denominator * second.denominator);
  return { base: first.base, quote: second.quote, numerator: n, denominator: d };
}

/** A decimal rendering of a rate for display and storage, to `digits` fraction digits. */
export function rateToDecimalString(rate: Rate, digits = 6): string {
  const scaled = divideRoundHalfAwayFromZero(rate.numerator * 10n ** BigInt(digits), rate.denominator);
  const text = scaled.toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Converts an amount with a rate. Exact rational arithmetic, then one rounding,
 * half away from zero, to the target currency's minor unit:
 *   minor_out = minor_in * rate * 10^(dec_out - dec_in)
 */
export function convert(amount: Money, rate: Rate): Money {
  if (amount.currency !== rate.base) throw new MoneyError(`Rate ${rate.base}/${rate.quote} cannot convert ${amount.currency}`);
  const shift = decimalsOf(rate.quote) - decimalsOf(rate.base);
  let numerator = BigInt(amount.amountMinor) * rate.numerator;
  let denominator = rate.denominator;
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  return fromBigInt(divideRoundHalfAwayFromZero(numerator, denominator), rate.quote);
}
