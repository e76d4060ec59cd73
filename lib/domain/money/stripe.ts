/**
 * Stripe's currency rules, which are not ISO 4217's: a zero-decimal list, three-decimal
 * currencies whose amounts must end in 0, ISK charged in whole hundreds. Used at the
 * Stripe edge and to round displayed buyer prices so the amount shown can be charged.
 */
import { decimalsOf } from "./currencies";
import { divideRoundHalfAwayFromZero, fromBigInt, MoneyError, type Money } from "./money";

export const STRIPE_ZERO_DECIMAL = new Set([
  "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
]);
export const STRIPE_THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);

/** Decimals of Stripe's smallest unit for a currency. */
export function stripeDecimals(currency: string): number {
  if (STRIPE_ZERO_DECIMAL.has(currency)) return 0;
  if (STRIPE_THREE_DECIMAL.has(currency)) return 3;
  if (currency === "ISK") return 2;
  return decimalsOf(currency);
}

/** How many ISO minor units one chargeable step is (10 for KWD, 1 for EUR). */
export function chargeStepMinor(currency: string): number {
  const iso = decimalsOf(currency);
  if (STRIPE_THREE_DECIMAL.has(currency)) return 10;
  if (currency === "ISK") return 1; // ISO 0 decimals; Stripe's "multiple of 100" in its 2-decimal unit is one króna.
  const stripe = stripeDecimals(currency);
  return stripe < iso ? 10 ** (iso - stripe) : 1;
}

/** Rounds (half away from zero) to an amount Stripe accepts, in ISO minor units. */
export function roundToChargeable(amount: Money): Money {
  const step = BigInt(chargeStepMinor(amount.currency));
  if (step === 1n) return amount;
  return fromBigInt(divideRoundHalfAwayFromZero(BigInt(amount.amountMinor), step) * step, amount.currency);
}

export function isChargeable(amount: Money): boolean {
  return amount.amountMinor % chargeStepMinor(amount.currency) === 0;
}

/** The `amount` and `currency` fields of a Stripe API call. Refuses amounts Stripe would reject. */
export function toStripeAmount(amount: Money): { amount: number; currency: string } {
  if (!isChargeable(amount)) {
    throw new MoneyError(`${amount.amountMinor} ${amount.currency} is not chargeable on Stripe; round it first`);
  }
  const shift = stripeDecimals(amount.currency) - decimalsOf(amount.currency);
  const value =
    shift >= 0 ? amount.amountMinor * 10 ** shift : amount.amountMinor / 10 ** -shift;
  return { amount: value, currency: amount.currency.toLowerCase() };
}
