import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { drainJobs, enqueueJob, registerJobHandler, runNextJob, sellerJob } from "@/lib/server/jobs";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

/** The job queue on a database of its own: claims, progress, retries, leases and seller scoping. */
let prisma: PrismaClient;

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `jobs_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("the job queue", () => {
  it("runs a job once, recording progress and the result", async () => {
    const seen: string[] = [];
    registerJobHandler("test.count", async (job) => {
      seen.push(job.id);
      await job.progress(1, 2);
      await job.progress(2, 2);
      return { ok: true, result: { counted: 2 } };
    });
    const id = await enqueueJob({ kind: "test.count", payload: {}, sellerId: "sel_a" }, prisma);
    expect(await drainJobs(prisma)).toBe(1);
    expect(seen).toEqual([id]);
    expect(await prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE", done: 2, total: 2, result: { counted: 2 }, lockedUntil: null });
    expect(await runNextJob(prisma)).toBe(false);
  });

  it("retries a job that threw, then fails it with a code after three attempts", async () => {
    let calls = 0;
    registerJobHandler("test.throws", async () => {
      calls++;
      throw new Error("boom");
    });
    const id = await enqueueJob({ kind: "test.throws", payload: {} }, prisma);
    let clock = Date.now();
    for (let i = 0; i < 5; i++) {
      clock += 60_000;
      await runNextJob(prisma, () => new Date(clock));
    }
    expect(calls).toBe(3);
    expect(await prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", error: "JOB_FAILED", attempts: 3 });
  });

  it("takes up a running job whose lease lapsed, and leaves one whose lease holds", async () => {
    registerJobHandler("test.lease", async () => ({ ok: true, result: {} }));
    const id = await enqueueJob({ kind: "test.lease", payload: {} }, prisma);
    await prisma.job.update({ where: { id }, data: { status: "RUNNING", lockedUntil: new Date(Date.now() + 30_000) } });
    expect(await runNextJob(prisma)).toBe(false);
    expect(await runNextJob(prisma, () => new Date(Date.now() + 31_000))).toBe(true);
    expect((await prisma.job.findUniqueOrThrow({ where: { id } })).status).toBe("DONE");
  });

  it("records a handler's refusal as FAILED with its code", async () => {
    registerJobHandler("test.refuses", async () => ({ ok: false, code: "FILE_UNREADABLE" }));
    const id = await enqueueJob({ kind: "test.refuses", payload: {} }, prisma);
    await drainJobs(prisma);
    expect(await prisma.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", error: "FILE_UNREADABLE" });
  });

  it("shows a seller only their own jobs", async () => {
    const id = await enqueueJob({ kind: "test.unhandled", payload: {}, sellerId: "sel_a" }, prisma);
    expect((await sellerJob("sel_a", id, prisma))?.id).toBe(id);
    expect(await sellerJob("sel_b", id, prisma)).toBeNull();
  });
});
