/**
 * Which consumer law a contract is made under, decided by the buyer's country (the
 * ship-to country for goods, the billing country for digital-only orders: the caller
 * decides which), and the statutory right of withdrawal each one gives.
 */
import { isEuMember } from "@/lib/domain/trade/countries";

export const JURISDICTIONS = ["EU", "UK", "US", "AU", "ROW"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export function isJurisdiction(value: unknown): value is Jurisdiction {
  return typeof value === "string" && (JURISDICTIONS as readonly string[]).includes(value);
}

/** EU member states -> EU, GB -> UK, US, AU; every other country -> ROW (rest of the world). */
export function jurisdictionOf(country: string): Jurisdiction {
  const code = country.trim().toUpperCase();
  if (isEuMember(code)) return "EU";
  if (code === "GB") return "UK";
  if (code === "US" || code === "AU") return code;
  return "ROW";
}

/**
 * A statutory right to withdraw from a distance contract without giving a reason.
 * Goods: `days` from the day the buyer takes physical possession of the last item.
 * Digital content not on a tangible medium: `days` from the conclusion of the contract,
 * lost once supply has begun with the buyer's express consent and acknowledgement
 * (EU: Directive 2011/83/EU Art. 9 and 16(m); UK: Consumer Contracts Regulations 2013
 * reg. 30, 31 and 37).
 */
export interface WithdrawalRule {
  days: 14;
  from: "delivery";
  digital: { days: 14; from: "conclusion"; waivable: true };
  /** Where the right comes from, as cited in the terms. */
  law: string;
}

const EU_RULE: WithdrawalRule = {
  days: 14,
  from: "delivery",
  digital: { days: 14, from: "conclusion", waivable: true },
  law: "Directive 2011/83/EU",
};

const UK_RULE: WithdrawalRule = {
  days: 14,
  from: "delivery",
  digital: { days: 14, from: "conclusion", waivable: true },
  law: "Consumer Contracts (Information, Cancellation and Additional Charges) Regulations 2013",
};

/**
 * The statutory right of withdrawal, or null where the law gives none (US, AU and the
 * rest of the world: the seller's return policy applies; in AU the consumer guarantees
 * of the Australian Consumer Law apply as well, which are not a right of withdrawal).
 */
export function withdrawalRule(jurisdiction: Jurisdiction): WithdrawalRule | null {
  switch (jurisdiction) {
    case "EU":
      return EU_RULE;
    case "UK":
      return UK_RULE;
    case "US":
    case "AU":
    case "ROW":
      return null;
  }
}
