/**
 * VAT/GST lookups that may fail or warn while pricing.
 */
import type { CountryCode } from "./countries";
import type { PricingContext } from "./context";
import { TradeRuleError } from "./errors";
import { hasVatRows, vatRowFor } from "./lookup";
import type { VatRateRow } from "./rules";

export function requireVatRow(country: CountryCode, ctx: PricingContext): VatRateRow {
  const row = vatRowFor(country, ctx.date);
  if (row) return row;
  if (!hasVatRows(country)) throw new TradeRuleError("UNSUPPORTED_TAX_COUNTRY", ["evidence"], { country });
  throw new TradeRuleError("NO_RULE_IN_EFFECT", ["date"], { rule: `vat.${country}`, date: ctx.date });
}

/** Whether the store collects this tax; warns when it does not, or only in part. */
export function isCollected(row: VatRateRow, ctx: PricingContext, itemIndex: number, digital = false): boolean {
  const collected = digital ? (row.digitalCollected ?? row.collected) : row.collected;
  const where = { parcelIndex: ctx.parcelIndex, itemIndex, params: { country: row.country } };
  if (!collected) ctx.notes.warn({ code: "TAX_NOT_COLLECTED", ...where });
  else if (row.partial) ctx.notes.warn({ code: "TAX_PARTIAL", ...where });
  return collected;
}

/** Where a band charges no VAT/GST, still say so if the destination has a tax we do not collect. */
export function warnIfTaxNotCollected(ctx: PricingContext, itemIndex: number): void {
  const row = vatRowFor(ctx.destination, ctx.date);
  if (row && !row.collected) {
    ctx.notes.warn({ code: "TAX_NOT_COLLECTED", parcelIndex: ctx.parcelIndex, itemIndex, params: { country: row.country } });
  }
}
