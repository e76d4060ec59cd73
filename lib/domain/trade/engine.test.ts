import { describe, expect, it } from "vitest";
import { buildFxTable } from "@/lib/domain/fx";
import { findRule } from "./catalog";
import { quoteLandedCost } from "./engine";
import { digital, fxOn, input, m, parcel, physical, quoteOf } from "./test-support";
import type { QuoteInput } from "./types";

describe("multi-seller carts", () => {
  // Each parcel is its own consignment: EUR 100 + EUR 100 is two IOSS parcels even
  // though the cart (EUR 200) is above EUR 150. 19% x 10500 = 1995; flat duty EUR 3 each.
  const cart = input("DE", "2026-07-01", "EUR", [
    parcel("CN", m(500, "EUR"), [physical("610910", m(10000, "EUR"))]),
    parcel("US", m(500, "EUR"), [physical("910211", m(10000, "EUR"))]),
  ]);

  it("judges each parcel against the threshold separately", () => {
    const quote = quoteOf(cart);
    expect(quote.parcels.map((p) => p.regime)).toEqual(["EU_IOSS", "EU_IOSS"]);
    expect(quote.parcels.map((p) => p.total.amountMinor)).toEqual([12795, 12795]);
    expect(quote.total).toEqual(m(25590, "EUR"));
    expect(quote.duty).toEqual(m(600, "EUR"));
    expect(quote.tax).toEqual(m(3990, "EUR"));
  });

  it("prices parcels in different seller currencies into one quote currency", () => {
    // JPY 16000 = EUR 100 (IOSS); GBP 170 = EUR 200 (import, 12% x 20000 = 2400; VAT 19% x 22400 = 4256).
    const quote = quoteOf(input("DE", "2026-03-02", "EUR", [
      parcel("JP", m(0, "JPY"), [physical("610910", m(16000, "JPY"))]),
      parcel("GB", m(0, "GBP"), [physical("610910", m(17000, "GBP"))]),
    ]));
    expect(quote.parcels.map((p) => [p.regime, p.total.amountMinor])).toEqual([
      ["EU_IOSS", 11900],
      ["EU_IMPORT", 26656],
    ]);
    expect(quote.total.amountMinor).toBe(38556);
    expect(quote.fxRates.map((r) => `${r.from}>${r.to}`).sort()).toEqual(["GBP>EUR", "JPY>EUR"]);
  });
});

describe("line detail", () => {
  const quote = quoteOf(input("FR", "2026-09-01", "EUR", [
    parcel("CN", m(500, "EUR"), [
      physical("610910", m(1000, "EUR"), 5),
      physical("61091000", m(1200, "EUR")),
      physical("910211", m(4000, "EUR")),
      digital(m(999, "EUR"), 1, "ebook"),
    ]),
  ]));
  const lines = quote.parcels[0]!.lines;

  it("gives each line its shipping share, duty, rate and tax", () => {
    expect(lines.map((l) => [l.itemIndex, l.shipping.amountMinor, l.duty.amountMinor, l.taxRate, l.tax.amountMinor])).toEqual([
      [0, 245, 300, "20", 1049],
      [1, 59, 0, "20", 252],
      [2, 196, 300, "20", 839],
      // E-book 5.5% x 999 = 54.945 -> 55; no shipping, no duty.
      [3, 0, 0, "5.5", 55],
    ]);
  });

  it("reports digital lines as DIGITAL inside a physical parcel", () => {
    expect(quote.parcels[0]!.regime).toBe("EU_IOSS");
    expect(lines.map((l) => l.regime)).toEqual(["EU_IOSS", "EU_IOSS", "EU_IOSS", "DIGITAL"]);
    expect(lines[3]!.customsValue.amountMinor).toBe(0);
    expect(lines[3]!.taxCollection).toBe("SALE");
  });

  it("adds lines up to the parcel exactly", () => {
    const p = quote.parcels[0]!;
    for (const key of ["goods", "shipping", "duty", "tax", "fees", "total"] as const) {
      expect(lines.reduce((s, l) => s + l[key].amountMinor, 0)).toBe(p[key].amountMinor);
    }
  });
});

describe("rules applied", () => {
  it("lists rule ids and versions an order can store, each found in the catalog", () => {
    const quote = quoteOf(input("DE", "2026-07-01", "EUR", [parcel("JP", m(1500, "JPY"), [physical("090210", m(2000, "JPY"), 2)])]));
    expect(quote.rules).toEqual([
      { id: "regime.eu.ioss", version: "2021-07-01" },
      { id: "duty.eu.flat-low-value", version: "2026-07-01" },
      { id: "vat.DE", version: "2024-01-01" },
    ]);
    for (const ref of quote.rules) expect(findRule(ref)?.source).toBeTruthy();
  });

  it("names the tariff row and its estimate flag for tariff duty", () => {
    const quote = quoteOf(input("GB", "2026-03-02", "GBP", [parcel("US", m(0, "GBP"), [physical("610910", m(20000, "GBP"))])]));
    const line = quote.parcels[0]!.lines[0]!;
    expect(line.rules).toContainEqual({ id: "duty.GB.61", version: "2026" });
    expect(line.dutyRate).toBe("12");
    expect(line.dutyEstimate).toBe(true);
    expect(quote.parcels[0]!.estimate).toBe(true);
  });

  it("uses the rule version in force on the pricing date", () => {
    const before = quoteOf(input("US", "2025-08-28", "USD", [parcel("JP", m(0, "USD"), [physical("610910", m(1000, "USD"))])]));
    const after = quoteOf(input("US", "2025-08-29", "USD", [parcel("JP", m(0, "USD"), [physical("610910", m(1000, "USD"))])]));
    const law = quoteOf(input("US", "2027-07-01", "USD", [parcel("JP", m(0, "USD"), [physical("610910", m(1000, "USD"))])]));
    expect(before.rules.map((r) => r.id)).toContain("regime.us.de-minimis");
    expect(after.rules).toContainEqual({ id: "regime.us.no-de-minimis", version: "2025-08-29" });
    expect(law.rules).toContainEqual({ id: "regime.us.no-de-minimis", version: "2027-07-01" });
  });
});

describe("incoterms", () => {
  const eu = (incoterm?: "DDP" | "DAP") =>
    quoteOf(input("DE", "2026-07-01", "EUR", [parcel("CN", m(0, "EUR"), [physical("610910", m(10000, "EUR"))], incoterm)]));

  it("defaults to DDP in the EU: the flat duty is collected at checkout", () => {
    const p = eu().parcels[0]!;
    expect(p.incoterm).toBe("DDP");
    expect([p.dueAtCheckout.amountMinor, p.dueOnDelivery.amountMinor]).toEqual([12200, 0]);
  });

  it("with a DAP override, duty is left to the carrier; IOSS VAT is still charged at sale", () => {
    const p = eu("DAP").parcels[0]!;
    expect([p.dueAtCheckout.amountMinor, p.dueOnDelivery.amountMinor, p.total.amountMinor]).toEqual([11900, 300, 12200]);
  });

  it("defaults to DAP in markets like Japan", () => {
    const p = quoteOf(input("JP", "2026-03-02", "JPY", [parcel("US", m(0, "JPY"), [physical("420222", m(20000, "JPY"))])])).parcels[0]!;
    // 5% x 20000 = 1000; 10% x 21000 = 2100.
    expect([p.incoterm, p.dueOnDelivery.amountMinor, p.dueAtCheckout.amountMinor]).toEqual(["DAP", 3100, 20000]);
  });
});

describe("excise goods and restrictions", () => {
  it("keeps excise goods out of IOSS and warns that excise duty is not included", () => {
    const quote = quoteOf(input("DE", "2026-03-02", "EUR", [parcel("GB", m(0, "EUR"), [physical("220421", m(3000, "EUR"))])]));
    expect(quote.parcels[0]!.regime).toBe("EU_IMPORT");
    expect(quote.warnings).toContainEqual({ code: "EXCISE_NOT_INCLUDED", parcelIndex: 0, itemIndex: 0 });
  });

  it("reports Australia's permit requirement for seeds for sowing", () => {
    const quote = quoteOf(input("AU", "2026-03-02", "AUD", [
      parcel("NZ", m(0, "AUD"), [physical("610910", m(1000, "AUD")), physical("120991", m(1000, "AUD"))]),
    ]));
    expect(quote.restrictions).toEqual([
      { code: "RESTRICTED", reason: "trade.restriction.au.seedsForSowing", parcelIndex: 0, itemIndex: 1, rule: { id: "restriction.AU.seeds-for-sowing", version: "2016-06-16" } },
    ]);
    // Still priced: GST 10% on both lines at sale.
    expect(quote.parcels[0]!.tax.amountMinor).toBe(200);
  });

  it("reports Kuwait's prohibitions by HS code and by category", () => {
    const quote = quoteOf(input("KW", "2026-03-02", "KWD", [
      parcel("FR", m(0, "KWD"), [physical("220421", m(10000, "KWD")), physical("160100", m(5000, "KWD"), 1, { category: "pork" })]),
    ]));
    expect(quote.restrictions.map((r) => [r.code, r.itemIndex, r.rule.id])).toEqual([
      ["PROHIBITED", 0, "restriction.KW.alcohol"],
      ["PROHIBITED", 1, "restriction.KW.pork"],
    ]);
  });

  it("reports the UAE's alcohol licence requirement", () => {
    const quote = quoteOf(input("AE", "2026-03-02", "AED", [parcel("FR", m(0, "AED"), [physical("220830", m(10000, "AED"))])]));
    expect(quote.restrictions.map((r) => [r.code, r.reason])).toEqual([["RESTRICTED", "trade.restriction.ae.alcoholLicence"]]);
  });
});

describe("warnings", () => {
  it("says US sales tax is not collected", () => {
    const quote = quoteOf(input("US", "2026-03-02", "USD", [parcel("JP", m(0, "USD"), [physical("610910", m(1000, "USD"))])]));
    expect(quote.warnings).toContainEqual({ code: "TAX_NOT_COLLECTED", parcelIndex: 0, itemIndex: 0, params: { country: "US" } });
  });

  it("says Canadian provincial tax is not included", () => {
    const quote = quoteOf(input("CA", "2026-03-02", "CAD", [parcel("US", m(0, "CAD"), [physical("420222", m(5000, "CAD"))])]));
    expect(quote.warnings.map((w) => w.code)).toContain("TAX_PARTIAL");
  });

  it("flags a stale FX table", () => {
    const quote = quoteOf(input("DE", "2026-03-02", "EUR", [parcel("JP", m(0, "JPY"), [physical("610910", m(1000, "JPY"))])]), fxOn("2026-02-01"));
    expect(quote.warnings).toContainEqual({ code: "FX_RATES_STALE", params: { fxDate: "2026-02-01" } });
  });
});

describe("edge cases", () => {
  it("spreads shipping over a digital-only parcel and taxes it as digital", () => {
    const p = quoteOf(input("DE", "2026-03-02", "EUR", [parcel("US", m(100, "EUR"), [digital(m(1000, "EUR"))])])).parcels[0]!;
    // 19% x 1100 = 209.
    expect([p.regime, p.shipping.amountMinor, p.tax.amountMinor, p.total.amountMinor]).toEqual(["DIGITAL", 100, 209, 1309]);
  });

  it("prices free items at zero without dividing by zero", () => {
    const p = quoteOf(input("DE", "2026-03-02", "EUR", [parcel("JP", m(300, "EUR"), [physical("610910", m(0, "EUR")), physical("610910", m(0, "EUR"))])])).parcels[0]!;
    // Shipping split evenly 150/150; VAT 19% x 150 = 28.5 -> 29 per line.
    expect(p.lines.map((l) => [l.shipping.amountMinor, l.tax.amountMinor])).toEqual([[150, 29], [150, 29]]);
    expect(p.total.amountMinor).toBe(358);
  });

  it("records the evidence only when the cart has digital items", () => {
    const physicalOnly = quoteOf(input("DE", "2026-03-02", "EUR", [parcel("JP", m(0, "EUR"), [physical("610910", m(100, "EUR"))])], { mode: "checkout" }));
    expect(physicalOnly.evidence).toBeNull();
  });
});

describe("errors", () => {
  const base = (extra: Partial<QuoteInput>): QuoteInput => ({
    ...input("DE", "2026-03-02", "EUR", [parcel("JP", m(0, "EUR"), [physical("610910", m(100, "EUR"))])]),
    ...extra,
  });
  const fx = fxOn("2026-03-02");

  it("refuses a date no VAT version covers", () => {
    const result = quoteLandedCost(base({ date: "2023-06-01" }), { fx });
    expect(result).toEqual({ ok: false, errors: [{ code: "NO_RULE_IN_EFFECT", path: ["date"], params: { rule: "vat.DE", date: "2023-06-01" } }] });
  });

  it.each(["0000-01-01", "1999-12-31", "2101-01-01", "2026-02-30"])("refuses the date %s outside the supported calendar", (date) => {
    expect(quoteLandedCost(base({ date }), { fx })).toEqual({ ok: false, errors: [{ code: "INVALID_DATE", path: ["date"] }] });
  });

  it("reports a missing FX rate with the item's path", () => {
    const result = quoteLandedCost(base({ parcels: [parcel("HU", m(0, "EUR"), [physical("610910", m(100, "HUF"))])] }), { fx: buildFxTable([]) });
    expect(result).toEqual({ ok: false, errors: [{ code: "FX_RATE_MISSING", path: ["parcels", 0, "items", 0, "unitPrice"], params: { currency: "HUF" } }] });
  });

  it("validates direct engine input and reports every problem with its path", () => {
    const result = quoteLandedCost(
      base({
        destination: "TH",
        currency: "XXX" as never,
        parcels: [
          { origin: "QQ", shipping: m(0, "EUR"), items: [] },
          { origin: "JP", shipping: { amountMinor: -1, currency: "EUR" }, items: [{ kind: "physical", quantity: 0, unitPrice: m(1, "EUR") }] },
          { origin: "JP", shipping: m(0, "EUR"), items: [{ kind: "digital", hsCode: "123456", quantity: 1, unitPrice: m(1, "EUR"), taxCategory: "book" }] },
        ],
      }),
      { fx },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.path.join(".")])).toEqual([
      ["UNSUPPORTED_DESTINATION", "destination"],
      ["UNSUPPORTED_CURRENCY", "currency"],
      ["UNKNOWN_COUNTRY", "parcels.0.origin"],
      ["EMPTY_ITEMS", "parcels.0.items"],
      ["INVALID_AMOUNT", "parcels.1.shipping.amountMinor"],
      ["INVALID_QUANTITY", "parcels.1.items.0.quantity"],
      ["HS_CODE_REQUIRED", "parcels.1.items.0.hsCode"],
      ["HS_CODE_NOT_ALLOWED", "parcels.2.items.0.hsCode"],
      ["TAX_CATEGORY_MISMATCH", "parcels.2.items.0.taxCategory"],
    ]);
  });

  it("refuses a cart whose sums or conversions overflow exact integers, instead of throwing", () => {
    // Each line is a safe integer (9e14 yen), but 50 of them, or their conversion to EUR with tax, are not.
    const line = physical("610910", m(90_000_000_000, "JPY"), 10_000);
    const huge = Array.from({ length: 20 }, () => parcel("JP", m(1_000_000_000_000, "JPY"), [line, line, line, line, line]));
    const result = quoteLandedCost(base({ currency: "JPY", parcels: huge }), { fx });
    expect(result).toEqual({ ok: false, errors: [{ code: "AMOUNT_TOO_LARGE", path: ["parcels"] }] });
  });

  it("refuses an empty cart", () => {
    const result = quoteLandedCost(base({ parcels: [] }), { fx });
    expect(result).toEqual({ ok: false, errors: [{ code: "EMPTY_PARCELS", path: ["parcels"] }] });
  });
});
