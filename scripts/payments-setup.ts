/**
 * Gives every active seller a connected payments account (see
 * lib/server/payments/sellers.ts). Run by `npm start` after the database is ready and
 * the payment service answers; safe to run again. Needs the react-server condition
 * (`node --conditions=react-server --import tsx`), as the store's server modules do.
 */
import { createPrismaClient } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import { ensureSellerAccounts } from "@/lib/server/payments/sellers";

const env = parseEnv();
if (!env.DATABASE_URL) {
  console.error("[caravan] DATABASE_URL is not set.");
  process.exit(2);
}
const prisma = createPrismaClient(env.DATABASE_URL);
let exitCode = 0;
try {
  const report = await ensureSellerAccounts(prisma, env.CARAVAN_PUBLIC_URL.replace(/\/$/, ""));
  console.log(`[caravan] Seller payment accounts: ${report.ready} ready, ${report.created} created, ${report.onboarded} onboarded, ${report.failed} failed.`);
  exitCode = report.failed > 0 ? 1 : 0;
} finally {
  await prisma.$disconnect();
}
// Exit explicitly: the embedded database's exit hook would otherwise turn any code into 0.
process.exit(exitCode);
