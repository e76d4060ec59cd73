/**
 * Whether a person's data may be erased now, and what erasure keeps (ADR 31). Pure.
 *
 * Erasure waits while an order is still on its way: the seller needs the address to deliver
 * and the buyer the order to withdraw or be refunded. Once every order is settled (paid
 * and delivered, cancelled, or refunded) and no withdrawal is open, the person's data is
 * erased; orders, their payments, withdrawals and contract evidence are kept, unreadable,
 * until their retention ends, each with its legal basis.
 */
import { RETENTION_BASES, type RetainedKind } from "./retention";

export type ErasureRefusal = "STAFF_ACCOUNT" | "ORDERS_IN_PROGRESS";

export interface ErasureOrder {
  id: string;
  status: "AWAITING_PAYMENT" | "PROCESSING" | "PAID" | "CANCELLED" | "REFUNDED";
  retainUntil: Date | null;
  /** Each parcel: delivered (or digital and supplied), or not yet. */
  parcelsDelivered: boolean[];
  withdrawals: { id: string; status: "REQUESTED" | "RETURN_RECEIVED" | "REFUNDED" }[];
  payments: { id: string }[];
  hasContract: boolean;
}

export interface KeptRecord {
  type: RetainedKind;
  id: string;
  basis: (typeof RETENTION_BASES)[RetainedKind];
  /** ISO date: when the retention job deletes it. */
  until: string | null;
}

/** Why erasure must wait, or null when it may go ahead. */
export function erasureRefusal(input: { staff: boolean; orders: ErasureOrder[] }): ErasureRefusal | null {
  if (input.staff) return "STAFF_ACCOUNT";
  for (const order of input.orders) {
    if (order.status === "AWAITING_PAYMENT" || order.status === "PROCESSING") return "ORDERS_IN_PROGRESS";
    if (order.status === "PAID" && order.parcelsDelivered.some((delivered) => !delivered)) return "ORDERS_IN_PROGRESS";
    if (order.withdrawals.some((w) => w.status !== "REFUNDED")) return "ORDERS_IN_PROGRESS";
  }
  return null;
}

/** What erasure keeps, with the legal basis and the end of retention of each record. */
export function keptRecords(orders: ErasureOrder[]): KeptRecord[] {
  const kept: KeptRecord[] = [];
  const record = (type: RetainedKind, id: string, until: Date | null) => kept.push({ type, id, basis: RETENTION_BASES[type], until: until ? until.toISOString() : null });
  for (const order of orders) {
    record("order", order.id, order.retainUntil);
    if (order.hasContract) record("contract", order.id, order.retainUntil);
    for (const payment of order.payments) record("payment", payment.id, order.retainUntil);
    for (const withdrawal of order.withdrawals) record("withdrawal", withdrawal.id, order.retainUntil);
  }
  return kept;
}
