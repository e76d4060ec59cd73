/**
 * The buyer's country for digital items (EU place-of-supply rule, applied store-wide):
 * two non-contradicting pieces of evidence, billing country and IP country.
 *
 * - Both given and equal: that country, VERIFIED.
 * - Both given and different: EVIDENCE_CONFLICT (in either mode).
 * - Fewer than two in checkout mode: EVIDENCE_INSUFFICIENT.
 * - Fewer than two in quote mode: the destination is the buyer's claimed country
 *   (CLAIMED), unless the one piece given contradicts it (EVIDENCE_CONFLICT).
 */
import { quoteError } from "./errors";
import type { EvidenceRecord, QuoteError, QuoteInput } from "./types";

export type EvidenceResult = { ok: true; record: EvidenceRecord } | { ok: false; error: QuoteError };

export function resolveDigitalTaxCountry(input: Pick<QuoteInput, "destination" | "mode" | "evidence">): EvidenceResult {
  const billing = input.evidence?.billingCountry ?? null;
  const ip = input.evidence?.ipCountry ?? null;
  const record = (taxCountry: string, status: EvidenceRecord["status"]): EvidenceResult => ({
    ok: true,
    record: { billingCountry: billing, ipCountry: ip, taxCountry, status },
  });
  const conflict = (claimed?: string): EvidenceResult => ({
    ok: false,
    error: quoteError("EVIDENCE_CONFLICT", ["evidence"], {
      billingCountry: billing ?? "",
      ipCountry: ip ?? "",
      ...(claimed === undefined ? {} : { claimedCountry: claimed }),
    }),
  });

  if (billing !== null && ip !== null) return billing === ip ? record(billing, "VERIFIED") : conflict();
  if (input.mode === "checkout") return { ok: false, error: quoteError("EVIDENCE_INSUFFICIENT", ["evidence"]) };
  const single = billing ?? ip;
  if (single !== null && single !== input.destination) return conflict(input.destination);
  return record(input.destination, "CLAIMED");
}
