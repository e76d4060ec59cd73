import fs from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "../lib/db/client";
import { createSubjectKeys } from "../lib/server/crypto/subjects";
import { masterBox, sealedVersion } from "../lib/server/crypto/pii";
import { acceptanceField, orderField } from "../lib/domain/privacy/contexts";
import { SELLERS } from "../prisma/seed-data";

/**
 * Runs after every other end-to-end suite (its project depends on theirs): collects every
 * buyer's personal values the store holds — by opening them with the store's own keys —
 * and looks for each one in plaintext in every column of every table, and in the store
 * server's log of the whole run. Staff (sellers' members, the operator) are not buyers;
 * the loopback address every test browser shares is not a buyer's.
 */
const LOG = process.env.E2E_SERVER_LOG;
/** Address fields that name no one on their own (and appear in product texts: "Berlin", "Portland"). */
const NOT_IDENTIFYING = ["country", "region", "postalCode", "city"];

/** Shops' public details (the seeded ones and those opened by the suites): a test buyer may use a seller's street as theirs. */
let PUBLIC = JSON.stringify(SELLERS).toLowerCase();

function worthLookingFor(value: string): boolean {
  const v = value.trim();
  if (v.length < 6 || PUBLIC.includes(v.toLowerCase())) return false;
  if (net.isIP(v) !== 0) return !["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(v);
  return true;
}

test.describe("privacy scan", () => {
test("no buyer's personal value is in plaintext in the database or the server's log", async () => {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  const base = createSubjectKeys(masterBox);
  /** A column meant to hold a sealed value holding something else: a leak, unless it is a fixture's placeholder. */
  const unsealed: string[] = [];
  const keys = {
    openOrNull: async (d: typeof db, sealed: string, context: string) => {
      if (!sealedVersion(sealed)) {
        if (/@|\d{4,}|[A-Za-z]{3,} [A-Za-z]{3,}/.test(sealed)) unsealed.push(`${context}: ${sealed}`);
        return null;
      }
      return base.openOrNull(d, sealed, context);
    },
  };
  try {
    const shops = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(s)::text AS row FROM "Seller" s`);
    PUBLIC += shops.map((shop) => shop.row.toLowerCase()).join("\n");
    const values = new Set<string>();
    const add = (value: unknown) => {
      if (typeof value === "string" && worthLookingFor(value)) values.add(value.trim());
    };
    for (const order of await db.order.findMany({ where: { demo: false }, select: { id: true, emailSealed: true, addressSealed: true } })) {
      add(await keys.openOrNull(db, order.emailSealed, orderField(order.id, "email")));
      const address = order.addressSealed ? await keys.openOrNull(db, order.addressSealed, orderField(order.id, "address")) : null;
      if (address) {
        const record = JSON.parse(address) as { address: Record<string, string> | null; lines?: string[]; phone?: string | null };
        for (const [field, value] of Object.entries(record.address ?? {})) if (!NOT_IDENTIFYING.includes(field)) add(value);
        add(record.phone);
      }
    }
    for (const acceptance of await db.contractAcceptance.findMany({ select: { id: true, ipSealed: true, userAgentSealed: true } })) {
      if (acceptance.ipSealed) add(await keys.openOrNull(db, acceptance.ipSealed, acceptanceField(acceptance.id, "ip")));
      if (acceptance.userAgentSealed) add(await keys.openOrNull(db, acceptance.userAgentSealed, acceptanceField(acceptance.id, "user-agent")));
    }
    const buyers = await db.user.findMany({ where: { role: "BUYER", sellerMember: null }, select: { id: true, email: true, name: true } });
    for (const user of buyers) {
      add(user.email);
      add(user.name);
    }
    for (const session of await db.session.findMany({ where: { userId: { in: buyers.map((b) => b.id) } }, select: { userAgent: true } })) add(session.userAgent);
    for (const saved of await db.buyerAddress.findMany({ select: { id: true, sealed: true } })) {
      const opened = await keys.openOrNull(db, saved.sealed, `buyer-address:${saved.id}`);
      if (opened) for (const [field, value] of Object.entries(JSON.parse(opened) as Record<string, string>)) if (!NOT_IDENTIFYING.includes(field)) add(value);
    }
    expect(unsealed).toEqual([]);
    // The suites above bought, signed up and saved addresses: there must be something to look for.
    expect(values.size).toBeGreaterThan(20);

    const tables = await db.$queryRaw<{ table_name: string }[]>`SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
    const found: string[] = [];
    for (const { table_name } of tables) {
      const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      for (const { row } of rows) {
        const text = row.toLowerCase();
        for (const value of values) if (text.includes(JSON.stringify(value).slice(1, -1).toLowerCase())) found.push(`${table_name}: ${value}`);
      }
    }
    expect.soft([...new Set(found)]).toEqual([]);

    // The run writes the server's log (E2E_SERVER_LOG, set by scripts/test.ts): it must be there to be read.
    expect(LOG !== undefined && fs.existsSync(LOG)).toBe(true);
    {
      const log = fs.readFileSync(LOG!, "utf8").toLowerCase();
      expect(log.length).toBeGreaterThan(0);
      expect([...values].filter((value) => log.includes(value.toLowerCase()))).toEqual([]);
    }
  } finally {
    await db.$disconnect();
  }
});
});
