/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

const db = await resolveDatabase(console.log);
try {
  const result = await migrate(db.url, { log: console.log });
  console.log(`${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already in place.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.stop();
}
