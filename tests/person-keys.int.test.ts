import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "./database";

/**
 * Keys per person on a real PostgreSQL: accounts hold no plaintext, values sealed for one
 * person do not open for another, the migration from the single store key moves every
 * kind of row and changes nothing the second time, and a master-key rotation leaves
 * every record readable with the old key removed.
 */
let db: import("@/generated/prisma/client").PrismaClient;
let mod: {
  pii: typeof import("@/lib/server/crypto/pii");
  subjects: typeof import("@/lib/server/crypto/subjects");
  migrate: typeof import("@/lib/server/privacy/migrate");
  evidence: typeof import("@/lib/server/contracts/evidence");
  access: typeof import("@/lib/server/checkout/access");
};

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `person_keys_${process.pid}`);
  const { createPrismaClient } = await import("@/lib/db/client");
  const { migrate } = await import("@/lib/db/migrate");
  await migrate(url);
  db = createPrismaClient(url);
  mod = {
    pii: await import("@/lib/server/crypto/pii"),
    subjects: await import("@/lib/server/crypto/subjects"),
    migrate: await import("@/lib/server/privacy/migrate"),
    evidence: await import("@/lib/server/contracts/evidence"),
    access: await import("@/lib/server/checkout/access"),
  };
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
});

const key = () => crypto.randomBytes(32);
const id = (prefix: string) => `${prefix}_${crypto.randomBytes(9).toString("base64url")}`;

/** Every text of a row, to look for plaintext in. */
async function rowText(table: string, where: string, value: string): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}" WHERE "${where}" = $1`, value);
  return JSON.stringify(rows);
}

async function legacyOrder(email: string, address: unknown): Promise<string> {
  const orderId = id("ord");
  const { orderField } = mod.access;
  await db.order.create({
    data: {
      id: orderId, number: `CV-${crypto.randomBytes(4).toString("hex").toUpperCase()}`, cartId: id("crt"), locale: "de", destination: "DE", currency: "EUR",
      emailSealed: mod.pii.sealText(email, orderField(orderId, "email")), addressSealed: mod.pii.sealJson(address, orderField(orderId, "address")),
      quote: {}, fingerprint: "f", pricingDate: "2026-12-01", lockedUntil: new Date(), goodsMinor: 1000, shippingMinor: 0, dutyMinor: 0, taxMinor: 0,
      totalMinor: 1000, dueOnDeliveryMinor: 0, testMode: true, accessKeyHash: "h", createdAt: new Date("2025-05-05T10:00:00Z"),
    },
  });
  return orderId;
}

describe("keys per person", () => {
  it("seals an account's email and name and a session's browser, and answers them opened", async () => {
    const userId = id("usr");
    await db.user.create({ data: { id: userId, email: "Grete.Keller@Example.DE", name: "Grete Keller", emailVerified: true } });
    const raw = await rowText("user", "id", userId);
    for (const plain of ["Grete", "Keller", "example.de", "Example.DE"]) expect(raw).not.toContain(plain);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe("Grete.Keller@Example.DE");
    expect(user.name).toBe("Grete Keller");
    expect(user.email).not.toBe(user.emailSealed);
    // Found by the address, in any case, through its blind index.
    expect((await db.user.findUnique({ where: { email: "grete.keller@example.de" }, select: { id: true, email: true } }))?.id).toBe(userId);
    expect(await db.user.count({ where: { email: { in: ["grete.keller@example.de", "nobody@example.de"] } } })).toBe(1);
    // A partial match cannot be answered from an index: refused, not silently empty.
    await expect(db.user.findFirst({ where: { email: { contains: "grete" } } })).rejects.toThrow(/matched whole/);

    await db.session.create({ data: { id: id("ses"), token: id("tok"), userId, expiresAt: new Date(Date.now() + 3_600_000), ipAddress: "198.51.100.23", userAgent: "Mozilla/5.0 (Grete's Firefox)" } });
    const sessionRaw = await rowText("session", "userId", userId);
    expect(sessionRaw).not.toContain("198.51.100.23");
    expect(sessionRaw).not.toContain("Firefox");
    const [session] = await db.session.findMany({ where: { userId } });
    expect(session).toMatchObject({ ipAddress: null, userAgent: "Mozilla/5.0 (Grete's Firefox)" });
  });

  it("gives one subject per address and a value sealed for one person does not open as another's", async () => {
    const keys = mod.subjects.subjectKeys();
    const a = await keys.subjectForEmail(db, "ana@example.br");
    expect(await keys.subjectForEmail(db, " ANA@example.br ")).toBe(a);
    const b = await keys.subjectForEmail(db, "bruno@example.br");
    expect(b).not.toBe(a);
    const sealed = await keys.sealFor(db, a, "Rua Augusta 1500", "order:ord_x:address");
    expect(sealed.startsWith(`pii2.${a}.`)).toBe(true);
    expect(await keys.open(db, sealed, "order:ord_x:address")).toBe("Rua Augusta 1500");
    // Relabelled as the other person's, it does not open (their key), nor under another context.
    await expect(keys.open(db, sealed.replace(a, b), "order:ord_x:address")).rejects.toThrow();
    await expect(keys.open(db, sealed, "order:ord_y:address")).rejects.toThrow();
    await expect(keys.open(db, sealed.replace(a, "ds_000000000000000000000000"), "order:ord_x:address")).rejects.toThrow(/not a subject/);
    // The key is stored wrapped: no row holds it in the clear.
    const row = await db.dataSubject.findUniqueOrThrow({ where: { id: a } });
    expect(row.wrappedKey!.startsWith("pii1.")).toBe(true);
    expect(row.emailIndex).toMatch(/^ix1\.[A-Za-z0-9_-]{43}$/);
  });

  it("after erasure the person's values no longer open, and a new order makes a new subject", async () => {
    const keys = mod.subjects.subjectKeys();
    const subject = await keys.subjectForEmail(db, "carla@example.it");
    const sealed = await keys.sealFor(db, subject, "Via Roma 1", "t:1");
    await keys.erase(db, subject);
    await expect(keys.open(db, sealed, "t:1")).rejects.toBeInstanceOf(mod.subjects.ErasedError);
    expect(await keys.openOrNull(db, sealed, "t:1")).toBeNull();
    // Another process that never cached the key cannot open it either.
    const fresh = mod.subjects.createSubjectKeys(mod.pii.masterBox);
    expect(await fresh.openOrNull(db, sealed, "t:1")).toBeNull();
    expect(await db.dataSubject.findUniqueOrThrow({ where: { id: subject } })).toMatchObject({ wrappedKey: null, emailIndex: null });
    expect(await keys.subjectForEmail(db, "carla@example.it")).not.toBe(subject);
  });
});

describe("npm run privacy:migrate", () => {
  it("moves accounts, sessions, orders, contract evidence and saved addresses under each person's key, once", async () => {
    const { orderField } = mod.access;
    // Rows as the store wrote them before keys per person: plaintext accounts, everything else under the master key.
    const userId = id("usr");
    await db.$executeRaw`INSERT INTO "user" (id, email, name, "emailVerified", "updatedAt") VALUES (${userId}, ${"hiro@example.jp"}, ${"Hiro Tanaka"}, true, now())`;
    await db.$executeRaw`INSERT INTO "session" (id, token, "userId", "expiresAt", "ipAddress", "userAgent", "updatedAt") VALUES (${id("ses")}, ${id("tok")}, ${userId}, now() + interval '1 day', ${"192.0.2.44"}, ${"Hiro's Safari"}, now())`;
    const addressId = id("adr");
    await db.buyerAddress.create({ data: { id: addressId, userId, country: "JP", sealed: mod.pii.sealJson({ name: "田中 浩", line1: "烏丸通 1" }, `buyer-address:${addressId}`) } });
    const orderId = await legacyOrder("hiro@example.jp", { address: { name: "田中 浩" }, lines: ["烏丸通 1"], phone: "+81901234567" });
    const acceptance = await mod.evidence.recordAcceptance(db, {
      orderId, termsVersionId: "t", text: "Terms", locale: "de", jurisdiction: "DE", acceptedAt: new Date("2025-05-05T10:00:00Z"),
      ip: "192.0.2.44", userAgent: "Hiro's Safari", totals: { currency: "EUR", chargedMinor: 1000, dueOnDeliveryMinor: 0 }, consents: { terms: true },
    });
    const before = await db.contractAcceptance.findUniqueOrThrow({ where: { id: acceptance.id } });
    expect(before.ipSealed!.startsWith("pii1.")).toBe(true);

    const report = await mod.migrate.migratePersonalData(db);
    expect(report).toMatchObject({ users: 1, sessions: 1, orders: 1, acceptances: 1, addresses: 1 });
    expect(report.retention).toBeGreaterThanOrEqual(1);

    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email: "hiro@example.jp", name: "Hiro Tanaka" });
    const subjectId = user.subjectId!;
    for (const [table, column, value] of [["user", "id", userId], ["session", "userId", userId], ["Order", "id", orderId], ["ContractAcceptance", "orderId", orderId], ["BuyerAddress", "id", addressId]] as const) {
      const text = await rowText(table, column, value);
      for (const plain of ["hiro@example.jp", "Hiro Tanaka", "192.0.2.44", "Safari"]) expect(text, `${table} holds ${plain}`).not.toContain(plain);
      if (table !== "user" && table !== "session") expect(text).toContain(`pii2.${subjectId}.`);
    }
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ subjectId, retainUntil: new Date("2036-01-01T00:00:00Z") });
    const keys = mod.subjects.subjectKeys();
    expect(await keys.open(db, order.emailSealed, orderField(orderId, "email"))).toBe("hiro@example.jp");
    // The evidence moved and was signed again: it still verifies, and the move is in the audit log.
    expect(await mod.evidence.verifyAcceptance(db, orderId)).toMatchObject({ ok: true, record: { redacted: false } });
    const after = await db.contractAcceptance.findUniqueOrThrow({ where: { id: acceptance.id } });
    expect(await keys.open(db, after.ipSealed!, mod.evidence.acceptanceField(acceptance.id, "ip"))).toBe("192.0.2.44");
    expect({ ...after, ipSealed: 0, userAgentSealed: 0, signature: 0, signingKeyId: 0 }).toEqual({ ...before, ipSealed: 0, userAgentSealed: 0, signature: 0, signingKeyId: 0 });
    expect(await db.auditEntry.count({ where: { action: "contract.reseal", subjectId: orderId } })).toBe(1);

    // A second run finds nothing left to move.
    expect(await mod.migrate.migratePersonalData(db)).toEqual({ users: 0, sessions: 0, orders: 0, acceptances: 0, addresses: 0, retention: 0 });
  });

  it("still refuses any other change to contract evidence", async () => {
    const orderId = await legacyOrder("ines@example.pt", null);
    const { id: acceptanceId } = await mod.evidence.recordAcceptance(db, {
      orderId, termsVersionId: "t", text: "Terms", locale: "pt-BR", jurisdiction: "PT", acceptedAt: new Date(), ip: null, userAgent: null,
      totals: { currency: "EUR", chargedMinor: 1000, dueOnDeliveryMinor: 0 }, consents: { terms: true },
    });
    await expect(db.$executeRaw`UPDATE "ContractAcceptance" SET text = 'Other terms' WHERE id = ${acceptanceId}`).rejects.toThrow(/append-only/);
    // Even with the flag on, only the sealed fields and the signature may change.
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('caravan.reseal', 'on', true)`;
        await tx.$executeRaw`UPDATE "ContractAcceptance" SET text = 'Other terms' WHERE id = ${acceptanceId}`;
      }),
    ).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "ContractAcceptance" WHERE id = ${acceptanceId}`).rejects.toThrow(/append-only/);
    expect((await db.contractAcceptance.findUniqueOrThrow({ where: { id: acceptanceId } })).text).toBe("Terms");
  });
});

describe("npm run keys:rotate", () => {
  it("re-wraps every key under the new master key, after which the old one can be removed", async () => {
    const { orderField } = mod.access;
    const { createPiiBox } = mod.pii;
    const oldKey = { id: "old2026", key: key() };
    const newKey = { id: "new2027", key: key() };
    // The suite's own master key (from the environment) wraps what the earlier tests made.
    const envKey = mod.pii.keyringFromEnv((await import("@/lib/env")).parseEnv()).current;
    const oldBox = createPiiBox({ current: oldKey, retired: [envKey] });
    const oldKeys = mod.subjects.createSubjectKeys(() => oldBox);
    // A person's order, a licence key and the index key, all under the old master key.
    const subject = await oldKeys.subjectForEmail(db, "rotation@example.fr");
    const orderId = id("ord");
    const emailSealed = await oldKeys.sealFor(db, subject, "rotation@example.fr", orderField(orderId, "email"));
    const index = await oldKeys.emailIndex(db, "rotation@example.fr");

    const bothBox = createPiiBox({ current: newKey, retired: [oldKey, envKey] });
    const bothKeys = mod.subjects.createSubjectKeys(() => bothBox);
    const report = await mod.migrate.rotateMasterKey(db, bothKeys, bothBox);
    expect(report.subjects).toBeGreaterThanOrEqual(1);
    expect(report.materials).toBe(1);
    expect(await db.dataSubject.count({ where: { wrappedKey: { not: null }, NOT: { masterKeyId: "new2027" } } })).toBe(0);

    // The old key removed: everything still opens, and the blind index is unchanged.
    const newOnly = mod.subjects.createSubjectKeys(() => createPiiBox({ current: newKey, retired: [] }));
    expect(await newOnly.open(db, emailSealed, orderField(orderId, "email"))).toBe("rotation@example.fr");
    expect(await newOnly.emailIndex(db, "rotation@example.fr")).toBe(index);
    expect(await newOnly.findSubject(db, "rotation@example.fr")).toBe(subject);
    // The old key alone opens nothing any more.
    await expect(mod.subjects.createSubjectKeys(() => createPiiBox({ current: oldKey, retired: [envKey] })).open(db, emailSealed, orderField(orderId, "email"))).rejects.toThrow();
    // A second rotation has nothing to do.
    expect(await mod.migrate.rotateMasterKey(db, bothKeys, bothBox)).toEqual({ subjects: 0, materials: 0, resealed: 0 });
  });
});
