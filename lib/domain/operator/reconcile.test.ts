import { describe, expect, it } from "vitest";
import { reconcileState, type ReconcileInput } from "./reconcile";

const now = new Date("2026-12-01T12:00:00Z");
const earlier = new Date("2026-12-01T11:00:00Z");
const later = new Date("2026-12-01T13:00:00Z");

const paid: ReconcileInput = {
  status: "PAID",
  totalMinor: 5000,
  currency: "JPY",
  lockedUntil: earlier,
  confirmationSentAt: earlier,
  payments: [{ status: "PAID", amountMinor: 5000, currency: "JPY", expiresAt: earlier }],
  subOrders: [{ transferStatus: "TRANSFERRED", sellerShareMinor: 4500 }],
  unprocessedEvents: 0,
};

describe("reconcileState", () => {
  it("a paid, transferred and confirmed order is consistent", () => {
    expect(reconcileState(paid, now)).toEqual({ consistent: true });
  });

  it("names a transfer and a confirmation still due", () => {
    expect(reconcileState({ ...paid, confirmationSentAt: null, subOrders: [{ transferStatus: "PENDING", sellerShareMinor: 4500 }] }, now)).toEqual({
      consistent: false,
      issues: ["TRANSFER_DUE", "CONFIRMATION_DUE"],
    });
    // Nothing to transfer for a zero share.
    expect(reconcileState({ ...paid, subOrders: [{ transferStatus: "PENDING", sellerShareMinor: 0 }] }, now)).toEqual({ consistent: true });
  });

  it("names a paid amount that differs from the order", () => {
    expect(reconcileState({ ...paid, payments: [{ status: "PAID", amountMinor: 4999, currency: "JPY", expiresAt: earlier }] }, now)).toEqual({ consistent: false, issues: ["AMOUNT_MISMATCH"] });
    expect(reconcileState({ ...paid, payments: [{ status: "PAID", amountMinor: 5000, currency: "EUR", expiresAt: earlier }] }, now)).toEqual({ consistent: false, issues: ["AMOUNT_MISMATCH"] });
  });

  it("an order without a session past its lock, and an open payment past its expiry", () => {
    const waiting: ReconcileInput = { ...paid, status: "AWAITING_PAYMENT", confirmationSentAt: null, payments: [], subOrders: [{ transferStatus: "NONE", sellerShareMinor: 4500 }] };
    expect(reconcileState(waiting, now)).toEqual({ consistent: false, issues: ["NO_SESSION"] });
    expect(reconcileState({ ...waiting, lockedUntil: later }, now)).toEqual({ consistent: true });
    const open = { ...waiting, payments: [{ status: "OPEN", amountMinor: 5000, currency: "JPY", expiresAt: earlier }] };
    expect(reconcileState(open, now)).toEqual({ consistent: false, issues: ["PAYMENT_UNRESOLVED"] });
    expect(reconcileState({ ...open, payments: [{ ...open.payments[0]!, expiresAt: later }] }, now)).toEqual({ consistent: true });
  });

  it("an unprocessed event, and a refunded order with a transfer not reversed", () => {
    expect(reconcileState({ ...paid, unprocessedEvents: 1 }, now)).toEqual({ consistent: false, issues: ["EVENT_UNPROCESSED"] });
    const refunded: ReconcileInput = { ...paid, status: "REFUNDED", payments: [{ status: "REFUNDED", amountMinor: 5000, currency: "JPY", expiresAt: earlier }] };
    expect(reconcileState(refunded, now)).toEqual({ consistent: false, issues: ["REVERSAL_DUE"] });
    expect(reconcileState({ ...refunded, subOrders: [{ transferStatus: "REVERSED", sellerShareMinor: 4500 }] }, now)).toEqual({ consistent: true });
  });

  it("a cancelled order owes nothing", () => {
    expect(reconcileState({ ...paid, status: "CANCELLED", confirmationSentAt: null, payments: [{ status: "EXPIRED", amountMinor: 5000, currency: "JPY", expiresAt: earlier }], subOrders: [{ transferStatus: "NONE", sellerShareMinor: 4500 }] }, now)).toEqual({ consistent: true });
  });
});
