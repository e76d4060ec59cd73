import { describe, expect, it } from "vitest";
import {
  activationGaps,
  checkHsCode,
  decodeIssues,
  encodeIssues,
  nextStatus,
  originalLocaleFor,
  parseNewProduct,
  parsePrice,
  parseProductCore,
  parseStock,
  parseTranslations,
  parseVariant,
  translationCompleteness,
} from "./editing";

const form = (fields: Record<string, string>) => (name: string) => fields[name];

const physical = {
  kind: "physical",
  slug: "chef-knife-21",
  categoryId: "cat_kitchen",
  taxCategory: "STANDARD",
  hsCode: "8211.91",
  originCountry: "de",
  weightGrams: "240",
  lengthMm: "330",
  widthMm: "50",
  heightMm: "25",
};

describe("checkHsCode", () => {
  it("takes 6 to 10 digits for physical goods, dropping spaces and dots", () => {
    expect(checkHsCode("PHYSICAL", "821191")).toEqual({ ok: true, hsCode: "821191" });
    expect(checkHsCode("PHYSICAL", "8211.91 00 10")).toEqual({ ok: true, hsCode: "8211910010" });
  });
  it("refuses fewer than 6 or more than 10 digits and anything but digits", () => {
    expect(checkHsCode("PHYSICAL", "82119")).toEqual({ ok: false, code: "INVALID_HS_CODE" });
    expect(checkHsCode("PHYSICAL", "82119100101")).toEqual({ ok: false, code: "INVALID_HS_CODE" });
    expect(checkHsCode("PHYSICAL", "8211a1")).toEqual({ ok: false, code: "INVALID_HS_CODE" });
  });
  it("requires one for physical goods and refuses one for digital goods", () => {
    expect(checkHsCode("PHYSICAL", "  ")).toEqual({ ok: false, code: "MISSING_FIELD" });
    expect(checkHsCode("PHYSICAL", null)).toEqual({ ok: false, code: "MISSING_FIELD" });
    expect(checkHsCode("DIGITAL", "")).toEqual({ ok: true, hsCode: null });
    expect(checkHsCode("DIGITAL", "490199")).toEqual({ ok: false, code: "HS_CODE_NOT_ALLOWED" });
  });
});

describe("parseNewProduct", () => {
  it("reads a physical product", () => {
    expect(parseNewProduct(form(physical))).toEqual({
      ok: true,
      data: {
        kind: "PHYSICAL", slug: "chef-knife-21", categoryId: "cat_kitchen", taxCategory: "STANDARD", hsCode: "821191",
        originCountry: "DE", weightGrams: 240, lengthMm: 330, widthMm: 50, heightMm: 25,
      },
    });
  });
  it("stores no HS code, weight or dimensions for a digital product", () => {
    const parsed = parseNewProduct(form({ ...physical, kind: "DIGITAL", hsCode: "", taxCategory: "ebook" }));
    expect(parsed).toMatchObject({ ok: true, data: { kind: "DIGITAL", hsCode: null, weightGrams: null, lengthMm: null, taxCategory: "EBOOK" } });
  });
  it("names every bad field with its code", () => {
    const parsed = parseNewProduct(
      form({ kind: "physical", slug: "Not a slug", categoryId: "", taxCategory: "luxury", hsCode: "12", originCountry: "Germany", weightGrams: "0", lengthMm: "-3", widthMm: "1.5", heightMm: "99999" }),
    );
    expect(parsed).toEqual({
      ok: false,
      issues: {
        slug: "INVALID_SLUG", categoryId: "MISSING_FIELD", taxCategory: "INVALID_CHOICE", hsCode: "INVALID_HS_CODE", originCountry: "INVALID_COUNTRY",
        weightGrams: "INVALID_WEIGHT", lengthMm: "INVALID_DIMENSION", widthMm: "INVALID_DIMENSION", heightMm: "INVALID_DIMENSION",
      },
    });
  });
  it("refuses an unknown kind and a missing slug", () => {
    expect(parseNewProduct(form({ ...physical, kind: "service", slug: "" }))).toEqual({ ok: false, issues: { kind: "INVALID_CHOICE", slug: "MISSING_FIELD" } });
  });
  it("allows an empty weight and empty dimensions (a draft may lack them)", () => {
    expect(parseProductCore(form({ ...physical, weightGrams: "", lengthMm: "", widthMm: "", heightMm: "" }), "PHYSICAL")).toMatchObject({
      ok: true, data: { weightGrams: null, lengthMm: null, widthMm: null, heightMm: null },
    });
  });
});

describe("parseTranslations", () => {
  it("keeps titled locales and leaves empty ones out", () => {
    const parsed = parseTranslations(form({ "title.en": " Chef's knife ", "description.en": "Forged.\r\nHand-ground.", "title.de": "Kochmesser", "description.de": "" }));
    expect(parsed).toEqual({ ok: true, data: { en: { title: "Chef's knife", description: "Forged.\nHand-ground." }, de: { title: "Kochmesser", description: "" } } });
  });
  it("refuses a description without a title, line breaks in a title, control characters and long text", () => {
    const parsed = parseTranslations(
      form({ "description.fr": "Sans titre", "title.ja": "包丁\n二行", "title.ar": "سكين", "description.ar": "bad\u0007bell", "title.es": "x".repeat(201) }),
    );
    expect(parsed).toEqual({
      ok: false,
      issues: { "description.fr": "DESCRIPTION_WITHOUT_TITLE", "title.ja": "INVALID_TEXT", "description.ar": "INVALID_TEXT", "title.es": "TOO_LONG" },
    });
  });
});

describe("prices and stock", () => {
  it("parses the seller's decimal exactly into minor units", () => {
    expect(parsePrice("12.5", "EUR")).toEqual({ ok: true, priceMinor: 1250 });
    expect(parsePrice("0.10", "EUR")).toEqual({ ok: true, priceMinor: 10 });
    expect(parsePrice("1200", "JPY")).toEqual({ ok: true, priceMinor: 1200 });
    expect(parsePrice("1.234", "KWD")).toEqual({ ok: true, priceMinor: 1234 });
  });
  it("refuses more decimals than the currency has, zero, negatives and words", () => {
    for (const [value, currency] of [["12.345", "EUR"], ["1200.5", "JPY"], ["0", "EUR"], ["-1", "EUR"], ["12,50", "EUR"], ["abc", "EUR"], ["10000001", "EUR"]]) {
      expect(parsePrice(value, currency!), `${value} ${currency}`).toEqual({ ok: false, code: "INVALID_PRICE" });
    }
    expect(parsePrice(" ", "EUR")).toEqual({ ok: false, code: "MISSING_FIELD" });
  });
  it("reads stock as a whole number from 0", () => {
    expect(parseStock("0")).toEqual({ ok: true, stock: 0 });
    expect(parseStock("-1")).toEqual({ ok: false, code: "INVALID_STOCK" });
    expect(parseStock("2.5")).toEqual({ ok: false, code: "INVALID_STOCK" });
    expect(parseStock("")).toEqual({ ok: false, code: "MISSING_FIELD" });
  });
  it("reads a variant with its names per locale", () => {
    expect(parseVariant(form({ sku: "HB-CHEF-21", price: "149.00", stock: "4", "name.de": "21 cm", "name.en": "" }), "EUR")).toEqual({
      ok: true, data: { sku: "HB-CHEF-21", name: { de: "21 cm" }, priceMinor: 14900, stock: 4 },
    });
    expect(parseVariant(form({ sku: "bad sku", price: "1.999", stock: "x", "name.ja": "a\tb" }), "EUR")).toEqual({
      ok: false, issues: { sku: "INVALID_SKU", price: "INVALID_PRICE", stock: "INVALID_STOCK", "name.ja": "INVALID_TEXT" },
    });
  });
});

describe("activationGaps", () => {
  const ready = { kind: "PHYSICAL" as const, originalLocale: "de", hsCode: "821191", weightGrams: 240, variantCount: 1, titledLocales: ["de", "en"] };
  it("lets a complete product be ACTIVE", () => {
    expect(activationGaps(ready)).toEqual([]);
  });
  it("names what is missing", () => {
    expect(activationGaps({ ...ready, variantCount: 0, titledLocales: ["en"], hsCode: null, weightGrams: null })).toEqual(["NO_VARIANT", "NO_ORIGINAL_TITLE", "NO_HS_CODE", "NO_WEIGHT"]);
  });
  it("asks no HS code or weight of a digital product", () => {
    expect(activationGaps({ ...ready, kind: "DIGITAL", hsCode: null, weightGrams: null })).toEqual([]);
  });
});

describe("nextStatus", () => {
  it("moves between draft and active, archives and restores to draft", () => {
    expect(nextStatus("DRAFT", "ACTIVE")).toEqual({ ok: true, status: "ACTIVE" });
    expect(nextStatus("ACTIVE", "DRAFT")).toEqual({ ok: true, status: "DRAFT" });
    expect(nextStatus("ACTIVE", "ARCHIVE")).toEqual({ ok: true, status: "ARCHIVED" });
    expect(nextStatus("ARCHIVED", "RESTORE")).toEqual({ ok: true, status: "DRAFT" });
  });
  it("refuses what makes no sense", () => {
    expect(nextStatus("ARCHIVED", "ACTIVE")).toEqual({ ok: false, code: "ARCHIVED_PRODUCT" });
    expect(nextStatus("ARCHIVED", "ARCHIVE")).toEqual({ ok: false, code: "ALREADY_ARCHIVED" });
    expect(nextStatus("DRAFT", "RESTORE")).toEqual({ ok: false, code: "NOT_ARCHIVED" });
  });
});

describe("translationCompleteness", () => {
  it("counts the store's locales with a title and names the missing ones in order", () => {
    expect(translationCompleteness(["de", "en", "xx"])).toEqual({ done: 2, total: 8, missing: ["fr", "es", "ja", "zh-CN", "ar", "pt-BR"] });
    expect(translationCompleteness(["en", "de", "fr", "es", "ja", "zh-CN", "ar", "pt-BR"]).missing).toEqual([]);
  });
});

describe("originalLocaleFor and field issues in the address", () => {
  it("takes the seller's first language the store has", () => {
    expect(originalLocaleFor(["sw", "de", "en"])).toBe("de");
    expect(originalLocaleFor(["sw"])).toBe("en");
  });
  it("round-trips field codes and drops anything malformed", () => {
    const issues = { hsCode: "INVALID_HS_CODE", "title.zh-CN": "TOO_LONG", "var_9f2c-1.name.pt-BR": "INVALID_TEXT" } as const;
    expect(decodeIssues(encodeIssues(issues))).toEqual(issues);
    expect(decodeIssues("a<b:X,hsCode:bad code,price:INVALID_PRICE")).toEqual({ price: "INVALID_PRICE" });
  });
});
