import { describe, expect, it } from "vitest";
import { quoteLandedCost } from "./engine";
import { resolveDigitalTaxCountry } from "./evidence";
import { digital, fxOn, input, m, parcel } from "./test-support";
import type { DigitalEvidence, QuoteMode } from "./types";

function resolve(mode: QuoteMode, evidence?: DigitalEvidence, destination = "DE") {
  return resolveDigitalTaxCountry({ destination, mode, ...(evidence ? { evidence } : {}) });
}

describe("location evidence for digital items", () => {
  it("quote mode without evidence: the destination is the claimed country", () => {
    expect(resolve("quote")).toEqual({ ok: true, record: { billingCountry: null, ipCountry: null, taxCountry: "DE", status: "CLAIMED" } });
  });

  it("quote mode with one piece that agrees with the destination", () => {
    expect(resolve("quote", { billingCountry: "DE" })).toMatchObject({ ok: true, record: { taxCountry: "DE", status: "CLAIMED" } });
  });

  it("quote mode with one piece that contradicts the destination is a conflict", () => {
    expect(resolve("quote", { ipCountry: "FR" })).toEqual({
      ok: false,
      error: { code: "EVIDENCE_CONFLICT", path: ["evidence"], params: { billingCountry: "", ipCountry: "FR", claimedCountry: "DE" } },
    });
  });

  it("two agreeing pieces verify the buyer's country, even if it is not the destination", () => {
    expect(resolve("checkout", { billingCountry: "FR", ipCountry: "FR" })).toEqual({
      ok: true,
      record: { billingCountry: "FR", ipCountry: "FR", taxCountry: "FR", status: "VERIFIED" },
    });
  });

  it.each(["quote", "checkout"] as const)("two contradicting pieces are EVIDENCE_CONFLICT in %s mode", (mode) => {
    expect(resolve(mode, { billingCountry: "DE", ipCountry: "AT" })).toMatchObject({ ok: false, error: { code: "EVIDENCE_CONFLICT" } });
  });

  it.each([[undefined], [{ billingCountry: "DE" }], [{ ipCountry: "DE" }]])("checkout with fewer than two pieces is EVIDENCE_INSUFFICIENT (%j)", (evidence) => {
    expect(resolve("checkout", evidence)).toEqual({ ok: false, error: { code: "EVIDENCE_INSUFFICIENT", path: ["evidence"] } });
  });
});

describe("evidence in the engine", () => {
  const cart = (mode: QuoteMode, evidence?: DigitalEvidence) =>
    input("DE", "2026-03-02", "EUR", [parcel("US", m(0, "EUR"), [digital(m(1000, "EUR"), 1, "ebook")])], { mode, ...(evidence ? { evidence } : {}) });
  const fx = fxOn("2026-03-02");

  it("records both pieces on the quote", () => {
    const result = quoteLandedCost(cart("checkout", { billingCountry: "AT", ipCountry: "AT" }), { fx });
    expect(result.ok && result.quote.evidence).toEqual({ billingCountry: "AT", ipCountry: "AT", taxCountry: "AT", status: "VERIFIED" });
    // Austrian e-book rate 10%.
    expect(result.ok && result.quote.tax.amountMinor).toBe(100);
    expect(result.ok && result.quote.rules.map((r) => r.id)).toContain("evidence.two-pieces");
  });

  it("fails checkout without evidence", () => {
    expect(quoteLandedCost(cart("checkout"), { fx })).toEqual({ ok: false, errors: [{ code: "EVIDENCE_INSUFFICIENT", path: ["evidence"] }] });
  });

  it("fails on evidence for a country the store has no tax rules for", () => {
    expect(quoteLandedCost(cart("checkout", { billingCountry: "TH", ipCountry: "TH" }), { fx })).toEqual({
      ok: false,
      errors: [{ code: "UNSUPPORTED_TAX_COUNTRY", path: ["evidence"], params: { country: "TH" } }],
    });
  });
});

describe("phone country as a piece of evidence (checkout)", () => {
  it("verifies billing and phone countries that agree", () => {
    const r = resolveDigitalTaxCountry({ destination: "KW", mode: "checkout", evidence: { billingCountry: "KW", phoneCountry: "KW" } });
    expect(r).toEqual({ ok: true, record: { billingCountry: "KW", ipCountry: null, phoneCountry: "KW", taxCountry: "KW", status: "VERIFIED" } });
  });
  it("refuses a phone country that contradicts the other two", () => {
    const r = resolveDigitalTaxCountry({ destination: "JP", mode: "checkout", evidence: { billingCountry: "JP", ipCountry: "JP", phoneCountry: "DE" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("EVIDENCE_CONFLICT");
  });
  it("is not enough alone", () => {
    const r = resolveDigitalTaxCountry({ destination: "JP", mode: "checkout", evidence: { phoneCountry: "JP" } });
    expect(r.ok).toBe(false);
  });
});
