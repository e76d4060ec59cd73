import "server-only";
/**
 * `npm run privacy:migrate` and `npm run keys:rotate` (README, "Personal data"; ADR 31).
 *
 * Migrate moves what the store sealed under its master key alone (`pii1`) for a person
 * under that person's own key (`pii2`), and seals what accounts held in plaintext. Every
 * step picks only rows not moved yet and each row moves in a transaction of its own, so
 * the command is safe to stop and to run again: a second run changes nothing.
 *
 * Rotate re-wraps every person's key and the index key under the current master key and
 * re-seals the few values that belong to no one person (licence keys, checkout drafts, the
 * demo history's invented buyers). Afterwards no row needs a retired key: it can be removed.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { RETENTION_YEARS } from "@/lib/domain/privacy/retention";
import { recordAudit } from "@/lib/server/audit";
import { licenceKeyContext } from "@/lib/domain/seller-media/digital";
import { orderField } from "@/lib/server/checkout/access";
import { DRAFT_CONTEXT } from "@/lib/server/checkout";
import { resealAcceptance } from "@/lib/server/contracts/evidence";
import { masterBox, sealedVersion, type PiiBox } from "@/lib/server/crypto/pii";
import { subjectKeys, type SubjectKeys } from "@/lib/server/crypto/subjects";

const BATCH = 200;
const SYSTEM = { kind: "system" as const, name: "privacy:migrate" };

export interface MigrateReport {
  users: number;
  sessions: number;
  orders: number;
  acceptances: number;
  addresses: number;
  retention: number;
}

export async function migratePersonalData(db: PrismaClient, keys: SubjectKeys = subjectKeys()): Promise<MigrateReport> {
  const report: MigrateReport = { users: 0, sessions: 0, orders: 0, acceptances: 0, addresses: 0, retention: 0 };

  // Accounts: the address becomes its index and a sealed copy; the name is sealed. Raw SQL,
  // since the client's extension would take these plaintext rows for sealed ones.
  for (;;) {
    const users = await db.$queryRaw<{ id: string; email: string; name: string }[]>`SELECT id, email, name FROM "user" WHERE "subjectId" IS NULL ORDER BY id LIMIT ${BATCH}`;
    if (users.length === 0) break;
    for (const user of users) {
      const subjectId = await keys.subjectForEmail(db, user.email);
      const email = await keys.emailIndex(db, user.email);
      const emailSealed = await keys.sealFor(db, subjectId, user.email.trim().toLowerCase(), "user:email");
      const name = sealedVersion(user.name) ? user.name : await keys.sealFor(db, subjectId, user.name, "user:name");
      report.users += await db.$executeRaw`UPDATE "user" SET email = ${email}, "emailSealed" = ${emailSealed}, name = ${name}, "subjectId" = ${subjectId} WHERE id = ${user.id} AND "subjectId" IS NULL`;
    }
  }

  // Sessions: the browser sealed under its holder's key, the address not kept.
  for (;;) {
    const sessions = await db.$queryRaw<{ id: string; userAgent: string | null; subjectId: string | null }[]>`
      SELECT s.id, s."userAgent", u."subjectId" FROM "session" s JOIN "user" u ON u.id = s."userId"
      WHERE s."ipAddress" IS NOT NULL OR (s."userAgent" IS NOT NULL AND s."userAgent" NOT LIKE 'pii_.%') ORDER BY s.id LIMIT ${BATCH}`;
    if (sessions.length === 0) break;
    for (const session of sessions) {
      const userAgent =
        session.userAgent === null || sealedVersion(session.userAgent) ? session.userAgent : session.subjectId ? await keys.sealFor(db, session.subjectId, session.userAgent, "session:user-agent") : null;
      report.sessions += await db.$executeRaw`UPDATE "session" SET "userAgent" = ${userAgent}, "ipAddress" = NULL WHERE id = ${session.id}`;
    }
  }

  // Orders (and their contract evidence): under the buyer's key, found by the order's email.
  for (;;) {
    const orders = await db.order.findMany({ where: { subjectId: null, demo: false }, select: { id: true, emailSealed: true, addressSealed: true }, orderBy: { id: "asc" }, take: BATCH });
    if (orders.length === 0) break;
    for (const order of orders) {
      const email = await keys.open(db, order.emailSealed, orderField(order.id, "email"));
      const subjectId = await keys.subjectForEmail(db, email);
      const emailSealed = await keys.sealFor(db, subjectId, email, orderField(order.id, "email"));
      const addressSealed = order.addressSealed === null ? null : await keys.sealFor(db, subjectId, await keys.open(db, order.addressSealed, orderField(order.id, "address")), orderField(order.id, "address"));
      await db.$transaction(async (tx) => {
        const moved = await tx.order.updateMany({ where: { id: order.id, subjectId: null }, data: { subjectId, emailSealed, addressSealed } });
        if (moved.count === 0) return;
        report.orders += 1;
        if (await resealAcceptance(tx, order.id, subjectId)) {
          report.acceptances += 1;
          await recordAudit(tx, { actor: SYSTEM, action: "contract.reseal", subjectType: "order", subjectId: order.id, before: { sealedUnder: "master" }, after: { sealedUnder: "subject" } });
        }
      });
    }
  }

  // Saved addresses: under their account holder's key.
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; sealed: string; subjectId: string | null }[]>`
      SELECT a.id, a.sealed, u."subjectId" FROM "BuyerAddress" a JOIN "user" u ON u.id = a."userId"
      WHERE a.sealed LIKE 'pii1.%' AND u."subjectId" IS NOT NULL ORDER BY a.id LIMIT ${BATCH}`;
    if (rows.length === 0) break;
    for (const row of rows) {
      const context = `buyer-address:${row.id}`;
      const sealed = await keys.sealFor(db, row.subjectId!, await keys.open(db, row.sealed, context), context);
      report.addresses += await db.buyerAddress.updateMany({ where: { id: row.id, sealed: row.sealed }, data: { sealed } }).then((r) => r.count);
    }
  }

  // Every order has the end of its retention (retentionEnd, in SQL: one statement for the demo history's thousands).
  report.retention = await db.$executeRaw`
    UPDATE "Order" SET "retainUntil" = make_timestamptz((EXTRACT(YEAR FROM "createdAt" AT TIME ZONE 'UTC'))::int + ${RETENTION_YEARS + 1}, 1, 1, 0, 0, 0, 'UTC')
    WHERE "retainUntil" IS NULL`;
  return report;
}

export interface RotateReport {
  subjects: number;
  materials: number;
  resealed: number;
}

/** Re-wraps and re-seals everything under the current master key; afterwards the retired keys can go. */
export async function rotateMasterKey(db: PrismaClient, keys: SubjectKeys = subjectKeys(), box: PiiBox = masterBox()): Promise<RotateReport> {
  const { subjects, materials } = await keys.rewrap(db);
  let resealed = 0;
  const current = box.keyIdOf(box.sealText("", "probe"));
  const stale = (sealed: string | null): sealed is string => sealed !== null && sealedVersion(sealed) === "pii1" && box.keyIdOf(sealed) !== current;

  for (const row of await db.licenceKey.findMany({ select: { id: true, productId: true, keySealed: true } })) {
    if (!stale(row.keySealed)) continue;
    const keySealed = box.reseal(row.keySealed, licenceKeyContext(row.productId));
    resealed += (await db.licenceKey.updateMany({ where: { id: row.id, keySealed: row.keySealed }, data: { keySealed } })).count;
  }
  for (const row of await db.checkoutDraft.findMany({ where: { contactSealed: { not: null } }, select: { cartId: true, contactSealed: true } })) {
    if (!stale(row.contactSealed)) continue;
    const contactSealed = box.reseal(row.contactSealed, DRAFT_CONTEXT(row.cartId));
    resealed += (await db.checkoutDraft.updateMany({ where: { cartId: row.cartId, contactSealed: row.contactSealed }, data: { contactSealed } })).count;
  }
  // Orders with no subject: the demo history's invented buyers.
  for (const order of await db.order.findMany({ where: { subjectId: null }, select: { id: true, emailSealed: true, addressSealed: true } })) {
    if (!stale(order.emailSealed) && !stale(order.addressSealed)) continue;
    const emailSealed = stale(order.emailSealed) ? box.reseal(order.emailSealed, orderField(order.id, "email")) : order.emailSealed;
    const addressSealed = stale(order.addressSealed) ? box.reseal(order.addressSealed, orderField(order.id, "address")) : order.addressSealed;
    resealed += (await db.order.updateMany({ where: { id: order.id, emailSealed: order.emailSealed }, data: { emailSealed, addressSealed } })).count;
  }
  keys.forget();
  return { subjects, materials, resealed };
}
