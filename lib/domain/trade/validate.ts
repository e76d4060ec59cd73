/**
 * Guards on engine input. The JSON edge validates with zod (api-schema.ts); these
 * checks keep the engine honest when called directly (checkout, tests) and report every
 * problem at once, each with a field path.
 */
import { isCurrencyCode, type Money } from "@/lib/domain/money";
import { isCountryCode } from "./countries";
import { quoteError } from "./errors";
import { findTradeMarket } from "./rules";
import type { FieldPath, ParcelInput, QuoteError, QuoteInput, QuoteItemInput } from "./types";

export const HS_CODE_PATTERN = /^\d{6,10}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Pricing dates the store answers for: rules and FX history live well inside this range. */
export const EARLIEST_DATE = "2000-01-01";
export const LATEST_DATE = "2100-12-31";

/** A real calendar date (YYYY-MM-DD) inside the supported range; ISO strings compare as dates. */
export function isSupportedDate(value: string): boolean {
  return isIsoDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

function moneyErrors(amount: Money, path: FieldPath): QuoteError[] {
  if (!isCurrencyCode(amount.currency)) return [quoteError("UNSUPPORTED_CURRENCY", [...path, "currency"])];
  const valid = Number.isSafeInteger(amount.amountMinor) && amount.amountMinor >= 0;
  return valid ? [] : [quoteError("INVALID_AMOUNT", [...path, "amountMinor"])];
}

function itemErrors(item: QuoteItemInput, path: FieldPath): QuoteError[] {
  const errors = moneyErrors(item.unitPrice, [...path, "unitPrice"]);
  if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) errors.push(quoteError("INVALID_QUANTITY", [...path, "quantity"]));
  else if (!Number.isSafeInteger(item.unitPrice.amountMinor * item.quantity)) errors.push(quoteError("INVALID_AMOUNT", [...path, "unitPrice"]));
  if (item.kind === "physical") {
    if (item.hsCode === undefined) errors.push(quoteError("HS_CODE_REQUIRED", [...path, "hsCode"]));
    else if (!HS_CODE_PATTERN.test(item.hsCode)) errors.push(quoteError("INVALID_HS_CODE", [...path, "hsCode"]));
    if (item.taxCategory === "ebook") errors.push(quoteError("TAX_CATEGORY_MISMATCH", [...path, "taxCategory"]));
  } else {
    if (item.hsCode !== undefined) errors.push(quoteError("HS_CODE_NOT_ALLOWED", [...path, "hsCode"]));
    if (item.taxCategory === "book") errors.push(quoteError("TAX_CATEGORY_MISMATCH", [...path, "taxCategory"]));
  }
  return errors;
}

function parcelErrors(parcel: ParcelInput, path: FieldPath): QuoteError[] {
  const errors: QuoteError[] = [];
  if (!isCountryCode(parcel.origin)) errors.push(quoteError("UNKNOWN_COUNTRY", [...path, "origin"]));
  errors.push(...moneyErrors(parcel.shipping, [...path, "shipping"]));
  if (parcel.items.length === 0) errors.push(quoteError("EMPTY_ITEMS", [...path, "items"]));
  parcel.items.forEach((item, i) => errors.push(...itemErrors(item, [...path, "items", i])));
  return errors;
}

function destinationErrors(destination: string): QuoteError[] {
  if (!isCountryCode(destination)) return [quoteError("UNKNOWN_COUNTRY", ["destination"])];
  return findTradeMarket(destination) ? [] : [quoteError("UNSUPPORTED_DESTINATION", ["destination"])];
}

function evidenceErrors(input: QuoteInput): QuoteError[] {
  const evidence = input.evidence ?? {};
  return (["billingCountry", "ipCountry"] as const)
    .filter((key) => evidence[key] !== undefined && !isCountryCode(evidence[key]))
    .map((key) => quoteError("UNKNOWN_COUNTRY", ["evidence", key]));
}

export function validateQuoteInput(input: QuoteInput): QuoteError[] {
  const errors = [...destinationErrors(input.destination), ...evidenceErrors(input)];
  if (!isSupportedDate(input.date)) errors.push(quoteError("INVALID_DATE", ["date"]));
  if (!isCurrencyCode(input.currency)) errors.push(quoteError("UNSUPPORTED_CURRENCY", ["currency"]));
  if (input.parcels.length === 0) errors.push(quoteError("EMPTY_PARCELS", ["parcels"]));
  input.parcels.forEach((parcel, i) => errors.push(...parcelErrors(parcel, ["parcels", i])));
  return errors;
}
