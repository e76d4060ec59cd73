/**
 * Pricing a consignment's physical lines under its regime band: customs value, duty,
 * small-amount waivers, VAT/GST (at sale or at import), then import fees.
 *
 * Bases, per line, in the quote currency:
 *  - customs value = goods (FOB) or goods + shipping share (CIF), per destination;
 *  - tax at sale (IOSS, UK point of sale, AU low-value GST, domestic) = goods + shipping;
 *  - import tax = goods (+ shipping where the import tax base is CIF) + duty.
 */
import { add, zero, type Money } from "@/lib/domain/money";
import type { PricingContext } from "./context";
import { TradeRuleError } from "./errors";
import {
  deductFromDuty,
  dutyAtRate,
  dutyPerSubheading,
  goodsAndShipping,
  totalOf,
  withFees,
  withoutTax,
  withRules,
  withTax,
  type DraftLine,
} from "./lines";
import { dutyRowFor, vatPercentFor } from "./lookup";
import type { RegimeBand } from "./rules";
import { isCollected, requireVatRow, warnIfTaxNotCollected } from "./vat";

function customsValueOf(line: DraftLine, band: RegimeBand, ctx: PricingContext): Money {
  if (band.regime === "DOMESTIC") return zero(line.goods.currency);
  return ctx.territory.dutyBase === "CIF" ? goodsAndShipping(line) : line.goods;
}

function tariffDuty(line: DraftLine, ctx: PricingContext): DraftLine {
  const row = dutyRowFor(ctx.territory.territory, line.hsCode ?? "", ctx.date);
  if (!row) {
    throw new TradeRuleError("NO_RULE_IN_EFFECT", [...ctx.path, "items", line.itemIndex, "hsCode"], {
      rule: `duty.${ctx.territory.territory}`,
      date: ctx.date,
    });
  }
  return withRules(dutyAtRate(line, row.rate, row.estimate), [row]);
}

function applyDuty(lines: DraftLine[], band: RegimeBand, ctx: PricingContext): DraftLine[] {
  const duty = band.duty;
  switch (duty.kind) {
    case "none":
      return lines;
    case "tariff":
      return lines.map((line) => tariffDuty(line, ctx));
    case "perSubheading":
      return dutyPerSubheading(lines, ctx.fx.convert(duty.amount, ctx.currency, ctx.path));
    case "rate": {
      const rated = lines.map((line) => dutyAtRate(line, duty.rate, false));
      return duty.deduction ? deductFromDuty(rated, ctx.fx.convert(duty.deduction, ctx.currency, ctx.path)) : rated;
    }
  }
}

function taxAtSale(line: DraftLine, ctx: PricingContext): DraftLine {
  const row = requireVatRow(ctx.destination, ctx);
  if (!isCollected(row, ctx, line.itemIndex)) return withRules(withoutTax(line), [row]);
  const percent = vatPercentFor(row, line.taxCategory);
  return withRules(withTax(line, { percent, base: goodsAndShipping(line), collection: "SALE" }), [row]);
}

function importTaxBase(line: DraftLine, ctx: PricingContext): Money {
  const value = ctx.territory.importTaxBase === "CIF" ? goodsAndShipping(line) : line.goods;
  return add(value, line.duty);
}

function taxAtImport(line: DraftLine, ctx: PricingContext): DraftLine {
  const base = importTaxBase(line, ctx);
  const override = ctx.territory.importTax;
  if (override) return withTax(line, { percent: override.rate, base, collection: "IMPORT", grossUp: override.grossUp });
  const row = requireVatRow(ctx.destination, ctx);
  if (!isCollected(row, ctx, line.itemIndex)) return withRules(withoutTax(line), [row]);
  const percent = vatPercentFor(row, line.taxCategory);
  return withRules(withTax(line, { percent, base, collection: "IMPORT" }), [row]);
}

function applyTax(line: DraftLine, band: RegimeBand, ctx: PricingContext): DraftLine {
  const tax = band.tax;
  switch (tax.kind) {
    case "none":
      warnIfTaxNotCollected(ctx, line.itemIndex);
      return withoutTax(line);
    case "atSale":
      return taxAtSale(line, ctx);
    case "import":
      return taxAtImport(line, ctx);
    case "importRate":
      return withTax(line, { percent: tax.rate, base: importTaxBase(line, ctx), collection: "IMPORT" });
  }
}

/** Switzerland: duty or VAT of CHF 5 or less per consignment is not collected. */
function waiveSmallAmounts(lines: DraftLine[], band: RegimeBand, ctx: PricingContext, charge: "duty" | "tax"): DraftLine[] {
  const waiver = band.waiveIfAtMost;
  const limit = waiver?.[charge];
  if (!waiver || !limit || lines.length === 0) return lines;
  const total = totalOf(lines, (line) => line[charge], ctx.currency);
  if (total.amountMinor === 0) return lines;
  if (ctx.fx.convert(total, limit.currency, ctx.path).amountMinor > limit.amountMinor) return lines;
  const none = zero(ctx.currency);
  return lines.map((line) =>
    withRules(charge === "duty" ? { ...line, duty: none } : { ...line, tax: none, taxCollection: "NONE" }, [waiver.rule]),
  );
}

export function pricePhysical(lines: readonly DraftLine[], band: RegimeBand, ctx: PricingContext): DraftLine[] {
  let priced = lines.map((line) =>
    withRules({ ...line, regime: band.regime, customsValue: customsValueOf(line, band, ctx) }, band.rules),
  );
  priced = waiveSmallAmounts(applyDuty(priced, band, ctx), band, ctx, "duty");
  priced = waiveSmallAmounts(priced.map((line) => applyTax(line, band, ctx)), band, ctx, "tax");
  const fees = band.fees;
  return fees ? priced.map((line) => withFees(line, fees)) : priced;
}
