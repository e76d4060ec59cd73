/**
 * Choosing the physical regime of a parcel: no border (domestic, intra-EU), else the
 * first band of the destination's customs territory that is in effect and whose
 * conditions the consignment meets.
 */
import type { CurrencyCode, Money } from "@/lib/domain/money";
import { isEuMember, type CountryCode } from "./countries";
import { TradeRuleError } from "./errors";
import {
  DOMESTIC_BAND,
  EXCISE_HS_PREFIXES,
  INTRA_EU_BAND,
  inEffect,
  type ImportTerritory,
  type RegimeBand,
} from "./rules";
import type { FieldPath, IsoDate } from "./types";

export interface ConsignmentFacts {
  date: IsoDate;
  origin: CountryCode;
  destination: CountryCode;
  hasExcise: boolean;
  /** The consignment's intrinsic value (goods only) converted to a threshold's currency. */
  intrinsicValueIn: (currency: CurrencyCode) => Money;
}

export function isExciseHs(hsCode: string | undefined): boolean {
  return hsCode !== undefined && EXCISE_HS_PREFIXES.some((prefix) => hsCode.startsWith(prefix));
}

export function borderlessBand(origin: CountryCode, destination: CountryCode): RegimeBand | undefined {
  if (origin === destination) return DOMESTIC_BAND;
  if (isEuMember(origin) && isEuMember(destination)) return INTRA_EU_BAND;
  return undefined;
}

function bandApplies(band: RegimeBand, facts: ConsignmentFacts): boolean {
  if (!inEffect(band, facts.date)) return false;
  if (band.origins && !band.origins.includes(facts.origin)) return false;
  if (band.excludeOrigins?.includes(facts.origin)) return false;
  if (band.excludesExcise && facts.hasExcise) return false;
  if (!band.upTo) return true;
  return facts.intrinsicValueIn(band.upTo.currency).amountMinor <= band.upTo.amountMinor;
}

export function selectBand(territory: ImportTerritory, facts: ConsignmentFacts, path: FieldPath): RegimeBand {
  const borderless = borderlessBand(facts.origin, facts.destination);
  if (borderless) return borderless;
  const band = territory.bands.find((candidate) => bandApplies(candidate, facts));
  if (!band) throw new TradeRuleError("NO_RULE_IN_EFFECT", path, { rule: `regime.${territory.territory}`, date: facts.date });
  return band;
}
