/**
 * Digital lines: VAT/GST of the buyer's country (from the location evidence) at sale,
 * on the line's goods and any shipping share; no duty, no customs value, no import
 * regime. A digital line in a parcel with physical goods is priced here too and kept
 * out of the consignment's customs value and threshold.
 */
import type { PricingContext } from "./context";
import { withoutTax, withRules, withTax, type DraftLine } from "./lines";
import { goodsAndShipping } from "./lines";
import { vatPercentFor } from "./lookup";
import { DIGITAL_RULE, EVIDENCE_RULE } from "./rules";
import type { EvidenceRecord } from "./types";
import { isCollected, requireVatRow } from "./vat";

export function priceDigital(line: DraftLine, evidence: EvidenceRecord, ctx: PricingContext): DraftLine {
  const country = evidence.taxCountry;
  const row = requireVatRow(country, ctx);
  const rules = [DIGITAL_RULE, row, ...(evidence.status === "VERIFIED" ? [EVIDENCE_RULE] : [])];
  const located = { ...line, regime: "DIGITAL" as const, taxCountry: country };
  if (!isCollected(row, ctx, line.itemIndex, true)) return withRules(withoutTax(located), rules);
  const percent = vatPercentFor(row, line.taxCategory);
  return withRules(withTax(located, { percent, base: goodsAndShipping(located), collection: "SALE" }), rules);
}
