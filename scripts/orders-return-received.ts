/**
 * `npm run orders:return-received -- <withdrawal id>`: the seller has the withdrawn goods
 * back. Refunds the buyer through the payment provider, takes back the seller's part of
 * their transfer and restocks the items (lib/server/contracts/withdrawals.ts). Safe to
 * run twice. Until the seller panel offers it, this is how a seller or the operator
 * marks a return received.
 */
import { resolveDatabase } from "@/lib/db/embedded";
import { createPrismaClient } from "@/lib/db/client";
import { fixedClock } from "@/lib/domain/clock";
import { receiveReturn } from "@/lib/server/contracts/withdrawals";

const id = process.argv[2];
if (!id || !/^wdr_[A-Za-z0-9_-]{16}$/.test(id)) {
  console.error("Usage: npm run orders:return-received -- <withdrawal id (wdr_...)>");
  process.exit(2);
}
const db = await resolveDatabase((line) => console.log(`[caravan] ${line}`));
const prisma = createPrismaClient(db.url);
let exitCode = 0;
try {
  const result = await receiveReturn(id, fixedClock(new Date()), prisma);
  if (result.ok) console.log(`Return received; refund ${result.refundId ?? "(nothing to refund)"}.`);
  else {
    console.error(`Not done: ${result.code}`);
    exitCode = 1;
  }
} finally {
  await prisma.$disconnect();
  await db.stop();
}
// Exit explicitly: the embedded database's exit hook would otherwise turn any code into 0.
process.exit(exitCode);
