/**
 * `npm run fx:refresh`: fetches the ECB's daily reference rates and stores them, with
 * the manual rates. When the feed cannot be reached or read, says so in one line,
 * changes nothing and exits 1: the store keeps converting with the last stored rates.
 */
import { resolveDatabase } from "@/lib/db/embedded";
import { createPrismaClient } from "@/lib/db/client";
import { parseEcbXml } from "@/lib/domain/fx";
import { readManualRates, storeRates } from "@/lib/server/fx/snapshot";
import { parseEnv } from "@/lib/env";

const FEED = parseEnv().CARAVAN_ECB_URL;

async function fetchFeed(): Promise<string> {
  const response = await fetch(FEED, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`the feed answered HTTP ${response.status}`);
  return response.text();
}

let xml: string;
try {
  xml = await fetchFeed();
} catch (error) {
  const reason = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
  console.error(`FX refresh failed: could not reach ${FEED} (${reason}); the last stored rates stay in use.`);
  process.exit(1);
}

let rates;
try {
  rates = [...parseEcbXml(xml), ...readManualRates()];
} catch (error) {
  console.error(`FX refresh failed: ${(error as Error).message}; the last stored rates stay in use.`);
  process.exit(1);
}

const db = await resolveDatabase();
const prisma = createPrismaClient(db.url);
try {
  const count = await storeRates(prisma, rates);
  const date = rates.find((r) => r.source === "ECB")?.date;
  console.log(`Stored ${count} rates (ECB reference date ${date}).`);
} finally {
  await prisma.$disconnect();
  await db.stop();
}
