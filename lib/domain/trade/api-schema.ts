/**
 * The public JSON edge of POST /api/v1/landed-cost: a zod schema for the request, a
 * parser that reports issues as translatable codes with field paths, and the step that
 * turns a parsed request into engine input (defaults, product references resolved).
 *
 * Defaults: `date` is the caller's today, `currency` the destination market's currency.
 * The public API always quotes in `quote` mode: the destination is the buyer's claimed
 * country for digital items unless two pieces of evidence say otherwise; checkout calls
 * the engine in `checkout` mode, which demands the evidence.
 */
import { z } from "zod";
import { CURRENCY_CODES, isCurrencyCode, type CurrencyCode, type Money } from "@/lib/domain/money";
import { isCountryCode } from "./countries";
import { findTradeMarket, SUPPORTED_DESTINATIONS } from "./rules";
import type { FieldPath, IsoDate, ItemKind, QuoteInput, QuoteItemInput, QuoteMode, TaxCategory } from "./types";
import { EARLIEST_DATE, HS_CODE_PATTERN, isIsoDate, LATEST_DATE } from "./validate";

export const API_ISSUE_CODES = [
  /** The body is not JSON (reported by the route before parsing). */
  "INVALID_JSON",
  "REQUIRED",
  "INVALID_TYPE",
  "INVALID_VALUE",
  "UNKNOWN_FIELD",
  "OUT_OF_RANGE",
  "INVALID_INPUT",
  "UNKNOWN_COUNTRY",
  "UNSUPPORTED_DESTINATION",
  "INVALID_DATE",
  /** A date outside 2000-01-01..2100-12-31. */
  "DATE_OUT_OF_RANGE",
  /** A control character (U+0000-U+001F, U+007F-U+009F) or broken Unicode in a text field. */
  "INVALID_CHARACTER",
  "UNSUPPORTED_CURRENCY",
  "EMPTY_PARCELS",
  "TOO_MANY_PARCELS",
  "EMPTY_ITEMS",
  "TOO_MANY_ITEMS",
  "AMOUNT_NOT_INTEGER",
  "AMOUNT_NEGATIVE",
  "AMOUNT_TOO_LARGE",
  "INVALID_QUANTITY",
  "INVALID_HS_CODE",
  "HS_CODE_REQUIRED",
  "HS_CODE_NOT_ALLOWED",
  "KIND_REQUIRED",
  "UNIT_PRICE_REQUIRED",
  "PRODUCT_REFERENCE_CONFLICT",
  "TAX_CATEGORY_MISMATCH",
  "PRODUCT_NOT_FOUND",
] as const;
export type ApiIssueCode = (typeof API_ISSUE_CODES)[number];

/** One problem with the request, for a 400 response: where, and a code the UI translates. */
export interface ApiIssue {
  path: FieldPath;
  code: ApiIssueCode;
  params?: Record<string, string>;
}

const MAX_AMOUNT_MINOR = 1_000_000_000_000;
const MAX_PARCELS = 50;
const MAX_ITEMS = 100;
const MAX_QUANTITY = 10_000;

const countrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: "UNKNOWN_COUNTRY", abort: true })
  .refine(isCountryCode, { error: "UNKNOWN_COUNTRY" })
  .meta({ description: "ISO 3166-1 alpha-2 country code", examples: ["JP"] });

const destinationSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: "UNKNOWN_COUNTRY", abort: true })
  .refine(isCountryCode, { error: "UNKNOWN_COUNTRY", abort: true })
  .refine((code) => findTradeMarket(code) !== undefined, { error: "UNSUPPORTED_DESTINATION" })
  .meta({ description: "Ship-to country (ISO 3166-1 alpha-2)", enum: [...SUPPORTED_DESTINATIONS], examples: ["DE"] });

const currencySchema = z
  .string()
  .refine(isCurrencyCode, { error: "UNSUPPORTED_CURRENCY" })
  .meta({ description: "ISO 4217 currency code the store supports", enum: [...CURRENCY_CODES], examples: ["EUR"] });

const dateSchema = z
  .string()
  .refine(isIsoDate, { error: "INVALID_DATE", abort: true })
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, { error: "DATE_OUT_OF_RANGE" })
  .meta({
    description: `Pricing date (YYYY-MM-DD, ${EARLIEST_DATE} to ${LATEST_DATE}); selects the rule versions in force`,
    format: "date",
    examples: ["2026-08-01"],
  });

/** Free text from the caller: printable, well-formed Unicode only (the database refuses NUL, logs must not carry controls). */
const CONTROL_CHARACTER = /\p{Cc}/u;
const textSchema = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.isWellFormed() && !CONTROL_CHARACTER.test(value), { error: "INVALID_CHARACTER" });

export const moneySchema = z
  .strictObject({
    amountMinor: z
      .number()
      .int({ error: "AMOUNT_NOT_INTEGER" })
      .min(0, { error: "AMOUNT_NEGATIVE" })
      .max(MAX_AMOUNT_MINOR, { error: "AMOUNT_TOO_LARGE" })
      .meta({ description: "Integer count of the currency's ISO 4217 minor units (cents, yen, fils)" }),
    currency: currencySchema,
  })
  .meta({ description: "An amount: integer minor units and an ISO 4217 code" });

const quantitySchema = z
  .number()
  .int({ error: "INVALID_QUANTITY" })
  .min(1, { error: "INVALID_QUANTITY" })
  .max(MAX_QUANTITY, { error: "INVALID_QUANTITY" });

export const itemSchema = z
  .strictObject({
    productId: textSchema(100).optional().meta({ description: "Catalogue product; the server fills kind, HS code, tax category and price" }),
    kind: z.enum(["physical", "digital"]).optional(),
    hsCode: z.string().regex(HS_CODE_PATTERN, { error: "INVALID_HS_CODE" }).optional().meta({ description: "HS code, 6 to 10 digits; physical items only" }),
    taxCategory: z.enum(["standard", "book", "ebook"]).optional().meta({ description: "standard (default); book for printed books; ebook for digital books" }),
    category: z.string().regex(/^[a-z0-9-]{1,40}$/).optional().meta({ description: "Product category slug, matched by category restrictions" }),
    quantity: quantitySchema,
    unitPrice: moneySchema.optional().meta({ description: "Seller's unit price, net of destination tax and duty" }),
  })
  .superRefine((item, ctx) => {
    for (const issue of itemIssues(item)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.code });
  })
  .meta({ description: "An item: inline (kind, hsCode, unitPrice...) or a catalogue reference ({ productId, quantity })" });

type RawItem = z.input<typeof itemSchema>;

function itemIssues(item: RawItem): { path: FieldPath; code: ApiIssueCode }[] {
  if (item.productId !== undefined) {
    const inline = (["kind", "hsCode", "taxCategory", "category", "unitPrice"] as const).filter((key) => item[key] !== undefined);
    return inline.map((key) => ({ path: [key], code: "PRODUCT_REFERENCE_CONFLICT" }));
  }
  const issues: { path: FieldPath; code: ApiIssueCode }[] = [];
  if (item.kind === undefined) issues.push({ path: ["kind"], code: "KIND_REQUIRED" });
  if (item.unitPrice === undefined) issues.push({ path: ["unitPrice"], code: "UNIT_PRICE_REQUIRED" });
  if (item.kind === "physical" && item.hsCode === undefined) issues.push({ path: ["hsCode"], code: "HS_CODE_REQUIRED" });
  if (item.kind === "digital" && item.hsCode !== undefined) issues.push({ path: ["hsCode"], code: "HS_CODE_NOT_ALLOWED" });
  const mismatch = (item.kind === "physical" && item.taxCategory === "ebook") || (item.kind === "digital" && item.taxCategory === "book");
  if (mismatch) issues.push({ path: ["taxCategory"], code: "TAX_CATEGORY_MISMATCH" });
  return issues;
}

export const parcelSchema = z
  .strictObject({
    origin: countrySchema.meta({ description: "Country the parcel ships from" }),
    shipping: moneySchema.meta({ description: "Seller's shipping charge, net of tax" }),
    incoterm: z.enum(["DDP", "DAP"]).optional().meta({ description: "Seller override of the market default" }),
    items: z.array(itemSchema).min(1, { error: "EMPTY_ITEMS" }).max(MAX_ITEMS, { error: "TOO_MANY_ITEMS" }),
  })
  .meta({ description: "One seller's parcel (a consignment)" });

export const landedCostRequestSchema = z
  .strictObject({
    destination: destinationSchema,
    date: dateSchema.optional(),
    currency: currencySchema.optional(),
    evidence: z
      .strictObject({ billingCountry: countrySchema.optional(), ipCountry: countrySchema.optional() })
      .optional()
      .meta({ description: "Location evidence for digital items (billing and IP country)" }),
    parcels: z.array(parcelSchema).min(1, { error: "EMPTY_PARCELS" }).max(MAX_PARCELS, { error: "TOO_MANY_PARCELS" }),
  })
  .meta({ description: "A cart to price: one destination, one or more sellers' parcels" });

export type LandedCostRequest = z.output<typeof landedCostRequestSchema>;
export type LandedCostRequestItem = LandedCostRequest["parcels"][number]["items"][number];

const ISSUE_CODE_SET: ReadonlySet<string> = new Set(API_ISSUE_CODES);

/** Codes for zod's own issues, where the schema set no code of ours. */
function fallbackCode(issue: { code: string; input?: unknown }): ApiIssueCode {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "REQUIRED" : "INVALID_TYPE";
    case "unrecognized_keys":
      return "UNKNOWN_FIELD";
    case "invalid_value":
      return "INVALID_VALUE";
    case "too_small":
    case "too_big":
      return "OUT_OF_RANGE";
    default:
      return "INVALID_INPUT";
  }
}

function toApiIssue(issue: z.core.$ZodIssue): ApiIssue {
  const code = ISSUE_CODE_SET.has(issue.message) ? (issue.message as ApiIssueCode) : "INVALID_INPUT";
  const path = issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
  if (issue.code === "unrecognized_keys") return { path, code, params: { keys: issue.keys.join(",") } };
  return { path, code };
}

export type ParseResult = { ok: true; request: LandedCostRequest } | { ok: false; issues: ApiIssue[] };

/** At most this many issues are reported: a body of thousands of bad items gets a short answer. */
export const MAX_REPORTED_ISSUES = 50;

/** Validates a request body; every issue carries its field path and a code. */
export function parseLandedCostRequest(body: unknown): ParseResult {
  const parsed = landedCostRequestSchema.safeParse(body, { error: (issue) => fallbackCode(issue) });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, issues: parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map(toApiIssue) };
}

// ---------------------------------------------------------------- to engine input

/** A catalogue product as the route loads it (variant price in the seller's currency). */
export interface ResolvedProduct {
  kind: ItemKind;
  hsCode?: string;
  taxCategory: TaxCategory;
  unitPrice: Money;
  category?: string;
}

export interface ToQuoteInputOptions {
  /** The caller's today (YYYY-MM-DD), used when the request has no date. */
  today: IsoDate;
  mode?: QuoteMode;
  /** Products referenced by `productId`, loaded by the route before calling. */
  products?: ReadonlyMap<string, ResolvedProduct>;
}

export type ToQuoteInputResult = { ok: true; input: QuoteInput } | { ok: false; issues: ApiIssue[] };

/** The product ids a request references, for the route to load in one query. */
export function productIdsOf(request: LandedCostRequest): string[] {
  const ids = request.parcels.flatMap((parcel) => parcel.items.map((item) => item.productId));
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

function inlineItem(item: LandedCostRequestItem): QuoteItemInput | undefined {
  if (item.kind === undefined || item.unitPrice === undefined) return undefined;
  return {
    kind: item.kind,
    quantity: item.quantity,
    unitPrice: item.unitPrice,
    ...(item.hsCode === undefined ? {} : { hsCode: item.hsCode }),
    ...(item.taxCategory === undefined ? {} : { taxCategory: item.taxCategory }),
    ...(item.category === undefined ? {} : { category: item.category }),
  };
}

function resolvedItem(productId: string, quantity: number, product: ResolvedProduct): QuoteItemInput {
  return {
    productId,
    kind: product.kind,
    quantity,
    unitPrice: product.unitPrice,
    taxCategory: product.taxCategory,
    ...(product.hsCode === undefined ? {} : { hsCode: product.hsCode }),
    ...(product.category === undefined ? {} : { category: product.category }),
  };
}

function toItem(item: LandedCostRequestItem, path: FieldPath, options: ToQuoteInputOptions): QuoteItemInput | ApiIssue {
  if (item.productId === undefined) return inlineItem(item) ?? { path, code: "INVALID_INPUT" };
  const product = options.products?.get(item.productId);
  return product ? resolvedItem(item.productId, item.quantity, product) : { path: [...path, "productId"], code: "PRODUCT_NOT_FOUND" };
}

function isIssue(value: QuoteItemInput | ApiIssue): value is ApiIssue {
  return "code" in value;
}

/** Applies the defaults and resolves product references into engine input. */
export function toQuoteInput(request: LandedCostRequest, options: ToQuoteInputOptions): ToQuoteInputResult {
  const issues: ApiIssue[] = [];
  const parcels = request.parcels.map((parcel, p) => {
    const items = parcel.items.map((item, i) => toItem(item, ["parcels", p, "items", i], options));
    issues.push(...items.filter(isIssue));
    return {
      origin: parcel.origin,
      shipping: parcel.shipping,
      items: items.filter((item): item is QuoteItemInput => !isIssue(item)),
      ...(parcel.incoterm === undefined ? {} : { incoterm: parcel.incoterm }),
    };
  });
  if (issues.length > 0) return { ok: false, issues };
  const market = findTradeMarket(request.destination);
  const currency: CurrencyCode = request.currency ?? market?.currency ?? "EUR";
  const input: QuoteInput = {
    destination: request.destination,
    date: request.date ?? options.today,
    currency,
    mode: options.mode ?? "quote",
    parcels,
    ...(request.evidence === undefined ? {} : { evidence: request.evidence }),
  };
  return { ok: true, input };
}
