import type { PrismaClient } from "@/generated/prisma/client";
import { enqueueJob, type JobContext, type JobOutcome } from "@/lib/server/jobs";
import { recomputeForecasts } from "./forecasts";
import { refreshSalesWeeks } from "./refresh";

export const REFRESH_KIND = "analytics.refresh";
export const NIGHTLY_KIND = "analytics.nightly";

/** Queues a refresh of one seller's analytics, unless one is already waiting. */
export async function enqueueAnalyticsRefresh(db: PrismaClient, sellerId: string): Promise<boolean> {
  const waiting = await db.job.findFirst({ where: { kind: REFRESH_KIND, sellerId, status: "QUEUED" }, select: { id: true } });
  if (waiting) return false;
  await enqueueJob({ kind: REFRESH_KIND, sellerId, payload: { sellerId } }, db);
  return true;
}

/** The next 02:00 UTC strictly after `now`. */
export function nextNightly(now: Date): Date {
  const t = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 2);
  return new Date(t > now.getTime() ? t : t + 86_400_000);
}

/** Keeps one nightly job queued. */
export async function ensureNightlyAnalytics(db: PrismaClient, now: Date = new Date()): Promise<void> {
  const waiting = await db.job.findFirst({ where: { kind: NIGHTLY_KIND, status: "QUEUED" }, select: { id: true } });
  if (!waiting) await enqueueJob({ kind: NIGHTLY_KIND, payload: {}, runAfter: nextNightly(now) }, db);
}

/** One seller's weeks rebuilt, then their forecasts. */
export async function analyticsRefreshJob(job: JobContext): Promise<JobOutcome> {
  const sellerId = job.sellerId;
  if (!sellerId) return { ok: false, code: "ANALYTICS_INVALID_JOB" };
  const weeks = await refreshSalesWeeks(job.db, { sellerId });
  const forecasts = await recomputeForecasts(job.db, sellerId);
  return { ok: true, result: { rows: weeks.rows, forecasts: forecasts.forecasts } };
}

/** Every active seller's refresh queued, then the next night's run. */
export async function analyticsNightlyJob(job: JobContext): Promise<JobOutcome> {
  const sellers = await job.db.seller.findMany({ where: { status: "ACTIVE" }, select: { id: true } });
  for (const s of sellers) await enqueueAnalyticsRefresh(job.db, s.id);
  await enqueueJob({ kind: NIGHTLY_KIND, payload: {}, runAfter: nextNightly(new Date()) }, job.db);
  return { ok: true, result: { sellers: sellers.length } };
}
