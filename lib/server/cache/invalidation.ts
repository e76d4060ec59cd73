// No `server-only` here: the seed and the operator commands (tsx) publish invalidations too.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";

/** The PostgreSQL channel every app server LISTENs on (lib/cache/incremental-cache-handler.mjs). */
export const CACHE_CHANNEL = "caravan_cache";
const PRUNE_AFTER_HOURS = 72;

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Records that `tags` changed and notifies every app server. Call it inside the
 * transaction that makes the change: PostgreSQL delivers the notification only when
 * that transaction commits, so no server ever expires a page before the new data is
 * visible, and a rolled-back change invalidates nothing.
 */
export async function publishInvalidation(db: Db, tags: readonly string[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "CacheInvalidation" (tags) VALUES (${unique}::text[]) RETURNING id`;
  await db.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${String(row!.id)})`;
  // Keep the table small; old rows are past every page's revalidate period.
  await db.$executeRaw`DELETE FROM "CacheInvalidation" WHERE "createdAt" < now() - make_interval(hours => ${PRUNE_AFTER_HOURS})`;
}
