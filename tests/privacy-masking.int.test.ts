import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Viewer } from "@/lib/domain/accounts";
import { fixedClock } from "@/lib/domain/clock";
import { CSRF_COOKIE } from "@/lib/domain/http/same-origin";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { STORE_COOKIES } from "@/lib/domain/privacy/notice";
import { migrate } from "@/lib/db/migrate";
import { LOCALE_COOKIE, MARKET_COOKIE, SESSION_COOKIES } from "@/lib/preferences";
import { pdfText } from "@/lib/server/contracts/test-support";
import { seed } from "@/prisma/seed";
import { SELLERS } from "@/prisma/seed-data";
import { createDatabase } from "./database";
import { payOnSandbox, placeTestOrder, sessionIdOf, stockedProduct } from "./checkout-support";

/**
 * Minimisation and masking on a database of its own, with an order placed and paid
 * through the real checkout: the seller sees the buyer's shipping details from payment
 * until delivery plus the seller's returns period (checked on each side of that moment,
 * on the page's data and the packing slip), and the operator sees the buyer masked and
 * reveals one field only with a reason, which the audit log keeps without the value.
 */
const url = await createDatabase(inject("databaseUrl"), `privacy_masking_${process.pid}`);
process.env.DATABASE_URL = url;
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
process.env.CARAVAN_OUTBOX_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));

const { syncPayment } = await import("@/lib/server/checkout/fulfil");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const { getPrisma } = await import("@/lib/db/client");
const { loadSellerOrder } = await import("@/lib/server/seller/orders");
const { packingSlipPdf } = await import("@/lib/server/seller/packing-slip");
const { orderDetailFor } = await import("@/lib/server/operator/orders");
const { revealBuyerField } = await import("@/lib/server/operator/pii");
const { CART_COOKIE } = await import("@/lib/server/cart");
const { ADDRESS_FORM_COOKIE } = await import("@/lib/server/account/http");

const db = getPrisma();
const clock = () => fixedClock(new Date());
const JP = findMarket("JP") as MarketDefinition;
const product = stockedProduct("JP");
const jpSeller = SELLERS.find((s) => s.id === product.sellerId)!;
const other = SELLERS.find((s) => s.id !== jpSeller.id)!;
const DAY = 86_400_000;

const ADDRESS = { email: "hanako@example.jp", name: "Hanako Yamada", line1: "Karasuma-dori Nijo 123", city: "Kyoto", region: "26", postalCode: "6040000", phone: "090-1234-5678" };
const SECRETS = ["Karasuma", "6040000", "604-0000", "1234-5678", "+81", "Hanako", "hanako@example.jp"];
const labels = {
  goods: (title: string, _v: string, q: number) => `${q} × ${title}`,
  shipping: (seller: string) => `Shipping ${seller}`,
  duty: (seller: string) => `Duty ${seller}`,
  tax: (seller: string) => `Tax ${seller}`,
};

const member = (sellerId: string): Viewer => ({ userId: `usr_${sellerId}`, email: `${sellerId}@example.com`, role: "BUYER", seller: { id: sellerId, role: "OWNER" } });
const seller = member(jpSeller.id);
const otherSeller = member(other.id);
const operator: Viewer = { userId: "usr_operator", email: "ada@caravan.example", role: "OPERATOR", seller: null };
const buyer: Viewer = { userId: "usr_buyer", email: "buyer@example.com", role: "BUYER", seller: null };
const REASON = "Carrier asks to confirm the recipient";

let orderId: string;
let subId: string;
let paidAt: Date;
let returnDays: number;

const reveals = () => db.auditEntry.findMany({ where: { action: "pii.reveal" }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await migrate(url);
  await seed(db);
  expect((await ensureSellerAccounts(db, "http://127.0.0.1:3000")).failed).toBe(0);
  const placed = await placeTestOrder(db, [[product, 1]], { market: JP, address: ADDRESS, labels, clock });
  expect(await payOnSandbox(placed.url)).toBe(303);
  expect(await syncPayment(sessionIdOf(placed.url), clock(), db)).toMatchObject({ ok: true, status: "PAID" });
  orderId = placed.orderId;
  const sub = await db.subOrder.findFirstOrThrow({ where: { orderId }, include: { order: true, seller: true } });
  subId = sub.id;
  paidAt = sub.order.paidAt!;
  returnDays = sub.seller.returnDays;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the seller's view of the buyer's shipping details", () => {
  it("shows name, address and phone once paid and while undelivered, never the email", async () => {
    const loaded = await loadSellerOrder(seller, subId, db, new Date(paidAt.getTime() + 60 * DAY));
    if (!loaded.ok) throw new Error(loaded.code);
    expect(loaded.order.shipTo).toMatchObject({ visible: true, country: "JP", phone: "+819012345678", until: null });
    expect(JSON.stringify(loaded.order.shipTo)).toContain("Hanako Yamada");
    expect(JSON.stringify(loaded)).not.toContain("hanako@example.jp");
  });

  it("keeps them visible until the last moment of the returns period after delivery, then masks them", async () => {
    const deliveredAt = new Date(paidAt.getTime() + 3 * DAY);
    await db.subOrder.update({ where: { id: subId }, data: { deliveredAt } });
    const deadline = new Date(deliveredAt.getTime() + returnDays * DAY);

    const before = await loadSellerOrder(seller, subId, db, new Date(deadline.getTime() - 1));
    if (!before.ok) throw new Error(before.code);
    expect(before.order.status).toBe("DELIVERED");
    expect(before.order.shipTo).toMatchObject({ visible: true, until: deadline });

    const after = await loadSellerOrder(seller, subId, db, deadline);
    if (!after.ok) throw new Error(after.code);
    expect(after.order.shipTo).toEqual({ visible: false, masked: "H••• Y•••, Kyoto, JP", reason: "EXPIRED" });
    const text = JSON.stringify(after);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it("counts the seller's own returns period: a longer one keeps the details visible", async () => {
    const deliveredAt = new Date(paidAt.getTime() + 3 * DAY);
    const now = new Date(deliveredAt.getTime() + (returnDays + 1) * DAY);
    const masked = await loadSellerOrder(seller, subId, db, now);
    expect(masked.ok && masked.order.shipTo.visible).toBe(false);
    await db.seller.update({ where: { id: jpSeller.id }, data: { returnDays: returnDays + 10 } });
    try {
      const longer = await loadSellerOrder(seller, subId, db, now);
      expect(longer.ok && longer.order.shipTo).toMatchObject({ visible: true, until: new Date(deliveredAt.getTime() + (returnDays + 10) * DAY) });
    } finally {
      await db.seller.update({ where: { id: jpSeller.id }, data: { returnDays } });
    }
  });

  it("prints the same on the packing slip: the address within the period, masked after it", async () => {
    await db.subOrder.update({ where: { id: subId }, data: { deliveredAt: new Date(Date.now() - DAY) } });
    const within = await packingSlipPdf(seller, subId, db);
    if (!within.ok) throw new Error(within.code);
    expect(await pdfText(within.pdf)).toContain("Karasuma");

    await db.subOrder.update({ where: { id: subId }, data: { deliveredAt: new Date(Date.now() - (returnDays + 1) * DAY) } });
    const after = await packingSlipPdf(seller, subId, db);
    if (!after.ok) throw new Error(after.code);
    const printed = await pdfText(after.pdf);
    expect(printed).toContain("H••• Y•••");
    for (const secret of ["Karasuma", "6040000", "+819012345678", "Hanako"]) expect(printed).not.toContain(secret);
  });

  it("gives another seller nothing: NOT_FOUND", async () => {
    expect(await loadSellerOrder(otherSeller, subId, db)).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});

describe("the operator's masked view and reveal", () => {
  it("shows the buyer's email, name, address and phone masked on the order's page", async () => {
    const detail = await orderDetailFor(operator, orderId, db);
    if (!detail.ok) throw new Error(detail.code);
    expect(detail.data.buyer).toEqual([
      { field: "email", masked: "h•••@e•••.jp", held: true },
      { field: "name", masked: "H••• Y•••", held: true },
      { field: "address", masked: "Kyoto, JP", held: true },
      { field: "phone", masked: "•••78", held: true },
    ]);
    const text = JSON.stringify(detail.data);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it("reveals one field to an operator with a reason and writes pii.reveal with actor, order, field and reason, never the value", async () => {
    const result = await revealBuyerField(operator, orderId, "email", `  ${REASON}  `, db);
    expect(result).toEqual({ ok: true, field: "email", lines: ["hanako@example.jp"] });
    const address = await revealBuyerField(operator, orderId, "address", "Customs asks for the full delivery address", db);
    expect(address.ok && address.lines.join("\n")).toContain("Karasuma");
    expect(address.ok && address.lines.join("\n")).not.toContain("Hanako");
    expect(await revealBuyerField(operator, orderId, "phone", "Courier cannot reach the buyer", db)).toEqual({ ok: true, field: "phone", lines: ["+819012345678"] });

    const entries = await reveals();
    expect(entries).toHaveLength(3);
    const [first] = entries;
    expect(first).toMatchObject({
      action: "pii.reveal",
      actorKind: "operator",
      actor: { kind: "operator", id: "usr_operator", name: "ada@caravan.example" },
      subjectType: "order",
      subjectId: orderId,
      after: { field: "email" },
      reason: REASON,
    });
    for (const secret of SECRETS) expect(JSON.stringify(entries, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(secret);
    // The order's page lists the entries with the reason.
    const detail = await orderDetailFor(operator, orderId, db);
    expect(detail.ok && detail.data.audit.filter((e) => e.action === "pii.reveal").map((e) => e.reason)).toContain(REASON);
  });

  it("refuses a reveal without a reason, with a short or long one, or for another field, and writes nothing", async () => {
    const count = (await reveals()).length;
    expect(await revealBuyerField(operator, orderId, "email", "", db)).toEqual({ ok: false, code: "REVEAL_REASON_REQUIRED" });
    expect(await revealBuyerField(operator, orderId, "email", undefined, db)).toEqual({ ok: false, code: "REVEAL_REASON_REQUIRED" });
    expect(await revealBuyerField(operator, orderId, "email", "because", db)).toEqual({ ok: false, code: "REVEAL_REASON_TOO_SHORT" });
    expect(await revealBuyerField(operator, orderId, "email", "x".repeat(501), db)).toEqual({ ok: false, code: "REVEAL_REASON_TOO_LONG" });
    expect(await revealBuyerField(operator, orderId, "passwordHash", REASON, db)).toEqual({ ok: false, code: "REVEAL_FIELD_INVALID" });
    expect(await revealBuyerField(operator, orderId, "emailSealed", REASON, db)).toEqual({ ok: false, code: "REVEAL_FIELD_INVALID" });
    expect((await reveals()).length).toBe(count);
  });

  it("refuses anyone but an operator, and an unknown order, and writes nothing", async () => {
    const count = (await reveals()).length;
    for (const viewer of [seller, buyer, null]) expect(await revealBuyerField(viewer, orderId, "email", REASON, db)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await revealBuyerField(operator, "ord_does_not_exist", "email", REASON, db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await revealBuyerField(operator, "../../etc", "email", REASON, db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await reveals()).length).toBe(count);
  });
});

describe("the privacy notice's cookie list", () => {
  it("names every cookie the store sets, by the names the code uses", () => {
    expect(STORE_COOKIES.map((c) => c.name).sort()).toEqual([SESSION_COOKIES[0], CART_COOKIE, LOCALE_COOKIE, MARKET_COOKIE, CSRF_COOKIE, ADDRESS_FORM_COOKIE].sort());
  });
});
