import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import Stripe from "stripe";
import { fixedClock } from "@/lib/domain/clock";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { PRODUCTS } from "@/prisma/seed-data";
import { EBOOK, payOnSandbox, sandboxStripe, sellerCountry, sessionIdOf, stockedProduct, variantId, type SeedProduct } from "./checkout-support";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));
process.env.CARAVAN_OUTBOX_DIR = outbox;

const cart = await import("@/lib/server/cart");
const checkout = await import("@/lib/server/checkout");
const { placeOrder } = await import("@/lib/server/checkout/place");
const { syncPayment } = await import("@/lib/server/checkout/fulfil");
const { handleStripeWebhook } = await import("@/lib/server/checkout/events");
const { reconcilePayments } = await import("@/lib/server/checkout/reconcile");
const { refundSubOrder } = await import("@/lib/server/checkout/refunds");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const { signWebhookPayload } = await import("@/lib/server/payments");
const { getPrisma, createPrismaClient } = await import("@/lib/db/client");
const { handleCheckoutPost } = await import("@/lib/server/checkout/http");

/**
 * Checkout against the shared seeded database and the suite's Stripe sandbox, driven
 * through the official SDK (the store's side) and the sandbox's own payment page (the
 * buyer's side). Webhooks: the sandbox's real events, signed as Stripe signs them,
 * handed to the store's handler.
 */
const db = getPrisma();
const clock = () => fixedClock(new Date());
const JP = findMarket("JP") as MarketDefinition;
const KW = findMarket("KW") as MarketDefinition;
const stripe = sandboxStripe(inject("stripeSandboxUrl"));
const japanese = stockedProduct("JP");
const german = stockedProduct("DE");
const ebook = EBOOK;

const labels = {
  goods: (title: string, _v: string, q: number) => `${q} × ${title}`,
  shipping: (seller: string) => `Shipping ${seller}`,
  duty: (seller: string) => `Duty ${seller}`,
  tax: (seller: string) => `Tax ${seller}`,
};
/** The buyer ticks the box for the terms the page showed. */
const accepted = (view: { contract: { sha256: string } | null }, digitalConsent = false) => ({
  acceptance: { accepted: true, textSha256: view.contract!.sha256, digitalConsent },
  client: { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (test)" },
});
const JP_ADDRESS = { email: "hanako@example.jp", name: "山田 花子", line1: "中京区烏丸通二条下ル 123", city: "京都市", region: "26", postalCode: "6040000", phone: "090-1234-5678" };
const KW_ADDRESS = { email: "fatima@example.com", name: "فاطمة العلي", line1: "Block 3, Street 12, House 7", city: "Salmiya", postalCode: "20001", phone: "+965 5123 4567" };

async function cartWith(items: [SeedProduct, number][], market = JP): Promise<string> {
  let id: string | undefined;
  for (const [product, quantity] of items) {
    const added = await cart.addToCart(id, { variantId: variantId(product), quantity: String(quantity) }, market, clock());
    if (!added.ok) throw new Error(added.code);
    id = added.cartId;
  }
  return id!;
}

async function reviewed(cartId: string, market = JP, address: Record<string, string> = JP_ADDRESS, locale: "ja" | "ar" = "ja") {
  const saved = await checkout.saveCheckoutForm(cartId, { country: market.country, fields: address, delivery: {} });
  expect(saved).toEqual({ ok: true });
  const view = (await checkout.loadCheckout(cartId, locale, market, clock()))!;
  expect(view.errors).toEqual([]);
  return view;
}

const pay = (url: string, card?: string) => payOnSandbox(url, card);

async function deliver(event: Stripe.Event, options: { secret?: string; timestamp?: number; tamper?: boolean } = {}, database = db) {
  const payload = JSON.stringify(event);
  const signature = signWebhookPayload(payload, options.secret ?? "whsec_sandbox", options.timestamp);
  const body = options.tamper ? payload.replace('"livemode":false', '"livemode":true ') : payload;
  return handleStripeWebhook(new Request("http://127.0.0.1/api/webhooks/stripe", { method: "POST", body, headers: { "stripe-signature": signature, "content-type": "application/json" } }), clock(), database);
}

async function eventsFor(sessionId: string, type: string): Promise<Stripe.Event[]> {
  const events = await stripe.events.list({ type, limit: 100 });
  return events.data.filter((e) => (e.data.object as { id?: string }).id === sessionId);
}

const stockOf = async (id: string) => (await db.variant.findUniqueOrThrow({ where: { id } })).stock;

beforeAll(async () => {
  const report = await ensureSellerAccounts(db, "http://127.0.0.1:3000");
  expect(report.failed).toBe(0);
});

describe("checkout and payment", () => {
  it("a guest in Japan pays one order for two sellers and an e-book: one order, stock sold, sellers transferred their shares, a confirmation sent", async () => {
    const id = await cartWith([[japanese, 2], [german, 1], [ebook, 1]]);
    const before = { jp: await stockOf(variantId(japanese)), de: await stockOf(variantId(german)) };
    const view = await reviewed(id);
    expect(view.blockers).toEqual([]);
    expect(view.plan!.total.currency).toBe("JPY");
    const placed = await placeOrder(id, { token: view.lock!.token, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(view) }, clock());
    expect(placed).toMatchObject({ ok: true, kind: "pay" });
    if (!placed.ok || placed.kind !== "pay") throw new Error("not placed");
    expect(await stockOf(variantId(japanese))).toBe(before.jp - 2);

    const session = await stripe.checkout.sessions.retrieve(sessionIdOf(placed.url), { expand: ["line_items"] });
    expect(session.amount_total).toBe(view.plan!.total.amountMinor);
    expect(session.currency).toBe("jpy");
    expect(session.metadata?.order_id).toBe(placed.orderId);
    expect(session.expires_at * 1000).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(session.line_items!.data.reduce((s, l) => s + l.amount_total, 0)).toBe(view.plan!.total.amountMinor);

    expect(await pay(placed.url)).toBe(303);
    const synced = await syncPayment(session.id, clock());
    expect(synced).toEqual({ ok: true, orderId: placed.orderId, status: "PAID" });

    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { subOrders: true, reservations: true } });
    expect(order.totalMinor).toBe(session.amount_total);
    expect(order.subOrders).toHaveLength(new Set([japanese.sellerId, german.sellerId, ebook.sellerId]).size);
    expect(order.reservations.every((r) => r.status === "COMMITTED")).toBe(true);
    expect(await stockOf(variantId(japanese))).toBe(before.jp - 2);
    expect(await stockOf(variantId(german))).toBe(before.de - 1);
    expect(await cart.cartItemCount(id, clock())).toBe(0);

    const transfers = await stripe.transfers.list({ transfer_group: placed.orderId, limit: 10 });
    expect(transfers.data).toHaveLength(order.subOrders.length);
    for (const sub of order.subOrders) {
      const transfer = transfers.data.find((t) => t.id === sub.transferId)!;
      expect(transfer.amount).toBe(sub.sellerShareMinor);
      expect(sub.sellerShareMinor + sub.commissionMinor).toBe(sub.goodsMinor + sub.shippingMinor);
      expect(sub.transferStatus).toBe("TRANSFERRED");
    }
    expect(order.confirmationSentAt).not.toBeNull();
    const mails = fs.readdirSync(outbox).filter((f) => f.endsWith(".eml")).map((f) => fs.readFileSync(path.join(outbox, f), "utf8"));
    expect(mails.some((m) => m.includes(order.number))).toBe(true);

    // A second sync (the return page after the webhook) changes nothing.
    expect(await syncPayment(session.id, clock())).toEqual({ ok: true, orderId: placed.orderId, status: "PAID" });
    expect((await stripe.transfers.list({ transfer_group: placed.orderId })).data).toHaveLength(order.subOrders.length);
  });

  it("keeps the buyer's email, address and phone sealed: the raw rows hold no plaintext", async () => {
    const id = await cartWith([[japanese, 1]]);
    const view = await reviewed(id);
    const placed = await placeOrder(id, { token: view.lock!.token, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(view) }, clock());
    if (!placed.ok) throw new Error(placed.code);
    const rows = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(o)::text AS row FROM "Order" o WHERE id = ${placed.orderId}`;
    const drafts = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(d)::text AS row FROM "CheckoutDraft" d WHERE "cartId" = ${id}`;
    for (const text of [rows[0]!.row, drafts[0]!.row]) {
      for (const secret of ["hanako@example.jp", "山田", "烏丸通", "1234-5678", "+819012345678", "6040000", "604-0000"]) expect(text).not.toContain(secret);
    }
  });

  it("pressing Pay twice, or in a second tab, gives one order and one session; a changed cart ends the first before a second is made", async () => {
    const id = await cartWith([[german, 1]]);
    const view = await reviewed(id);
    const input = { token: view.lock!.token, locale: "ja" as const, fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(view) };
    const [a, b] = await Promise.all([placeOrder(id, input, clock()), placeOrder(id, input, clock())]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok || a.kind !== "pay" || b.kind !== "pay") throw new Error("not placed");
    expect(a.url).toBe(b.url);
    expect(await db.order.count({ where: { cartId: id } })).toBe(1);
    const third = await placeOrder(id, input, clock());
    expect(third.ok && third.kind === "pay" && third.url).toBe(a.url);

    await cart.addToCart(id, { variantId: variantId(japanese), quantity: "1" }, JP, clock());
    const stale = await placeOrder(id, input, clock());
    expect(stale).toEqual({ ok: false, code: "QUOTE_CHANGED" });
    const first = await stripe.checkout.sessions.retrieve(sessionIdOf(a.url));
    expect(first.status).toBe("expired");
    expect((await db.order.findUniqueOrThrow({ where: { id: a.orderId } })).status).toBe("CANCELLED");
  });

  it("charges only what the server computes: a forged review token or unknown delivery service changes nothing", async () => {
    const id = await cartWith([[german, 1]]);
    const seen = await reviewed(id);
    const forged = await placeOrder(id, { token: `${(Date.now() + 3_600_000).toString(36)}.${"x".repeat(22)}`, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(seen) }, clock());
    expect(forged).toEqual({ ok: false, code: "QUOTE_CHANGED" });
    expect(await db.order.count({ where: { cartId: id } })).toBe(0);
    const saved = await checkout.saveCheckoutForm(id, { country: "JP", fields: {}, delivery: { [german.sellerId]: "TELEPORT", "'; DROP": "EXPRESS" } });
    expect(saved).toEqual({ ok: true });
    const view = (await checkout.loadCheckout(id, "ja", JP, clock()))!;
    expect(view.cart.parcels[0]!.delivery.chosen).toBe("STANDARD");
    expect(await checkout.saveCheckoutForm(id, { country: "ZZ", fields: {}, delivery: {} })).toEqual({ ok: false, code: "UNSUPPORTED_COUNTRY" });
  });

  it("refuses to take payment with an incomplete address, naming each field", async () => {
    const id = await cartWith([[german, 1]]);
    await checkout.saveCheckoutForm(id, { country: "JP", fields: { email: "not-an-email", name: "", line1: "", postalCode: "12", phone: "12" }, delivery: {} });
    const view = (await checkout.loadCheckout(id, "ja", JP, clock()))!;
    const codes = Object.fromEntries(view.errors!.map((e) => [e.field, e.code]));
    expect(codes).toMatchObject({ email: "INVALID_EMAIL", name: "REQUIRED", postalCode: "INVALID_POSTAL_CODE" });
    const placed = await placeOrder(id, { token: view.lock!.token, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(view) }, clock());
    expect(placed).toEqual({ ok: false, code: "INVALID_ADDRESS" });
  });

  it("a Kuwaiti order is charged in KWD in tens of fils, exactly the amount shown", async () => {
    const id = await cartWith([[german, 1], [ebook, 1]], KW);
    const view = await reviewed(id, KW, KW_ADDRESS, "ar");
    expect(view.plan!.total.currency).toBe("KWD");
    expect(view.plan!.total.amountMinor % 10).toBe(0);
    const placed = await placeOrder(id, { token: view.lock!.token, locale: "ar", fallback: KW, origin: "http://127.0.0.1:3000", labels, ...accepted(view) }, clock());
    if (!placed.ok || placed.kind !== "pay") throw new Error(`not placed: ${JSON.stringify(placed)}`);
    const session = await stripe.checkout.sessions.retrieve(sessionIdOf(placed.url));
    expect(session.currency).toBe("kwd");
    expect(session.amount_total).toBe(view.plan!.total.amountMinor);
    expect(session.locale).toBe("auto");
  });

  it("a declined card leaves the order unpaid; the session's expiry returns the stock", async () => {
    const id = await cartWith([[german, 3]]);
    const before = await stockOf(variantId(german));
    const view = await reviewed(id);
    const placed = await placeOrder(id, { token: view.lock!.token, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(view) }, clock());
    if (!placed.ok || placed.kind !== "pay") throw new Error("not placed");
    expect(await stockOf(variantId(german))).toBe(before - 3);
    expect(await pay(placed.url, "4000000000000002")).toBe(402);
    expect(await syncPayment(sessionIdOf(placed.url), clock())).toMatchObject({ ok: true, status: "AWAITING_PAYMENT" });
    await stripe.checkout.sessions.expire(sessionIdOf(placed.url));
    const [expired] = await eventsFor(sessionIdOf(placed.url), "checkout.session.expired");
    expect((await deliver(expired!)).status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("CANCELLED");
    expect(await stockOf(variantId(german))).toBe(before);
    expect((await deliver(expired!)).body).toMatchObject({ duplicate: true });
    expect(await stockOf(variantId(german))).toBe(before);
  });
});

describe("webhooks", () => {
  async function paidSession() {
    const id = await cartWith([[japanese, 1]]);
    const view = await reviewed(id);
    const placed = await placeOrder(id, { token: view.lock!.token, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(view) }, clock());
    if (!placed.ok || placed.kind !== "pay") throw new Error("not placed");
    expect(await pay(placed.url)).toBe(303);
    const [completed] = await eventsFor(sessionIdOf(placed.url), "checkout.session.completed");
    return { orderId: placed.orderId, event: completed! };
  }

  it("the same event delivered ten times gives one paid order, one transfer per seller and one email", async () => {
    const { orderId, event } = await paidSession();
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { subOrders: true } });
    expect(order.status).toBe("PAID");
    expect((await stripe.transfers.list({ transfer_group: orderId })).data).toHaveLength(order.subOrders.length);
    expect(await db.paymentEvent.count({ where: { id: event.id } })).toBe(1);
    const mails = fs.readdirSync(outbox).filter((f) => f.endsWith(".eml")).filter((f) => fs.readFileSync(path.join(outbox, f), "utf8").includes(order.number));
    expect(mails).toHaveLength(1);
  });

  it("a delayed payment: events out of order end in the right state, once", async () => {
    const id = await cartWith([[japanese, 1]]);
    const view = await reviewed(id);
    const placed = await placeOrder(id, { token: view.lock!.token, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(view) }, clock());
    if (!placed.ok || placed.kind !== "pay") throw new Error("not placed");
    const sessionId = sessionIdOf(placed.url);
    const started = await fetch(placed.url, { method: "POST", body: new URLSearchParams({ payment_method: "bank_transfer", bank_outcome: "succeeded", email: "hanako@example.jp" }), redirect: "manual" });
    expect(started.status).toBe(303);
    const [completed] = await eventsFor(sessionId, "checkout.session.completed");
    expect((await deliver(completed!)).status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("PROCESSING");
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    const url = new URL(inject("stripeSandboxUrl"));
    const settled = await fetch(`${url.origin}/_sandbox/payment_intents/${session.payment_intent}/settle`, { method: "POST", headers: { authorization: "Bearer sk_test_sandbox" } });
    expect(settled.status).toBe(200);
    const [succeeded] = await eventsFor(sessionId, "checkout.session.async_payment_succeeded");
    // The late "completed" arrives again after the success: the order stays paid, fulfilled once.
    expect((await deliver(succeeded!)).status).toBe(200);
    expect((await deliver({ ...completed!, id: `${completed!.id}_again` })).status).toBe(200);
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { subOrders: true } });
    expect(order.status).toBe("PAID");
    expect((await stripe.transfers.list({ transfer_group: placed.orderId })).data).toHaveLength(order.subOrders.length);
  });

  it("refuses forged, altered and stale signatures with 400 and changes nothing", async () => {
    const { orderId, event } = await paidSession();
    expect((await deliver(event, { secret: "whsec_wrong" })).status).toBe(400);
    expect((await deliver(event, { tamper: true })).status).toBe(400);
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(400);
    const missing = await handleStripeWebhook(new Request("http://127.0.0.1/api/webhooks/stripe", { method: "POST", body: JSON.stringify(event) }), clock(), db);
    expect(missing.status).toBe(400);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("AWAITING_PAYMENT");
    expect(await db.paymentEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("answers 500 while the database is down, so the event comes again; then records it", async () => {
    const { orderId, event } = await paidSession();
    const down = createPrismaClient("postgresql://caravan:x@127.0.0.1:9/caravan?connect_timeout=1");
    expect((await deliver(event, {}, down)).status).toBe(500);
    await down.$disconnect();
    expect((await deliver(event)).status).toBe(200);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
  });

  it("the reconciler fulfils a paid session whose webhook never came, and a second run changes nothing", async () => {
    const { orderId } = await paidSession();
    const first = await reconcilePayments(clock(), db);
    expect(first, JSON.stringify(first)).toMatchObject({ providerErrors: 0, eventsFailed: 0 });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
    const transfers = (await stripe.transfers.list({ transfer_group: orderId })).data.length;
    const second = await reconcilePayments(clock(), db);
    expect(second.sessionsRepaired).toBe(0);
    expect((await stripe.transfers.list({ transfer_group: orderId })).data).toHaveLength(transfers);
  });

  it("a payment whose amount differs from its order is named as an anomaly, never marked paid, and the rest is still reconciled", async () => {
    const bad = await paidSession();
    await db.order.update({ where: { id: bad.orderId }, data: { totalMinor: { increment: 1 } } });
    const good = await paidSession();
    const report = await reconcilePayments(clock(), db);
    expect(report.anomalies.some((a) => a.includes("AmountMismatchError"))).toBe(true);
    expect((await db.order.findUniqueOrThrow({ where: { id: bad.orderId } })).status).toBe("AWAITING_PAYMENT");
    expect((await db.order.findUniqueOrThrow({ where: { id: good.orderId } })).status).toBe("PAID");
    await db.order.update({ where: { id: bad.orderId }, data: { totalMinor: { decrement: 1 } } });
    await reconcilePayments(clock(), db);
    expect((await db.order.findUniqueOrThrow({ where: { id: bad.orderId } })).status).toBe("PAID");
  });

  it("a refunded sub-order reverses its seller's transfer; a charge.refunded event is followed", async () => {
    const { orderId, event } = await paidSession();
    await deliver(event);
    const sub = (await db.subOrder.findFirstOrThrow({ where: { orderId } }))!;
    const operator = { kind: "operator" as const, id: "op_1", name: "Operator" };
    const refund = await refundSubOrder(sub.id, db, { actor: operator, reason: "Parcel lost in transit" });
    expect(refund.ok).toBe(true);
    const entries = await db.auditEntry.findMany({ where: { action: "order.refund", subjectId: sub.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: operator,
      subjectType: "subOrder",
      reason: "Parcel lost in transit",
      before: { orderId, refundedMinor: 0, refundId: null },
      after: { orderId, refundedMinor: sub.dueAtCheckoutMinor, refundId: refund.ok ? refund.refundId : "" },
    });
    const transfer = await stripe.transfers.retrieve(sub.transferId!);
    expect(transfer.amount_reversed).toBe(transfer.amount);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("REFUNDED");
    expect(await refundSubOrder(sub.id)).toEqual({ ok: false, code: "NOT_REFUNDABLE" });
    expect(await db.auditEntry.count({ where: { action: "order.refund", subjectId: sub.id } })).toBe(1);
  });
});

describe("stock under concurrent checkout", () => {
  it("stock 1 and 20 buyers paying at once: exactly one reservation, stock never below zero", async () => {
    const product = PRODUCTS.find((p) => p.kind === "PHYSICAL" && p.variants.length > 1 && sellerCountry(p) === "DE") ?? german;
    const variant = variantId(product, product.variants.length - 1);
    const carts: string[] = [];
    for (let i = 0; i < 20; i++) {
      const added = await cart.addToCart(undefined, { variantId: variant, quantity: "1" }, JP, clock());
      if (!added.ok) throw new Error(added.code);
      carts.push(added.cartId);
    }
    await db.variant.update({ where: { id: variant }, data: { stock: 1 } });
    const views: Awaited<ReturnType<typeof reviewed>>[] = [];
    for (const id of carts) views.push(await reviewed(id));
    const results = await Promise.all(carts.map((id, i) => placeOrder(id, { token: views[i]!.lock!.token, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(views[i]!) }, clock())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "OUT_OF_STOCK")).toBe(true);
    expect(await stockOf(variant)).toBe(0);
    const held = await db.stockReservation.aggregate({ where: { variantId: variant, status: { in: ["HELD", "COMMITTED"] } }, _sum: { quantity: true } });
    expect(held._sum.quantity).toBe(1);
  });
});

describe("changing the ship-to country at checkout", () => {
  it("re-quotes in the new market's currency without asking to acknowledge the currency change", async () => {
    const id = await cartWith([[german, 1]], findMarket("AE") as MarketDefinition);
    const view = await reviewed(id, KW, KW_ADDRESS);
    expect(view.market.currency).toBe("KWD");
    expect(view.blockers).toEqual([]);
    expect(view.plan!.total.currency).toBe("KWD");
  });
});

describe("the quote lock", () => {
  it("renders at the same moment agree on one lock, so the page's token is the one Pay checks", async () => {
    const id = await cartWith([[german, 1]]);
    await checkout.saveCheckoutForm(id, { country: "JP", fields: JP_ADDRESS, delivery: {} });
    const views = await Promise.all(Array.from({ length: 8 }, () => checkout.loadCheckout(id, "ja", JP, clock())));
    const tokens = new Set(views.map((v) => v!.lock!.token));
    expect(tokens.size).toBe(1);
    const placed = await placeOrder(id, { token: [...tokens][0], locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(views[0]!) }, clock());
    expect(placed.ok).toBe(true);
  });

  it("past its time the quote is renewed and a Pay with the old token is refused with QUOTE_EXPIRED", async () => {
    const id = await cartWith([[german, 1]]);
    const view = await reviewed(id);
    const later = fixedClock(new Date(Date.now() + 31 * 60_000));
    const renewed = (await checkout.loadCheckout(id, "ja", JP, later))!;
    expect(renewed.lock!.renewed).toBe(true);
    expect(renewed.lock!.token).not.toBe(view.lock!.token);
    const placed = await placeOrder(id, { token: view.lock!.token, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels, ...accepted(view) }, later);
    expect(placed).toEqual({ ok: false, code: "QUOTE_EXPIRED" });
  });
});

describe("POST /api/checkout", () => {
  const post = (cartId: string, fields: Record<string, string>) =>
    handleCheckoutPost(
      new Request("http://localhost:3000/api/checkout", {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000", host: "localhost:3000", cookie: `caravan_cart=${cartId}; caravan_market=JP`, "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 200)}` },
      }),
      clock(),
    );

  it("ignores amounts, currencies and ids a browser posts: the server's total is what the session charges", async () => {
    const id = await cartWith([[german, 1]]);
    expect(await post(id, { intent: "update", locale: "ja", country: "JP", ...JP_ADDRESS })).toMatchObject({ kind: "redirect", error: null });
    const view = (await checkout.loadCheckout(id, "ja", JP, clock()))!;
    const result = await post(id, {
      intent: "pay", locale: "ja", country: "JP", ...JP_ADDRESS, quote: view.lock!.token, accept: "yes", terms: view.contract!.sha256,
      total: "1", amount: "1", currency: "USD", unit_amount: "1", orderId: "ord_forgedforgedforg", priceMinor: "1", [`delivery_${german.sellerId}`]: "STANDARD", sellers: german.sellerId,
    });
    expect(result.kind).toBe("redirect");
    if (result.kind !== "redirect") return;
    const session = await stripe.checkout.sessions.retrieve(sessionIdOf(result.location));
    expect(session.amount_total).toBe(view.plan!.total.amountMinor);
    expect(session.currency).toBe("jpy");
  });

  it("refuses a foreign origin and an unknown intent, changing nothing", async () => {
    const id = await cartWith([[german, 1]]);
    const foreign = await handleCheckoutPost(
      new Request("http://localhost:3000/api/checkout", { method: "POST", body: new URLSearchParams({ intent: "pay", locale: "en" }), headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example", cookie: `caravan_cart=${id}` } }),
      clock(),
    );
    expect(foreign).toMatchObject({ kind: "refused", status: 403 });
    expect(await post(id, { intent: "refund-me", locale: "en" })).toMatchObject({ kind: "redirect", error: "INVALID_ACTION" });
    expect(await db.order.count({ where: { cartId: id } })).toBe(0);
  });
});
