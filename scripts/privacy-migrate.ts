/**
 * `npm run privacy:migrate`: moves personal data sealed under the master key alone under
 * each person's own key, and seals what accounts held in plaintext
 * (lib/server/privacy/migrate.ts). Safe to stop and to run again. Uses DATABASE_URL, else
 * the embedded PostgreSQL of `npm start`.
 */
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { migratePersonalData } from "@/lib/server/privacy/migrate";

const db = await resolveDatabase((line) => console.log(`[caravan] ${line}`));
const prisma = createPrismaClient(db.url);
let exitCode = 0;
try {
  const report = await migratePersonalData(prisma);
  for (const [name, value] of Object.entries(report)) console.log(`${name.padEnd(12)} ${value}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
// Exit explicitly: the embedded database's exit hook would otherwise turn any code into 0.
process.exit(exitCode);
