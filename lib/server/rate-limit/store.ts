/**
 * Rate-limit counters in PostgreSQL, so every app instance shares them: one atomic
 * upsert per hit (the row for the key and window is created at 1 or incremented, and
 * the new count returned), and a delete of expired windows now and then.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import type { RateLimitWindow } from "@/lib/domain/rate-limit";

export interface RateLimitStore {
  /** Counts one hit for `key` in `window`; returns the count including it. */
  hit(key: string, window: RateLimitWindow): Promise<number>;
  /** Forgets windows that expired before `now`; returns how many. */
  prune(now: Date): Promise<number>;
}

export function prismaRateLimitStore(prisma: () => PrismaClient): RateLimitStore {
  return {
    async hit(key, window) {
      const rows = await prisma().$queryRaw<{ count: number }[]>`
        INSERT INTO "RateLimitWindow" ("key", "windowStart", "count", "expiresAt")
        VALUES (${key}, ${window.start}, 1, ${window.expiresAt})
        ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
        RETURNING "count"`;
      return Number(rows[0]!.count);
    },
    prune(now) {
      return prisma().$executeRaw`DELETE FROM "RateLimitWindow" WHERE "expiresAt" < ${now}`;
    },
  };
}
