import { describe, expect, it } from "vitest";
import {
  checkLockedFields, firstFreeHandle, handleBase, isAbn, isCountryCode, isEuVatNumber, isIossNumber,
  parseSellerProfile, parseStatusFilter, sellerIdFor, type ProfileFields,
} from "./index";
import { MARKETS } from "@/lib/domain/markets";

const currencies = new Set(["EUR", "JPY", "AUD", "USD"]);
const base: Record<string, string> = {
  legalName: "Müller & Söhne GmbH",
  displayName: "Müller Söhne",
  country: "DE",
  currency: "EUR",
  "language-de": "on",
  "language-en": "on",
  shipFrom: "Hauptstraße 1\n\n42651 Solingen  ",
  returnDays: "30",
  returnShippingPaidBy: "SELLER",
  trader: "yes",
};
const fields = (changes: Record<string, string | null> = {}): ProfileFields => {
  const all: Record<string, string | null> = { ...base, ...changes };
  return (name) => all[name] ?? null;
};
const parse = (changes: Record<string, string | null> = {}) => parseSellerProfile(fields(changes), { currencies });

describe("parseSellerProfile", () => {
  it("accepts a complete form and tidies it", () => {
    expect(parse()).toEqual({
      ok: true,
      data: {
        legalName: "Müller & Söhne GmbH", name: "Müller Söhne", country: "DE", currency: "EUR",
        // In the store's locale order unless an original language is chosen.
        languages: ["en", "de"],
        shipFrom: ["Hauptstraße 1", "42651 Solingen"],
        returnDays: 30, returnShippingPaidBy: "SELLER", vatNumber: null, iossNumber: null, abn: null, trader: true,
      },
    });
  });

  it("puts the original language first", () => {
    const parsed = parse({ originalLanguage: "de" });
    expect(parsed.ok && parsed.data.languages).toEqual(["de", "en"]);
    expect(parse({ originalLanguage: "ja" })).toEqual({ ok: false, code: "ORIGINAL_LANGUAGE_NOT_CHOSEN" });
  });

  it("keeps tax numbers compact and upper case", () => {
    const parsed = parse({ vatNumber: "de 123.456.789", iossNumber: "im 2760000001", abn: "51 824 753 556" });
    expect(parsed.ok && [parsed.data.vatNumber, parsed.data.iossNumber, parsed.data.abn]).toEqual(["DE123456789", "IM2760000001", "51824753556"]);
  });

  it.each([
    [{ legalName: " " }, "LEGAL_NAME_REQUIRED"],
    [{ displayName: null }, "DISPLAY_NAME_REQUIRED"],
    [{ displayName: "x".repeat(121) }, "NAME_TOO_LONG"],
    [{ country: "XX" }, "UNKNOWN_COUNTRY"],
    [{ country: "" }, "UNKNOWN_COUNTRY"],
    [{ currency: "GBP" }, "UNKNOWN_CURRENCY"],
    [{ "language-de": null, "language-en": null }, "LANGUAGE_REQUIRED"],
    [{ shipFrom: " \n " }, "SHIP_FROM_REQUIRED"],
    [{ shipFrom: "a\nb\nc\nd\ne\nf\ng" }, "ADDRESS_TOO_LONG"],
    [{ returnDays: "13" }, "RETURN_DAYS_TOO_SHORT"],
    [{ returnDays: "0" }, "RETURN_DAYS_TOO_SHORT"],
    [{ returnDays: "14.5" }, "RETURN_DAYS_INVALID"],
    [{ returnDays: "366" }, "RETURN_DAYS_INVALID"],
    [{ returnDays: "" }, "RETURN_DAYS_INVALID"],
    [{ returnShippingPaidBy: "NOBODY" }, "RETURN_PAYER_INVALID"],
    [{ vatNumber: "DE12345678" }, "INVALID_VAT_NUMBER"],
    [{ iossNumber: "IM123" }, "INVALID_IOSS_NUMBER"],
    [{ abn: "51 824 753 557" }, "INVALID_ABN"],
    [{ trader: null }, "TRADER_REQUIRED"],
    [{ trader: "maybe" }, "TRADER_REQUIRED"],
  ])("refuses %j with %s", (changes, code) => {
    expect(parse(changes as Record<string, string | null>)).toEqual({ ok: false, code });
  });

  it("starts from day 14 of the return period", () => {
    expect(parse({ returnDays: "14" }).ok).toBe(true);
  });

  it("takes a private seller", () => {
    const parsed = parse({ trader: "no" });
    expect(parsed.ok && parsed.data.trader).toBe(false);
  });
});

describe("countries", () => {
  it("knows every market country and ISO codes only", () => {
    for (const market of MARKETS) expect(isCountryCode(market.country)).toBe(true);
    expect(isCountryCode("EU")).toBe(false);
    expect(isCountryCode("de")).toBe(false);
  });
});

describe("tax numbers", () => {
  it("checks the ABN's checksum", () => {
    expect(isAbn("51 824 753 556")).toBe(true);
    expect(isAbn("53004085616")).toBe(true);
    expect(isAbn("51824753555")).toBe(false);
    expect(isAbn("5182475355")).toBe(false);
    expect(isAbn("01824753556")).toBe(false);
    expect(isAbn("5182475355a")).toBe(false);
  });

  it("checks EU VAT numbers by member state", () => {
    for (const valid of ["DE123456789", "ATU12345678", "FR12345678901", "NL123456789B01", "EL123456789", "ES X1234567L", "IE1234567T", "IE1234567WA", "SE123456789001", "XI123456789", "it 123 456 789 01"]) {
      expect(isEuVatNumber(valid), valid).toBe(true);
    }
    for (const invalid of ["DE12345678", "GR123456789", "AT12345678", "NL123456789", "US123456789", "GB123456789", "SE123456789012", "", "DE"]) {
      expect(isEuVatNumber(invalid), invalid).toBe(false);
    }
  });

  it("checks IOSS numbers: IM and ten digits", () => {
    expect(isIossNumber("IM2760000001")).toBe(true);
    expect(isIossNumber("im 276 000 0001")).toBe(true);
    expect(isIossNumber("IM276000000")).toBe(false);
    expect(isIossNumber("IN2760000001")).toBe(false);
    expect(isIossNumber("IM27600000012")).toBe(false);
  });
});

describe("handles and ids", () => {
  it("derives a kebab-case ASCII handle", () => {
    expect(handleBase("Müller & Söhne")).toBe("muller-sohne");
    expect(handleBase("  Café  Ñandú -- Straße ")).toBe("cafe-nandu-strasse");
    expect(handleBase("宇治川茶舗")).toBe("shop");
    expect(handleBase("x".repeat(80))).toHaveLength(50);
  });

  it("adds a suffix on a clash of handle or id", () => {
    const taken = new Set(["muller-sohne", "sel_de_muller_sohne_2"]);
    expect(firstFreeHandle("Müller Söhne", "DE", (c) => taken.has(c.handle) || taken.has(c.id))).toEqual({ handle: "muller-sohne-3", id: "sel_de_muller_sohne_3" });
    expect(firstFreeHandle("Fresh", "JP", () => false)).toEqual({ handle: "fresh", id: "sel_jp_fresh" });
    expect(firstFreeHandle("Fresh", "JP", () => true, 3)).toBeNull();
  });

  it("writes ids as the seed does", () => {
    expect(sellerIdFor("JP", "kyoto-tea")).toBe("sel_jp_kyoto_tea");
  });
});

describe("locked fields", () => {
  it("fixes country and currency once the shop has products", () => {
    const current = { country: "DE", currency: "EUR" };
    expect(checkLockedFields(current, { country: "AT", currency: "EUR" }, false)).toBeNull();
    expect(checkLockedFields(current, { country: "AT", currency: "EUR" }, true)).toBe("COUNTRY_LOCKED");
    expect(checkLockedFields(current, { country: "DE", currency: "USD" }, true)).toBe("CURRENCY_LOCKED");
    expect(checkLockedFields(current, current, true)).toBeNull();
  });
});

describe("status filter", () => {
  it("takes the three statuses only", () => {
    expect(parseStatusFilter("PENDING")).toBe("PENDING");
    expect(parseStatusFilter("pending")).toBeNull();
    expect(parseStatusFilter(undefined)).toBeNull();
  });
});
