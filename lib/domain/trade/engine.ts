/**
 * quoteLandedCost: the landed cost of a cart (one or more sellers' parcels) shipped to
 * one destination on one pricing date, in one currency. Pure: no I/O, no clock; the
 * caller passes the date and the FX table.
 */
import { isStale, type FxTable } from "@/lib/domain/fx";
import { MoneyRangeError, sum, type Money } from "@/lib/domain/money";
import { Notes, type PricingContext } from "./context";
import { TradeRuleError, quoteError } from "./errors";
import { resolveDigitalTaxCountry } from "./evidence";
import { FxBook, mergeFxRates } from "./fx";
import { hasVatRows } from "./lookup";
import { quoteParcel, findRestrictions } from "./parcel";
import { findImportTerritory, findTradeMarket, uniqueRefs, type ImportTerritory, type TradeMarket } from "./rules";
import type { EvidenceRecord, ParcelQuote, Quote, QuoteAmounts, QuoteContext, QuoteError, QuoteInput, QuoteResult } from "./types";
import { validateQuoteInput } from "./validate";

function hasDigitalItems(input: QuoteInput): boolean {
  return input.parcels.some((parcel) => parcel.items.some((item) => item.kind === "digital"));
}

type EvidenceOutcome = { ok: true; record: EvidenceRecord | null } | { ok: false; error: QuoteError };

function resolveEvidence(input: QuoteInput): EvidenceOutcome {
  if (!hasDigitalItems(input)) return { ok: true, record: null };
  const resolved = resolveDigitalTaxCountry(input);
  if (!resolved.ok) return resolved;
  const country = resolved.record.taxCountry;
  if (!hasVatRows(country)) return { ok: false, error: quoteError("UNSUPPORTED_TAX_COUNTRY", ["evidence"], { country }) };
  return resolved;
}

/** Each amount of the quote is the exact sum of the parcels' amounts. */
function sumAmounts(parcels: readonly ParcelQuote[], currency: string): QuoteAmounts {
  const total = (key: keyof QuoteAmounts): Money => sum(parcels.map((p) => p[key]), currency);
  return {
    goods: total("goods"),
    shipping: total("shipping"),
    duty: total("duty"),
    tax: total("tax"),
    fees: total("fees"),
    total: total("total"),
    dueAtCheckout: total("dueAtCheckout"),
    dueOnDelivery: total("dueOnDelivery"),
  };
}

function contextFor(input: QuoteInput, fx: FxTable, territory: ImportTerritory, notes: Notes, parcelIndex: number): PricingContext {
  return {
    date: input.date,
    currency: input.currency,
    destination: input.destination,
    territory,
    fx: new FxBook(fx),
    parcelIndex,
    path: ["parcels", parcelIndex],
    notes,
  };
}

function buildQuote(input: QuoteInput, fx: FxTable, market: TradeMarket, territory: ImportTerritory, evidence: EvidenceRecord | null): Quote {
  const notes = new Notes();
  const priced = input.parcels.map((parcel, parcelIndex) => {
    const ctx = contextFor(input, fx, territory, notes, parcelIndex);
    return { quote: quoteParcel(parcel, evidence, market.defaultIncoterm, ctx), restrictions: findRestrictions(parcel, ctx) };
  });
  const parcels = priced.map((p) => p.quote);
  const restrictions = priced.flatMap((p) => p.restrictions);
  const fxRates = mergeFxRates(parcels.map((parcel) => parcel.fxRates));
  if (fxRates.length > 0 && isStale(fx, input.date)) notes.warn({ code: "FX_RATES_STALE", params: { fxDate: fx.date } });
  const c = input.currency;
  return {
    destination: input.destination,
    date: input.date,
    currency: c,
    mode: input.mode,
    parcels,
    ...sumAmounts(parcels, c),
    fxRates,
    rules: uniqueRefs(parcels.flatMap((parcel) => parcel.rules)),
    restrictions,
    warnings: notes.list(),
    evidence,
  };
}

/**
 * Prices a cart. Returns `{ ok: false, errors }` with translatable codes and field paths
 * for bad input, conflicting or missing evidence, a date no rule covers, or a missing
 * FX rate; otherwise the quote, with the rules and rates it used.
 */
export function quoteLandedCost(input: QuoteInput, context: QuoteContext): QuoteResult {
  const errors = validateQuoteInput(input);
  if (errors.length > 0) return { ok: false, errors };
  const market = findTradeMarket(input.destination);
  const territory = market && findImportTerritory(market.territory);
  if (!market || !territory) return { ok: false, errors: [quoteError("UNSUPPORTED_DESTINATION", ["destination"])] };
  const evidence = resolveEvidence(input);
  if (!evidence.ok) return { ok: false, errors: [evidence.error] };
  try {
    return { ok: true, quote: buildQuote(input, context.fx, market, territory, evidence.record) };
  } catch (error) {
    if (error instanceof TradeRuleError) return { ok: false, errors: [error.toQuoteError()] };
    // Each input amount is bounded, but their products, sums and conversions can still overflow.
    if (error instanceof MoneyRangeError) return { ok: false, errors: [quoteError("AMOUNT_TOO_LARGE", ["parcels"])] };
    throw error;
  }
}
