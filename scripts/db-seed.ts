/**
 * `npm run db:seed`: loads the demo catalogue into an empty database (refuses a non-empty
 * one). `-- --products N` loads a catalogue of N products in all: the demo catalogue plus
 * generated sellers and products (`--seed S` picks another generated catalogue).
 */
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { isSeeded, seed } from "@/prisma/seed";
import { DEMO_PASSWORDS } from "@/prisma/seed-accounts";
import { DEMO_TOTP_SECRET } from "@/lib/domain/two-factor";
import { DEFAULT_SEED, seedLarge } from "@/prisma/seed-large";
import { parseSeedArgs } from "./seed-args";

// The seed is the demo store's: its accounts too, unless CARAVAN_DEMO=false says otherwise.
process.env.CARAVAN_DEMO ||= "true";
const args = parseSeedArgs(process.argv.slice(2));
if ("error" in args) {
  console.error(args.error);
  process.exit(2);
}
const db = await resolveDatabase(console.log);
const prisma = createPrismaClient(db.url);
try {
  await migrate(db.url, { log: console.log });
  if (await isSeeded(prisma)) {
    console.log("The database already holds products; nothing seeded.");
  } else if (args.products !== undefined) {
    const result = await seedLarge(prisma, { products: args.products, seed: args.seed ?? DEFAULT_SEED, log: console.log });
    console.log(`Seeded ${result.sellers} sellers and ${result.products} products in ${result.seconds.toFixed(1)} s.`);
  } else {
    const result = await seed(prisma, { recordFxRefresh: true, history: true });
    console.log(`Seeded ${result.sellers} sellers and ${result.products} products.`);
    if (result.accounts.length > 0) {
      console.log(`Demo accounts (README, "Demo accounts"), ${result.accounts.length} in all:`);
      console.log(`  operator@demo.caravan.localhost          password ${DEMO_PASSWORDS.OPERATOR}`);
      console.log(`  buyer@demo.caravan.localhost             password ${DEMO_PASSWORDS.BUYER}`);
      console.log(`  seller+<handle>@demo.caravan.localhost   password ${DEMO_PASSWORDS.SELLER} (owner of that seller), e.g. ${result.accounts.find((a) => a.kind === "SELLER")?.email ?? "none"}`);
      console.log(`  The operator and sellers sign in with two-factor: add the key ${DEMO_TOTP_SECRET} to an authenticator app.`);
    } else {
      console.log("No demo accounts: they are made only with CARAVAN_DEMO=true.");
    }
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
