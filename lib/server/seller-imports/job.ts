// No `server-only` here: the job runner also starts outside Next (scripts, benchmarks, tests).
import type { Prisma } from "@/generated/prisma/client";
import { CSV_ERROR_CODES, type CsvErrorCode, type CsvRowError } from "@/lib/domain/catalogue/csv";
import { importCatalogueCsv, UnknownSellerError } from "@/lib/server/catalogue/csv-import";
import type { JobContext, JobOutcome } from "@/lib/server/jobs";
import { actorOf } from "@/lib/server/panels/actor";
import { enqueueAnalyticsRefresh } from "@/lib/server/analytics/jobs";

/**
 * The seller panel's catalogue import as a background job: the file's text travels in
 * the job's payload, progress goes to the job row after each chunk (the import page
 * polls it), and the counts and refused rows become the job's result. Safe to run
 * again from the start after a crash: the import is idempotent by SKU.
 */
export const CATALOGUE_IMPORT_JOB = "catalogue.import";

export interface CatalogueImportPayload {
  fileName: string;
  text: string;
}

export interface CatalogueImportResult {
  imported: number;
  unchanged: number;
  /** Every refused row, by line (1 = the header). */
  failed: CsvRowError[];
}

const CODES = new Set<string>(CSV_ERROR_CODES);

/** A stored result read back defensively (null while the job has none). */
export function catalogueImportResult(value: Prisma.JsonValue): CatalogueImportResult | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { imported, unchanged, failed } = value as Record<string, unknown>;
  if (typeof imported !== "number" || typeof unchanged !== "number" || !Array.isArray(failed)) return null;
  const rows: CsvRowError[] = [];
  for (const f of failed) {
    if (!f || typeof f !== "object") continue;
    const { line, field, code } = f as Record<string, unknown>;
    if (typeof line === "number" && typeof code === "string" && CODES.has(code)) rows.push({ line, field: typeof field === "string" ? field : "", code: code as CsvErrorCode });
  }
  return { imported, unchanged, failed: rows };
}

function payloadOf(value: Prisma.JsonValue): CatalogueImportPayload | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { fileName, text } = value as Record<string, unknown>;
  return typeof text === "string" ? { fileName: typeof fileName === "string" ? fileName : "", text } : null;
}

export async function runCatalogueImport(job: JobContext): Promise<JobOutcome> {
  const payload = payloadOf(job.payload);
  if (!job.sellerId || !job.requestedBy || !payload) return { ok: false, code: "IMPORT_INVALID_JOB" };
  // The person who asked, still a member of the seller the job works for, is the audit entries' actor.
  const user = await job.db.user.findUnique({
    where: { id: job.requestedBy },
    select: { id: true, email: true, role: true, sellerMember: { select: { sellerId: true, role: true } } },
  });
  if (!user?.sellerMember || user.sellerMember.sellerId !== job.sellerId) return { ok: false, code: "FORBIDDEN" };
  const actor = actorOf({ userId: user.id, email: user.email, role: user.role, seller: { id: user.sellerMember.sellerId, role: user.sellerMember.role } });
  try {
    const result = await importCatalogueCsv(job.db, job.sellerId, payload.text, { actor, onProgress: (done, total) => job.progress(done, total) });
    await enqueueAnalyticsRefresh(job.db, job.sellerId);
    return { ok: true, result: { imported: result.imported, unchanged: result.unchanged, failed: result.failed.map((f) => ({ line: f.line, field: f.field, code: f.code })) } };
  } catch (error) {
    if (error instanceof UnknownSellerError) return { ok: false, code: "NOT_FOUND" };
    throw error;
  }
}
