import { describe, expect, it } from "vitest";
import { monthlyTotals, monthOf, payoutRow, payoutsCsv, settlementRate, withdrawalReversalMinor, CSV_COLUMNS, type PayoutSource } from "./index";

const EUR_JPY = { from: "EUR", to: "JPY", rate: "160.0000000000", rateDate: "2026-11-30" };
const EUR_KWD = { from: "EUR", to: "KWD", rate: "0.3200000000", rateDate: "2026-11-30" };

function source(over: Partial<PayoutSource> = {}): PayoutSource {
  return {
    subOrderId: "sub_1",
    orderNumber: "CV-AAAA-BBBB",
    paidAt: new Date("2026-11-15T10:00:00Z"),
    currency: "JPY",
    goodsMinor: 16_000,
    shippingMinor: 1_600,
    commissionBps: 1000,
    commissionMinor: 1_760,
    sellerShareMinor: 15_840,
    transferId: "tr_1",
    transferStatus: "TRANSFERRED",
    refundedMinor: 0,
    withdrawalReversals: [],
    fxRates: [EUR_JPY],
    ...over,
  };
}

describe("payoutRow", () => {
  it("gives goods and shipping, commission and share in the order currency and, at the quote's rate, in the seller's", () => {
    const row = payoutRow(source(), "EUR");
    expect(row.order.base).toEqual({ amountMinor: 17_600, currency: "JPY" });
    expect(row.order.commission).toEqual({ amountMinor: 1_760, currency: "JPY" });
    expect(row.order.net).toEqual({ amountMinor: 15_840, currency: "JPY" });
    // 15 840 JPY / 160 = 99.00 EUR, exactly.
    expect(row.seller!.share).toEqual({ amountMinor: 9_900, currency: "EUR" });
    expect(row.seller!.base).toEqual({ amountMinor: 11_000, currency: "EUR" });
    expect(row.rate).toEqual({ ...EUR_JPY, inverted: true });
    expect(row.month).toBe("2026-11");
  });

  it("converts with one rounding half away from zero on the exact rational", () => {
    // 1 JPY / 160 = 0.625 cent: 1 cent.
    const row = payoutRow(source({ sellerShareMinor: 1, commissionMinor: 0, goodsMinor: 1, shippingMinor: 0 }), "EUR");
    expect(row.seller!.share).toEqual({ amountMinor: 1, currency: "EUR" });
    // 4 JPY / 160 = 2.5 cents exactly: half away from zero, 3 cents.
    expect(payoutRow(source({ sellerShareMinor: 4 }), "EUR").seller!.share.amountMinor).toBe(3);
  });

  it("subtracts a whole reversal when the transfer was reversed, and shows the buyer's refund", () => {
    const row = payoutRow(source({ transferStatus: "REVERSED", refundedMinor: 19_000 }), "EUR");
    expect(row.order.reversed).toEqual({ amountMinor: 15_840, currency: "JPY" });
    expect(row.order.net).toEqual({ amountMinor: 0, currency: "JPY" });
    expect(row.order.refunded).toEqual({ amountMinor: 19_000, currency: "JPY" });
    expect(row.seller!.net).toEqual({ amountMinor: 0, currency: "EUR" });
  });

  it("subtracts the part a refunded withdrawal took back", () => {
    // Half of goods and shipping refunded: half the share reversed.
    const row = payoutRow(source({ refundedMinor: 8_800, withdrawalReversals: [{ refundMinor: 8_800, reversalId: "trr_1" }] }), "EUR");
    expect(row.order.reversed.amountMinor).toBe(7_920);
    expect(row.order.net.amountMinor).toBe(15_840 - 7_920);
    expect(row.reversalIds).toEqual(["trr_1"]);
  });

  it("uses no rate for the same currency, and none when the quote has no rate for the pair", () => {
    const same = payoutRow(source({ currency: "EUR", fxRates: [] }), "EUR");
    expect(same.rate).toBeNull();
    expect(same.seller!.share).toEqual({ amountMinor: 15_840, currency: "EUR" });
    const missing = payoutRow(source({ fxRates: [EUR_KWD] }), "EUR");
    expect(missing.seller).toBeNull();
    expect(missing.rate).toBeNull();
  });
});

describe("withdrawalReversalMinor", () => {
  it("is proportional, at most the share, in the currency's chargeable step", () => {
    expect(withdrawalReversalMinor({ goodsMinor: 1000, shippingMinor: 0, sellerShareMinor: 900, currency: "EUR" }, 500)).toBe(450);
    expect(withdrawalReversalMinor({ goodsMinor: 1000, shippingMinor: 0, sellerShareMinor: 900, currency: "EUR" }, 5000)).toBe(900);
    // KWD moves in steps of 10 fils.
    expect(withdrawalReversalMinor({ goodsMinor: 1000, shippingMinor: 0, sellerShareMinor: 900, currency: "KWD" }, 333)).toBe(290);
    expect(withdrawalReversalMinor({ goodsMinor: 0, shippingMinor: 0, sellerShareMinor: 0, currency: "EUR" }, 10)).toBe(0);
  });
});

describe("settlementRate", () => {
  it("takes a direct pair as it is and inverts the stored seller-to-order pair", () => {
    expect(settlementRate("JPY", "EUR", [{ from: "JPY", to: "EUR", rate: "0.0062500000", rateDate: "2026-11-30" }])!.used!.inverted).toBe(false);
    expect(settlementRate("JPY", "EUR", [EUR_JPY])!.used!.inverted).toBe(true);
    expect(settlementRate("JPY", "EUR", [])).toBeNull();
    expect(settlementRate("JPY", "XXX", [EUR_JPY])).toBeNull();
  });
});

describe("monthlyTotals", () => {
  it("splits months at midnight UTC, not local time", () => {
    expect(monthOf(new Date("2026-11-30T23:59:59.999Z"))).toBe("2026-11");
    expect(monthOf(new Date("2026-12-01T00:00:00.000Z"))).toBe("2026-12");
    const rows = [
      payoutRow(source({ subOrderId: "a", paidAt: new Date("2026-11-30T23:59:59.999Z") }), "EUR"),
      payoutRow(source({ subOrderId: "b", paidAt: new Date("2026-12-01T00:00:00.000Z") }), "EUR"),
    ];
    const totals = monthlyTotals(rows, "EUR");
    expect(totals.map((t) => [t.month, t.rows, t.net.amountMinor])).toEqual([
      ["2026-12", 1, 9_900],
      ["2026-11", 1, 9_900],
    ]);
  });

  it("adds orders in different currencies in the seller's, each converted exactly, with reversals subtracted", () => {
    const rows = [
      payoutRow(source({ subOrderId: "jpy" }), "EUR"), // 99.00 EUR
      // 3.200 KWD share / 0.32 = 10.00 EUR
      payoutRow(source({ subOrderId: "kwd", currency: "KWD", goodsMinor: 3_560, shippingMinor: 0, commissionMinor: 360, sellerShareMinor: 3_200, fxRates: [EUR_KWD] }), "EUR"),
      // reversed in full: adds its share and subtracts it again
      payoutRow(source({ subOrderId: "rev", transferStatus: "REVERSED" }), "EUR"),
      // no rate: counted, not summed
      payoutRow(source({ subOrderId: "none", fxRates: [] }), "EUR"),
    ];
    const [month] = monthlyTotals(rows, "EUR");
    expect(month!.share).toEqual({ amountMinor: 9_900 + 1_000 + 9_900, currency: "EUR" });
    expect(month!.reversed).toEqual({ amountMinor: 9_900, currency: "EUR" });
    expect(month!.net).toEqual({ amountMinor: 9_900 + 1_000, currency: "EUR" });
    expect(month!.rows).toBe(4);
    expect(month!.unconverted).toBe(1);
  });
});

describe("payoutsCsv", () => {
  const header = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c === "orderNumber" ? 'Order "no."' : c])) as Record<(typeof CSV_COLUMNS)[number], string>;
  it("has the header and one row per sub-order, amounts as decimals, rate as applied", () => {
    const csv = payoutsCsv([payoutRow(source(), "EUR")], "EUR", header);
    const [head, line, end] = csv.split("\r\n");
    expect(head!.startsWith('"Order ""no."""')).toBe(true);
    expect(line).toBe("CV-AAAA-BBBB,2026-11-15T10:00:00.000Z,2026-11,JPY,17600,1000,1760,15840,0,0,15840,tr_1,TRANSFERRED,EUR,99.00,0.00,0.00,99.00,1/160.0000000000 (EUR/JPY),2026-11-30");
    expect(end).toBe("");
  });
  it("neutralises cells a spreadsheet would run as formulas", () => {
    const csv = payoutsCsv([payoutRow(source({ orderNumber: "=HYPERLINK(1)" }), "EUR")], "EUR", header);
    expect(csv).toContain("'=HYPERLINK(1)");
  });
});
