/**
 * Checkout's decisions, without I/O: what the buyer is charged for a locked quote
 * (one chargeable line per good, shipping, duty and tax, each in a step the payment
 * provider accepts, so the total shown is exactly the total charged), each seller's
 * share after the platform's commission, order numbers, the fingerprint that tells
 * whether a reviewed quote still prices what the buyer is about to pay for, and the
 * quote lock.
 */
import { add, chargeStepMinor, isChargeable, money, roundToChargeable, subtract, sum, zero, type Money } from "@/lib/domain/money";
import type { ParcelQuote, Quote } from "@/lib/domain/trade";

export const CHECKOUT_ERROR_CODES = [
  /** No live cart, or nothing in it that can be bought. */
  "CART_EMPTY",
  /** A line changed since the buyer saw it: the cart must be reviewed first. */
  "CART_CHANGED",
  /** The contact or address form has errors (listed field by field). */
  "INVALID_ADDRESS",
  /** The store does not ship to that country. */
  "UNSUPPORTED_COUNTRY",
  /** An item cannot be sold to the destination (the engine's reason is shown on the line). */
  "RESTRICTED_ITEM",
  /** A seller cannot be paid yet (no connected payments account). */
  "SELLER_NOT_PAYABLE",
  /** The trade engine could not price the cart (no rule in effect, no rate...). */
  "QUOTE_FAILED",
  /** The reviewed quote is no longer what would be charged: review the new one. */
  "QUOTE_CHANGED",
  /** The quote's guarantee ran out: prices were recomputed; review them. */
  "QUOTE_EXPIRED",
  /** The exchange rates are too old to charge with (live mode). */
  "FX_RATES_STALE",
  /** Not enough stock left for a line: someone else bought it first. */
  "OUT_OF_STOCK",
  /** The payment provider could not be reached or refused the session; nothing was charged. */
  "PAYMENT_UNAVAILABLE",
  /** The payment failed or the session expired; nothing was charged. */
  "PAYMENT_FAILED",
  /** The buyer did not tick the acceptance of the terms of sale. */
  "TERMS_NOT_ACCEPTED",
  /** The store could not take the order right now (the database was too busy); nothing was charged. */
  "SERVICE_BUSY",
  "ORDER_NOT_FOUND",
  "INVALID_ACTION",
] as const;
export type CheckoutErrorCode = (typeof CHECKOUT_ERROR_CODES)[number];

export function isCheckoutErrorCode(value: unknown): value is CheckoutErrorCode {
  return typeof value === "string" && (CHECKOUT_ERROR_CODES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- charge plan

export type ChargeKind = "GOODS" | "SHIPPING" | "DUTY" | "TAX";

export interface ChargeLine {
  kind: ChargeKind;
  parcelIndex: number;
  /** GOODS: the item's index in its parcel. */
  itemIndex?: number;
  quantity?: number;
  /** A chargeable amount (a multiple of the currency's chargeable step), > 0. */
  amount: Money;
}

export interface ParcelCharge {
  parcelIndex: number;
  goods: Money;
  shipping: Money;
  /** Duty and import fees collected now (DDP). */
  duty: Money;
  /** VAT/GST collected now (at sale, or at import under DDP). */
  tax: Money;
  /** What the buyer pays now for this parcel: the sum of its charge lines. */
  charged: Money;
  /** The quote's exact amount due now, before rounding to chargeable steps. */
  exact: Money;
  dueOnDelivery: Money;
}

export interface ChargePlan {
  currency: string;
  lines: ChargeLine[];
  parcels: ParcelCharge[];
  /** The sum of every line: the amount shown and charged. */
  total: Money;
  /** total minus the quote's exact due-at-checkout (non-zero only where the currency's step is coarser than its minor unit). */
  rounding: Money;
  dueOnDelivery: Money;
}

/** What of a parcel's duty, tax and fees is collected now (the rest is the carrier's, DAP). */
function collectedNow(parcel: ParcelQuote, currency: string): { duty: Money; tax: Money } {
  if (parcel.incoterm === "DDP") return { duty: add(parcel.duty, parcel.fees), tax: parcel.tax };
  // DAP: only VAT/GST collected at sale is charged now; duty, import tax and fees are due on delivery.
  const tax = sum(parcel.lines.filter((l) => l.taxCollection === "SALE").map((l) => l.tax), currency);
  return { duty: zero(currency), tax };
}

/**
 * The lines a quote is charged as: each good, then each parcel's shipping, duty and
 * tax, each rounded half away from zero to the currency's chargeable step (KWD in
 * tens of fils). Zero amounts are left out. The plan's total is the sum of its lines,
 * so the review page, the order and the payment session carry one and the same number.
 */
export function chargePlan(quote: Quote): ChargePlan {
  const currency = quote.currency;
  const lines: ChargeLine[] = [];
  const parcels: ParcelCharge[] = [];
  for (const parcel of quote.parcels) {
    const now = collectedNow(parcel, currency);
    const own: ChargeLine[] = [];
    for (const line of parcel.lines) {
      own.push({ kind: "GOODS", parcelIndex: parcel.index, itemIndex: line.itemIndex, amount: roundToChargeable(line.goods) });
    }
    own.push({ kind: "SHIPPING", parcelIndex: parcel.index, amount: roundToChargeable(parcel.shipping) });
    own.push({ kind: "DUTY", parcelIndex: parcel.index, amount: roundToChargeable(now.duty) });
    own.push({ kind: "TAX", parcelIndex: parcel.index, amount: roundToChargeable(now.tax) });
    const kept = own.filter((l) => l.amount.amountMinor > 0);
    const of = (kind: ChargeKind) => sum(kept.filter((l) => l.kind === kind).map((l) => l.amount), currency);
    lines.push(...kept);
    parcels.push({
      parcelIndex: parcel.index,
      goods: of("GOODS"),
      shipping: of("SHIPPING"),
      duty: of("DUTY"),
      tax: of("TAX"),
      charged: sum(kept.map((l) => l.amount), currency),
      exact: parcel.dueAtCheckout,
      dueOnDelivery: parcel.dueOnDelivery,
    });
  }
  const total = sum(lines.map((l) => l.amount), currency);
  return { currency, lines, parcels, total, rounding: subtract(total, quote.dueAtCheckout), dueOnDelivery: quote.dueOnDelivery };
}

// ---------------------------------------------------------------- commission

export const MAX_COMMISSION_BPS = 5000;

export interface SellerShare {
  commission: Money;
  /** What the seller is transferred: their goods and shipping less commission, in a chargeable step. */
  share: Money;
}

/**
 * A seller's share of their parcel: goods plus shipping (what they priced), less the
 * platform's commission in basis points. The share is rounded down to the currency's
 * chargeable step (a transfer must be one), so any remainder stays with the platform;
 * duties and taxes collected at checkout stay with the platform, which remits them.
 */
export function sellerShare(parcel: Pick<ParcelCharge, "goods" | "shipping">, commissionBps: number): SellerShare {
  if (!Number.isInteger(commissionBps) || commissionBps < 0 || commissionBps > MAX_COMMISSION_BPS) {
    throw new RangeError(`Commission must be 0-${MAX_COMMISSION_BPS} basis points, got ${commissionBps}`);
  }
  const base = add(parcel.goods, parcel.shipping);
  const step = BigInt(chargeStepMinor(base.currency));
  const exact = (BigInt(base.amountMinor) * BigInt(10_000 - commissionBps)) / 10_000n; // floor: amounts are >= 0
  const share = money(Number((exact / step) * step), base.currency);
  if (!isChargeable(share)) throw new Error("unreachable: share not chargeable");
  return { share, commission: subtract(base, share) };
}

// ---------------------------------------------------------------- order numbers

/** Crockford's base-32 digits: no I, L, O or U, so a number read aloud is not misheard. */
const DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "CV-XXXX-XXXX" from 8 random bytes (40 bits used: a collision is retried by the unique constraint). */
export function orderNumber(random: Uint8Array): string {
  if (random.length < 5) throw new RangeError("orderNumber needs at least 5 random bytes");
  let value = 0n;
  for (let i = 0; i < 5; i++) value = (value << 8n) | BigInt(random[i]!);
  let text = "";
  for (let i = 0; i < 8; i++) {
    text = DIGITS[Number(value & 31n)]! + text;
    value >>= 5n;
  }
  return `CV-${text.slice(0, 4)}-${text.slice(4)}`;
}

export const ORDER_NUMBER = /^CV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

// ---------------------------------------------------------------- the quote lock

export interface FingerprintInput {
  currency: string;
  destination: string;
  lines: readonly { variantId: string; quantity: number; priceMinor: number; currency: string }[];
  delivery: Readonly<Record<string, string>>;
  /** Country evidence that changes digital tax (billing and phone country). */
  evidence: readonly (string | null)[];
}

/**
 * A canonical text of everything a quote priced. Two quotes with the same fingerprint
 * priced the same cart for the same destination and delivery: if the reviewed quote's
 * fingerprint differs from the one about to be charged, the buyer reviews again.
 */
export function quoteFingerprint(input: FingerprintInput): string {
  const lines = [...input.lines]
    .sort((a, b) => (a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0))
    .map((l) => `${l.variantId}*${l.quantity}@${l.priceMinor}${l.currency}`);
  const delivery = Object.keys(input.delivery)
    .sort()
    .map((seller) => `${seller}=${input.delivery[seller]}`);
  return [`v1`, input.currency, input.destination, lines.join(","), delivery.join(","), input.evidence.map((e) => e ?? "-").join(",")].join("|");
}

/** Whether a quote locked until `lockedUntil` still holds at `now`. */
export function lockHolds(lockedUntil: Date | null | undefined, now: Date): boolean {
  return lockedUntil != null && lockedUntil.getTime() > now.getTime();
}

/** The quote-lock and session window: Stripe allows 30 minutes to 24 hours. */
export const MIN_LOCK_MINUTES = 30;
export const MAX_LOCK_MINUTES = 24 * 60;
