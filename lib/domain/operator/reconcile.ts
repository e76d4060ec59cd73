/**
 * The reconciler's checks (lib/server/checkout/reconcile.ts) for one order, from what
 * the store holds, without asking the provider: would `npm run payments:reconcile`
 * find something to do for it? "Consistent" when not; else each discrepancy by code
 * (messages `adminOrders.reconcile.<CODE>`).
 */
export const RECONCILE_ISSUES = [
  /** Awaiting payment past its lock with no payment session: the reconciler cancels it (step 3). */
  "NO_SESSION",
  /** A payment still open or settling past its session's expiry: the provider must be asked again (step 1). */
  "PAYMENT_UNRESOLVED",
  /** A recorded provider event about this order not processed yet (step 4). */
  "EVENT_UNPROCESSED",
  /** Paid, with a seller's transfer still due (step 5). */
  "TRANSFER_DUE",
  /** Paid, with the buyer's confirmation not sent (step 5). */
  "CONFIRMATION_DUE",
  /** A paid payment whose amount or currency differs from the order's total (an anomaly the reconciler names). */
  "AMOUNT_MISMATCH",
  /** Refunded in full, with a seller's transfer not reversed. */
  "REVERSAL_DUE",
] as const;
export type ReconcileIssue = (typeof RECONCILE_ISSUES)[number];

export interface ReconcileInput {
  status: "AWAITING_PAYMENT" | "PAID" | "PROCESSING" | "CANCELLED" | "REFUNDED";
  totalMinor: number;
  currency: string;
  lockedUntil: Date;
  confirmationSentAt: Date | null;
  payments: readonly { status: string; amountMinor: number; currency: string; expiresAt: Date }[];
  subOrders: readonly { transferStatus: string; sellerShareMinor: number }[];
  unprocessedEvents: number;
}

export type ReconcileState = { consistent: true } | { consistent: false; issues: ReconcileIssue[] };

export function reconcileState(order: ReconcileInput, now: Date): ReconcileState {
  const issues: ReconcileIssue[] = [];
  if (order.status === "AWAITING_PAYMENT" && order.payments.length === 0 && order.lockedUntil < now) issues.push("NO_SESSION");
  if (order.payments.some((p) => (p.status === "OPEN" || p.status === "PROCESSING") && p.expiresAt < now)) issues.push("PAYMENT_UNRESOLVED");
  if (order.unprocessedEvents > 0) issues.push("EVENT_UNPROCESSED");
  if (order.status === "PAID") {
    if (order.subOrders.some((s) => s.transferStatus === "PENDING" && s.sellerShareMinor > 0)) issues.push("TRANSFER_DUE");
    if (!order.confirmationSentAt) issues.push("CONFIRMATION_DUE");
  }
  const paid = order.payments.filter((p) => ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"].includes(p.status));
  if (paid.some((p) => p.amountMinor !== order.totalMinor || p.currency !== order.currency)) issues.push("AMOUNT_MISMATCH");
  if (order.status === "REFUNDED" && order.subOrders.some((s) => s.transferStatus === "TRANSFERRED")) issues.push("REVERSAL_DUE");
  return issues.length === 0 ? { consistent: true } : { consistent: false, issues };
}
