/**
 * The trade-rules engine's public types. Inputs are parsed values (see api-schema.ts
 * for the JSON edge); outputs are plain JSON-safe objects an order can store as-is.
 * Every amount is Money: an integer of ISO 4217 minor units and a currency code.
 */
import type { CurrencyCode, Money } from "@/lib/domain/money";
import type { FxSource, FxTable } from "@/lib/domain/fx";
import type { CountryCode } from "./countries";
import type { RestrictionReason } from "./rules/restrictions";

/** ISO date, YYYY-MM-DD: the pricing date that selects which rule versions apply. */
export type IsoDate = string;

/** Who pays import charges: collected at checkout (DDP) or by the carrier on delivery (DAP). */
export const INCOTERMS = ["DDP", "DAP"] as const;
export type Incoterm = (typeof INCOTERMS)[number];
export const ITEM_KINDS = ["physical", "digital"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
/** Selects reduced VAT/GST rates where a destination has them. */
export const TAX_CATEGORIES = ["standard", "book", "ebook"] as const;
export type TaxCategory = (typeof TAX_CATEGORIES)[number];
/**
 * `quote`: the public price preview; the destination is the buyer's claimed country.
 * `checkout`: digital items need two agreeing pieces of location evidence.
 */
export const QUOTE_MODES = ["quote", "checkout"] as const;
export type QuoteMode = (typeof QUOTE_MODES)[number];

export const REGIMES = [
  "DOMESTIC",
  "EU_IOSS",
  "EU_IMPORT",
  "UK_POINT_OF_SALE",
  "UK_IMPORT",
  "US_IMPORT",
  "AU_LOW_VALUE_GST",
  "AU_IMPORT",
  "DIGITAL",
  "IMPORT",
] as const;
export type Regime = (typeof REGIMES)[number];

/** A rule an amount was priced under; an order stores these to reproduce its price. */
export interface RuleRef {
  readonly id: string;
  readonly version: string;
}

// ---------------------------------------------------------------- input

export interface QuoteItemInput {
  kind: ItemKind;
  /** 6 to 10 digits; required for physical goods, absent for digital ones. */
  hsCode?: string;
  taxCategory?: TaxCategory;
  /** Optional product category slug, matched by category-based restrictions ("alcohol"). */
  category?: string;
  quantity: number;
  /** Seller's price per unit, net of destination tax and duty. */
  unitPrice: Money;
  /** Carried through for the caller's bookkeeping; the engine does not read it. */
  productId?: string;
}

/** One seller's parcel: the consignment each threshold is judged against. */
export interface ParcelInput {
  /** Country the parcel ships from (place of direct shipment). */
  origin: CountryCode;
  /** Seller's shipping charge to the buyer, net of tax. */
  shipping: Money;
  /** Seller override of the market's default incoterm. */
  incoterm?: Incoterm;
  items: readonly QuoteItemInput[];
}

export interface DigitalEvidence {
  billingCountry?: CountryCode;
  ipCountry?: CountryCode;
  /** Country of the buyer's phone number (checkout only; the public quote API does not take it). */
  phoneCountry?: CountryCode;
}

export interface QuoteInput {
  destination: CountryCode;
  date: IsoDate;
  /** The currency every amount of the quote is expressed in. */
  currency: CurrencyCode;
  mode: QuoteMode;
  evidence?: DigitalEvidence;
  parcels: readonly ParcelInput[];
}

export interface QuoteContext {
  /** Rates for the pricing date (the caller picks the table; stale tables add a warning). */
  fx: FxTable;
}

// ---------------------------------------------------------------- output

/** How a line's VAT/GST is collected: by the marketplace at sale, at import, or not at all. */
export type TaxCollection = "SALE" | "IMPORT" | "NONE";

export interface LineQuote {
  /** Index of the item in its parcel's `items`. */
  itemIndex: number;
  kind: ItemKind;
  hsCode: string | null;
  taxCategory: TaxCategory;
  /** DIGITAL for digital lines; the parcel's physical regime otherwise. */
  regime: Regime;
  /** Country whose VAT/GST was applied (the buyer's country for digital lines). */
  taxCountry: CountryCode;
  goods: Money;
  /** This line's share of the parcel's shipping. */
  shipping: Money;
  /** The duty base: goods, plus shipping where the destination values CIF; zero for digital. */
  customsValue: Money;
  dutyRate: string | null;
  dutyEstimate: boolean;
  duty: Money;
  taxRate: string | null;
  taxBase: Money;
  tax: Money;
  taxCollection: TaxCollection;
  fees: Money;
  total: Money;
  rules: RuleRef[];
}

export interface FxRateUsed {
  from: CurrencyCode;
  to: CurrencyCode;
  /** Exact cross rate rendered to 10 fraction digits, for display and audit. */
  rate: string;
  rateDate: IsoDate;
  sources: FxSource[];
}

/** The money a parcel, or a whole quote, adds up to: all in the quote currency. */
export interface QuoteAmounts {
  goods: Money;
  shipping: Money;
  duty: Money;
  tax: Money;
  fees: Money;
  /** goods + shipping + duty + tax + fees, exactly (for a quote: the sum of its parcels). */
  total: Money;
  /** What the buyer pays at checkout: everything except DAP import charges. */
  dueAtCheckout: Money;
  /** DAP only: duty, import tax and fees the carrier collects (an estimate). */
  dueOnDelivery: Money;
}

export interface ParcelQuote extends QuoteAmounts {
  index: number;
  origin: CountryCode;
  regime: Regime;
  incoterm: Incoterm;
  /** True when any duty comes from an estimated tariff row. */
  estimate: boolean;
  lines: LineQuote[];
  fxRates: FxRateUsed[];
  rules: RuleRef[];
}

export const RESTRICTION_LEVELS = ["PROHIBITED", "RESTRICTED"] as const;
export type RestrictionLevel = (typeof RESTRICTION_LEVELS)[number];

export interface RestrictionHit {
  code: RestrictionLevel;
  /** Message key for the UI ("trade.restriction.au.seedsForSowing"). */
  reason: RestrictionReason;
  parcelIndex: number;
  itemIndex: number;
  rule: RuleRef;
}

export const WARNING_CODES = [
  /** Excise goods: excise duty is not computed, and low-value regimes were not available. */
  "EXCISE_NOT_INCLUDED",
  /** The destination's tax is not collected by the store (US sales tax, Brazil domestic). */
  "TAX_NOT_COLLECTED",
  /** Only part of the tax is modelled (Canada: GST without provincial tax). */
  "TAX_PARTIAL",
  /** The FX table is older than the store's staleness limit for the pricing date. */
  "FX_RATES_STALE",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface QuoteWarning {
  code: WarningCode;
  parcelIndex?: number;
  itemIndex?: number;
  params?: Record<string, string>;
}

export const EVIDENCE_STATUSES = ["VERIFIED", "CLAIMED"] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** The location evidence for digital items, recorded with the order. */
export interface EvidenceRecord {
  billingCountry: CountryCode | null;
  ipCountry: CountryCode | null;
  /** Present when the phone number's country was one of the pieces. */
  phoneCountry?: CountryCode | null;
  /** The buyer's country digital items were taxed in. */
  taxCountry: CountryCode;
  /** VERIFIED: two agreeing pieces. CLAIMED: quote mode fell back to the destination. */
  status: EvidenceStatus;
}

export interface Quote extends QuoteAmounts {
  destination: CountryCode;
  date: IsoDate;
  currency: CurrencyCode;
  mode: QuoteMode;
  parcels: ParcelQuote[];
  fxRates: FxRateUsed[];
  rules: RuleRef[];
  restrictions: RestrictionHit[];
  warnings: QuoteWarning[];
  evidence: EvidenceRecord | null;
}

export const QUOTE_ERROR_CODES = [
  "UNKNOWN_COUNTRY",
  "UNSUPPORTED_DESTINATION",
  "INVALID_DATE",
  "UNSUPPORTED_CURRENCY",
  "EMPTY_PARCELS",
  "EMPTY_ITEMS",
  "INVALID_AMOUNT",
  "INVALID_QUANTITY",
  "HS_CODE_REQUIRED",
  "HS_CODE_NOT_ALLOWED",
  "INVALID_HS_CODE",
  "TAX_CATEGORY_MISMATCH",
  "EVIDENCE_CONFLICT",
  "EVIDENCE_INSUFFICIENT",
  "UNSUPPORTED_TAX_COUNTRY",
  "NO_RULE_IN_EFFECT",
  "FX_RATE_MISSING",
  /** An amount (a line, a parcel or the cart, after conversion) too large to hold exactly. */
  "AMOUNT_TOO_LARGE",
] as const;
export type QuoteErrorCode = (typeof QUOTE_ERROR_CODES)[number];

export type FieldPath = (string | number)[];

/** A failure the UI translates by `code`; `params` fill the message. */
export interface QuoteError {
  code: QuoteErrorCode;
  path: FieldPath;
  params?: Record<string, string>;
}

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; errors: QuoteError[] };
