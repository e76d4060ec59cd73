import "server-only";
/**
 * The `privacy.retention` job (nightly, README "Your data"): deletes what the store no
 * longer has a reason to keep. Orders whose retention ended go with everything hung on them
 * (parcels, lines, payments, withdrawals, shipments and the contract evidence, which the
 * database lets go only then); then unfinished checkouts, expired sessions and one-time
 * tokens, spent rate-limit windows, used or expired privacy links, finished jobs, and the
 * bare rows of erased people with nothing left to them.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { enqueueJob, type JobContext, type JobOutcome } from "@/lib/server/jobs";

export const RETENTION_KIND = "privacy.retention";
/** An unfinished checkout's contact details are kept this long after its last change. */
export const DRAFT_DAYS = 30;
/** Finished jobs (their payloads can hold an import's file) are kept this long. */
export const JOB_DAYS = 30;
/** Answered privacy requests are kept this long as the record that they were answered. */
export const REQUEST_DAYS = 3 * 365;

const days = (n: number, now: Date) => new Date(now.getTime() - n * 86_400_000);

export interface RetentionReport {
  orders: number;
  drafts: number;
  sessions: number;
  verifications: number;
  rateLimits: number;
  requests: number;
  jobs: number;
  subjects: number;
}

export async function applyRetention(db: PrismaClient, now: Date = new Date()): Promise<RetentionReport> {
  const report: RetentionReport = { orders: 0, drafts: 0, sessions: 0, verifications: 0, rateLimits: 0, requests: 0, jobs: 0, subjects: 0 };
  for (;;) {
    const ids = (await db.order.findMany({ where: { retainUntil: { lte: now }, status: { in: ["PAID", "CANCELLED", "REFUNDED"] } }, select: { id: true }, take: 200 })).map((o) => o.id);
    if (ids.length === 0) break;
    await db.$transaction(async (tx) => {
      // Shipment lines point at order lines (restrict), and the evidence at the order: they go first.
      await tx.shipmentLine.deleteMany({ where: { shipment: { subOrder: { orderId: { in: ids } } } } });
      await tx.contractAcceptance.deleteMany({ where: { orderId: { in: ids } } });
      await tx.stockReservation.deleteMany({ where: { orderId: { in: ids } } });
      report.orders += (await tx.order.deleteMany({ where: { id: { in: ids } } })).count;
    });
  }
  report.drafts = (await db.checkoutDraft.deleteMany({ where: { updatedAt: { lt: days(DRAFT_DAYS, now) } } })).count;
  report.sessions = (await db.session.deleteMany({ where: { expiresAt: { lt: now } } })).count;
  report.verifications = (await db.verification.deleteMany({ where: { expiresAt: { lt: now } } })).count;
  report.rateLimits = (await db.rateLimitWindow.deleteMany({ where: { expiresAt: { lt: now } } })).count;
  report.requests =
    (await db.privacyRequest.deleteMany({ where: { completedAt: null, expiresAt: { lt: now } } })).count +
    (await db.privacyRequest.deleteMany({ where: { completedAt: { lt: days(REQUEST_DAYS, now) } } })).count;
  report.jobs = (await db.job.deleteMany({ where: { status: { in: ["DONE", "FAILED"] }, finishedAt: { lt: days(JOB_DAYS, now) } } })).count;
  report.subjects = await db.$executeRaw`
    DELETE FROM "DataSubject" s WHERE s."wrappedKey" IS NULL
    AND NOT EXISTS (SELECT 1 FROM "Order" o WHERE o."subjectId" = s.id)
    AND NOT EXISTS (SELECT 1 FROM "PrivacyRequest" r WHERE r."subjectId" = s.id)`;
  return report;
}

/** The next 03:00 UTC strictly after `now`. */
export function nextRetentionRun(now: Date): Date {
  const t = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3);
  return new Date(t > now.getTime() ? t : t + 86_400_000);
}

/** Keeps one retention run queued. */
export async function ensureRetentionJob(db: PrismaClient, now: Date = new Date()): Promise<void> {
  const waiting = await db.job.findFirst({ where: { kind: RETENTION_KIND, status: "QUEUED" }, select: { id: true } });
  if (!waiting) await enqueueJob({ kind: RETENTION_KIND, payload: {}, runAfter: nextRetentionRun(now) }, db);
}

export async function retentionJob(job: JobContext): Promise<JobOutcome> {
  const report = await applyRetention(job.db);
  await enqueueJob({ kind: RETENTION_KIND, payload: {}, runAfter: nextRetentionRun(new Date()) }, job.db);
  return { ok: true, result: { ...report } };
}
