import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { digitalDeliveryFrom, withdrawalRefund, withdrawalWindow, type ItemFacts } from "./index";

const RULE = { days: 14, digital: { days: 14 } };
const paid = new Date("2026-12-01T10:00:00Z");
const day = (n: number) => new Date(paid.getTime() + n * 86_400_000);
const goods = (extra: Partial<ItemFacts> = {}): ItemFacts => ({ kind: "PHYSICAL", concludedAt: paid, deliveredAt: null, digitalConsent: false, digitalSupplied: false, withdrawnQuantity: 0, quantity: 1, ...extra });

describe("withdrawal window", () => {
  it("goods: open before delivery (the period has not started), then 14 days from delivery", () => {
    expect(withdrawalWindow(RULE, goods(), day(40))).toEqual({ open: true, endsAt: null, from: "NOT_STARTED" });
    expect(withdrawalWindow(RULE, goods({ deliveredAt: day(3) }), day(16))).toEqual({ open: true, endsAt: day(17), from: "DELIVERY" });
    expect(withdrawalWindow(RULE, goods({ deliveredAt: day(3) }), day(17))).toEqual({ open: false, reason: "PERIOD_ENDED" });
  });
  it("digital: 14 days from the contract, lost once supplied with consent", () => {
    const ebook = goods({ kind: "DIGITAL" });
    expect(withdrawalWindow(RULE, ebook, day(13))).toMatchObject({ open: true, from: "CONCLUSION" });
    expect(withdrawalWindow(RULE, ebook, day(14))).toEqual({ open: false, reason: "PERIOD_ENDED" });
    expect(withdrawalWindow(RULE, { ...ebook, digitalConsent: true, digitalSupplied: true }, day(1))).toEqual({ open: false, reason: "DIGITAL_SUPPLY_STARTED" });
    expect(withdrawalWindow(RULE, { ...ebook, digitalConsent: true, digitalSupplied: false }, day(1))).toMatchObject({ open: true });
  });
  it("nothing by law outside the EU and UK; nothing twice", () => {
    expect(withdrawalWindow(null, goods(), day(1))).toEqual({ open: false, reason: "NO_STATUTORY_RIGHT" });
    expect(withdrawalWindow(RULE, goods({ withdrawnQuantity: 1 }), day(1))).toEqual({ open: false, reason: "ALREADY_WITHDRAWN" });
  });
  it("holds back digital delivery without the consent until the period ends", () => {
    expect(digitalDeliveryFrom(RULE, paid, true)).toEqual(paid);
    expect(digitalDeliveryFrom(RULE, paid, false)).toEqual(day(14));
    expect(digitalDeliveryFrom(null, paid, false)).toEqual(paid);
  });
});

describe("withdrawal refund", () => {
  const parcel = { currency: "EUR", shippingMinor: 1490, standardShippingMinor: 990, refundedMinor: 0, chargedMinor: 10_000 };
  it("refunds the withdrawn units, and standard shipping when the whole parcel comes back", () => {
    expect(withdrawalRefund({ ...parcel, lines: [{ paidMinor: 6000, quantity: 2, withdrawing: 1 }, { paidMinor: 2510, quantity: 1, withdrawing: 0 }], wholeParcel: false })).toEqual({ amountMinor: 3000, currency: "EUR" });
    expect(withdrawalRefund({ ...parcel, lines: [{ paidMinor: 6000, quantity: 2, withdrawing: 2 }, { paidMinor: 2510, quantity: 1, withdrawing: 1 }], wholeParcel: true })).toEqual({ amountMinor: 6000 + 2510 + 990, currency: "EUR" });
  });
  it("rounds KWD down to tens of fils and never refunds more than is left", () => {
    expect(withdrawalRefund({ currency: "KWD", shippingMinor: 0, standardShippingMinor: 0, refundedMinor: 0, chargedMinor: 5000, lines: [{ paidMinor: 3333, quantity: 3, withdrawing: 1 }], wholeParcel: false }).amountMinor).toBe(1110);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 200_000 }), (paidMinor, quantity, w, refunded) => {
        const charged = paidMinor + 990;
        const r = withdrawalRefund({ currency: "EUR", shippingMinor: 990, standardShippingMinor: 990, refundedMinor: Math.min(refunded, charged), chargedMinor: charged, lines: [{ paidMinor, quantity, withdrawing: w }], wholeParcel: w >= quantity });
        return r.amountMinor >= 0 && r.amountMinor <= charged - Math.min(refunded, charged);
      }),
    );
  });
});
