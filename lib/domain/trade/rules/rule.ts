/**
 * Every rule the engine applies is data with an id, a version and an effective period.
 * `validFrom` is inclusive and `validTo` exclusive, both ISO dates, so the version in
 * force on a pricing date is a plain string comparison.
 */
import type { IsoDate, RuleRef } from "../types";

export interface RuleMeta {
  readonly id: string;
  /** The date the version took effect, or another stable label of the version. */
  readonly version: string;
  readonly validFrom: IsoDate;
  /** Exclusive end; absent while the rule is current. */
  readonly validTo?: IsoDate;
  /** The public source the figure comes from. */
  readonly source: string;
  readonly note?: string;
}

export function inEffect(rule: { validFrom: IsoDate; validTo?: IsoDate }, date: IsoDate): boolean {
  return rule.validFrom <= date && (rule.validTo === undefined || date < rule.validTo);
}

export function refOf(rule: { id: string; version: string }): RuleRef {
  return { id: rule.id, version: rule.version };
}

/** Unique rule references, in first-seen order. */
export function uniqueRefs(refs: Iterable<RuleRef>): RuleRef[] {
  const seen = new Map<string, RuleRef>();
  for (const ref of refs) {
    const key = `${ref.id}@${ref.version}`;
    if (!seen.has(key)) seen.set(key, ref);
  }
  return [...seen.values()];
}
