/**
 * Per-line arithmetic. Every line is priced in the quote currency and rounded on its
 * own (half away from zero, via the money module), so a parcel is the exact sum of its
 * lines and a quote the exact sum of its parcels.
 */
import { add, money, subtract, sum, zero, type Money } from "@/lib/domain/money";
import { allocateProportionally } from "./allocate";
import type { CountryCode } from "./countries";
import { applyGrossedUpPercent, applyPercent, type Percent } from "./percent";
import { refOf, uniqueRefs, type FeeRule, type RuleMeta } from "./rules";
import type { ItemKind, LineQuote, QuoteItemInput, Regime, RuleRef, TaxCategory, TaxCollection } from "./types";

export interface DraftLine {
  readonly itemIndex: number;
  readonly kind: ItemKind;
  readonly hsCode: string | null;
  readonly taxCategory: TaxCategory;
  readonly category: string | undefined;
  /** The line total in the seller's currency, as priced. */
  readonly original: Money;
  readonly regime: Regime;
  readonly goods: Money;
  readonly shipping: Money;
  readonly customsValue: Money;
  readonly duty: Money;
  readonly dutyRate: string | null;
  readonly dutyEstimate: boolean;
  readonly taxCountry: CountryCode;
  readonly taxRate: string | null;
  readonly taxBase: Money;
  readonly tax: Money;
  readonly taxCollection: TaxCollection;
  readonly fees: Money;
  readonly rules: readonly RuleRef[];
}

export function draftLine(item: QuoteItemInput, itemIndex: number, original: Money, goods: Money, taxCountry: CountryCode): DraftLine {
  const none = zero(goods.currency);
  return {
    itemIndex,
    kind: item.kind,
    hsCode: item.hsCode ?? null,
    taxCategory: item.taxCategory ?? "standard",
    category: item.category,
    original,
    // Physical lines take their parcel's regime when priced.
    regime: item.kind === "digital" ? "DIGITAL" : "IMPORT",
    goods,
    shipping: none,
    customsValue: none,
    duty: none,
    dutyRate: null,
    dutyEstimate: false,
    taxCountry,
    taxRate: null,
    taxBase: none,
    tax: none,
    taxCollection: "NONE",
    fees: none,
    rules: [],
  };
}

export function withRules(line: DraftLine, rules: readonly RuleMeta[]): DraftLine {
  return { ...line, rules: uniqueRefs([...line.rules, ...rules.map(refOf)]) };
}

/**
 * Shares the parcel's shipping over the lines in proportion to their goods value. The
 * weights are the exact (unrounded) values, so the split does not depend on how each
 * line happened to round into the quote currency.
 */
export function allocateShipping(lines: readonly DraftLine[], shipping: Money, weights: readonly bigint[]): DraftLine[] {
  const shares = allocateProportionally(shipping, weights);
  return lines.map((line, i) => ({ ...line, shipping: shares[i] ?? zero(shipping.currency) }));
}

export function goodsAndShipping(line: DraftLine): Money {
  return add(line.goods, line.shipping);
}

export function withDuty(line: DraftLine, duty: Money, rate: string | null, estimate: boolean): DraftLine {
  return { ...line, duty, dutyRate: rate, dutyEstimate: estimate };
}

export function dutyAtRate(line: DraftLine, rate: Percent, estimate: boolean): DraftLine {
  return withDuty(line, applyPercent(line.customsValue, rate), rate, estimate);
}

/** A flat amount per distinct 6-digit subheading, carried by the first line of each. */
export function dutyPerSubheading(lines: readonly DraftLine[], amount: Money): DraftLine[] {
  const charged = new Set<string>();
  return lines.map((line) => {
    const subheading = (line.hsCode ?? "").slice(0, 6);
    if (charged.has(subheading)) return withDuty(line, zero(amount.currency), null, false);
    charged.add(subheading);
    return withDuty(line, amount, null, false);
  });
}

/** Reduces the lines' duty by a consignment-level amount, never below zero. */
export function deductFromDuty(lines: readonly DraftLine[], deduction: Money): DraftLine[] {
  const total = totalOf(lines, (l) => l.duty, deduction.currency);
  const applied = money(Math.min(total.amountMinor, deduction.amountMinor), deduction.currency);
  const shares = allocateProportionally(applied, lines.map((line) => BigInt(line.duty.amountMinor)));
  return lines.map((line, i) => ({ ...line, duty: subtract(line.duty, shares[i] ?? zero(deduction.currency)) }));
}

export interface TaxTerms {
  percent: Percent;
  base: Money;
  collection: TaxCollection;
  /** Tax-inclusive base (Brazil's ICMS): tax = base x r / (1 - r). */
  grossUp?: boolean;
}

export function withTax(line: DraftLine, terms: TaxTerms): DraftLine {
  const tax = terms.grossUp ? applyGrossedUpPercent(terms.base, terms.percent) : applyPercent(terms.base, terms.percent);
  return { ...line, taxRate: terms.percent, taxBase: terms.base, tax, taxCollection: terms.collection };
}

export function withoutTax(line: DraftLine): DraftLine {
  const none = zero(line.goods.currency);
  return { ...line, taxRate: null, taxBase: none, tax: none, taxCollection: "NONE" };
}

export function withFees(line: DraftLine, fees: readonly FeeRule[]): DraftLine {
  const amounts = fees.map((fee) => applyPercent(line.customsValue, fee.rate));
  return withRules({ ...line, fees: sum(amounts, line.goods.currency) }, fees);
}

export function totalOf(lines: readonly DraftLine[], pick: (line: DraftLine) => Money, currency: string): Money {
  return sum(lines.map(pick), currency);
}

export function lineTotal(line: DraftLine): Money {
  return sum([line.goods, line.shipping, line.duty, line.tax, line.fees], line.goods.currency);
}

/** Duty, import-collected tax and fees: what DAP leaves for the carrier to collect. */
export function importCharges(line: DraftLine): Money {
  const importTax = line.taxCollection === "IMPORT" ? line.tax : zero(line.tax.currency);
  return sum([line.duty, importTax, line.fees], line.goods.currency);
}

export function toLineQuote(line: DraftLine): LineQuote {
  return {
    itemIndex: line.itemIndex,
    kind: line.kind,
    hsCode: line.hsCode,
    taxCategory: line.taxCategory,
    regime: line.regime,
    taxCountry: line.taxCountry,
    goods: line.goods,
    shipping: line.shipping,
    customsValue: line.customsValue,
    dutyRate: line.dutyRate,
    dutyEstimate: line.dutyEstimate,
    duty: line.duty,
    taxRate: line.taxRate,
    taxBase: line.taxBase,
    tax: line.tax,
    taxCollection: line.taxCollection,
    fees: line.fees,
    total: lineTotal(line),
    rules: [...line.rules],
  };
}
