// No `server-only` here: the runner also starts outside Next (scripts, benchmarks, tests).
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";

/**
 * Background jobs on the store's own PostgreSQL: a `Job` row is the queue entry, the
 * lease and the progress the panels show, so a job survives a page reload and a server
 * restart (a lapsed lease is claimed again). Claiming uses FOR UPDATE SKIP LOCKED, so
 * several server processes share one queue without taking a job twice.
 *
 * A handler must be safe to run again from the start: a job taken up after a crash
 * repeats its work (the catalogue import is idempotent by SKU; image renditions
 * overwrite their own files).
 */
export interface JobContext {
  id: string;
  sellerId: string | null;
  requestedBy: string | null;
  payload: Prisma.JsonValue;
  /** Records progress (and renews the lease). */
  progress(done: number, total: number): Promise<void>;
  db: PrismaClient;
}

export type JobOutcome = { ok: true; result: Prisma.InputJsonValue } | { ok: false; code: string; result?: Prisma.InputJsonValue };
export type JobHandler = (job: JobContext) => Promise<JobOutcome>;

const handlers = new Map<string, JobHandler>();

/** A lease outlives a handler's longest gap between progress calls by far. */
const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 3;

export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export interface EnqueueInput {
  kind: string;
  payload: Prisma.InputJsonValue;
  sellerId?: string | null;
  requestedBy?: string | null;
  total?: number;
  /** Not before this instant (default: at once). */
  runAfter?: Date;
}

export async function enqueueJob(input: EnqueueInput, db: Prisma.TransactionClient | PrismaClient = getPrisma()): Promise<string> {
  const id = `job_${randomUUID()}`;
  await db.job.create({
    data: { id, kind: input.kind, payload: input.payload, sellerId: input.sellerId ?? null, requestedBy: input.requestedBy ?? null, total: input.total ?? 0, ...(input.runAfter ? { runAfter: input.runAfter } : {}) },
  });
  runner?.wake();
  return id;
}

interface Claimed {
  id: string;
  kind: string;
  sellerId: string | null;
  requestedBy: string | null;
  payload: Prisma.JsonValue;
  attempts: number;
}

/** Takes the oldest due job of a kind this process handles, or null. */
async function claim(db: PrismaClient, now: Date): Promise<Claimed | null> {
  const kinds = [...handlers.keys()];
  if (kinds.length === 0) return null;
  const lease = new Date(now.getTime() + LEASE_MS);
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedUntil" = ${lease}, attempts = attempts + 1, "updatedAt" = ${now}
    WHERE id = (
      SELECT id FROM "Job"
      WHERE kind = ANY(${kinds}) AND "runAfter" <= ${now}
        AND (status = 'QUEUED' OR (status = 'RUNNING' AND "lockedUntil" < ${now}))
      ORDER BY "runAfter", "createdAt"
      FOR UPDATE SKIP LOCKED
      LIMIT 1
    )
    RETURNING id, kind, "sellerId", "requestedBy", payload, attempts`;
  return rows[0] ?? null;
}

/** Runs one due job to its end; false when none was due. */
export async function runNextJob(db: PrismaClient = getPrisma(), now: () => Date = () => new Date()): Promise<boolean> {
  const job = await claim(db, now());
  if (!job) return false;
  const handler = handlers.get(job.kind)!;
  const context: JobContext = {
    id: job.id,
    sellerId: job.sellerId,
    requestedBy: job.requestedBy,
    payload: job.payload,
    db,
    async progress(done, total) {
      await db.job.update({ where: { id: job.id }, data: { done, total, lockedUntil: new Date(now().getTime() + LEASE_MS) } });
    },
  };
  let outcome: JobOutcome;
  try {
    outcome = await handler(context);
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "job failed", job: job.id, kind: job.kind, attempt: job.attempts, error: error instanceof Error ? error.message : String(error) }));
    if (job.attempts < MAX_ATTEMPTS) {
      // Back off, then try again from the start.
      await db.job.update({ where: { id: job.id }, data: { status: "QUEUED", lockedUntil: null, runAfter: new Date(now().getTime() + 2_000 * job.attempts) } });
      return true;
    }
    outcome = { ok: false, code: "JOB_FAILED" };
  }
  await db.job.update({
    where: { id: job.id },
    data: outcome.ok
      ? { status: "DONE", result: outcome.result, lockedUntil: null, finishedAt: now() }
      : { status: "FAILED", error: outcome.code, result: outcome.result ?? {}, lockedUntil: null, finishedAt: now() },
  });
  return true;
}

/** Runs due jobs until none is left (tests, scripts). */
export async function drainJobs(db: PrismaClient = getPrisma()): Promise<number> {
  let count = 0;
  while (await runNextJob(db)) count++;
  return count;
}

interface Runner {
  wake(): void;
  stop(): Promise<void>;
}

let runner: Runner | null = null;

/**
 * Polls for due jobs (every `intervalMs`, and at once after an enqueue in this process)
 * and runs them one at a time. One runner per process; calling again returns it.
 */
export function startJobRunner(options: { intervalMs?: number; db?: PrismaClient } = {}): Runner {
  if (runner) return runner;
  const interval = options.intervalMs ?? 1_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const loop = async () => {
    try {
      while (!stopped && (await runNextJob(options.db ?? getPrisma()))) {
        /* the next one */
      }
    } catch (error) {
      console.error(JSON.stringify({ level: "error", message: "job runner could not claim", error: error instanceof Error ? error.message : String(error) }));
    }
  };
  const tick = () => {
    if (stopped || running) return;
    running = loop().finally(() => {
      running = null;
      if (!stopped) {
        timer = setTimeout(tick, interval);
        timer.unref?.();
      }
    });
  };
  runner = {
    wake() {
      if (timer) clearTimeout(timer);
      timer = null;
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      runner = null;
    },
  };
  timer = setTimeout(tick, 0);
  timer.unref?.();
  return runner;
}

export interface JobView {
  id: string;
  kind: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  done: number;
  total: number;
  result: Prisma.JsonValue;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** A seller's job, or null when it is not theirs (the pages answer 404). */
export async function sellerJob(sellerId: string, jobId: string, db: PrismaClient = getPrisma()): Promise<JobView | null> {
  return db.job.findFirst({
    where: { id: jobId, sellerId },
    select: { id: true, kind: true, status: true, done: true, total: true, result: true, error: true, createdAt: true, finishedAt: true },
  });
}
