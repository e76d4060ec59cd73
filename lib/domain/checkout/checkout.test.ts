import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isChargeable, money, sum } from "@/lib/domain/money";
import { digital, input, m, parcel, physical, quoteOf } from "@/lib/domain/trade/test-support";
import { chargePlan, lockHolds, ORDER_NUMBER, orderNumber, quoteFingerprint, sellerShare } from "./index";

const DATE = "2026-11-20";

describe("chargePlan", () => {
  it("charges each good, shipping, duty and tax of a DDP parcel, and sums to what is due now", () => {
    const quote = quoteOf(input("JP", DATE, "JPY", [parcel("DE", m(1500, "EUR"), [physical("821110", m(12000, "EUR"), 1)], "DDP")]));
    const plan = chargePlan(quote);
    expect(plan.total).toEqual(quote.dueAtCheckout);
    expect(plan.rounding.amountMinor).toBe(0);
    expect(plan.lines.map((l) => l.kind)).toEqual(expect.arrayContaining(["GOODS", "SHIPPING", "TAX"]));
    expect(plan.parcels[0]!.charged).toEqual(plan.total);
  });

  it("leaves DAP import charges to the carrier and charges only what is due now", () => {
    const quote = quoteOf(input("JP", DATE, "JPY", [parcel("DE", m(1500, "EUR"), [physical("821110", m(30000, "EUR"), 1)], "DAP")]));
    const plan = chargePlan(quote);
    expect(quote.dueOnDelivery.amountMinor).toBeGreaterThan(0);
    expect(plan.lines.some((l) => l.kind === "DUTY")).toBe(false);
    expect(plan.total).toEqual(quote.dueAtCheckout);
    expect(plan.dueOnDelivery).toEqual(quote.dueOnDelivery);
  });

  it("rounds KWD lines to tens of fils so Stripe accepts every line, and shows the difference", () => {
    const quote = quoteOf(
      input("KW", DATE, "KWD", [parcel("DE", m(999, "EUR"), [physical("090111", m(1333, "EUR"), 3), digital(m(777, "EUR"))])], {
        mode: "checkout",
        evidence: { billingCountry: "KW", ipCountry: "KW" },
      }),
    );
    const plan = chargePlan(quote);
    for (const line of plan.lines) expect(isChargeable(line.amount), JSON.stringify(line)).toBe(true);
    expect(plan.total).toEqual(sum(plan.lines.map((l) => l.amount), "KWD"));
    expect(plan.total.amountMinor - quote.dueAtCheckout.amountMinor).toBe(plan.rounding.amountMinor);
    expect(Math.abs(plan.rounding.amountMinor)).toBeLessThanOrEqual(5 * plan.lines.length);
  });

  it("splits a two-seller cart into one charge per parcel", () => {
    const quote = quoteOf(
      input("JP", DATE, "JPY", [
        parcel("JP", m(500, "JPY"), [physical("090111", m(2400, "JPY"), 2)]),
        parcel("DE", m(1490, "EUR"), [physical("821110", m(8900, "EUR"), 1)]),
      ]),
    );
    const plan = chargePlan(quote);
    expect(plan.parcels).toHaveLength(2);
    expect(sum(plan.parcels.map((p) => p.charged), "JPY")).toEqual(plan.total);
  });
});

describe("sellerShare", () => {
  it("keeps the commission on goods and shipping", () => {
    expect(sellerShare({ goods: money(10_000, "EUR"), shipping: money(1_000, "EUR") }, 1_000)).toEqual({ share: money(9_900, "EUR"), commission: money(1_100, "EUR") });
  });
  it("rounds the share down to a chargeable step (KWD tens of fils)", () => {
    const { share, commission } = sellerShare({ goods: money(12_345, "KWD"), shipping: money(0, "KWD") }, 1_000);
    expect(share.amountMinor % 10).toBe(0);
    expect(share.amountMinor + commission.amountMinor).toBe(12_345);
  });
  it("never pays out more than goods and shipping", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom("EUR", "JPY", "KWD"), (g, s, bps, c) => {
        const r = sellerShare({ goods: money(g, c), shipping: money(s, c) }, bps);
        expect(r.share.amountMinor + r.commission.amountMinor).toBe(g + s);
        expect(r.commission.amountMinor).toBeGreaterThanOrEqual(0);
        expect(isChargeable(r.share)).toBe(true);
      }),
    );
  });
  it("refuses a commission outside 0-50%", () => {
    expect(() => sellerShare({ goods: money(1, "EUR"), shipping: money(0, "EUR") }, -1)).toThrow(RangeError);
    expect(() => sellerShare({ goods: money(1, "EUR"), shipping: money(0, "EUR") }, 5001)).toThrow(RangeError);
    expect(() => sellerShare({ goods: money(1, "EUR"), shipping: money(0, "EUR") }, 1.5)).toThrow(RangeError);
  });
});

describe("orderNumber", () => {
  it("reads as CV-XXXX-XXXX in unambiguous digits", () => {
    expect(orderNumber(new Uint8Array([0, 0, 0, 0, 0]))).toBe("CV-0000-0000");
    expect(orderNumber(new Uint8Array([255, 255, 255, 255, 255]))).toBe("CV-ZZZZ-ZZZZ");
    fc.assert(fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => ORDER_NUMBER.test(orderNumber(bytes))));
  });
  it("refuses too few bytes", () => expect(() => orderNumber(new Uint8Array(4))).toThrow(RangeError));
});

describe("quoteFingerprint", () => {
  const base = {
    currency: "JPY",
    destination: "JP",
    lines: [
      { variantId: "b", quantity: 1, priceMinor: 100, currency: "EUR" },
      { variantId: "a", quantity: 2, priceMinor: 200, currency: "JPY" },
    ],
    delivery: { s1: "STANDARD", s2: "EXPRESS" },
    evidence: ["JP", null],
  };
  it("ignores the order of lines and delivery choices", () => {
    expect(quoteFingerprint({ ...base, lines: [...base.lines].reverse(), delivery: { s2: "EXPRESS", s1: "STANDARD" } })).toBe(quoteFingerprint(base));
  });
  it("changes with quantity, price, destination, delivery and evidence", () => {
    const fp = quoteFingerprint(base);
    expect(quoteFingerprint({ ...base, lines: [{ ...base.lines[0]!, quantity: 2 }, base.lines[1]!] })).not.toBe(fp);
    expect(quoteFingerprint({ ...base, lines: [{ ...base.lines[0]!, priceMinor: 101 }, base.lines[1]!] })).not.toBe(fp);
    expect(quoteFingerprint({ ...base, destination: "KR" })).not.toBe(fp);
    expect(quoteFingerprint({ ...base, delivery: { s1: "EXPRESS", s2: "EXPRESS" } })).not.toBe(fp);
    expect(quoteFingerprint({ ...base, evidence: ["JP", "JP"] })).not.toBe(fp);
  });
});

describe("lockHolds", () => {
  it("holds until the instant it ends", () => {
    const until = new Date("2026-12-01T12:30:00Z");
    expect(lockHolds(until, new Date("2026-12-01T12:29:59Z"))).toBe(true);
    expect(lockHolds(until, until)).toBe(false);
    expect(lockHolds(null, until)).toBe(false);
  });
});
