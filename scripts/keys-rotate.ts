/**
 * `npm run keys:rotate`: after a new CARAVAN_ENCRYPTION_KEY is set and the old one moved to
 * CARAVAN_ENCRYPTION_OLD_KEYS, re-wraps every person's key and re-seals what the master key
 * seals directly (lib/server/privacy/migrate.ts). When it reports, the old key can be removed.
 * Safe to run again. Uses DATABASE_URL, else the embedded PostgreSQL of `npm start`.
 */
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { migratePersonalData, rotateMasterKey } from "@/lib/server/privacy/migrate";

const db = await resolveDatabase((line) => console.log(`[caravan] ${line}`));
const prisma = createPrismaClient(db.url);
let exitCode = 0;
try {
  // Anything still sealed the old way moves first, so that nothing is left under the old key.
  await migratePersonalData(prisma);
  const report = await rotateMasterKey(prisma);
  for (const [name, value] of Object.entries(report)) console.log(`${name.padEnd(10)} ${value}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
process.exit(exitCode);
