/**
 * Quoting one parcel (one seller's consignment): convert every amount into the quote
 * currency, share shipping over the physical lines, choose the regime from the
 * consignment's intrinsic value, price physical and digital lines, and add them up.
 */
import { add, subtract, sum, times, zero, type CurrencyCode, type Money } from "@/lib/domain/money";
import { weightsFromRatios } from "./allocate";
import type { PricingContext } from "./context";
import { priceDigital } from "./digital";
import {
  allocateShipping,
  draftLine,
  importCharges,
  lineTotal,
  toLineQuote,
  totalOf,
  type DraftLine,
} from "./lines";
import { matchesRestriction, restrictionsFor } from "./lookup";
import { pricePhysical } from "./physical";
import { isExciseHs, selectBand } from "./regime";
import { refOf, uniqueRefs, type RegimeBand } from "./rules";
import type { EvidenceRecord, Incoterm, ParcelInput, ParcelQuote, RestrictionHit } from "./types";

/** Shipping shared by the lines' exact values in the quote currency. */
function shipLines(lines: readonly DraftLine[], shipping: Money, ctx: PricingContext): DraftLine[] {
  const exact = lines.map((line) => ctx.fx.exactMinor(line.original, ctx.currency, ctx.path));
  return allocateShipping(lines, shipping, weightsFromRatios(exact));
}

function draftLines(parcel: ParcelInput, ctx: PricingContext): DraftLine[] {
  return parcel.items.map((item, i) => {
    const original = times(item.unitPrice, item.quantity);
    const goods = ctx.fx.convert(original, ctx.currency, [...ctx.path, "items", i, "unitPrice"]);
    return draftLine(item, i, original, goods, ctx.destination);
  });
}

/**
 * The consignment's intrinsic value in a threshold's currency: goods only (no shipping,
 * no insurance, no digital items), summed per seller currency and converted with the
 * FX table directly from the seller's currency, never via the quote currency.
 */
function intrinsicValue(lines: readonly DraftLine[], ctx: PricingContext): (currency: CurrencyCode) => Money {
  const cache = new Map<CurrencyCode, Money>();
  return (currency) => {
    const cached = cache.get(currency);
    if (cached) return cached;
    const byCurrency = new Map<CurrencyCode, Money>();
    for (const line of lines) {
      const current = byCurrency.get(line.original.currency);
      byCurrency.set(line.original.currency, current ? add(current, line.original) : line.original);
    }
    const converted = [...byCurrency.values()].map((amount) => ctx.fx.convert(amount, currency, ctx.path));
    const value = sum(converted, currency);
    cache.set(currency, value);
    return value;
  };
}

function chooseBand(parcel: ParcelInput, physical: readonly DraftLine[], ctx: PricingContext): RegimeBand {
  return selectBand(
    ctx.territory,
    {
      date: ctx.date,
      origin: parcel.origin,
      destination: ctx.destination,
      hasExcise: physical.some((line) => isExciseHs(line.hsCode ?? undefined)),
      intrinsicValueIn: intrinsicValue(physical, ctx),
    },
    ctx.path,
  );
}

function warnExcise(physical: readonly DraftLine[], ctx: PricingContext): void {
  for (const line of physical) {
    if (isExciseHs(line.hsCode ?? undefined)) {
      ctx.notes.warn({ code: "EXCISE_NOT_INCLUDED", parcelIndex: ctx.parcelIndex, itemIndex: line.itemIndex });
    }
  }
}

export function findRestrictions(parcel: ParcelInput, ctx: PricingContext): RestrictionHit[] {
  const rules = restrictionsFor(ctx.destination, ctx.date);
  return parcel.items.flatMap((item, itemIndex) =>
    item.kind !== "physical"
      ? []
      : rules
          .filter((rule) => matchesRestriction(rule, item.hsCode, item.category))
          .map((rule) => ({ code: rule.level, reason: rule.reason, parcelIndex: ctx.parcelIndex, itemIndex, rule: refOf(rule) })),
  );
}

function priceLines(parcel: ParcelInput, evidence: EvidenceRecord | null, ctx: PricingContext): { lines: DraftLine[]; band: RegimeBand | null } {
  const drafts = draftLines(parcel, ctx);
  const shipping = ctx.fx.convert(parcel.shipping, ctx.currency, [...ctx.path, "shipping"]);
  const physical = drafts.filter((line) => line.kind === "physical");
  const digital = drafts.filter((line) => line.kind === "digital");
  // Shipping belongs to the physical goods; a digital-only parcel spreads it over its lines.
  const shippedPhysical = physical.length > 0 ? shipLines(physical, shipping, ctx) : [];
  const shippedDigital = physical.length > 0 ? digital : shipLines(digital, shipping, ctx);
  const band = physical.length > 0 ? chooseBand(parcel, physical, ctx) : null;
  warnExcise(physical, ctx);
  const pricedPhysical = band ? pricePhysical(shippedPhysical, band, ctx) : [];
  const pricedDigital = shippedDigital.map((line) => priceDigital(line, requireEvidence(evidence), ctx));
  const lines = [...pricedPhysical, ...pricedDigital].sort((a, b) => a.itemIndex - b.itemIndex);
  return { lines, band };
}

function requireEvidence(evidence: EvidenceRecord | null): EvidenceRecord {
  if (!evidence) throw new Error("Digital lines need resolved evidence");
  return evidence;
}

export function quoteParcel(
  parcel: ParcelInput,
  evidence: EvidenceRecord | null,
  defaultIncoterm: Incoterm,
  ctx: PricingContext,
): ParcelQuote {
  const { lines, band } = priceLines(parcel, evidence, ctx);
  const incoterm = parcel.incoterm ?? defaultIncoterm;
  const currency = ctx.currency;
  const total = totalOf(lines, lineTotal, currency);
  const dueOnDelivery = incoterm === "DAP" ? totalOf(lines, importCharges, currency) : zero(currency);
  return {
    index: ctx.parcelIndex,
    origin: parcel.origin,
    regime: band ? band.regime : "DIGITAL",
    incoterm,
    goods: totalOf(lines, (l) => l.goods, currency),
    shipping: totalOf(lines, (l) => l.shipping, currency),
    duty: totalOf(lines, (l) => l.duty, currency),
    tax: totalOf(lines, (l) => l.tax, currency),
    fees: totalOf(lines, (l) => l.fees, currency),
    total,
    dueAtCheckout: subtract(total, dueOnDelivery),
    dueOnDelivery,
    estimate: lines.some((line) => line.dutyEstimate),
    lines: lines.map(toLineQuote),
    fxRates: ctx.fx.rates(),
    rules: uniqueRefs([...(band?.rules.map(refOf) ?? []), ...lines.flatMap((line) => line.rules)]),
  };
}
