/**
 * The response shapes of POST /api/v1/landed-cost as zod schemas: the source of the
 * OpenAPI document and a check that the engine's output is what the API promises.
 * The body builders keep the route handler a one-line delegate.
 */
import { z } from "zod";
import { FX_SOURCES } from "@/lib/domain/fx";
import type { ApiIssue } from "./api-schema";
import { API_ISSUE_CODES } from "./api-schema";
import {
  EVIDENCE_STATUSES,
  INCOTERMS,
  ITEM_KINDS,
  QUOTE_ERROR_CODES,
  QUOTE_MODES,
  REGIMES,
  RESTRICTION_LEVELS,
  TAX_CATEGORIES,
  WARNING_CODES,
  type Quote,
  type QuoteError,
} from "./types";

const path = z.array(z.union([z.string(), z.number().int()])).meta({ description: "Field path, e.g. [\"parcels\", 0, \"items\", 1, \"hsCode\"]" });
const params = z.record(z.string(), z.string());

export const quoteMoneySchema = z
  .strictObject({ amountMinor: z.number().int(), currency: z.string() })
  .meta({ description: "Integer minor units of `currency` (ISO 4217)" });

const ruleRef = z.strictObject({ id: z.string(), version: z.string() }).meta({ description: "A rule applied, to store with the order" });

const fxRate = z.strictObject({
  from: z.string(),
  to: z.string(),
  rate: z.string().meta({ description: "Exact cross rate via EUR, 10 fraction digits" }),
  rateDate: z.string(),
  sources: z.array(z.enum(FX_SOURCES)),
});

const regime = z.enum(REGIMES);
const taxCategory = z.enum(TAX_CATEGORIES);

export const lineQuoteSchema = z.strictObject({
  itemIndex: z.number().int(),
  kind: z.enum(ITEM_KINDS),
  hsCode: z.string().nullable(),
  taxCategory,
  regime,
  taxCountry: z.string(),
  goods: quoteMoneySchema,
  shipping: quoteMoneySchema,
  customsValue: quoteMoneySchema,
  dutyRate: z.string().nullable().meta({ description: "Percent, e.g. \"12\"; null when no ad valorem rate applied" }),
  dutyEstimate: z.boolean(),
  duty: quoteMoneySchema,
  taxRate: z.string().nullable().meta({ description: "Percent, e.g. \"19\"" }),
  taxBase: quoteMoneySchema,
  tax: quoteMoneySchema,
  taxCollection: z.enum(["SALE", "IMPORT", "NONE"]),
  fees: quoteMoneySchema,
  total: quoteMoneySchema,
  rules: z.array(ruleRef),
});

export const parcelQuoteSchema = z.strictObject({
  index: z.number().int(),
  origin: z.string(),
  regime,
  incoterm: z.enum(INCOTERMS),
  goods: quoteMoneySchema,
  shipping: quoteMoneySchema,
  duty: quoteMoneySchema,
  tax: quoteMoneySchema,
  fees: quoteMoneySchema,
  total: quoteMoneySchema.meta({ description: "goods + shipping + duty + tax + fees, exactly" }),
  dueAtCheckout: quoteMoneySchema,
  dueOnDelivery: quoteMoneySchema.meta({ description: "DAP: import charges the carrier collects (estimate)" }),
  estimate: z.boolean(),
  lines: z.array(lineQuoteSchema),
  fxRates: z.array(fxRate),
  rules: z.array(ruleRef),
});

export const quoteResponseSchema = z.strictObject({
  destination: z.string(),
  date: z.string(),
  currency: z.string(),
  mode: z.enum(QUOTE_MODES),
  parcels: z.array(parcelQuoteSchema),
  goods: quoteMoneySchema,
  shipping: quoteMoneySchema,
  duty: quoteMoneySchema,
  tax: quoteMoneySchema,
  fees: quoteMoneySchema,
  total: quoteMoneySchema.meta({ description: "Sum of the parcels' totals, exactly" }),
  dueAtCheckout: quoteMoneySchema,
  dueOnDelivery: quoteMoneySchema,
  fxRates: z.array(fxRate),
  rules: z.array(ruleRef),
  restrictions: z.array(
    z.strictObject({
      code: z.enum(RESTRICTION_LEVELS),
      reason: z.string().meta({ description: "Message key" }),
      parcelIndex: z.number().int(),
      itemIndex: z.number().int(),
      rule: ruleRef,
    }),
  ),
  warnings: z.array(
    z.strictObject({
      code: z.enum(WARNING_CODES),
      parcelIndex: z.number().int().optional(),
      itemIndex: z.number().int().optional(),
      params: params.optional(),
    }),
  ),
  evidence: z
    .strictObject({
      billingCountry: z.string().nullable(),
      ipCountry: z.string().nullable(),
      taxCountry: z.string(),
      status: z.enum(EVIDENCE_STATUSES),
    })
    .nullable(),
});

/** 400: the request failed validation. */
export const validationErrorResponseSchema = z.strictObject({
  error: z.literal("INVALID_REQUEST"),
  issues: z.array(z.strictObject({ path, code: z.enum(API_ISSUE_CODES), params: params.optional() })),
});

/** 422: a valid request the engine cannot quote (evidence conflict, no rule for the date...). */
export const quoteErrorResponseSchema = z.strictObject({
  error: z.literal("QUOTE_REJECTED"),
  errors: z.array(z.strictObject({ path, code: z.enum(QUOTE_ERROR_CODES), params: params.optional() })),
});

/** 413, 415 and 429: refused before the body is read or parsed; the code says why. */
export const payloadTooLargeResponseSchema = z.strictObject({ error: z.literal("PAYLOAD_TOO_LARGE") });
export const unsupportedMediaTypeResponseSchema = z.strictObject({ error: z.literal("UNSUPPORTED_MEDIA_TYPE") });
export const rateLimitedResponseSchema = z.strictObject({ error: z.literal("RATE_LIMITED") });

export type QuoteResponse = z.output<typeof quoteResponseSchema>;
export type ValidationErrorResponse = z.output<typeof validationErrorResponseSchema>;
export type QuoteErrorResponse = z.output<typeof quoteErrorResponseSchema>;

/** The 200 body: the quote itself, already JSON-safe. */
export function quoteResponseBody(quote: Quote): QuoteResponse {
  return quote;
}

export function validationErrorBody(issues: readonly ApiIssue[]): ValidationErrorResponse {
  return { error: "INVALID_REQUEST", issues: [...issues] };
}

export function quoteErrorBody(errors: readonly QuoteError[]): QuoteErrorResponse {
  return { error: "QUOTE_REJECTED", errors: [...errors] };
}
