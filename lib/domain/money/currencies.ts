/**
 * Currency facts. `ISO_DECIMALS` is ISO 4217's minor-unit exponent: the store keeps
 * every amount as an integer count of these minor units. Stripe's own rules differ
 * for a few currencies and live in `stripe.ts`, applied only at the payment edge.
 */
export const ISO_DECIMALS = {
  AED: 2, AUD: 2, BGN: 2, BHD: 3, BRL: 2, CAD: 2, CHF: 2, CLP: 0, CNY: 2, COP: 2,
  CZK: 2, DKK: 2, EGP: 2, EUR: 2, GBP: 2, HKD: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2,
  IQD: 3, ISK: 0, JOD: 3, JPY: 0, KES: 2, KRW: 0, KWD: 3, LYD: 3, MAD: 2, MGA: 2,
  MXN: 2, MYR: 2, NGN: 2, NOK: 2, NZD: 2, OMR: 3, PHP: 2, PLN: 2, PYG: 0, QAR: 2,
  RON: 2, RWF: 0, SAR: 2, SEK: 2, SGD: 2, THB: 2, TND: 3, TRY: 2, TWD: 2, UGX: 0,
  USD: 2, VND: 0, XAF: 0, XOF: 0, XPF: 0, ZAR: 2, BIF: 0, DJF: 0, GNF: 0, KMF: 0,
  VUV: 0,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof ISO_DECIMALS;

export const CURRENCY_CODES = Object.keys(ISO_DECIMALS).sort() as CurrencyCode[];

/**
 * The currency each country the store sells to or quotes for pays in (ISO 3166-1
 * alpha-2 to ISO 4217). The store's markets and the trade engine's destinations both
 * read it, so a country's currency is written once.
 */
export const COUNTRY_CURRENCIES = {
  // European Union: euro area (Bulgaria from 2026-01-01) and the member states with their own currency.
  AT: "EUR", BE: "EUR", BG: "EUR", CY: "EUR", CZ: "CZK", DE: "EUR", DK: "DKK", EE: "EUR", ES: "EUR",
  FI: "EUR", FR: "EUR", GR: "EUR", HR: "EUR", HU: "HUF", IE: "EUR", IT: "EUR", LT: "EUR", LU: "EUR",
  LV: "EUR", MT: "EUR", NL: "EUR", PL: "PLN", PT: "EUR", RO: "RON", SE: "SEK", SI: "EUR", SK: "EUR",
  AE: "AED", AU: "AUD", BR: "BRL", CA: "CAD", CH: "CHF", CN: "CNY", GB: "GBP", IN: "INR", JP: "JPY",
  KE: "KES", KR: "KRW", KW: "KWD", MA: "MAD", MX: "MXN", US: "USD",
} as const satisfies Record<string, CurrencyCode>;

export type CurrencyCountry = keyof typeof COUNTRY_CURRENCIES;

export class UnknownCurrencyError extends Error {
  constructor(readonly code: string) {
    super(`Unknown or unsupported currency: ${code}`);
    this.name = "UnknownCurrencyError";
  }
}

export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(ISO_DECIMALS, code);
}

export function assertCurrency(code: string): CurrencyCode {
  if (!isCurrencyCode(code)) throw new UnknownCurrencyError(code);
  return code;
}

/** ISO 4217 exponent: 0 for JPY, 2 for EUR, 3 for KWD. */
export function decimalsOf(code: string): number {
  return ISO_DECIMALS[assertCurrency(code)];
}
