/**
 * Stripe's currency rules, which differ from ISO 4217: its own zero-decimal list,
 * three-decimal currencies whose last digit must be 0, ISK in whole krónur, a
 * minimum charge worth about 50 US cents and at most eight digits.
 */

const ZERO_DECIMAL = new Set([
  "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
]);
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

/** Stripe's published minimums, in the currency's Stripe unit. */
const PUBLISHED_MINIMUM: Record<string, number> = {
  usd: 50, aed: 200, aud: 50, bgn: 100, brl: 50, cad: 50, chf: 50, czk: 1500, dkk: 250, eur: 50, gbp: 30,
  hkd: 400, huf: 17500, inr: 50, jpy: 50, mxn: 1000, myr: 200, nok: 300, nzd: 50, pln: 200, ron: 200,
  sek: 300, sgd: 50, thb: 1000,
};

/** Rough units per US dollar, for the minimum of currencies without a published one (Stripe converts to USD). */
const UNITS_PER_USD: Record<string, number> = {
  kwd: 0.31, bhd: 0.376, jod: 0.709, omr: 0.385, tnd: 3.1, krw: 1400, cny: 7.2, sar: 3.75, qar: 3.64, egp: 49,
  try: 34, zar: 18, idr: 16000, vnd: 25000, ils: 3.7, mad: 10, ngn: 1500, kes: 130, php: 57, twd: 32,
  clp: 940, cop: 4000, pen: 3.7, ars: 1000, uah: 41, isk: 138, pkr: 280, bdt: 120, lkr: 300, ghs: 15,
  xof: 600, xaf: 600, ugx: 3700, rwf: 1350, kzt: 480, gel: 2.7, amd: 390, rsd: 108, mkd: 57,
  bam: 1.8, dop: 60, crc: 510, uyu: 40, pyg: 7500, bob: 6.9, gtq: 7.8, hnl: 25, nio: 37,
};

export function stripeDecimals(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

let isoCodes: Set<string> | undefined;
export function isSupportedCurrency(currency: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf("currency").map((c) => c.toLowerCase()));
  return /^[a-z]{3}$/.test(currency) && isoCodes.has(currency);
}

/** The step an amount must be a multiple of (10 for three-decimal currencies, 100 for ISK). */
export function amountStep(currency: string): number {
  if (THREE_DECIMAL.has(currency)) return 10;
  if (currency === "isk") return 100;
  return 1;
}

export const MAX_AMOUNT = 99_999_999;

export function minimumAmount(currency: string): number {
  const published = PUBLISHED_MINIMUM[currency];
  if (published !== undefined) return published;
  const rate = UNITS_PER_USD[currency];
  if (rate === undefined) return amountStep(currency);
  const step = amountStep(currency);
  const raw = Math.ceil(0.5 * rate * 10 ** stripeDecimals(currency));
  return Math.ceil(raw / step) * step;
}

/** Formats an amount in Stripe's smallest unit for display, e.g. 125000 jpy -> "￥125,000" in ja. */
export function formatAmount(amount: number, currency: string, locale = "en"): string {
  const value = amount / 10 ** stripeDecimals(currency);
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(value);
  } catch {
    return `${value.toFixed(stripeDecimals(currency))} ${currency.toUpperCase()}`;
  }
}
