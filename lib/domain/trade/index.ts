/**
 * Caravan's trade rules: landed cost, VAT/GST, duties and import regimes by destination
 * and pricing date. See README.md for the rules, rounding and sources.
 */
export { quoteLandedCost } from "./engine";
export * from "./types";
export { COUNTRY_CODES, EU_MEMBER_STATES, isCountryCode, isEuMember, type CountryCode } from "./countries";
export { resolveDigitalTaxCountry, type EvidenceResult } from "./evidence";
export { validateQuoteInput } from "./validate";
export { allRules, findRule } from "./catalog";
export { findTradeMarket, RESTRICTION_REASONS, SUPPORTED_DESTINATIONS, type RestrictionReason, type TradeMarket } from "./rules";
export {
  API_ISSUE_CODES,
  landedCostRequestSchema,
  parseLandedCostRequest,
  productIdsOf,
  toQuoteInput,
  type ApiIssue,
  type ApiIssueCode,
  type LandedCostRequest,
  type ParseResult,
  type ResolvedProduct,
  type ToQuoteInputOptions,
  type ToQuoteInputResult,
} from "./api-schema";
export {
  quoteErrorBody,
  quoteResponseBody,
  quoteResponseSchema,
  validationErrorBody,
  type QuoteErrorResponse,
  type QuoteResponse,
  type ValidationErrorResponse,
} from "./api-response";
export { landedCostOpenApiDocument } from "./openapi";
