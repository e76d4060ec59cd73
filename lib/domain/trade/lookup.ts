/**
 * Finding the rule versions in effect on a pricing date.
 */
import type { CountryCode } from "./countries";
import type { Percent } from "./percent";
import {
  DUTY_RATES,
  EU_VAT_RATES,
  OTHER_VAT_RATES,
  RESTRICTIONS,
  inEffect,
  type DutyRateRow,
  type RestrictionRule,
  type VatRateRow,
} from "./rules";
import type { IsoDate, TaxCategory } from "./types";

const VAT_ROWS: readonly VatRateRow[] = [...EU_VAT_RATES, ...OTHER_VAT_RATES];

export function vatRowFor(country: CountryCode, date: IsoDate): VatRateRow | undefined {
  return VAT_ROWS.find((row) => row.country === country && inEffect(row, date));
}

/** True when some VAT row exists for the country at any date (it is a market we tax). */
export function hasVatRows(country: CountryCode): boolean {
  return VAT_ROWS.some((row) => row.country === country);
}

export function vatPercentFor(row: VatRateRow, category: TaxCategory): Percent {
  if (category === "book") return row.book ?? row.standard;
  if (category === "ebook") return row.ebook ?? row.standard;
  return row.standard;
}

/** The most specific duty row: 6-digit subheading, 4-digit heading, chapter, default. */
export function dutyRowFor(territory: string, hsCode: string, date: IsoDate): DutyRateRow | undefined {
  for (const length of [6, 4, 2, 0]) {
    const prefix = hsCode.slice(0, length);
    const row = DUTY_RATES.find((r) => r.territory === territory && r.hsPrefix === prefix && inEffect(r, date));
    if (row) return row;
  }
  return undefined;
}

export function restrictionsFor(destination: CountryCode, date: IsoDate): RestrictionRule[] {
  return RESTRICTIONS.filter((r) => r.destination === destination && inEffect(r, date));
}

export function matchesRestriction(rule: RestrictionRule, hsCode: string | undefined, category: string | undefined): boolean {
  const byHs = hsCode !== undefined && (rule.hsPrefixes ?? []).some((prefix) => hsCode.startsWith(prefix));
  const byCategory = category !== undefined && (rule.categories ?? []).includes(category);
  return byHs || byCategory;
}
