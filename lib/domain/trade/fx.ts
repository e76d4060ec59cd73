/**
 * Conversions for one parcel: every amount goes through `convertMoney` (exact rational
 * cross rate via EUR, one rounding half away from zero), and every rate used is recorded
 * so the quote can list it.
 */
import { convertMoney, crossRate, MissingRateError, type FxTable } from "@/lib/domain/fx";
import { decimalsOf, rateToDecimalString, type CurrencyCode, type Money } from "@/lib/domain/money";
import { TradeRuleError } from "./errors";
import type { Ratio } from "./percent";
import type { FieldPath, FxRateUsed } from "./types";

export class FxBook {
  private readonly used = new Map<string, FxRateUsed>();

  constructor(private readonly table: FxTable) {}

  convert(amount: Money, to: CurrencyCode, path: FieldPath): Money {
    if (amount.currency === to) return amount;
    try {
      const conversion = convertMoney(this.table, amount, to);
      this.record({
        from: amount.currency,
        to,
        rate: rateToDecimalString(conversion.rate, 10),
        rateDate: conversion.rateDate,
        sources: conversion.sources,
      });
      return conversion.converted;
    } catch (error) {
      if (error instanceof MissingRateError) throw new TradeRuleError("FX_RATE_MISSING", path, { currency: error.currency });
      throw error;
    }
  }

  /**
   * The exact, unrounded value of an amount in minor units of another currency, as a
   * fraction: what `convert` would round. Used for proportions that must not depend on
   * rounding (sharing shipping over lines).
   */
  exactMinor(amount: Money, to: CurrencyCode, path: FieldPath): Ratio {
    try {
      const { rate } = crossRate(this.table, amount.currency, to);
      const shift = decimalsOf(to) - decimalsOf(amount.currency);
      const scale = 10n ** BigInt(Math.abs(shift));
      const numerator = BigInt(amount.amountMinor) * rate.numerator * (shift >= 0 ? scale : 1n);
      return { numerator, denominator: rate.denominator * (shift >= 0 ? 1n : scale) };
    } catch (error) {
      if (error instanceof MissingRateError) throw new TradeRuleError("FX_RATE_MISSING", path, { currency: error.currency });
      throw error;
    }
  }

  rates(): FxRateUsed[] {
    return [...this.used.values()];
  }

  private record(rate: FxRateUsed): void {
    this.used.set(`${rate.from}>${rate.to}`, rate);
  }
}

/** The union of several books' rates, one entry per currency pair. */
export function mergeFxRates(lists: readonly FxRateUsed[][]): FxRateUsed[] {
  const merged = new Map<string, FxRateUsed>();
  for (const rate of lists.flat()) merged.set(`${rate.from}>${rate.to}`, rate);
  return [...merged.values()];
}
