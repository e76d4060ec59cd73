/**
 * `npm run payments:reconcile`: finds paid sessions without an order, orders without a
 * final payment state and events not processed, and repairs them
 * (lib/server/checkout/reconcile.ts). Safe at any time and twice. Uses DATABASE_URL,
 * else the embedded PostgreSQL of `npm start`.
 */
import { resolveDatabase } from "@/lib/db/embedded";
import { fixedClock } from "@/lib/domain/clock";
import { reconcilePayments } from "@/lib/server/checkout/reconcile";
import { createPrismaClient } from "@/lib/db/client";

const db = await resolveDatabase((line) => console.log(`[caravan] ${line}`));
const prisma = createPrismaClient(db.url);
let exitCode = 0;
try {
  const report = await reconcilePayments(fixedClock(new Date()), prisma);
  for (const [name, value] of Object.entries(report)) if (name !== "anomalies") console.log(`${name.padEnd(18)} ${value}`);
  for (const anomaly of report.anomalies) console.log(`anomaly            ${anomaly}`);
  exitCode = report.providerErrors > 0 || report.eventsFailed > 0 || report.anomalies.length > 0 ? 1 : 0;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
// Exit explicitly: the embedded database's exit hook would otherwise turn any code into 0.
process.exit(exitCode);
