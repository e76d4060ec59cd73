/**
 * Every rule version the engine can apply, by id and version: what an order stores
 * (`RuleRef`) can be looked up here for its source, period and note.
 */
import {
  DIGITAL_RULE,
  DOMESTIC_RULE,
  DUTY_RATES,
  EU_VAT_RATES,
  EVIDENCE_RULE,
  IMPORT_TERRITORIES,
  INTRA_EU_RULE,
  OTHER_VAT_RATES,
  RESTRICTIONS,
  type RuleMeta,
} from "./rules";
import type { RuleRef } from "./types";

function bandRules(): RuleMeta[] {
  return IMPORT_TERRITORIES.flatMap((territory) =>
    territory.bands.flatMap((band) => [...band.rules, ...(band.fees ?? []), ...(band.waiveIfAtMost ? [band.waiveIfAtMost.rule] : [])]),
  );
}

function keyOf(ref: RuleRef): string {
  return `${ref.id}@${ref.version}`;
}

const CATALOG: ReadonlyMap<string, RuleMeta> = new Map(
  [
    DOMESTIC_RULE,
    INTRA_EU_RULE,
    DIGITAL_RULE,
    EVIDENCE_RULE,
    ...bandRules(),
    ...EU_VAT_RATES,
    ...OTHER_VAT_RATES,
    ...DUTY_RATES,
    ...RESTRICTIONS,
  ].map((rule) => [keyOf(rule), rule]),
);

/** Every rule version, one entry per id and version. */
export function allRules(): RuleMeta[] {
  return [...CATALOG.values()];
}

export function findRule(ref: RuleRef): RuleMeta | undefined {
  return CATALOG.get(keyOf(ref));
}
