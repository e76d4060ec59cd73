import { convertMoney, isRateDateStale, MissingRateError, type FxSource, type FxTable } from "@/lib/domain/fx";
import { money, type CurrencyCode, type Money } from "@/lib/domain/money";

/** What a price tag needs: the seller's price, the buyer's price and where the rate came from. */
export interface PriceView {
  original: Money;
  /** In the buyer's currency, rounded to an amount that can be charged; equal to `original` when no conversion applies. */
  display: Money;
  converted: boolean;
  /** ISO date of the rate used (oldest of a cross rate), when converted. */
  rateDate?: string;
  sources: FxSource[];
  /** The rates are older than the store's staleness limit: the converted price is only indicative. */
  stale: boolean;
}

export function priceView(
  fx: FxTable,
  amountMinor: number,
  currency: string,
  buyerCurrency: CurrencyCode,
  today: string = new Date().toISOString().slice(0, 10),
): PriceView {
  const original = money(amountMinor, currency);
  const unconverted = { original, display: original, converted: false, sources: [], stale: false };
  if (original.currency === buyerCurrency) return unconverted;
  try {
    const conversion = convertMoney(fx, original, buyerCurrency, { chargeable: true });
    return {
      original,
      display: conversion.converted,
      converted: true,
      rateDate: conversion.rateDate,
      sources: conversion.sources,
      stale: isRateDateStale(conversion.rateDate, today),
    };
  } catch (error) {
    if (error instanceof MissingRateError) return unconverted;
    throw error;
  }
}
