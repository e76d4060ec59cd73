/** `npm run db:seed`: loads the demo catalogue into an empty database (refuses a non-empty one). */
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { isSeeded, seed } from "@/prisma/seed";

const db = await resolveDatabase(console.log);
const prisma = createPrismaClient(db.url);
try {
  await migrate(db.url, { log: console.log });
  if (await isSeeded(prisma)) {
    console.log("The database already holds products; nothing seeded.");
  } else {
    const result = await seed(prisma);
    console.log(`Seeded ${result.sellers} sellers and ${result.products} products.`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
