/**
 * Money: an integer number of minor units (cents, yen, fils) and an ISO 4217 code.
 * No floats anywhere: arithmetic is on safe integers, conversion on BigInt rationals.
 */
import { assertCurrency, decimalsOf, type CurrencyCode } from "./currencies";

export interface Money {
  /** Integer count of the currency's ISO 4217 minor units. */
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyError";
  }
}

export class CurrencyMismatchError extends MoneyError {
  constructor(a: string, b: string) {
    super(`Cannot combine ${a} with ${b}`);
    this.name = "CurrencyMismatchError";
  }
}

/** An amount too large (or small) to be held exactly: arithmetic left the safe integer range. */
export class MoneyRangeError extends MoneyError {
  constructor(message: string) {
    super(message);
    this.name = "MoneyRangeError";
  }
}

function assertMinor(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor)) {
    const message = `Amount must be a safe integer of minor units, got ${amountMinor}`;
    // Whole numbers beyond 2^53 and infinities come from overflow; fractions and NaN from a bug.
    const outOfRange = Number.isInteger(amountMinor) || amountMinor === Infinity || amountMinor === -Infinity;
    throw outOfRange ? new MoneyRangeError(message) : new MoneyError(message);
  }
}

export function money(amountMinor: number, currency: string): Money {
  assertMinor(amountMinor);
  return { amountMinor, currency: assertCurrency(currency) };
}

export function zero(currency: string): Money {
  return money(0, currency);
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  same(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  same(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/** Sum of amounts in one currency; an empty list sums to zero of `currency`. */
export function sum(items: readonly Money[], currency: string): Money {
  return items.reduce((total, item) => add(total, item), zero(currency));
}

/** Multiplies by an integer quantity. */
export function times(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new MoneyError(`Quantity must be an integer, got ${quantity}`);
  return money(a.amountMinor * quantity, a.currency);
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  same(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export function isNegative(a: Money): boolean {
  return a.amountMinor < 0;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amountMinor === b.amountMinor;
}

/**
 * The store's one rounding rule: round half away from zero (2.5 -> 3, -2.5 -> -3),
 * applied once, to the target's minor unit, after exact rational arithmetic.
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new MoneyError("Division by zero");
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const quotient = abs / denominator;
  const remainder = abs % denominator;
  const rounded = remainder * 2n >= denominator ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

export function fromBigInt(value: bigint, currency: string): Money {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyRangeError("Amount out of range");
  }
  return money(Number(value), currency);
}

/** Multiplies by an exact ratio (a tax rate 19/100, a share) with the store's rounding rule. */
export function multiplyByRatio(a: Money, numerator: bigint, denominator: bigint): Money {
  return fromBigInt(divideRoundHalfAwayFromZero(BigInt(a.amountMinor) * numerator, denominator), a.currency);
}

/** "12.34" for 1234 EUR, "1234" for 1234 JPY, "1.230" for 1230 KWD. Not localised: for storage and APIs. */
export function toDecimalString(a: Money): string {
  const decimals = decimalsOf(a.currency);
  const negative = a.amountMinor < 0;
  const digits = Math.abs(a.amountMinor).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? "." + digits.slice(digits.length - decimals) : "";
  return (negative ? "-" : "") + whole + fraction;
}

/**
 * Parses a decimal string in major units ("12.34") exactly. More fraction digits than
 * the currency has is an error, not a silent rounding.
 */
export function parseDecimal(value: string, currency: string): Money {
  const code = assertCurrency(currency);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new MoneyError(`Not a decimal amount: ${value}`);
  const decimals = decimalsOf(code);
  const fraction = match[3] ?? "";
  if (fraction.length > decimals) throw new MoneyError(`${code} has ${decimals} decimals: ${value}`);
  const minor = BigInt((match[2] ?? "0") + fraction.padEnd(decimals, "0"));
  return fromBigInt(match[1] ? -minor : minor, code);
}
