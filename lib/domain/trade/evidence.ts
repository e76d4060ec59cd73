/**
 * The buyer's country for digital items (EU place-of-supply rule, applied store-wide):
 * two non-contradicting pieces of evidence: billing country, IP country and (at checkout)
 * the country of the buyer's phone number, as Implementing Regulation 282/2011 art. 24f
 * lists them.
 *
 * - Two or more given, all equal: that country, VERIFIED.
 * - Two or more given, any different: EVIDENCE_CONFLICT (in either mode).
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
  const phone = input.evidence?.phoneCountry ?? null;
  const record = (taxCountry: string, status: EvidenceRecord["status"]): EvidenceResult => ({
    ok: true,
    record: { billingCountry: billing, ipCountry: ip, ...(phone !== null ? { phoneCountry: phone } : {}), taxCountry, status },
  });
  const conflict = (claimed?: string): EvidenceResult => ({
    ok: false,
    error: quoteError("EVIDENCE_CONFLICT", ["evidence"], {
      billingCountry: billing ?? "",
      ipCountry: ip ?? "",
      ...(phone !== null ? { phoneCountry: phone } : {}),
      ...(claimed === undefined ? {} : { claimedCountry: claimed }),
    }),
  });

  const pieces = [billing, ip, phone].filter((piece): piece is string => piece !== null);
  if (pieces.length >= 2) return pieces.every((piece) => piece === pieces[0]) ? record(pieces[0]!, "VERIFIED") : conflict();
  if (input.mode === "checkout") return { ok: false, error: quoteError("EVIDENCE_INSUFFICIENT", ["evidence"]) };
  const single = pieces[0] ?? null;
  if (single !== null && single !== input.destination) return conflict(input.destination);
  return record(input.destination, "CLAIMED");
}
