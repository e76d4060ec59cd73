/**
 * `npm run fx:refresh`: fetches the ECB's daily reference rates and stores them, with
 * the manual rates. When the feed cannot be reached or read, says so in one line,
 * changes no rate and exits 1: the store keeps converting with the last stored rates.
 * Either way the result is recorded in the audit log (`fx.refresh`) for the operator.
 */
import { resolveDatabase } from "@/lib/db/embedded";
import { createPrismaClient } from "@/lib/db/client";
import { parseEcbXml, type EurRate } from "@/lib/domain/fx";
import { readManualRates } from "@/lib/server/fx/snapshot";
import { recordRefreshFailure, refreshRates, type FxRefreshFailure } from "@/lib/server/fx/refresh";
import { parseEnv } from "@/lib/env";

const FEED = parseEnv().CARAVAN_ECB_URL;

async function fetchFeed(): Promise<string> {
  const response = await fetch(FEED, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`the feed answered HTTP ${response.status}`);
  return response.text();
}

/** Opens the store's database for `work`, then closes it. */
async function withDatabase<T>(work: (prisma: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const db = await resolveDatabase();
  const prisma = createPrismaClient(db.url);
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

/** Prints the one line, records the failure where the database can be reached, exits 1. */
async function fail(line: string, code: FxRefreshFailure): Promise<never> {
  console.error(line);
  await withDatabase((prisma) => recordRefreshFailure(prisma, code)).catch(() => undefined);
  process.exit(1);
}

let xml = "";
try {
  xml = await fetchFeed();
} catch (error) {
  const reason = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
  await fail(`FX refresh failed: could not reach ${FEED} (${reason}); the last stored rates stay in use.`, "FEED_UNREACHABLE");
}

let rates: EurRate[] = [];
try {
  rates = [...parseEcbXml(xml), ...readManualRates()];
} catch (error) {
  await fail(`FX refresh failed: ${(error as Error).message}; the last stored rates stay in use.`, "FEED_INVALID");
}

const stored = await withDatabase((prisma) => refreshRates(prisma, rates, "ECB"));
console.log(`Stored ${stored.count} rates (ECB reference date ${stored.date}).`);
