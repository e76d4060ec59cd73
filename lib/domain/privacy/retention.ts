/**
 * How long the store keeps an order after erasure of its buyer's data: the records tax and
 * commercial law require (the order, its invoice lines, payments, the contract evidence).
 * One period for every market, the longest among them: ten years from the end of the year
 * the order was made, as German commercial and tax law counts it (HGB § 257, AO § 147),
 * which also covers the shorter periods elsewhere (seven years in Japan, five in Brazil
 * and Australia, six in the United Kingdom). ADR 31.
 */
export const RETENTION_YEARS = 10;

/** The legal bases the store records for what it keeps after an erasure. */
export const RETENTION_BASES = {
  order: "tax-and-commercial-records",
  contract: "contract-evidence",
  payment: "tax-and-commercial-records",
  withdrawal: "contract-evidence",
} as const;
export type RetainedKind = keyof typeof RETENTION_BASES;

/** The end of retention for a record made at `madeAt`: 1 January, RETENTION_YEARS + 1 years on (UTC). */
export function retentionEnd(madeAt: Date, years: number = RETENTION_YEARS): Date {
  if (Number.isNaN(madeAt.getTime())) throw new RangeError("retentionEnd: not a date");
  return new Date(Date.UTC(madeAt.getUTCFullYear() + years + 1, 0, 1));
}

/** Whether a record kept until `until` may be deleted at `now`. */
export function retentionEnded(until: Date | null, now: Date): boolean {
  return until !== null && until.getTime() <= now.getTime();
}
