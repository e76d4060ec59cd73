/**
 * What pricing a parcel needs to know, and a collector for the quote's warnings.
 */
import type { CurrencyCode } from "@/lib/domain/money";
import type { CountryCode } from "./countries";
import type { FxBook } from "./fx";
import type { ImportTerritory } from "./rules";
import type { FieldPath, IsoDate, QuoteWarning } from "./types";

export class Notes {
  private readonly warnings = new Map<string, QuoteWarning>();

  warn(warning: QuoteWarning): void {
    this.warnings.set(JSON.stringify(warning), warning);
  }

  list(): QuoteWarning[] {
    return [...this.warnings.values()];
  }
}

export interface PricingContext {
  readonly date: IsoDate;
  readonly currency: CurrencyCode;
  readonly destination: CountryCode;
  readonly territory: ImportTerritory;
  readonly fx: FxBook;
  readonly parcelIndex: number;
  /** ["parcels", parcelIndex] */
  readonly path: FieldPath;
  readonly notes: Notes;
}
