import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "@/lib/domain/clock";
import type { Viewer } from "@/lib/domain/accounts";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { SELLERS } from "@/prisma/seed-data";
import { createDatabase } from "./database";
import { payOnSandbox, placeTestOrder, sessionIdOf, stockedProduct, type SeedProduct } from "./checkout-support";

/**
 * A person's rights on a database of their own, with orders placed and paid through the
 * real checkout and the suite's Stripe sandbox: no personal value in plaintext in any
 * column of any table; the export holds every one of the person's values and no one
 * else's; a guest proves the address by an emailed link; erasure waits for open orders,
 * then leaves nothing readable while payments reconcile and the contract still verifies
 * (as redacted); the retention job deletes what is past its retention.
 */
const url = await createDatabase(inject("databaseUrl"), `privacy_rights_${process.pid}`);
process.env.DATABASE_URL = url;
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));
process.env.CARAVAN_OUTBOX_DIR = outbox;

const { syncPayment } = await import("@/lib/server/checkout/fulfil");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const { getPrisma } = await import("@/lib/db/client");
const { saveAddress } = await import("@/lib/server/account/addresses");
const { confirmWithdrawal, receiveReturn } = await import("@/lib/server/contracts/withdrawals");
const { orderAccessKey } = await import("@/lib/server/checkout/access");
const { verifyAcceptance } = await import("@/lib/server/contracts/evidence");
const { reconcilePayments } = await import("@/lib/server/checkout/reconcile");
const { subjectKeys } = await import("@/lib/server/crypto/subjects");
const rights = await import("@/lib/server/privacy/rights");
const { applyRetention } = await import("@/lib/server/privacy/retention");
const { withdrawalOptions } = await import("@/lib/server/contracts/withdrawals");

const db = getPrisma();
const clock = () => fixedClock(new Date());
const DE = findMarket("DE") as MarketDefinition;
const JP = findMarket("JP") as MarketDefinition;
const german = stockedProduct("DE");
const japanese = stockedProduct("JP");
const labels = { goods: (t: string) => t, shipping: (s: string) => `Shipping ${s}`, duty: (s: string) => `Duty ${s}`, tax: (s: string) => `Tax ${s}` };

const AYSE = {
  email: "ayse.demir@example.tr",
  name: "Ayşe Demirtaş",
  de: { line1: "Lindenallee 41b", postalCode: "50937", city: "Kölnfeld", phone: "+49 1512 7654321" },
  jp: { line1: "Nishikikoji-dori 88", postalCode: "6048111", city: "Kyotomachi", region: "26", phone: "090-8765-4321" },
  saved: "Istiklal Sokagi 77",
  ips: ["198.51.100.77"],
  /** A session's address: never stored at all. */
  sessionIp: "198.51.100.78",
  agents: ["AyseBrowser/1.0 (order)", "AyseBrowser/1.0 (session)"],
};
const BRUNO = { email: "bruno.tavares@example.br", name: "Bruno Tavaresco", line1: "Rua Augusta 1509", postalCode: "10119", city: "Berlinmitte", phone: "+49 1512 1112223", ip: "203.0.113.201", agent: "BrunoBrowser/2.0" };

/** Every plaintext value of a person the store must never store readable. */
// (A Japanese address has no city line: the form does not ask for one.)
const ayseValues = [AYSE.email, AYSE.name, AYSE.de.line1, AYSE.jp.line1, AYSE.de.city, AYSE.saved, "+4915127654321", "+819087654321", ...AYSE.ips, ...AYSE.agents];
const brunoValues = [BRUNO.email, BRUNO.name, BRUNO.line1, BRUNO.city, "+4915121112223", BRUNO.ip, BRUNO.agent];

let ayse: Viewer;
const ayseOrders: string[] = [];
let brunoOrder: string;

/** Every row of every table, as text. */
async function everyRow(): Promise<{ table: string; text: string }[]> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const rows: { table: string; text: string }[] = [];
  for (const { table_name } of tables) {
    const found = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    for (const { row } of found) rows.push({ table: table_name, text: row });
  }
  return rows;
}

async function plaintextFound(values: string[]): Promise<string[]> {
  const rows = await everyRow();
  const hits: string[] = [];
  for (const value of values) for (const row of rows) if (row.text.toLowerCase().includes(value.toLowerCase())) hits.push(`${value} in ${row.table}`);
  return hits;
}

async function paidOrder(items: [SeedProduct, number][], market: MarketDefinition, address: Record<string, string>, client: { ip: string; userAgent: string }, userId?: string): Promise<string> {
  const placed = await placeTestOrder(db, items, { market, address, labels, clock, client, userId });
  expect(await payOnSandbox(placed.url)).toBe(303);
  expect(await syncPayment(sessionIdOf(placed.url), clock(), db)).toMatchObject({ ok: true, status: "PAID" });
  return placed.orderId;
}

beforeAll(async () => {
  await migrate(url);
  await seed(db);
  expect((await ensureSellerAccounts(db, "http://127.0.0.1:3000")).failed).toBe(0);
  // Ayşe: an account with a saved address and a session, an order in EUR placed signed in
  // with a withdrawal refunded, and one in JPY placed as a guest with the same address.
  const userId = "usr_ayse_privacy";
  await db.user.create({ data: { id: userId, email: AYSE.email, name: AYSE.name, emailVerified: true } });
  ayse = { userId, email: AYSE.email, role: "BUYER", seller: null };
  await db.session.create({ data: { id: "ses_ayse", token: "tok_ayse_privacy", userId, expiresAt: new Date(Date.now() + 86_400_000), ipAddress: AYSE.sessionIp, userAgent: AYSE.agents[1] } });
  expect(await saveAddress(ayse, { country: "DE", fields: { name: AYSE.name, line1: AYSE.saved, city: "Berlin", postalCode: "10115", phone: "+49 30 1234567" } }, db)).toMatchObject({ ok: true });
  const eur = await paidOrder([[german, 2]], DE, { email: AYSE.email, name: AYSE.name, ...AYSE.de }, { ip: AYSE.ips[0]!, userAgent: AYSE.agents[0]! }, userId);
  const key = orderAccessKey(eur);
  const options = (await withdrawalOptions(eur, key, clock(), db))!;
  const withdrawn = await confirmWithdrawal(eur, key, { token: "tok_ayseprivacy0001", items: [{ lineId: options.parcels[0]!.items[0]!.lineId, quantity: 1 }] }, clock(), db);
  if (!withdrawn.ok) throw new Error("withdrawal refused");
  expect(await receiveReturn(withdrawn.withdrawalIds[0]!, clock(), db)).toMatchObject({ ok: true });
  const jpy = await paidOrder([[japanese, 1]], JP, { email: AYSE.email, name: AYSE.name, ...AYSE.jp }, { ip: AYSE.ips[0]!, userAgent: AYSE.agents[0]! });
  ayseOrders.push(eur, jpy);
  // Bruno: a guest whose parcel is still on its way.
  brunoOrder = await paidOrder([[german, 1]], DE, { email: BRUNO.email, name: BRUNO.name, line1: BRUNO.line1, postalCode: BRUNO.postalCode, city: BRUNO.city, phone: BRUNO.phone }, { ip: BRUNO.ip, userAgent: BRUNO.agent });
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
});

const deliverAyse = () => db.subOrder.updateMany({ where: { orderId: { in: ayseOrders } }, data: { deliveredAt: new Date() } });

describe("personal data at rest", () => {
  it("no buyer's name, email, address, phone, IP address or browser is in plaintext in any column of any table", async () => {
    expect(await plaintextFound([...ayseValues, AYSE.sessionIp, ...brunoValues])).toEqual([]);
    // ...while every one of them is there, sealed: the scan would have found them otherwise.
    const export_ = await rights.exportForViewer(ayse, db);
    if (!export_.ok) throw new Error(export_.code);
    expect(JSON.stringify(export_.data)).toContain(AYSE.de.line1);
  });
});

describe("export", () => {
  it("holds every personal value of the person, from both orders in two currencies, the withdrawal and the contract, and nothing of anyone else's", async () => {
    const result = await rights.exportForViewer(ayse, db);
    if (!result.ok) throw new Error(result.code);
    const text = JSON.stringify(result.data);
    for (const value of ayseValues) expect(text, value).toContain(value);
    for (const value of brunoValues) expect(text, value).not.toContain(value);
    expect(result.data.orders.map((o) => o.currency).sort()).toEqual(["EUR", "JPY"]);
    const eur = result.data.orders.find((o) => o.currency === "EUR")!;
    expect(eur.withdrawals).toEqual([expect.objectContaining({ status: "REFUNDED" })]);
    expect(eur.contract).toMatchObject({ ipAddress: AYSE.ips[0], userAgent: AYSE.agents[0], jurisdiction: expect.any(String) });
    expect(eur.parcels[0]).toMatchObject({ sharedWithSeller: ["name", "address", "phone"], seller: { country: "DE" } });
    expect(result.data.account).toMatchObject({ email: AYSE.email, name: AYSE.name, sessions: [expect.objectContaining({ userAgent: AYSE.agents[1] })] });
    expect(result.data.account!.addresses[0]!.fields).toMatchObject({ line1: AYSE.saved });
    expect(result.data.account).toMatchObject({ twoFactorEnabled: false, knownDevices: [] });
    // Asked for, recorded: a request row and an audit entry, with no personal value in either.
    expect(await db.auditEntry.count({ where: { action: "privacy.export" } })).toBeGreaterThanOrEqual(1);
  });

  it("refuses a visitor who is not signed in", async () => {
    expect(await rights.exportForViewer(null, db)).toEqual({ ok: false, code: "SIGN_IN_REQUIRED" });
  });
});

describe("a guest's request by email", () => {
  /** The privacy-link mails sent to an address, in any case. */
  const mailsTo = (address: string) =>
    fs
      .readdirSync(outbox)
      .filter((f) => f.endsWith(".eml"))
      .sort()
      .map((f) => fs.readFileSync(path.join(outbox, f), "utf8"))
      .filter((m) => m.toLowerCase().includes(`to: ${address.toLowerCase()}`) && m.includes("/your-data/"));
  const linkIn = (mail: string) => /\/your-data\/([A-Za-z0-9_-]{43})/.exec(mail.replace(/=\r?\n/g, ""))?.[1];

  it("mails a link to an address the store holds data for; the link opens that person's export, and only for a day", async () => {
    const before = mailsTo(BRUNO.email).length;
    expect(await rights.requestByEmail({ email: ` ${BRUNO.email.toUpperCase()} `, kind: "export", locale: "pt-BR" }, db)).toEqual({ ok: true });
    const mails = mailsTo(BRUNO.email);
    expect(mails.length).toBeGreaterThan(before);
    const token = linkIn(mails.at(-1)!);
    expect(token).toBeDefined();
    const opened = await rights.exportForToken(token, db);
    if (!opened.ok) throw new Error(opened.code);
    const text = JSON.stringify(opened.data);
    for (const value of [BRUNO.email, BRUNO.name, BRUNO.line1, BRUNO.ip]) expect(text).toContain(value);
    for (const value of ayseValues) expect(text).not.toContain(value);
    // An export link does not erase, and expires.
    expect(await rights.eraseForToken(token, { confirm: "yes" }, db)).toEqual({ ok: false, code: "LINK_EXPIRED" });
    await db.privacyRequest.updateMany({ where: { kind: "export", userId: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await rights.exportForToken(token, db)).toEqual({ ok: false, code: "LINK_EXPIRED" });
  });

  it("answers the same for an address it holds nothing for, and sends nothing", async () => {
    const requests = await db.privacyRequest.count();
    expect(await rights.requestByEmail({ email: "nobody-here@example.org", kind: "erase", locale: "en" }, db)).toEqual({ ok: true });
    expect(await db.privacyRequest.count()).toBe(requests);
    expect(mailsTo("nobody-here@example.org")).toEqual([]);
  });

  it("refuses a malformed address or request, and a made-up link", async () => {
    expect(await rights.requestByEmail({ email: "not an address", kind: "export", locale: "en" }, db)).toEqual({ ok: false, code: "INVALID_EMAIL" });
    expect(await rights.requestByEmail({ email: BRUNO.email, kind: "delete-everything", locale: "en" }, db)).toEqual({ ok: false, code: "INVALID_REQUEST" });
    expect(await rights.openRequest("x".repeat(43), db)).toEqual({ ok: false, code: "LINK_EXPIRED" });
    expect(await rights.openRequest("../../etc/passwd", db)).toEqual({ ok: false, code: "LINK_EXPIRED" });
  });
});

describe("erasure", () => {
  it("waits while a parcel is on its way, and asks for confirmation; nothing changes", async () => {
    expect(await rights.eraseForViewer(ayse, { confirm: "yes" }, db)).toEqual({ ok: false, code: "ORDERS_IN_PROGRESS" });
    await deliverAyse();
    expect(await rights.eraseForViewer(ayse, { confirm: undefined }, db)).toEqual({ ok: false, code: "CONFIRMATION_REQUIRED" });
    expect(await rights.eraseForViewer(null, { confirm: "yes" }, db)).toEqual({ ok: false, code: "SIGN_IN_REQUIRED" });
    expect(await db.user.count({ where: { id: ayse.userId } })).toBe(1);
    // A guest's erasure link for Bruno, whose parcel is undelivered, waits too.
    await rights.requestByEmail({ email: BRUNO.email, kind: "erase", locale: "en" }, db);
    const request = await db.privacyRequest.findFirstOrThrow({ where: { kind: "erase", completedAt: null }, orderBy: { createdAt: "desc" } });
    expect(request.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a shop's member: the account holds the keys to a shop", async () => {
    const seller = SELLERS[0]!;
    const owner = await db.sellerMember.findFirst({ where: { sellerId: seller.id } });
    const userId = owner?.userId ?? "usr_privacy_owner";
    if (!owner) {
      await db.user.create({ data: { id: userId, email: "owner-privacy@example.de", name: "Owner" } });
      await db.sellerMember.create({ data: { id: "sm_privacy_owner", userId, sellerId: seller.id, role: "OWNER" } });
    }
    const viewer: Viewer = { userId, email: "owner-privacy@example.de", role: "BUYER", seller: { id: seller.id, role: "OWNER" } };
    expect(await rights.eraseForViewer(viewer, { confirm: "yes" }, db)).toEqual({ ok: false, code: "STAFF_ACCOUNT" });
    expect(await db.user.count({ where: { id: userId } })).toBe(1);
  });

  it("erases the person: nothing of theirs is readable anywhere, what law keeps is listed, payments reconcile and the contract verifies as redacted", async () => {
    const subjectId = (await db.user.findUniqueOrThrow({ where: { id: ayse.userId }, select: { subjectId: true } })).subjectId!;
    const totals = await db.order.findMany({ where: { id: { in: ayseOrders } }, select: { id: true, totalMinor: true, subOrders: { select: { sellerShareMinor: true, transferStatus: true } } }, orderBy: { id: "asc" } });

    const result = await rights.eraseForViewer(ayse, { confirm: "yes" }, db);
    if (!result.ok) throw new Error(result.code);
    expect(result.deleted).toMatchObject({ account: true, addresses: 1, sessions: 1 });
    const keptOrders = result.kept.filter((k) => k.type === "order").map((k) => k.id).sort();
    expect(keptOrders).toEqual([...ayseOrders].sort());
    expect(result.kept).toEqual(expect.arrayContaining([expect.objectContaining({ type: "contract", basis: "contract-evidence" }), expect.objectContaining({ type: "withdrawal" })]));
    for (const k of result.kept) expect(k.until).toMatch(/^20\d\d-01-01T00:00:00.000Z$/);

    // Nothing in plaintext, and every sealed value of theirs is under a destroyed key.
    expect(await plaintextFound([...ayseValues, AYSE.sessionIp])).toEqual([]);
    expect(await db.dataSubject.findUniqueOrThrow({ where: { id: subjectId } })).toMatchObject({ wrappedKey: null, emailIndex: null });
    const sealedForThem = (await everyRow()).flatMap((row) => row.text.match(new RegExp(`pii2\\.${subjectId}\\.[A-Za-z0-9_.-]+`, "g")) ?? []);
    expect(sealedForThem.length).toBeGreaterThanOrEqual(6);
    const fresh = (await import("@/lib/server/crypto/subjects")).createSubjectKeys((await import("@/lib/server/crypto/pii")).masterBox);
    for (const sealed of sealedForThem) await expect(fresh.open(db, sealed, "any")).rejects.toThrow(/destroyed/);
    // No account, no saved address, no session is left, and the orders are no one's.
    expect(await db.user.count({ where: { id: ayse.userId } })).toBe(0);
    expect(await db.buyerAddress.count({ where: { userId: ayse.userId } })).toBe(0);
    expect(await db.order.count({ where: { userId: ayse.userId } })).toBe(0);
    // The same address signs up afresh as a new person.
    expect(await subjectKeys().findSubject(db, AYSE.email)).toBeNull();

    // Totals, payouts and payments still reconcile.
    expect(await db.order.findMany({ where: { id: { in: ayseOrders } }, select: { id: true, totalMinor: true, subOrders: { select: { sellerShareMinor: true, transferStatus: true } } }, orderBy: { id: "asc" } })).toEqual(totals);
    const report = await reconcilePayments(clock(), db);
    expect(report.anomalies).toEqual([]);
    expect(report.providerErrors).toBe(0);
    // The contract evidence is intact, its personal fields redacted, not tampered.
    for (const orderId of ayseOrders) expect(await verifyAcceptance(db, orderId)).toMatchObject({ ok: true, record: { redacted: true } });
    // Someone else's data is untouched.
    const bruno = await db.order.findUniqueOrThrow({ where: { id: brunoOrder } });
    expect(await subjectKeys().open(db, bruno.emailSealed, `order:${brunoOrder}:email`)).toBe(BRUNO.email);
    expect(await db.auditEntry.count({ where: { action: "privacy.erase", subjectId } })).toBe(1);
  });
});

describe("the retention job", () => {
  it("deletes orders (with their evidence) whose retention ended, spent sessions and old checkouts, and the bare rows of erased people", async () => {
    const [first, second] = ayseOrders;
    await db.order.update({ where: { id: first! }, data: { retainUntil: new Date(Date.now() - 1000) } });
    await db.session.create({ data: { id: "ses_expired", token: "tok_expired_privacy", userId: (await db.user.findFirstOrThrow({ select: { id: true } })).id, expiresAt: new Date(Date.now() - 1000) } });
    const report = await applyRetention(db);
    expect(report.orders).toBe(1);
    expect(report.sessions).toBeGreaterThanOrEqual(1);
    expect(await db.order.count({ where: { id: first! } })).toBe(0);
    expect(await db.contractAcceptance.count({ where: { orderId: first! } })).toBe(0);
    // Still within retention: kept, and still verifies.
    expect(await db.order.count({ where: { id: { in: [second!, brunoOrder] } } })).toBe(2);
    expect(await verifyAcceptance(db, second!)).toMatchObject({ ok: true });
    // A second run finds nothing more.
    expect(await applyRetention(db)).toMatchObject({ orders: 0, sessions: 0 });
    // Evidence of an order still within retention is still refused deletion.
    await expect(db.$executeRaw`DELETE FROM "ContractAcceptance" WHERE "orderId" = ${second!}`).rejects.toThrow(/append-only/);
  });
});
