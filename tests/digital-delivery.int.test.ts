import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Viewer } from "@/lib/domain/accounts";
import { fixedClock } from "@/lib/domain/clock";
import { linkToken } from "@/lib/domain/digital";
import { PRODUCTS } from "@/prisma/seed-data";
import { createDatabase } from "./database";

/**
 * Digital delivery on a database of its own, with the seeded catalogue (whose digital
 * products carry a demo file). Orders are written directly as checkout leaves them
 * (one digital line, paid; seller share 0 so no transfer is asked of the sandbox), then
 * settled through lib/server/checkout/fulfil.ts `settle` as a payment does.
 */
const url = await createDatabase(inject("databaseUrl"), `digital_delivery_${process.pid}`);
process.env.DATABASE_URL = url;
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));
process.env.CARAVAN_OUTBOX_DIR = outbox;
process.env.CARAVAN_STORAGE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-storage-"));

const { migrate } = await import("@/lib/db/migrate");
const { getPrisma } = await import("@/lib/db/client");
const { seed } = await import("@/prisma/seed");
const { settle } = await import("@/lib/server/checkout/fulfil");
const { hashAccessKey, orderAccessKey, orderField } = await import("@/lib/server/checkout/access");
const { sealText } = await import("@/lib/server/crypto/pii");
const delivery = await import("@/lib/server/digital/delivery");
const { handleDownload } = await import("@/lib/server/digital/http");
const { addLicenceKeys, uploadDigitalFile } = await import("@/lib/server/seller/media");
const { registerJobHandler, runNextJob } = await import("@/lib/server/jobs");

const db = getPrisma();
const DAY = 86_400_000;
const EBOOK = PRODUCTS.find((p) => p.kind === "DIGITAL" && p.taxCategory === "EBOOK")!;
const KEYED = PRODUCTS.find((p) => p.kind === "DIGITAL" && p.id !== EBOOK.id && p.sellerId !== EBOOK.sellerId)!;
const sellerViewer = (sellerId: string): Viewer => ({ userId: `usr_m_${sellerId}`, email: `member-${sellerId}@example.test`, role: "BUYER", seller: { id: sellerId, role: "OWNER" } });

beforeAll(async () => {
  await migrate(url);
  await seed(db);
  registerJobHandler(delivery.DIGITAL_DELIVER_JOB, delivery.deliverDigitalJob);
  // The keyed product's seller has a member, who is told about held lines.
  const member = sellerViewer(KEYED.sellerId);
  await db.user.create({ data: { id: member.userId, email: member.email, name: "Keys Member" } });
  await db.sellerMember.create({ data: { id: `sm_${KEYED.sellerId}`, userId: member.userId, sellerId: KEYED.sellerId, role: "OWNER" } });
});
afterAll(async () => {
  await db.$disconnect();
});

const rid = (n = 16) => crypto.randomBytes(n).toString("base64url").slice(0, n);

/** A paid order of one digital line, as checkout and the payment leave it. */
async function paidOrder(product: (typeof PRODUCTS)[number], options: { quantity?: number; consent?: boolean; destination?: string; paidAt?: Date; userId?: string } = {}) {
  const id = `ord_${rid()}`;
  const lineId = `oln_${rid()}`;
  const variant = product.variants[0]!;
  const paidAt = options.paidAt ?? new Date();
  const quantity = options.quantity ?? 1;
  await db.order.create({
    data: {
      id, number: `CV-T${rid(8).toUpperCase()}`, cartId: "c".repeat(24), status: "PAID", locale: "en", destination: options.destination ?? "DE", currency: "EUR",
      emailSealed: sealText("buyer@example.test", orderField(id, "email")), quote: {}, fingerprint: "f", pricingDate: "2026-12-01", lockedUntil: paidAt,
      goodsMinor: 1000, shippingMinor: 0, dutyMinor: 0, taxMinor: 0, totalMinor: 1000, dueOnDeliveryMinor: 0, testMode: true,
      accessKeyHash: hashAccessKey(orderAccessKey(id)), digitalConsent: options.consent ?? true, paidAt, userId: options.userId ?? null,
      confirmationSentAt: paidAt,
      subOrders: {
        create: {
          id: `sub_${rid()}`, sellerId: product.sellerId, position: 0, incoterm: "DDP", regime: "DIGITAL", goodsMinor: 1000, shippingMinor: 0, dutyMinor: 0, taxMinor: 0,
          dueAtCheckoutMinor: 1000, dueOnDeliveryMinor: 0, commissionBps: 1000, commissionMinor: 0, sellerShareMinor: 0, paymentAccountId: "acct_test", transferStatus: "NONE",
        },
      },
    },
    include: { subOrders: true },
  });
  const sub = await db.subOrder.findFirstOrThrow({ where: { orderId: id } });
  await db.orderLine.create({
    data: {
      id: lineId, orderId: id, subOrderId: sub.id, variantId: `var_${variant.sku.toLowerCase()}`, productId: product.id, sku: variant.sku, title: product.translations.en?.title ?? product.slug,
      variantName: "", kind: "DIGITAL", quantity, unitPriceMinor: 1000, unitCurrency: "EUR", goodsMinor: 1000, dutyMinor: 0, taxMinor: 0, totalMinor: 1000,
    },
  });
  return { id, lineId, key: orderAccessKey(id) };
}

const stateOf = (lineId: string) => db.digitalDelivery.findUnique({ where: { orderLineId: lineId } });
const tokenOf = async (orderId: string, lineId: string) => {
  const items = await delivery.digitalItemsOf(orderId, "en", new Date());
  const item = items.find((i) => i.lineId === lineId)!;
  return /\/api\/downloads\/([^?]+)/.exec(item.link!.path)![1]!;
};

describe("delivery at settlement", () => {
  it("delivers at once with the buyer's consent: a DELIVERED row, a link, the file through it; settling again changes nothing", async () => {
    const order = await paidOrder(EBOOK, { consent: true });
    await settle(order.id, fixedClock(new Date()), db);
    const row = await stateOf(order.lineId);
    expect(row).toMatchObject({ status: "DELIVERED", heldReason: null });
    expect(await db.downloadLink.count({ where: { deliveryId: row!.id } })).toBe(1);
    await settle(order.id, fixedClock(new Date()), db);
    await delivery.startDigitalDelivery(order.id, fixedClock(new Date()), db);
    expect(await db.downloadLink.count({ where: { deliveryId: row!.id } })).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "digital.deliver", subjectId: order.lineId } })).toBe(1);
    const [item] = await delivery.digitalItemsOf(order.id, "en", new Date());
    expect(item).toMatchObject({ state: "DELIVERED", hasFile: true, licenceKeys: [], link: { remaining: 5, state: "USABLE" } });
    const file = await db.digitalFile.findUniqueOrThrow({ where: { productId: EBOOK.id } });
    const download = await delivery.openDownload(await tokenOf(order.id, order.lineId), null, new Date());
    expect(download).toMatchObject({ ok: true, status: 200, size: file.byteSize, contentType: "text/plain" });
    expect(crypto.createHash("sha256").update((download as { bytes: Uint8Array }).bytes).digest("hex")).toBe(file.sha256);
  });

  it("without the consent waits for the withdrawal period: pending until then, then delivered by the job", async () => {
    const paidAt = new Date();
    const order = await paidOrder(EBOOK, { consent: false, paidAt });
    await settle(order.id, fixedClock(paidAt), db);
    expect(await stateOf(order.lineId)).toMatchObject({ status: "PENDING" });
    const job = await db.job.findFirstOrThrow({ where: { kind: delivery.DIGITAL_DELIVER_JOB, payload: { equals: { orderId: order.id } } } });
    expect(job.runAfter).toEqual(new Date(paidAt.getTime() + 14 * DAY));
    // Settling again schedules nothing more.
    await settle(order.id, fixedClock(paidAt), db);
    expect(await db.job.count({ where: { kind: delivery.DIGITAL_DELIVER_JOB, payload: { equals: { orderId: order.id } } } })).toBe(1);
    const [pending] = await delivery.digitalItemsOf(order.id, "en", paidAt);
    expect(pending).toMatchObject({ state: "PENDING", availableFrom: job.runAfter, link: null });
    expect(await delivery.issueNewLink({ orderId: order.id, lineId: order.lineId, key: order.key, viewer: null }, paidAt, db)).toEqual({ ok: false, code: "NOT_DELIVERED" });

    // Before the period ends the job is not due.
    expect(await runNextJob(db, () => new Date(paidAt.getTime() + 13 * DAY))).toBe(false);
    expect(await stateOf(order.lineId)).toMatchObject({ status: "PENDING" });
    expect(await runNextJob(db, () => new Date(paidAt.getTime() + 14 * DAY + 1000))).toBe(true);
    expect(await stateOf(order.lineId)).toMatchObject({ status: "DELIVERED" });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "DONE" });
  });

  it("outside the EU and UK (no withdrawal right) delivers at once even without the consent", async () => {
    const order = await paidOrder(EBOOK, { consent: false, destination: "US" });
    await settle(order.id, fixedClock(new Date()), db);
    expect(await stateOf(order.lineId)).toMatchObject({ status: "DELIVERED" });
  });

  it("an unpaid or refunded order delivers nothing", async () => {
    const order = await paidOrder(EBOOK, { consent: true });
    await db.order.update({ where: { id: order.id }, data: { status: "REFUNDED" } });
    expect(await delivery.startDigitalDelivery(order.id, fixedClock(new Date()), db)).toEqual({ delivered: 0, held: 0, pending: 0 });
    expect(await stateOf(order.lineId)).toBeNull();
  });
});

describe("licence keys", () => {
  const seller = sellerViewer(KEYED.sellerId);
  const keyText = (from: number, n: number) => Array.from({ length: n }, (_, i) => `KEY-${KEYED.id}-${String(from + i).padStart(4, "0")}`).join("\n");

  it("20 concurrent orders for 10 keys: 10 delivered with one key each, 10 held and their seller told; no key given twice; new keys deliver the held ones", async () => {
    expect(await addLicenceKeys(seller, KEYED.id, keyText(0, 10), { db })).toMatchObject({ ok: true, added: 10 });
    const orders = [];
    for (let i = 0; i < 20; i++) orders.push(await paidOrder(KEYED, { consent: true }));
    // The twenty settlements race for the pool.
    await Promise.all(orders.map((o) => settle(o.id, fixedClock(new Date()), db)));
    const rows = await db.digitalDelivery.findMany({ where: { orderLineId: { in: orders.map((o) => o.lineId) } } });
    expect(rows.filter((r) => r.status === "DELIVERED")).toHaveLength(10);
    const held = rows.filter((r) => r.status === "HELD");
    expect(held).toHaveLength(10);
    expect(held.every((r) => r.heldReason === "NO_LICENCE_KEY")).toBe(true);
    const keys = await db.licenceKey.findMany({ where: { productId: KEYED.id } });
    expect(keys.every((k) => k.orderLineId !== null)).toBe(true);
    expect(new Set(keys.map((k) => k.orderLineId)).size).toBe(10);
    for (const r of rows.filter((r) => r.status === "DELIVERED")) expect(keys.filter((k) => k.orderLineId === r.orderLineId)).toHaveLength(1);

    // The buyer of a held line reads why; the one of a delivered line reads the key.
    const heldOrder = orders.find((o) => o.lineId === held[0]!.orderLineId)!;
    expect((await delivery.digitalItemsOf(heldOrder.id, "en", new Date()))[0]).toMatchObject({ state: "HELD", heldReason: "NO_LICENCE_KEY", licenceKeys: [], link: null });
    const deliveredOrder = orders.find((o) => o.lineId === rows.find((r) => r.status === "DELIVERED")!.orderLineId)!;
    const [shown] = await delivery.digitalItemsOf(deliveredOrder.id, "en", new Date());
    expect(shown!.licenceKeys).toHaveLength(1);
    expect(shown!.licenceKeys[0]).toMatch(new RegExp(`^KEY-${KEYED.id}-00\\d\\d$`));

    // The seller's member got one email per held line.
    const mails = fs.readdirSync(outbox).map((f) => fs.readFileSync(path.join(outbox, f), "utf8")).filter((m) => m.includes(seller.email));
    expect(mails.length).toBe(10);

    // Keys added later deliver the held lines, oldest first, each with its own key.
    expect(await addLicenceKeys(seller, KEYED.id, keyText(100, 10), { db })).toMatchObject({ ok: true, added: 10 });
    const after = await db.digitalDelivery.findMany({ where: { orderLineId: { in: orders.map((o) => o.lineId) } } });
    expect(after.every((r) => r.status === "DELIVERED")).toBe(true);
    const all = await db.licenceKey.findMany({ where: { productId: KEYED.id } });
    expect(new Set(all.map((k) => k.orderLineId)).size).toBe(20);
    expect(all.every((k) => k.orderLineId !== null)).toBe(true);
  });

  it("a line of several units waits for a key per unit, taking none meanwhile", async () => {
    const order = await paidOrder(KEYED, { consent: true, quantity: 3 });
    await settle(order.id, fixedClock(new Date()), db);
    expect(await stateOf(order.lineId)).toMatchObject({ status: "HELD" });
    expect(await addLicenceKeys(seller, KEYED.id, keyText(200, 2), { db })).toMatchObject({ ok: true, added: 2 });
    expect(await stateOf(order.lineId)).toMatchObject({ status: "HELD" });
    expect(await db.licenceKey.count({ where: { productId: KEYED.id, orderLineId: null } })).toBe(2);
    expect(await addLicenceKeys(seller, KEYED.id, keyText(300, 1), { db })).toMatchObject({ ok: true, added: 1 });
    expect(await stateOf(order.lineId)).toMatchObject({ status: "DELIVERED" });
    expect(await db.licenceKey.count({ where: { orderLineId: order.lineId } })).toBe(3);
  });
});

describe("held and withdrawn lines", () => {
  it("a line held for want of a key has not been supplied: the buyer may still withdraw from it; once delivered, no longer", async () => {
    const { withdrawalOptions } = await import("@/lib/server/contracts/withdrawals");
    const seller = sellerViewer(KEYED.sellerId);
    // The pool is empty here: the tests above gave out every key they added.
    expect(await db.licenceKey.count({ where: { productId: KEYED.id, orderLineId: null } })).toBe(0);
    const order = await paidOrder(KEYED, { consent: true });
    await settle(order.id, fixedClock(new Date()), db);
    expect(await stateOf(order.lineId)).toMatchObject({ status: "HELD" });
    const item = async () => (await withdrawalOptions(order.id, order.key, fixedClock(new Date()), db))!.parcels[0]!.items[0]!;
    expect(await item()).toMatchObject({ window: { open: true } });
    expect(await addLicenceKeys(seller, KEYED.id, `KEY-${KEYED.id}-WITHDRAW-1`, { db })).toMatchObject({ ok: true, added: 1 });
    expect(await stateOf(order.lineId)).toMatchObject({ status: "DELIVERED" });
    expect(await item()).toMatchObject({ window: { open: false, reason: "DIGITAL_SUPPLY_STARTED" } });
  });

  it("a product with neither keys nor a file holds its lines (NO_FILE); the file the seller uploads delivers them; another seller's upload delivers nothing", async () => {
    const product = PRODUCTS.find((p) => p.kind === "DIGITAL" && p.id !== EBOOK.id && p.id !== KEYED.id && p.sellerId !== KEYED.sellerId)!;
    await db.digitalFile.delete({ where: { productId: product.id } });
    const order = await paidOrder(product, { consent: true });
    await settle(order.id, fixedClock(new Date()), db);
    expect(await stateOf(order.lineId)).toMatchObject({ status: "HELD", heldReason: "NO_FILE" });
    expect(await delivery.issueNewLink({ orderId: order.id, lineId: order.lineId, key: order.key, viewer: null }, new Date(), db)).toEqual({ ok: false, code: "NOT_DELIVERED" });
    const file = { name: "Guide.pdf", declaredType: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4 guide") };
    expect(await uploadDigitalFile(sellerViewer(KEYED.sellerId), product.id, file, { db })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await stateOf(order.lineId)).toMatchObject({ status: "HELD" });
    expect((await uploadDigitalFile(sellerViewer(product.sellerId), product.id, file, { db })).ok).toBe(true);
    expect(await stateOf(order.lineId)).toMatchObject({ status: "DELIVERED", heldReason: null });
    const download = await delivery.openDownload(await tokenOf(order.id, order.lineId), null, new Date());
    expect(download).toMatchObject({ ok: true, status: 200, contentType: "application/pdf", disposition: `attachment; filename="Guide.pdf"; filename*=UTF-8''Guide.pdf` });
  });

  it("units withdrawn from within the period are not delivered when it ends", async () => {
    const paidAt = new Date();
    const order = await paidOrder(EBOOK, { consent: false, paidAt });
    await settle(order.id, fixedClock(paidAt), db);
    await db.orderLine.update({ where: { id: order.lineId }, data: { withdrawnQuantity: 1 } });
    expect(await delivery.deliverPendingLines(order.id, new Date(paidAt.getTime() + 15 * DAY), db)).toEqual({ delivered: 0, held: 0, pending: 0 });
    expect(await stateOf(order.lineId)).toMatchObject({ status: "PENDING" });
    expect(await db.downloadLink.count({ where: { delivery: { orderLineId: order.lineId } } })).toBe(0);
  });

  it("the job refuses a payload without an order", async () => {
    const outcome = await delivery.deliverDigitalJob({ id: "job_x", sellerId: null, requestedBy: null, payload: {}, db, progress: async () => {} });
    expect(outcome).toEqual({ ok: false, code: "INVALID_PAYLOAD" });
  });
});

describe("download links", () => {
  it("counts every download, refuses one past the limit (never more under concurrent requests) and records the ranges", async () => {
    const order = await paidOrder(EBOOK, { consent: true });
    await settle(order.id, fixedClock(new Date()), db);
    const token = await tokenOf(order.id, order.lineId);
    const now = new Date();
    expect(await delivery.openDownload(token, "bytes=0-4", now)).toMatchObject({ ok: true, status: 206, range: { start: 0, end: 4 } });
    expect(await delivery.openDownload(token, "bytes=999999-", now)).toMatchObject({ ok: false, code: "UNSATISFIABLE" });
    const results = await Promise.all(Array.from({ length: 8 }, () => delivery.openDownload(token, null, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "USED_UP")).toBe(true);
    const link = await db.downloadLink.findFirstOrThrow({ where: { delivery: { orderLineId: order.lineId } } });
    expect(link.used).toBe(5);
    const downloads = await db.download.findMany({ where: { linkId: link.id }, orderBy: { at: "asc" } });
    expect(downloads).toHaveLength(5);
    expect(downloads.filter((d) => d.rangeFrom === 0 && d.rangeTo === 4)).toHaveLength(1);
    expect(await delivery.openDownload(token, null, now)).toEqual({ ok: false, code: "USED_UP", renew: { orderId: order.id, lineId: order.lineId } });

    // A new link from the order page, for the key holder only.
    expect(await delivery.issueNewLink({ orderId: order.id, lineId: order.lineId, key: "x".repeat(32), viewer: null }, now, db)).toEqual({ ok: false, code: "NOT_FOUND" });
    const fresh = await delivery.issueNewLink({ orderId: order.id, lineId: order.lineId, key: order.key, viewer: null }, now, db);
    expect(fresh.ok).toBe(true);
    expect(await delivery.openDownload(await tokenOf(order.id, order.lineId), null, now)).toMatchObject({ ok: true, status: 200 });
  });

  it("refuses a link past its lifetime", async () => {
    const order = await paidOrder(EBOOK, { consent: true });
    await settle(order.id, fixedClock(new Date()), db);
    const token = await tokenOf(order.id, order.lineId);
    const later = new Date(Date.now() + 73 * 3_600_000);
    expect(await delivery.openDownload(token, null, later)).toEqual({ ok: false, code: "EXPIRED", renew: { orderId: order.id, lineId: order.lineId } });
    const link = await db.downloadLink.findFirstOrThrow({ where: { delivery: { orderLineId: order.lineId } } });
    expect(link.used).toBe(0);
  });

  it("refuses a forged token, and a link signed for another order line; the owner's account may ask for a new link, another buyer may not", async () => {
    const a = await paidOrder(EBOOK, { consent: true });
    const b = await paidOrder(EBOOK, { consent: true });
    await settle(a.id, fixedClock(new Date()), db);
    await settle(b.id, fixedClock(new Date()), db);
    const linkA = await db.downloadLink.findFirstOrThrow({ where: { delivery: { orderLineId: a.lineId } } });
    const secret = delivery.downloadSecret();
    // Link A's id with a signature for line B: refused.
    expect(await delivery.openDownload(linkToken(linkA.id, b.lineId, secret), null, new Date())).toEqual({ ok: false, code: "INVALID", renew: null });
    expect(await delivery.openDownload(linkToken(linkA.id, a.lineId, "w".repeat(43)), null, new Date())).toEqual({ ok: false, code: "INVALID", renew: null });
    expect(await delivery.openDownload("dl_nothing", null, new Date())).toEqual({ ok: false, code: "INVALID", renew: null });
    expect((await db.downloadLink.findUniqueOrThrow({ where: { id: linkA.id } })).used).toBe(0);
    // Order A's key does not open order B's line.
    expect(await delivery.issueNewLink({ orderId: a.id, lineId: b.lineId, key: a.key, viewer: null }, new Date(), db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await delivery.issueNewLink({ orderId: b.id, lineId: b.lineId, key: a.key, viewer: null }, new Date(), db)).toEqual({ ok: false, code: "NOT_FOUND" });

    const ownerId = "usr_owner_digital";
    await db.user.create({ data: { id: ownerId, email: "owner-digital@example.test", name: "Owner" } });
    const mine = await paidOrder(EBOOK, { consent: true, userId: ownerId });
    await settle(mine.id, fixedClock(new Date()), db);
    const owner: Viewer = { userId: ownerId, email: "owner-digital@example.test", role: "BUYER", seller: null };
    const stranger: Viewer = { userId: "usr_stranger", email: "s@example.test", role: "BUYER", seller: null };
    expect((await delivery.issueNewLink({ orderId: mine.id, lineId: mine.lineId, key: null, viewer: owner }, new Date(), db)).ok).toBe(true);
    expect(await delivery.issueNewLink({ orderId: mine.id, lineId: mine.lineId, key: null, viewer: stranger }, new Date(), db)).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("over HTTP: attachment with the original name, ranges as 206 or 416, and a refused link sent to the translated page", async () => {
    const order = await paidOrder(EBOOK, { consent: true });
    await settle(order.id, fixedClock(new Date()), db);
    const token = await tokenOf(order.id, order.lineId);
    const file = await db.digitalFile.findUniqueOrThrow({ where: { productId: EBOOK.id } });
    const get = (headers: Record<string, string> = {}, t = token) => handleDownload(new Request(`http://localhost:3000/api/downloads/${t}?locale=de`, { headers }), t, new Date());

    const full = await get();
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("text/plain");
    expect(full.headers.get("content-length")).toBe(String(file.byteSize));
    expect(full.headers.get("accept-ranges")).toBe("bytes");
    expect(full.headers.get("cache-control")).toBe("private, no-store");
    expect(full.headers.get("content-disposition")).toBe(`attachment; filename="${file.fileName}"; filename*=UTF-8''${file.fileName}`);
    expect(crypto.createHash("sha256").update(Buffer.from(await full.arrayBuffer())).digest("hex")).toBe(file.sha256);

    const part = await get({ range: "bytes=2-5" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 2-5/${file.byteSize}`);
    expect(part.headers.get("content-length")).toBe("4");
    expect((await part.arrayBuffer()).byteLength).toBe(4);

    const none = await get({ range: `bytes=${file.byteSize}-` });
    expect(none.status).toBe(416);
    expect(none.headers.get("content-range")).toBe(`bytes */${file.byteSize}`);

    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
    const spent = await get();
    expect(spent.status).toBe(303);
    const location = new URL(spent.headers.get("location")!, "http://localhost:3000");
    expect(location.pathname).toBe("/de/downloads/expired");
    expect(Object.fromEntries(location.searchParams)).toEqual({ reason: "USED_UP", order: order.id, line: order.lineId, key: order.key });

    const forged = await get({}, `${token.slice(0, -2)}xx`);
    expect(forged.status).toBe(303);
    expect(forged.headers.get("location")).toBe("/de/downloads/expired?reason=INVALID");
  });
});
