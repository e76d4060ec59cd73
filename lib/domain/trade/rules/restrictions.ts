/**
 * Goods a destination prohibits or restricts, by HS prefix or product category. A quote
 * reports each hit (code, reason key, parcel and item) so the store can refuse the
 * item or ask for the permit; the engine itself still prices it.
 */
import type { CountryCode } from "../countries";
import type { RestrictionLevel } from "../types";
import type { RuleMeta } from "./rule";

/**
 * Every reason a restriction can give, as the message key the UI translates. The list is
 * what the message catalogues are checked against, so a rule can only name a reason
 * that every locale translates.
 */
export const RESTRICTION_REASONS = [
  "trade.restriction.au.seedsForSowing",
  "trade.restriction.au.livePlants",
  "trade.restriction.kw.alcohol",
  "trade.restriction.kw.pork",
  "trade.restriction.ae.alcoholLicence",
] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

export interface RestrictionRule extends RuleMeta {
  readonly destination: CountryCode;
  readonly level: RestrictionLevel;
  readonly reason: RestrictionReason;
  readonly hsPrefixes?: readonly string[];
  readonly categories?: readonly string[];
}

const BICON = "Australian Department of Agriculture, Fisheries and Forestry, BICON import conditions (Biosecurity Act 2015)";
const KUWAIT = "UK FCDO travel advice for Kuwait, 'Local laws and customs': importing alcohol or pork products is illegal; Kuwait General Administration of Customs";
const ALCOHOL_HS = ["2203", "2204", "2205", "2206", "2208"];

export const RESTRICTIONS: readonly RestrictionRule[] = [
  {
    id: "restriction.AU.seeds-for-sowing", version: "2016-06-16", validFrom: "2016-06-16", destination: "AU",
    level: "RESTRICTED", reason: "trade.restriction.au.seedsForSowing", hsPrefixes: ["1209"],
    source: `${BICON}: seeds for sowing need a permit or must meet species-specific conditions`,
  },
  {
    id: "restriction.AU.live-plants", version: "2016-06-16", validFrom: "2016-06-16", destination: "AU",
    level: "RESTRICTED", reason: "trade.restriction.au.livePlants", hsPrefixes: ["0602"],
    source: `${BICON}: nursery stock needs an import permit and post-entry quarantine`,
  },
  {
    id: "restriction.KW.alcohol", version: "2016-01-01", validFrom: "2016-01-01", destination: "KW",
    level: "PROHIBITED", reason: "trade.restriction.kw.alcohol", hsPrefixes: ALCOHOL_HS, categories: ["alcohol"],
    source: KUWAIT,
  },
  {
    id: "restriction.KW.pork", version: "2016-01-01", validFrom: "2016-01-01", destination: "KW",
    level: "PROHIBITED", reason: "trade.restriction.kw.pork", hsPrefixes: ["0203", "021011", "021012", "021019"], categories: ["pork"],
    source: KUWAIT,
  },
  {
    id: "restriction.AE.alcohol", version: "2016-01-01", validFrom: "2016-01-01", destination: "AE",
    level: "RESTRICTED", reason: "trade.restriction.ae.alcoholLicence", hsPrefixes: ALCOHOL_HS, categories: ["alcohol"],
    source: "UAE Common Customs Law and Dubai Customs restricted goods: alcoholic beverages need the competent authority's approval or licence",
  },
];
