/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { rebuildDerivedColumns } from "@/lib/server/catalogue/derived";

const db = await resolveDatabase(console.log);
try {
  const result = await migrate(db.url, { log: console.log });
  console.log(`${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already in place.`);
  if (result.applied.length > 0) {
    // New migrations may add derived columns: fill them from the rows already there.
    const prisma = createPrismaClient(db.url);
    try {
      await rebuildDerivedColumns(prisma);
    } finally {
      await prisma.$disconnect();
    }
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.stop();
}
