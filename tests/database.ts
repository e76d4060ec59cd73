/**
 * Throwaway PostgreSQL clusters for tests: real embedded PostgreSQL, a fresh data
 * folder and a free port per run, removed on stop.
 */
import crypto from "node:crypto";
import pg from "pg";
import path from "node:path";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";

export async function startTestDatabase(options: { seeded?: boolean; name?: string; demoAccounts?: boolean } = {}): Promise<EmbeddedDatabase> {
  const id = `${options.name ?? "test"}-${process.pid}-${crypto.randomBytes(3).toString("hex")}`;
  const db = await startEmbeddedPostgres({
    dataDir: path.resolve(".data", "test-clusters", id),
    port: await freePort(),
    database: "caravan_test",
    ephemeral: true,
  });
  try {
    await migrate(db.url);
    if (options.seeded !== false) {
      const prisma = createPrismaClient(db.url);
      try {
        await seed(prisma, { demoAccounts: options.demoAccounts ?? false });
      } finally {
        await prisma.$disconnect();
      }
    }
  } catch (error) {
    await db.stop();
    throw error;
  }
  return db;
}

/** Creates (or recreates) an empty database `name` in the cluster of `clusterUrl`; returns its URL. */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
