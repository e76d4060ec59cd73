/**
 * The shape of a VAT/GST rate row: one country, one effective period, the standard rate
 * and the reduced rates the engine distinguishes (printed books, e-books).
 */
import type { CountryCode } from "../countries";
import type { Percent } from "../percent";
import type { IsoDate } from "../types";
import type { RuleMeta } from "./rule";

export interface VatRates {
  readonly standard: Percent;
  /** Printed books; absent where the standard rate applies. */
  readonly book?: Percent;
  /** Electronically supplied books; absent where the standard rate applies. */
  readonly ebook?: Percent;
}

export interface VatRateRow extends RuleMeta, VatRates {
  readonly country: CountryCode;
  /**
   * False where the store does not collect this tax (US state sales tax, Brazil's domestic
   * taxes): the engine then charges nothing and warns TAX_NOT_COLLECTED.
   */
  readonly collected: boolean;
  /** Digital supplies by a non-resident; defaults to `collected`. */
  readonly digitalCollected?: boolean;
  /** True where only part of the tax is modelled (Canada: federal GST, no provincial tax). */
  readonly partial?: boolean;
}

export interface VatRowOptions {
  validTo?: IsoDate;
  note?: string;
  collected?: boolean;
  digitalCollected?: boolean;
  partial?: boolean;
}

/** Builds a row whose id is `vat.<country>` and whose version is its start date. */
export function vatRow(
  country: CountryCode,
  validFrom: IsoDate,
  rates: VatRates,
  source: string,
  options: VatRowOptions = {},
): VatRateRow {
  const { collected = true, ...rest } = options;
  return { id: `vat.${country}`, version: validFrom, country, validFrom, ...rates, source, collected, ...rest };
}
