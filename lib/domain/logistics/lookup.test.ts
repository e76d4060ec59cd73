import { describe, expect, it } from "vitest";
import { emailKey, isLookupCode, parseLookupInput, shipToPlace } from "./lookup";

describe("parseLookupInput", () => {
  it("takes an order number in any case with spaces around, and the email in lower case", () => {
    expect(parseLookupInput({ number: "  cv-7k3m-9qx2 ", email: " Hanako@Example.JP " })).toEqual({ ok: true, number: "CV-7K3M-9QX2", email: "hanako@example.jp" });
  });
  it("refuses an empty number or email with their own codes", () => {
    expect(parseLookupInput({ number: "", email: "a@b.jp" })).toMatchObject({ ok: false, code: "ORDER_NUMBER_REQUIRED" });
    expect(parseLookupInput({ number: null, email: "a@b.jp" })).toMatchObject({ ok: false, code: "ORDER_NUMBER_REQUIRED" });
    expect(parseLookupInput({ number: "CV-7K3M-9QX2", email: "  " })).toMatchObject({ ok: false, code: "EMAIL_REQUIRED", number: "CV-7K3M-9QX2" });
    expect(parseLookupInput({ number: "CV-7K3M-9QX2", email: null })).toMatchObject({ ok: false, code: "EMAIL_REQUIRED" });
  });
  it("refuses a number not in the store's format (no I, L, O or U; four and four)", () => {
    for (const number of ["CV-7K3M-9QX", "CV-7K3M-9QXI", "XX-7K3M-9QX2", "7K3M9QX2", "CV-7K3M-9QX2-1", "' OR 1=1 --"]) {
      expect(parseLookupInput({ number, email: "a@b.jp" }), number).toMatchObject({ ok: false, code: "INVALID_ORDER_NUMBER" });
    }
  });
  it("refuses an invalid email", () => {
    for (const email of ["hanako", "hanako@", "@example.jp", "hanako@example", "a b@example.jp"]) {
      expect(parseLookupInput({ number: "CV-7K3M-9QX2", email }), email).toMatchObject({ ok: false, code: "INVALID_EMAIL" });
    }
  });
});

describe("emailKey and isLookupCode", () => {
  it("compares emails whole, in lower case", () => {
    expect(emailKey(" Hanako@Example.jp")).toBe(emailKey("hanako@example.JP"));
    expect(emailKey("hanako@example.jp")).not.toBe(emailKey("hanako+1@example.jp"));
  });
  it("knows the lookup's codes only", () => {
    expect(isLookupCode("NO_MATCHING_ORDER")).toBe(true);
    expect(isLookupCode("RATE_LIMITED")).toBe(false);
    expect(isLookupCode(undefined)).toBe(false);
  });
});

describe("shipToPlace", () => {
  it("is the city, else the region by name, and the country; nothing more of the address", () => {
    expect(shipToPlace({ city: "Salmiya", line1: "Block 3", postalCode: "20001" }, "KW")).toEqual({ city: "Salmiya", region: null, country: "KW" });
    expect(shipToPlace({ line1: "Karasuma 123", region: "26", postalCode: "6040000" }, "JP")).toEqual({ city: null, region: { local: "京都府", english: "Kyoto" }, country: "JP" });
    expect(shipToPlace(null, "DE")).toEqual({ city: null, region: null, country: "DE" });
  });
});
