import { describe, expect, it } from "vitest";
import { money } from "@/lib/domain/money";
import { quoteResponseSchema } from "./api-response";
import { MAX_REPORTED_ISSUES, parseLandedCostRequest, productIdsOf, toQuoteInput, type ApiIssue, type ResolvedProduct } from "./api-schema";
import { quoteLandedCost } from "./engine";
import { fxOn } from "./test-support";
import { LANDED_COST_EXAMPLE_REQUEST } from "./openapi";

const EXAMPLE = LANDED_COST_EXAMPLE_REQUEST;

type Json = Record<string, unknown>;

/** The example with one field replaced, addressed by a path. */
function withField(path: (string | number)[], value: unknown): Json {
  const copy = structuredClone(EXAMPLE) as Json;
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

function issuesOf(body: unknown): ApiIssue[] {
  const result = parseLandedCostRequest(body);
  return result.ok ? [] : result.issues;
}

const ITEM = ["parcels", 0, "items", 0];

describe("landed-cost request schema", () => {
  it("accepts the documented example", () => {
    expect(parseLandedCostRequest(EXAMPLE).ok).toBe(true);
  });

  it.each<[string, (string | number)[], unknown, (string | number)[], string]>([
    ["unknown destination", ["destination"], "XX", ["destination"], "UNKNOWN_COUNTRY"],
    ["lower-case destination", ["destination"], "de", ["destination"], "UNKNOWN_COUNTRY"],
    ["unsupported destination", ["destination"], "TH", ["destination"], "UNSUPPORTED_DESTINATION"],
    ["missing destination", ["destination"], undefined, ["destination"], "REQUIRED"],
    ["unknown origin", ["parcels", 0, "origin"], "QQ", ["parcels", 0, "origin"], "UNKNOWN_COUNTRY"],
    ["unknown evidence country", ["evidence"], { ipCountry: "ZZ" }, ["evidence", "ipCountry"], "UNKNOWN_COUNTRY"],
    ["impossible date", ["date"], "2026-02-30", ["date"], "INVALID_DATE"],
    ["date not ISO", ["date"], "01/08/2026", ["date"], "INVALID_DATE"],
    ["year zero", ["date"], "0000-01-01", ["date"], "DATE_OUT_OF_RANGE"],
    ["date before 2000", ["date"], "1999-12-31", ["date"], "DATE_OUT_OF_RANGE"],
    ["date after 2100", ["date"], "2101-01-01", ["date"], "DATE_OUT_OF_RANGE"],
    ["far-future date", ["date"], "9999-12-31", ["date"], "DATE_OUT_OF_RANGE"],
    ["date of another type", ["date"], 20260801, ["date"], "INVALID_TYPE"],
    ["NUL in a product id", [...ITEM, "productId"], "prd_\u0000", [...ITEM, "productId"], "INVALID_CHARACTER"],
    ["line feed in a product id", [...ITEM, "productId"], "prd\n001", [...ITEM, "productId"], "INVALID_CHARACTER"],
    ["DEL in a product id", [...ITEM, "productId"], "prd\u007f", [...ITEM, "productId"], "INVALID_CHARACTER"],
    ["C1 control in a product id", [...ITEM, "productId"], "prd\u0085", [...ITEM, "productId"], "INVALID_CHARACTER"],
    ["lone surrogate in a product id", [...ITEM, "productId"], "prd\ud800", [...ITEM, "productId"], "INVALID_CHARACTER"],
    ["empty product id", [...ITEM, "productId"], "", [...ITEM, "productId"], "OUT_OF_RANGE"],
    ["product id of 101 characters", [...ITEM, "productId"], "p".repeat(101), [...ITEM, "productId"], "OUT_OF_RANGE"],
    ["unsupported quote currency", ["currency"], "XYZ", ["currency"], "UNSUPPORTED_CURRENCY"],
    ["unsupported price currency", [...ITEM, "unitPrice", "currency"], "ABC", [...ITEM, "unitPrice", "currency"], "UNSUPPORTED_CURRENCY"],
    ["negative minor units", [...ITEM, "unitPrice", "amountMinor"], -1, [...ITEM, "unitPrice", "amountMinor"], "AMOUNT_NEGATIVE"],
    ["fractional minor units", [...ITEM, "unitPrice", "amountMinor"], 12.5, [...ITEM, "unitPrice", "amountMinor"], "AMOUNT_NOT_INTEGER"],
    ["negative shipping", ["parcels", 0, "shipping", "amountMinor"], -100, ["parcels", 0, "shipping", "amountMinor"], "AMOUNT_NEGATIVE"],
    ["fractional shipping", ["parcels", 0, "shipping", "amountMinor"], 0.1, ["parcels", 0, "shipping", "amountMinor"], "AMOUNT_NOT_INTEGER"],
    ["HS code of 4 digits", [...ITEM, "hsCode"], "0902", [...ITEM, "hsCode"], "INVALID_HS_CODE"],
    ["HS code of 11 digits", [...ITEM, "hsCode"], "09021000001", [...ITEM, "hsCode"], "INVALID_HS_CODE"],
    ["HS code with dots", [...ITEM, "hsCode"], "0902.10", [...ITEM, "hsCode"], "INVALID_HS_CODE"],
    ["physical item without HS code", [...ITEM, "hsCode"], undefined, [...ITEM, "hsCode"], "HS_CODE_REQUIRED"],
    ["zero quantity", [...ITEM, "quantity"], 0, [...ITEM, "quantity"], "INVALID_QUANTITY"],
    ["negative quantity", [...ITEM, "quantity"], -2, [...ITEM, "quantity"], "INVALID_QUANTITY"],
    ["fractional quantity", [...ITEM, "quantity"], 1.5, [...ITEM, "quantity"], "INVALID_QUANTITY"],
    ["quantity as a string", [...ITEM, "quantity"], "2", [...ITEM, "quantity"], "INVALID_TYPE"],
    ["empty parcels", ["parcels"], [], ["parcels"], "EMPTY_PARCELS"],
    ["empty items", ["parcels", 0, "items"], [], ["parcels", 0, "items"], "EMPTY_ITEMS"],
    ["unknown kind", [...ITEM, "kind"], "service", [...ITEM, "kind"], "INVALID_VALUE"],
    ["missing kind", [...ITEM, "kind"], undefined, [...ITEM, "kind"], "KIND_REQUIRED"],
    ["missing unit price", [...ITEM, "unitPrice"], undefined, [...ITEM, "unitPrice"], "UNIT_PRICE_REQUIRED"],
    ["e-book category on a physical item", [...ITEM, "taxCategory"], "ebook", [...ITEM, "taxCategory"], "TAX_CATEGORY_MISMATCH"],
    ["unknown incoterm", ["parcels", 0, "incoterm"], "EXW", ["parcels", 0, "incoterm"], "INVALID_VALUE"],
  ])("rejects %s", (_name, field, value, path, code) => {
    expect(issuesOf(withField(field, value))).toContainEqual({ path, code });
  });

  it("rejects an HS code on a digital item", () => {
    const body = withField(ITEM, { kind: "digital", hsCode: "490199", quantity: 1, unitPrice: { amountMinor: 100, currency: "EUR" } });
    expect(issuesOf(body)).toEqual([{ path: [...ITEM, "hsCode"], code: "HS_CODE_NOT_ALLOWED" }]);
  });

  it("rejects unknown fields, naming them", () => {
    expect(issuesOf({ ...EXAMPLE, coupon: "X" })).toEqual([{ path: [], code: "UNKNOWN_FIELD", params: { keys: "coupon" } }]);
  });

  it("rejects a product reference that also carries inline fields", () => {
    const body = withField(ITEM, { productId: "p1", quantity: 1, unitPrice: { amountMinor: 100, currency: "EUR" } });
    expect(issuesOf(body)).toEqual([{ path: [...ITEM, "unitPrice"], code: "PRODUCT_REFERENCE_CONFLICT" }]);
  });

  it("reports every problem at once", () => {
    const body = { destination: "XX", parcels: [{ origin: "JP", shipping: { amountMinor: -1, currency: "EUR" }, items: [] }] };
    expect(issuesOf(body).map((i) => i.code)).toEqual(["UNKNOWN_COUNTRY", "AMOUNT_NEGATIVE", "EMPTY_ITEMS"]);
  });

  it("rejects a body that is not an object", () => {
    expect(issuesOf("hello")).toEqual([{ path: [], code: "INVALID_TYPE" }]);
  });

  it("accepts printable non-Latin text in a product id (refused later as unknown, not as malformed)", () => {
    const body = withField(ITEM, { productId: "商品-١٢", quantity: 1 });
    expect(parseLandedCostRequest(body).ok).toBe(true);
  });

  it("answers a body of thousands of bad entries with a bounded list of issues", () => {
    const items = Array.from({ length: 100 }, () => ({ kind: "physical", quantity: 0 }));
    const parcels = Array.from({ length: 50 }, () => ({ origin: "ZZ", shipping: { amountMinor: -1, currency: "EUR" }, items }));
    const issues = issuesOf({ destination: "DE", parcels });
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(issuesOf({ destination: "DE", parcels: Array.from({ length: 10_000 }, () => 1) }).length).toBeLessThanOrEqual(MAX_REPORTED_ISSUES);
  });

  it("rejects deeply nested JSON where an object is expected, without recursing into it", () => {
    let nested: unknown = 1;
    for (let i = 0; i < 100_000; i++) nested = [nested];
    expect(issuesOf({ ...EXAMPLE, parcels: nested })).toContainEqual({ path: ["parcels", 0], code: "INVALID_TYPE" });
    expect(issuesOf(nested)).toEqual([{ path: [], code: "INVALID_TYPE" }]);
  });
});

describe("toQuoteInput", () => {
  it("defaults the date to today, the currency to the market's and the mode to quote", () => {
    const parsed = parseLandedCostRequest({ ...withField(["date"], undefined), currency: undefined, destination: "JP" });
    if (!parsed.ok) throw new Error("should parse");
    const result = toQuoteInput(parsed.request, { today: "2026-05-05" });
    expect(result.ok && [result.input.date, result.input.currency, result.input.mode]).toEqual(["2026-05-05", "JPY", "quote"]);
  });

  it("resolves product references loaded by the route", () => {
    const body = withField(["parcels", 0, "items"], [{ productId: "tea-1", quantity: 3 }, { productId: "gone", quantity: 1 }]);
    const parsed = parseLandedCostRequest(body);
    if (!parsed.ok) throw new Error("should parse");
    expect(productIdsOf(parsed.request)).toEqual(["tea-1", "gone"]);
    const products = new Map<string, ResolvedProduct>([["tea-1", { kind: "physical", hsCode: "090210", taxCategory: "standard", unitPrice: money(2000, "JPY") }]]);
    expect(toQuoteInput(parsed.request, { today: "2026-08-01", products })).toEqual({
      ok: false,
      issues: [{ path: ["parcels", 0, "items", 1, "productId"], code: "PRODUCT_NOT_FOUND" }],
    });
    products.set("gone", { kind: "digital", taxCategory: "ebook", unitPrice: money(500, "EUR") });
    const result = toQuoteInput(parsed.request, { today: "2026-08-01", products });
    expect(result.ok && result.input.parcels[0]!.items).toEqual([
      { productId: "tea-1", kind: "physical", quantity: 3, unitPrice: money(2000, "JPY"), taxCategory: "standard", hsCode: "090210" },
      { productId: "gone", kind: "digital", quantity: 1, unitPrice: money(500, "EUR"), taxCategory: "ebook" },
    ]);
  });

  it("runs end to end: parse, convert, quote, and the response matches its schema", () => {
    const parsed = parseLandedCostRequest(EXAMPLE);
    if (!parsed.ok) throw new Error("should parse");
    const converted = toQuoteInput(parsed.request, { today: "2026-08-01" });
    if (!converted.ok) throw new Error("should convert");
    const result = quoteLandedCost(converted.input, { fx: fxOn("2026-08-01") });
    if (!result.ok) throw new Error("should quote");
    expect(quoteResponseSchema.safeParse(result.quote).success).toBe(true);
    expect(result.quote.total).toEqual({ amountMinor: 4391, currency: "EUR" });
  });
});
