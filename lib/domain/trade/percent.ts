/**
 * Tax and duty rates written as decimal percent strings ("19", "25.5", "3.2") and
 * applied as exact rationals, so "25.5" is 255/1000 and never a float.
 */
import { multiplyByRatio, type Money } from "@/lib/domain/money";

/** A rate in percent, as published: "19", "5.5", "13.5". */
export type Percent = `${number}`;

export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const PERCENT = /^(\d+)(?:\.(\d+))?$/;

/** The fraction of the base a rate stands for: "25.5" -> 255/1000 percent -> 255/100000. */
export function percentToRatio(percent: Percent): Ratio {
  const match = PERCENT.exec(percent);
  if (!match) throw new Error(`Not a percent rate: ${percent}`);
  const fraction = match[2] ?? "";
  const numerator = BigInt((match[1] ?? "0") + fraction);
  const denominator = 100n * 10n ** BigInt(fraction.length);
  return { numerator, denominator };
}

export function isPercent(value: string): value is Percent {
  return PERCENT.test(value);
}

/** base x rate, rounded once, half away from zero, to the base currency's minor unit. */
export function applyPercent(base: Money, percent: Percent): Money {
  const { numerator, denominator } = percentToRatio(percent);
  return multiplyByRatio(base, numerator, denominator);
}

/**
 * A tax computed "by dentro" (Brazil's ICMS): the tax is part of its own base, so on a
 * net base the amount is base x r / (1 - r). Rate 17% -> 17/83 of the net base.
 */
export function applyGrossedUpPercent(base: Money, percent: Percent): Money {
  const { numerator, denominator } = percentToRatio(percent);
  if (numerator >= denominator) throw new Error(`A grossed-up rate must be below 100%: ${percent}`);
  return multiplyByRatio(base, numerator, denominator - numerator);
}

export function isZeroPercent(percent: Percent): boolean {
  return percentToRatio(percent).numerator === 0n;
}
