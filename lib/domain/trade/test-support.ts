/**
 * Builders shared by the trade tests. Rates are units of each currency per 1 EUR,
 * chosen round so expected amounts can be worked out by hand.
 */
import { buildFxTable, type EurRate, type FxTable } from "@/lib/domain/fx";
import { money, type CurrencyCode, type Money } from "@/lib/domain/money";
import { quoteLandedCost } from "./engine";
import type { Incoterm, ParcelInput, Quote, QuoteInput, QuoteItemInput, TaxCategory } from "./types";

export const TEST_RATES: Readonly<Partial<Record<CurrencyCode, string>>> = {
  USD: "1.10", GBP: "0.85", JPY: "160", AUD: "1.60", KRW: "1450", KWD: "0.33", CAD: "1.50",
  CHF: "0.95", CNY: "7.80", BRL: "6.00", INR: "90", AED: "4.04", MXN: "20", KES: "140",
  MAD: "10.80", SEK: "11.50", PLN: "4.25", DKK: "7.46",
};

/** The test rates, dated the pricing date so they are never stale. */
export function fxOn(date: string): FxTable {
  const rates: EurRate[] = Object.entries(TEST_RATES).map(([quote, rate]) => ({
    quote: quote as CurrencyCode,
    rate: rate ?? "1",
    date,
    source: quote === "KWD" || quote === "AED" || quote === "KES" || quote === "MAD" ? "MANUAL" : "ECB",
  }));
  return buildFxTable(rates);
}

export const m = (amountMinor: number, currency: string): Money => money(amountMinor, currency);

export function physical(hsCode: string, unitPrice: Money, quantity = 1, extra: Partial<QuoteItemInput> = {}): QuoteItemInput {
  return { kind: "physical", hsCode, unitPrice, quantity, ...extra };
}

export function digital(unitPrice: Money, quantity = 1, taxCategory: TaxCategory = "standard"): QuoteItemInput {
  return { kind: "digital", unitPrice, quantity, taxCategory };
}

export function parcel(origin: string, shipping: Money, items: QuoteItemInput[], incoterm?: Incoterm): ParcelInput {
  return incoterm ? { origin, shipping, items, incoterm } : { origin, shipping, items };
}

export function input(destination: string, date: string, currency: CurrencyCode, parcels: ParcelInput[], extra: Partial<QuoteInput> = {}): QuoteInput {
  return { destination, date, currency, mode: "quote", parcels, ...extra };
}

/** Quotes with the test rates dated the pricing date; fails the test on an error result. */
export function quoteOf(request: QuoteInput, fx: FxTable = fxOn(request.date)): Quote {
  const result = quoteLandedCost(request, { fx });
  if (!result.ok) throw new Error(`Expected a quote, got ${JSON.stringify(result.errors)}`);
  return result.quote;
}
