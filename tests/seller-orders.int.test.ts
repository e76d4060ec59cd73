import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "@/lib/domain/clock";
import type { Viewer } from "@/lib/domain/accounts";
import { sellerShare } from "@/lib/domain/checkout";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { convert, invertRate, money, parseRate } from "@/lib/domain/money";
import { parseOrderFilters } from "@/lib/domain/seller-orders";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { SELLERS } from "@/prisma/seed-data";
import { pdfLines, pdfText } from "@/lib/server/contracts/test-support";
import { createDatabase } from "./database";
import { payOnSandbox, sandboxStripe, sessionIdOf, stockedProduct, type SeedProduct, placeTestOrder } from "./checkout-support";

/**
 * The seller panel's orders and payouts on a database of its own, with an order placed
 * and paid through the real checkout and the suite's Stripe sandbox: two sellers in one
 * cart, each sees only their own parcel with the share and commission checkout
 * computed; another seller's ids are NOT_FOUND everywhere; the ship-to is masked once
 * the returns period after delivery has passed (tests/privacy-masking.int.test.ts has
 * the window's every side).
 */
const url = await createDatabase(inject("databaseUrl"), `seller_orders_${process.pid}`);
process.env.DATABASE_URL = url;
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
process.env.CARAVAN_OUTBOX_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));

const { syncPayment } = await import("@/lib/server/checkout/fulfil");
const { refundSubOrder } = await import("@/lib/server/checkout/refunds");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const { getPrisma } = await import("@/lib/db/client");
const { listSellerOrders, loadSellerOrder, listSellerPayouts } = await import("@/lib/server/seller/orders");
const { packingSlipPdf } = await import("@/lib/server/seller/packing-slip");
const { payoutsCsvDownload } = await import("@/lib/server/seller/payouts-csv");

const db = getPrisma();
const clock = () => fixedClock(new Date());
const JP = findMarket("JP") as MarketDefinition;
const stripe = sandboxStripe(inject("stripeSandboxUrl"));
const japanese = stockedProduct("JP");
const german = stockedProduct("DE");
const jpSeller = SELLERS.find((s) => s.id === japanese.sellerId)!;
const deSeller = SELLERS.find((s) => s.id === german.sellerId)!;

const ADDRESS = { email: "hanako@example.jp", name: "Hanako Yamada", line1: "Karasuma-dori Nijo 123", city: "Kyoto", region: "26", postalCode: "6040000", phone: "090-1234-5678" };
const labels = {
  goods: (title: string, _v: string, q: number) => `${q} × ${title}`,
  shipping: (seller: string) => `Shipping ${seller}`,
  duty: (seller: string) => `Duty ${seller}`,
  tax: (seller: string) => `Tax ${seller}`,
};

const member = (sellerId: string): Viewer => ({ userId: `usr_${sellerId}`, email: `${sellerId}@example.com`, role: "BUYER", seller: { id: sellerId, role: "OWNER" } });
const sellerA = member(jpSeller.id);
const sellerB = member(deSeller.id);
const buyer: Viewer = { userId: "usr_buyer", email: "buyer@example.com", role: "BUYER", seller: null };
const all = parseOrderFilters({});

const place = (items: [SeedProduct, number][]) => placeTestOrder(db, items, { market: JP, address: ADDRESS, labels, clock });

let orderId: string;
let subA: string;
let subB: string;

beforeAll(async () => {
  await migrate(url);
  await seed(db);
  const report = await ensureSellerAccounts(db, "http://127.0.0.1:3000");
  expect(report.failed).toBe(0);
  const placed = await place([
    [japanese, 2],
    [german, 1],
  ]);
  expect(await payOnSandbox(placed.url)).toBe(303);
  expect(await syncPayment(sessionIdOf(placed.url), clock(), db)).toMatchObject({ ok: true, status: "PAID" });
  orderId = placed.orderId;
  const subs = await db.subOrder.findMany({ where: { orderId } });
  subA = subs.find((s) => s.sellerId === jpSeller.id)!.id;
  subB = subs.find((s) => s.sellerId === deSeller.id)!.id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("seller orders", () => {
  it("each seller lists only their own parcel of the order, with its goods and shipping in the order currency", async () => {
    const a = await listSellerOrders(sellerA, all, db);
    const b = await listSellerOrders(sellerB, all, db);
    if (!a.ok || !b.ok) throw new Error("not listed");
    expect(a.rows.map((r) => r.id)).toEqual([subA]);
    expect(b.rows.map((r) => r.id)).toEqual([subB]);
    const sub = await db.subOrder.findUniqueOrThrow({ where: { id: subA }, include: { order: true } });
    expect(a.rows[0]).toMatchObject({ number: sub.order.number, destination: "JP", status: "PAID", items: 2, total: money(sub.goodsMinor + sub.shippingMinor, "JPY") });
    expect(a.destinations).toEqual(["JP"]);
  });

  it("leaves out orders not paid yet", async () => {
    const open = await place([[japanese, 1]]);
    const a = await listSellerOrders(sellerA, all, db);
    if (!a.ok) throw new Error("not listed");
    const openSub = await db.subOrder.findFirstOrThrow({ where: { orderId: open.orderId } });
    expect(a.rows.map((r) => r.id)).not.toContain(openSub.id);
    expect(await loadSellerOrder(sellerA, openSub.id, db)).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("filters by status and destination", async () => {
    const byStatus = async (status: string, destination?: string) => {
      const listed = await listSellerOrders(sellerA, parseOrderFilters({ status, destination }), db);
      return listed.ok ? listed.rows.map((r) => r.id) : listed.code;
    };
    expect(await byStatus("PAID")).toEqual([subA]);
    expect(await byStatus("DELIVERED")).toEqual([]);
    expect(await byStatus("PAID", "JP")).toEqual([subA]);
    expect(await byStatus("PAID", "DE")).toEqual([]);
  });

  it("shows the parcel's items, landed cost, the share and commission checkout computed, and the ship-to without the email", async () => {
    const loaded = await loadSellerOrder(sellerA, subA, db);
    if (!loaded.ok) throw new Error(loaded.code);
    const order = loaded.order;
    const sub = await db.subOrder.findUniqueOrThrow({ where: { id: subA } });
    const expected = sellerShare({ goods: money(sub.goodsMinor, "JPY"), shipping: money(sub.shippingMinor, "JPY") }, sub.commissionBps);
    expect(order.share).toEqual(expected.share);
    expect(order.commission).toEqual(expected.commission);
    expect(order.commissionBps).toBe(sub.commissionBps);
    expect(order.lines).toEqual([expect.objectContaining({ sku: japanese.variants[0]!.sku, quantity: 2, unitPrice: money(japanese.variants[0]!.priceMinor, "JPY") })]);
    expect(order.breakdown).toMatchObject({ goods: money(sub.goodsMinor, "JPY"), shipping: money(sub.shippingMinor, "JPY") });
    expect(["DDP", "DAP"]).toContain(order.breakdown!.incoterm);
    expect(order.shipTo).toMatchObject({ visible: true, country: "JP", phone: "+819012345678" });
    expect(JSON.stringify(order.shipTo)).toContain("Hanako Yamada");
    expect(JSON.stringify(loaded)).not.toContain("hanako@example.jp");
    expect(order.seller.language).toBe("ja");
  });

  it("prints the packing slip as a PDF for its own seller", async () => {
    const slip = await packingSlipPdf(sellerA, subA, db);
    if (!slip.ok) throw new Error(slip.code);
    expect(slip.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(slip.filename).toMatch(/^packing-slip-CV-[0-9A-Z]{4}-[0-9A-Z]{4}\.pdf$/);
    // In the seller's first language (Japanese): the order, ship-to with phone, return address, items with SKU and quantity, no prices.
    const sub = await db.subOrder.findUniqueOrThrow({ where: { id: subA }, include: { order: true, seller: true } });
    const text = await pdfText(slip.pdf);
    expect(text).toContain("納品書");
    expect(text).toContain(sub.order.number);
    expect(text).toContain("Hanako Yamada");
    expect(text).toContain("+819012345678");
    expect(text).toContain(sub.seller.legalName ?? sub.seller.name);
    expect(text).toContain(japanese.variants[0]!.sku);
    expect(await pdfLines(slip.pdf)).toContainEqual(expect.stringMatching(/^2 × /));
    expect(text).not.toContain("hanako@example.jp");
    expect(text).not.toContain("¥");
  });

  it("answers NOT_FOUND for another seller's sub-order, packing slip and payouts row, and FORBIDDEN to a buyer", async () => {
    expect(await loadSellerOrder(sellerA, subB, db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await packingSlipPdf(sellerA, subB, db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await listSellerPayouts(sellerA, { subOrderId: subB }, db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await payoutsCsvDownload(sellerA, "en", { subOrderId: subB }, db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await loadSellerOrder(sellerA, "sub_nonexistent000000", db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await loadSellerOrder(sellerA, "'; DROP TABLE x; --", db)).toEqual({ ok: false, code: "NOT_FOUND" });
    const payouts = await listSellerPayouts(sellerA, {}, db);
    if (!payouts.ok) throw new Error(payouts.code);
    expect(payouts.rows.map((r) => r.subOrderId)).toEqual([subA]);
    expect(await listSellerOrders(buyer, all, db)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await loadSellerOrder(buyer, subA, db)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await listSellerPayouts(null, {}, db)).toEqual({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("gives the payouts in the order currency and in the seller's at the quote's rate, with the transfer", async () => {
    const payouts = await listSellerPayouts(sellerB, {}, db);
    if (!payouts.ok) throw new Error(payouts.code);
    expect(payouts.currency).toBe("EUR");
    const [row] = payouts.rows;
    const sub = await db.subOrder.findUniqueOrThrow({ where: { id: subB }, include: { order: true } });
    expect(row!.order.share).toEqual(money(sub.sellerShareMinor, "JPY"));
    expect(row!.transfer).toEqual({ id: sub.transferId, status: "TRANSFERRED" });
    const stored = (sub.order.quote as { fxRates: { from: string; to: string; rate: string }[] }).fxRates.find((r) => r.from === "EUR" && r.to === "JPY")!;
    expect(row!.rate).toMatchObject({ from: "EUR", to: "JPY", rate: stored.rate, inverted: true });
    expect(row!.seller!.share).toEqual(convert(money(sub.sellerShareMinor, "JPY"), invertRate(parseRate("EUR", "JPY", stored.rate))));
    expect(payouts.months).toEqual([expect.objectContaining({ month: row!.month, currency: "EUR", net: row!.seller!.net, rows: 1 })]);
    const transfer = await stripe.transfers.retrieve(sub.transferId!);
    expect(transfer.amount).toBe(row!.order.share.amountMinor);

    const csv = await payoutsCsvDownload(sellerB, "de", {}, db);
    if (!csv.ok) throw new Error(csv.code);
    const lines = csv.csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("Bestellnummer");
    expect(lines[1]).toContain(sub.order.number);
    expect(lines[1]).toContain(sub.transferId!);
  });

  it("after a refund, the parcel shows refunded, its transfer reversed and subtracted", async () => {
    expect(await refundSubOrder(subB, db)).toMatchObject({ ok: true });
    const payouts = await listSellerPayouts(sellerB, {}, db);
    if (!payouts.ok) throw new Error(payouts.code);
    const [row] = payouts.rows;
    expect(row!.transfer.status).toBe("REVERSED");
    expect(row!.order.reversed).toEqual(row!.order.share);
    expect(row!.order.net.amountMinor).toBe(0);
    expect(row!.order.refunded.amountMinor).toBeGreaterThan(0);
    const loaded = await loadSellerOrder(sellerB, subB, db);
    if (!loaded.ok) throw new Error(loaded.code);
    expect(loaded.order.status).toBe("REFUNDED");
    expect(loaded.order.shipTo.visible).toBe(false);
  });

  it("masks the ship-to once the returns period after delivery has passed: no street, postal code or phone, on the page or the slip", async () => {
    const { returnDays } = await db.seller.findUniqueOrThrow({ where: { id: jpSeller.id }, select: { returnDays: true } });
    await db.subOrder.update({ where: { id: subA }, data: { deliveredAt: new Date(Date.now() - (returnDays + 1) * 86_400_000) } });
    const loaded = await loadSellerOrder(sellerA, subA, db);
    if (!loaded.ok) throw new Error(loaded.code);
    expect(loaded.order.status).toBe("DELIVERED");
    expect(loaded.order.shipTo).toEqual({ visible: false, masked: "H••• Y•••, Kyoto, JP", reason: "EXPIRED" });
    const text = JSON.stringify(loaded);
    for (const secret of ["Karasuma", "604", "1234-5678", "+81", "Hanako", "hanako@example.jp"]) expect(text).not.toContain(secret);
    const delivered = await listSellerOrders(sellerA, parseOrderFilters({ status: "DELIVERED" }), db);
    expect(delivered.ok && delivered.rows.map((r) => r.id)).toEqual([subA]);
    const slip = await packingSlipPdf(sellerA, subA, db);
    if (!slip.ok) throw new Error(slip.code);
    const printed = await pdfText(slip.pdf);
    expect(printed).toContain("H••• Y•••");
    for (const secret of ["Karasuma", "6040000", "+819012345678", "Hanako"]) expect(printed).not.toContain(secret);
  });
});
