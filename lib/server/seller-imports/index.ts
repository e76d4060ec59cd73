import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireSellerMember, type Viewer } from "@/lib/domain/accounts";
import { checkCatalogueUpload, type UploadErrorCode } from "@/lib/domain/catalogue/upload";
import { exportCatalogueCsv } from "@/lib/server/catalogue/csv-import";
import { enqueueJob } from "@/lib/server/jobs";
import { CATALOGUE_IMPORT_JOB, catalogueImportResult, type CatalogueImportPayload, type CatalogueImportResult } from "./job";

/**
 * The seller panel's catalogue file: export, upload (queued as a background job, run by
 * ./job.ts) and the imports' progress and results. The seller is always the viewer's
 * own: never a field of the form or the file. Another seller's job is NOT_FOUND.
 */

export type ImportStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

export interface ImportJobView {
  id: string;
  fileName: string;
  status: ImportStatus;
  /** Data rows handled so far, of `total` (0 until the job has read the file). */
  done: number;
  total: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** Why a FAILED job stopped. */
  error: string | null;
  /** Counts and refused rows once DONE. */
  result: CatalogueImportResult | null;
}

export interface ImportJobSummary extends Omit<ImportJobView, "result"> {
  imported: number | null;
  unchanged: number | null;
  failed: number | null;
}

type Denied = { ok: false; code: "FORBIDDEN" };

/** The viewer's own seller id, or FORBIDDEN for someone who works for no seller. */
function sellerOf(viewer: Viewer): { ok: true; sellerId: string } | Denied {
  const sellerId = viewer.seller?.id;
  if (!sellerId || !requireSellerMember(viewer, sellerId).ok) return { ok: false, code: "FORBIDDEN" };
  return { ok: true, sellerId };
}

export type StartImportResult = { ok: true; jobId: string } | Denied | { ok: false; code: UploadErrorCode };

/** Checks the file is a catalogue file in UTF-8 and queues its import for the viewer's seller. */
export async function startCatalogueImport(
  viewer: Viewer,
  file: { name: string; bytes: Uint8Array } | null,
  db: PrismaClient = getPrisma(),
): Promise<StartImportResult> {
  const seller = sellerOf(viewer);
  if (!seller.ok) return seller;
  const checked = checkCatalogueUpload(file?.bytes ?? null);
  if (!checked.ok) return checked;
  const payload: CatalogueImportPayload = { fileName: (file?.name ?? "").slice(0, 200), text: checked.text };
  const jobId = await enqueueJob({ kind: CATALOGUE_IMPORT_JOB, sellerId: seller.sellerId, requestedBy: viewer.userId, payload: { ...payload } }, db);
  return { ok: true, jobId };
}

interface JobRow {
  id: string;
  fileName: string | null;
  status: ImportStatus;
  done: number;
  total: number;
  createdAt: Date;
  finishedAt: Date | null;
  error: string | null;
}

/** One of the viewer's imports, or NOT_FOUND (another seller's, or no such job). */
export async function catalogueImport(viewer: Viewer, jobId: string, db: PrismaClient = getPrisma()): Promise<{ ok: true; data: ImportJobView } | Denied | { ok: false; code: "NOT_FOUND" }> {
  const seller = sellerOf(viewer);
  if (!seller.ok) return seller;
  // The payload (the file) stays in the database: only its name is read.
  const rows = await db.$queryRaw<(JobRow & { result: unknown })[]>`
    SELECT id, payload->>'fileName' AS "fileName", status::text AS status, done, total, "createdAt", "finishedAt", error, result
      FROM "Job" WHERE id = ${jobId} AND "sellerId" = ${seller.sellerId} AND kind = ${CATALOGUE_IMPORT_JOB}`;
  const row = rows[0];
  if (!row) return { ok: false, code: "NOT_FOUND" };
  const { result, ...rest } = row;
  return { ok: true, data: { ...rest, fileName: rest.fileName ?? "", result: rest.status === "DONE" ? catalogueImportResult(result as never) : null } };
}

/** The viewer's seller's most recent imports, newest first. */
export async function listCatalogueImports(viewer: Viewer, db: PrismaClient = getPrisma(), limit = 20): Promise<{ ok: true; data: ImportJobSummary[] } | Denied> {
  const seller = sellerOf(viewer);
  if (!seller.ok) return seller;
  const rows = await db.$queryRaw<(JobRow & { imported: number | null; unchanged: number | null; failed: number | null })[]>`
    SELECT id, payload->>'fileName' AS "fileName", status::text AS status, done, total, "createdAt", "finishedAt", error,
           (result->>'imported')::int AS imported, (result->>'unchanged')::int AS unchanged,
           CASE WHEN jsonb_typeof(result->'failed') = 'array' THEN jsonb_array_length(result->'failed') END AS failed
      FROM "Job" WHERE "sellerId" = ${seller.sellerId} AND kind = ${CATALOGUE_IMPORT_JOB}
     ORDER BY "createdAt" DESC, id LIMIT ${limit}`;
  return { ok: true, data: rows.map((r) => ({ ...r, fileName: r.fileName ?? "" })) };
}

/** The viewer's seller's catalogue as the file the import reads back unchanged. */
export async function exportSellerCatalogue(viewer: Viewer, db: PrismaClient = getPrisma()): Promise<{ ok: true; data: { text: string; fileName: string } } | Denied> {
  const seller = sellerOf(viewer);
  if (!seller.ok) return seller;
  const { handle } = await db.seller.findUniqueOrThrow({ where: { id: seller.sellerId }, select: { handle: true } });
  return { ok: true, data: { text: await exportCatalogueCsv(db, seller.sellerId), fileName: `${handle}-catalogue.csv` } };
}
