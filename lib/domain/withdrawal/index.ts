/**
 * Withdrawal from a distance contract, without I/O: whether an item may still be
 * withdrawn from (and until when), and what a withdrawal refunds.
 *
 * - Goods: the period runs from delivery. Until the store records deliveries, a parcel
 *   not yet delivered may always be withdrawn from (the period has not started): the
 *   buyer is told so.
 * - Digital content: the period runs from the conclusion of the contract, and is lost
 *   once supply began with the buyer's consent and acknowledgement (Art. 16(m)).
 * - Where the law gives no right (US, AU, rest of the world) the seller's return policy
 *   applies instead; that is a return, not a withdrawal.
 */
import { add, chargeStepMinor, fromBigInt, money, type Money } from "@/lib/domain/money";

export const WITHDRAWAL_REFUSALS = [
  "NO_STATUTORY_RIGHT",
  "PERIOD_ENDED",
  "DIGITAL_SUPPLY_STARTED",
  "ALREADY_WITHDRAWN",
  "NOTHING_SELECTED",
  "ORDER_NOT_PAID",
] as const;
export type WithdrawalRefusal = (typeof WITHDRAWAL_REFUSALS)[number];

export interface WithdrawalRuleLike {
  days: number;
  digital: { days: number };
}

export interface ItemFacts {
  kind: "PHYSICAL" | "DIGITAL";
  /** When the contract was concluded (the payment). */
  concludedAt: Date;
  /** When the parcel was delivered, if known. */
  deliveredAt: Date | null;
  /** Digital: the buyer consented to immediate supply and acknowledged losing the right. */
  digitalConsent: boolean;
  /** Digital: supply has begun (the download was made available). */
  digitalSupplied: boolean;
  /** Units of this line already withdrawn from. */
  withdrawnQuantity: number;
  quantity: number;
}

export type Window =
  | { open: true; endsAt: Date | null; from: "DELIVERY" | "CONCLUSION" | "NOT_STARTED" }
  | { open: false; reason: WithdrawalRefusal };

const DAY = 86_400_000;

/** Whether the buyer may still withdraw from an item, and until when. */
export function withdrawalWindow(rule: WithdrawalRuleLike | null, item: ItemFacts, now: Date): Window {
  if (!rule) return { open: false, reason: "NO_STATUTORY_RIGHT" };
  if (item.withdrawnQuantity >= item.quantity) return { open: false, reason: "ALREADY_WITHDRAWN" };
  if (item.kind === "DIGITAL") {
    if (item.digitalConsent && item.digitalSupplied) return { open: false, reason: "DIGITAL_SUPPLY_STARTED" };
    const endsAt = new Date(item.concludedAt.getTime() + rule.digital.days * DAY);
    return now < endsAt ? { open: true, endsAt, from: "CONCLUSION" } : { open: false, reason: "PERIOD_ENDED" };
  }
  if (!item.deliveredAt) return { open: true, endsAt: null, from: "NOT_STARTED" };
  const endsAt = new Date(item.deliveredAt.getTime() + rule.days * DAY);
  return now < endsAt ? { open: true, endsAt, from: "DELIVERY" } : { open: false, reason: "PERIOD_ENDED" };
}

/** When a digital item bought without the consent may be delivered: once its withdrawal period is over. */
export function digitalDeliveryFrom(rule: WithdrawalRuleLike | null, concludedAt: Date, consent: boolean): Date {
  if (!rule || consent) return concludedAt;
  return new Date(concludedAt.getTime() + rule.digital.days * DAY);
}

export interface RefundLine {
  /** What the buyer paid for the line now (goods, and the duty and tax collected on it), in the order currency. */
  paidMinor: number;
  quantity: number;
  /** Units withdrawn from now. */
  withdrawing: number;
}

export interface RefundParcel {
  currency: string;
  lines: readonly RefundLine[];
  /** Shipping charged for the parcel, and what the standard service would have cost. */
  shippingMinor: number;
  standardShippingMinor: number;
  /** Every unit of the parcel is withdrawn once this withdrawal is counted. */
  wholeParcel: boolean;
  /** Refunded for this parcel before. */
  refundedMinor: number;
  /** What the buyer paid for the parcel in all. */
  chargedMinor: number;
}

/**
 * What a withdrawal refunds for one parcel: the withdrawn units' share of what was paid
 * for their lines, plus, when the whole parcel comes back, the outbound shipping up to
 * the standard service's price (a dearer service the buyer chose is theirs to bear).
 * Rounded down to the currency's chargeable step; never more than is left unrefunded.
 */
export function withdrawalRefund(parcel: RefundParcel): Money {
  let total = money(0, parcel.currency);
  for (const line of parcel.lines) {
    if (line.withdrawing <= 0) continue;
    const share = (BigInt(line.paidMinor) * BigInt(Math.min(line.withdrawing, line.quantity))) / BigInt(line.quantity);
    total = add(total, fromBigInt(share, parcel.currency));
  }
  if (parcel.wholeParcel) total = add(total, money(Math.min(parcel.shippingMinor, parcel.standardShippingMinor), parcel.currency));
  const step = chargeStepMinor(parcel.currency);
  const left = Math.max(0, parcel.chargedMinor - parcel.refundedMinor);
  const capped = Math.min(total.amountMinor, left);
  return money(capped - (capped % step), parcel.currency);
}
