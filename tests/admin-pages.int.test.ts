import path from "node:path";
import fs from "node:fs";
import os from "node:os";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import Stripe from "stripe";
import { fixedClock } from "@/lib/domain/clock";
import type { Viewer } from "@/lib/domain/accounts";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { payOnSandbox, sandboxStripe, sessionIdOf, stockedProduct, variantId } from "./checkout-support";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
process.env.CARAVAN_OUTBOX_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));

const cart = await import("@/lib/server/cart");
const checkout = await import("@/lib/server/checkout");
const { placeOrder } = await import("@/lib/server/checkout/place");
const { handleStripeWebhook } = await import("@/lib/server/checkout/events");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const { signWebhookPayload } = await import("@/lib/server/payments");
const { getPrisma, createPrismaClient } = await import("@/lib/db/client");
const { migrate } = await import("@/lib/db/migrate");
const { seed } = await import("@/prisma/seed");
const { readSnapshot } = await import("@/lib/server/fx/snapshot");
const { refreshRates, recordRefreshFailure } = await import("@/lib/server/fx/refresh");
const { listOrdersFor, orderDetailFor } = await import("@/lib/server/operator/orders");
const { fxOverviewFor, overrideRateFor } = await import("@/lib/server/operator/fx-view");
const { auditPageFor } = await import("@/lib/server/operator/audit-view");

/**
 * The operator's orders, FX and audit pages' services, and the audit entries the payment
 * flow writes on its own. Payments run against the shared seeded database and the suite's
 * Stripe sandbox, as tests/checkout.int.test.ts does; rates change only in a database of
 * this file's own, so other suites' prices stay put.
 */
const db = getPrisma();
const clock = () => fixedClock(new Date());
const JP = findMarket("JP") as MarketDefinition;
const stripe = sandboxStripe(inject("stripeSandboxUrl"));
const japanese = stockedProduct("JP");
const german = stockedProduct("DE");
const PAYMENTS = { kind: "system", name: "payments" };

const operator: Viewer = { userId: "usr_admin_pages_op", email: "ops@example.com", role: "OPERATOR", seller: null };
const buyer: Viewer = { userId: "usr_admin_pages_buyer", email: "someone@example.com", role: "BUYER", seller: null };
const seller: Viewer = { userId: "usr_admin_pages_seller", email: "maker@example.com", role: "BUYER", seller: { id: japanese.sellerId, role: "OWNER" } };

const labels = {
  goods: (title: string, _v: string, q: number) => `${q} × ${title}`,
  shipping: (s: string) => `Shipping ${s}`,
  duty: (s: string) => `Duty ${s}`,
  tax: (s: string) => `Tax ${s}`,
};
const ADDRESS = { email: "hanako@example.jp", name: "山田 花子", line1: "中京区烏丸通二条下ル 123", city: "京都市", region: "26", postalCode: "6040000", phone: "090-1234-5678" };

async function placed(items: [typeof japanese, number][]) {
  let id: string | undefined;
  for (const [product, quantity] of items) {
    const added = await cart.addToCart(id, { variantId: variantId(product), quantity: String(quantity) }, JP, clock());
    if (!added.ok) throw new Error(added.code);
    id = added.cartId;
  }
  expect(await checkout.saveCheckoutForm(id!, { country: "JP", fields: ADDRESS, delivery: {} })).toEqual({ ok: true });
  const view = (await checkout.loadCheckout(id!, "ja", JP, clock()))!;
  const order = await placeOrder(
    id!,
    {
      token: view.lock!.token, locale: "ja", fallback: JP, origin: "http://127.0.0.1:3000", labels,
      acceptance: { accepted: true, textSha256: view.contract!.sha256, digitalConsent: false },
      client: { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (test)" },
    },
    clock(),
  );
  if (!order.ok || order.kind !== "pay") throw new Error("not placed");
  return { orderId: order.orderId, url: order.url, sessionId: sessionIdOf(order.url) };
}

async function deliver(event: Stripe.Event) {
  const payload = JSON.stringify(event);
  const signature = signWebhookPayload(payload, "whsec_sandbox");
  return handleStripeWebhook(new Request("http://127.0.0.1/api/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": signature, "content-type": "application/json" } }), clock(), db);
}

async function eventFor(type: string, match: (object: Record<string, unknown>) => boolean): Promise<Stripe.Event> {
  const events = await stripe.events.list({ type, limit: 100 });
  const found = events.data.find((e) => match(e.data.object as unknown as Record<string, unknown>));
  if (!found) throw new Error(`no ${type} event`);
  return found;
}

const entriesOf = (subjectIds: string[], action?: string) =>
  db.auditEntry.findMany({ where: { subjectId: { in: subjectIds }, ...(action ? { action } : {}) }, orderBy: { id: "asc" } });

/** A paid order for two sellers, its completion event delivered five times at once. */
let paid: { orderId: string; sessionId: string; number: string; subOrders: { id: string; sellerId: string; sellerShareMinor: number }[] };

beforeAll(async () => {
  const report = await ensureSellerAccounts(db, "http://127.0.0.1:3000");
  expect(report.failed).toBe(0);
  const order = await placed([[japanese, 1], [german, 1]]);
  expect(await payOnSandbox(order.url)).toBe(303);
  const completed = await eventFor("checkout.session.completed", (o) => o.id === order.sessionId);
  const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(completed)));
  expect(answers.every((a) => a.status === 200)).toBe(true);
  const row = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, include: { subOrders: true } });
  expect(row.status).toBe("PAID");
  paid = { orderId: order.orderId, sessionId: order.sessionId, number: row.number, subOrders: row.subOrders };
}, 60_000);

describe("money movements in the audit log", () => {
  it("a payment writes one order.paid entry and one transfer.create per seller, however often the event comes", async () => {
    const order = await db.order.findUniqueOrThrow({ where: { id: paid.orderId } });
    const entries = await entriesOf([paid.orderId, ...paid.subOrders.map((s) => s.id)]);
    const paidEntries = entries.filter((e) => e.action === "order.paid");
    expect(paidEntries).toHaveLength(1);
    expect(paidEntries[0]).toMatchObject({
      actor: PAYMENTS, actorKind: "system", subjectType: "order", subjectId: paid.orderId,
      before: { status: "AWAITING_PAYMENT" }, after: { status: "PAID", amountMinor: order.totalMinor, currency: "JPY" },
    });
    const transfers = entries.filter((e) => e.action === "transfer.create");
    expect(transfers).toHaveLength(paid.subOrders.length);
    for (const sub of paid.subOrders) {
      const entry = transfers.find((e) => e.subjectId === sub.id);
      expect(entry).toMatchObject({ actor: PAYMENTS, subjectType: "subOrder", after: { transferStatus: "TRANSFERRED", sellerId: sub.sellerId, amountMinor: sub.sellerShareMinor, currency: "JPY", orderId: paid.orderId } });
    }

    // The same event again, one by one (a provider retry): nothing new.
    const completed = await eventFor("checkout.session.completed", (o) => o.id === paid.sessionId);
    expect((await deliver(completed)).status).toBe(200);
    expect(await entriesOf([paid.orderId, ...paid.subOrders.map((s) => s.id)])).toHaveLength(entries.length);
  });

  it("a full refund at the provider writes one order.refund and one transfer.reverse per seller, even when charge.refunded repeats", async () => {
    const order = await placed([[japanese, 1], [german, 1]]);
    expect(await payOnSandbox(order.url)).toBe(303);
    expect((await deliver(await eventFor("checkout.session.completed", (o) => o.id === order.sessionId))).status).toBe(200);
    const payment = await db.payment.findUniqueOrThrow({ where: { sessionId: order.sessionId } });
    const subs = await db.subOrder.findMany({ where: { orderId: order.orderId } });
    await stripe.refunds.create({ payment_intent: payment.paymentIntentId! });
    const refunded = await eventFor("charge.refunded", (o) => o.payment_intent === payment.paymentIntentId);
    const answers = await Promise.all([deliver(refunded), deliver(refunded), deliver(refunded)]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("REFUNDED");

    const ids = subs.map((s) => s.id);
    const refunds = await entriesOf(ids, "order.refund");
    expect(refunds).toHaveLength(subs.length);
    for (const sub of subs) {
      expect(refunds.find((e) => e.subjectId === sub.id)).toMatchObject({ actor: PAYMENTS, before: { refundedMinor: 0 }, after: { refundedMinor: sub.dueAtCheckoutMinor, currency: "JPY", orderId: order.orderId } });
    }
    const reversals = await entriesOf(ids, "transfer.reverse");
    expect(reversals).toHaveLength(subs.length);
    expect(reversals.every((e) => (e.after as { transferStatus: string }).transferStatus === "REVERSED")).toBe(true);

    // Delivered again later: no second entry.
    expect((await deliver(refunded)).status).toBe(200);
    expect(await entriesOf(ids, "order.refund")).toHaveLength(subs.length);
    expect(await entriesOf(ids, "transfer.reverse")).toHaveLength(subs.length);
  }, 60_000);

  it("an expired session writes one order.cancel entry", async () => {
    const order = await placed([[german, 1]]);
    await stripe.checkout.sessions.expire(order.sessionId);
    const expired = await eventFor("checkout.session.expired", (o) => o.id === order.sessionId);
    await Promise.all([deliver(expired), deliver(expired)]);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("CANCELLED");
    const cancels = await entriesOf([order.orderId], "order.cancel");
    expect(cancels).toHaveLength(1);
    expect(cancels[0]).toMatchObject({ actor: PAYMENTS, subjectType: "order", before: { status: "AWAITING_PAYMENT" }, after: { status: "CANCELLED" } });
    expect(await entriesOf([order.orderId], "order.paid")).toHaveLength(0);
  }, 60_000);
});

describe("the operator's orders", () => {
  it("refuses buyers, sellers and no one with FORBIDDEN", async () => {
    for (const viewer of [buyer, seller, null]) {
      expect(await listOrdersFor(viewer, {})).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await orderDetailFor(viewer, paid.orderId)).toEqual({ ok: false, code: "FORBIDDEN" });
    }
  });

  it("finds a paid order by number, status, destination and day, with its transfers and a consistent reconcile state", async () => {
    const list = async (query: Record<string, string>) => {
      const result = await listOrdersFor(operator, query);
      if (!result.ok) throw new Error(result.code);
      return result.data.orders.map((o) => o.id);
    };
    const found = await listOrdersFor(operator, { number: paid.number.slice(3, 7).toLowerCase() });
    if (!found.ok) throw new Error(found.code);
    const row = found.data.orders.find((o) => o.id === paid.orderId)!;
    expect(row).toMatchObject({ number: paid.number, status: "PAID", destination: "JP", currency: "JPY", paymentStatus: "PAID", reconcile: { consistent: true } });
    expect(row.subOrders.map((s) => s.transferStatus)).toEqual(paid.subOrders.map(() => "TRANSFERRED"));

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(await list({ number: paid.number, status: "PAID", destination: "jp", from: today, to: today })).toEqual([paid.orderId]);
    expect(await list({ number: paid.number, status: "CANCELLED" })).toEqual([]);
    expect(await list({ number: paid.number, destination: "DE" })).toEqual([]);
    expect(await list({ number: paid.number, from: tomorrow })).toEqual([]);
    expect(await listOrdersFor(operator, { status: "LOST" })).toEqual({ ok: false, code: "INVALID_FILTER" });
    expect(await listOrdersFor(operator, { cursor: "bm90LWEtY3Vyc29y" })).toEqual({ ok: false, code: "INVALID_CURSOR" });
  });

  it("lists newest first and pages by cursor without repeating an order", async () => {
    const first = await listOrdersFor(operator, {});
    if (!first.ok) throw new Error(first.code);
    const times = first.data.orders.map((o) => o.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    if (first.data.nextCursor) {
      const second = await listOrdersFor(operator, { cursor: first.data.nextCursor });
      if (!second.ok) throw new Error(second.code);
      const seen = new Set(first.data.orders.map((o) => o.id));
      expect(second.data.orders.some((o) => seen.has(o.id))).toBe(false);
    }
  });

  it("names a discrepancy the reconciler would act on: a transfer still due", async () => {
    const sub = paid.subOrders[0]!;
    // As after a crash between the payment and the transfer (undone below).
    await db.subOrder.update({ where: { id: sub.id }, data: { transferStatus: "PENDING" } });
    try {
      const result = await listOrdersFor(operator, { number: paid.number });
      expect(result.ok && result.data.orders[0]?.reconcile).toEqual({ consistent: false, issues: ["TRANSFER_DUE"] });
    } finally {
      await db.subOrder.update({ where: { id: sub.id }, data: { transferStatus: "TRANSFERRED" } });
    }
  });

  it("shows one order's sellers, payments, events and audit entries, with the buyer's email masked", async () => {
    const detail = await orderDetailFor(operator, paid.orderId);
    if (!detail.ok) throw new Error(detail.code);
    expect(detail.data.buyerEmail).toBe("h•••@e•••.jp");
    expect(JSON.stringify(detail.data)).not.toContain("hanako@example.jp");
    expect(JSON.stringify(detail.data)).not.toContain("烏丸");
    expect(detail.data.subOrders).toHaveLength(paid.subOrders.length);
    for (const sub of detail.data.subOrders) expect(sub.sellerShareMinor + sub.commissionMinor).toBe(sub.goodsMinor + sub.shippingMinor);
    expect(detail.data.payments.map((p) => p.status)).toEqual(["PAID"]);
    expect(detail.data.events.some((e) => e.type === "checkout.session.completed" && e.processedAt)).toBe(true);
    const actions = detail.data.audit.map((e) => e.action).sort();
    expect(actions).toEqual(["order.paid", ...paid.subOrders.map(() => "transfer.create")].sort());
    expect(await orderDetailFor(operator, "ord_does_not_exist")).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await orderDetailFor(operator, "../../etc")).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});

describe("the operator's audit log", () => {
  it("refuses non-operators", async () => {
    for (const viewer of [buyer, seller, null]) expect(await auditPageFor(viewer, {})).toEqual({ ok: false, code: "FORBIDDEN" });
  });

  it("filters by action prefix, actor kind and subject, newest first, paged by cursor", async () => {
    const byOrder = await auditPageFor(operator, { action: "order.", subjectType: "order", subjectId: paid.orderId });
    if (!byOrder.ok) throw new Error(byOrder.code);
    expect(byOrder.data.entries.map((e) => e.action)).toEqual(["order.paid"]);
    const transfers = await auditPageFor(operator, { action: "transfer.", actor: "system", subjectType: "subOrder", subjectId: paid.subOrders[0]!.id });
    expect(transfers.ok && transfers.data.entries.map((e) => e.action)).toEqual(["transfer.create"]);
    const byOperator = await auditPageFor(operator, { action: "order.", actor: "operator", subjectId: paid.orderId });
    expect(byOperator.ok && byOperator.data.entries).toEqual([]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const later = await auditPageFor(operator, { subjectId: paid.orderId, from: tomorrow });
    expect(later.ok && later.data.entries).toEqual([]);

    const all = await auditPageFor(operator, {});
    if (!all.ok) throw new Error(all.code);
    const times = all.data.entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    if (all.data.nextCursor) {
      const next = await auditPageFor(operator, { cursor: all.data.nextCursor });
      if (!next.ok) throw new Error(next.code);
      const seen = new Set(all.data.entries.map((e) => e.id));
      expect(next.data.entries.some((e) => seen.has(e.id))).toBe(false);
    }

    expect(await auditPageFor(operator, { actor: "robot" })).toEqual({ ok: false, code: "INVALID_FILTER" });
    expect(await auditPageFor(operator, { action: "order paid" })).toEqual({ ok: false, code: "INVALID_FILTER" });
    expect(await auditPageFor(operator, { cursor: "bm90LWEtY3Vyc29y" })).toEqual({ ok: false, code: "INVALID_CURSOR" });
  });
});

describe("exchange rates for the operator (a database of its own)", () => {
  let fx: PrismaClient;
  let url: string;
  beforeAll(async () => {
    url = await createDatabase(inject("databaseUrl"), `admin_pages_fx_${process.pid}`);
    await migrate(url);
    fx = createPrismaClient(url);
    await seed(fx);
  }, 120_000);
  afterAll(async () => {
    await fx?.$disconnect();
  });

  it("refuses non-operators, and a seller's override changes nothing", async () => {
    const count = await fx.auditEntry.count();
    const rates = await fx.fxRate.count();
    for (const viewer of [buyer, seller, null]) {
      expect(await fxOverviewFor(viewer, fx)).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await overrideRateFor(viewer, { currency: "KWD", rate: "0.31", reason: "Bank quote" }, fx)).toEqual({ ok: false, code: "FORBIDDEN" });
    }
    expect(await fx.auditEntry.count()).toBe(count);
    expect(await fx.fxRate.count()).toBe(rates);
  });

  it("a refresh, and a failed one, each write an fx.refresh entry; the page shows the last", async () => {
    const none = await fxOverviewFor(operator, fx);
    expect(none.ok && none.data.lastRefresh).toBeNull();

    const rates = readSnapshot();
    const stored = await refreshRates(fx, rates, "ECB");
    expect(stored.count).toBe(rates.length);
    const entries = await fx.auditEntry.findMany({ where: { action: "fx.refresh" } });
    expect(entries).toHaveLength(1);
    const ecbDate = rates.find((r) => r.source === "ECB")!.date;
    expect(entries[0]).toMatchObject({ actor: { kind: "system", name: "fx" }, subjectType: "fx", subjectId: "EUR", after: { ok: true, date: ecbDate, source: "ECB", count: rates.length } });
    const ok = await fxOverviewFor(operator, fx);
    expect(ok.ok && ok.data.lastRefresh).toMatchObject({ ok: true, date: ecbDate, source: "ECB", count: rates.length });

    await recordRefreshFailure(fx, "FEED_UNREACHABLE");
    const failed = await fxOverviewFor(operator, fx);
    expect(failed.ok && failed.data.lastRefresh).toMatchObject({ ok: false, code: "FEED_UNREACHABLE" });
  });

  it("npm run fx:refresh records its failure in the audit log", async () => {
    const before = await fx.auditEntry.count({ where: { action: "fx.refresh" } });
    const run = promisify(execFile);
    const result = await run(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/fx-refresh.ts"], {
      env: { ...process.env, DATABASE_URL: url, CARAVAN_ECB_URL: "http://127.0.0.1:9/eurofxref-daily.xml" },
    }).then(() => 0, (e: { code: number }) => e.code);
    expect(result).toBe(1);
    const entries = await fx.auditEntry.findMany({ where: { action: "fx.refresh" }, orderBy: { id: "desc" } });
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]!.after).toEqual({ ok: false, code: "FEED_UNREACHABLE", source: "ECB" });
  }, 60_000);

  it("shows today's table with sources and staleness; an override needs a reason and appears there and in the log", async () => {
    const now = new Date();
    const view = await fxOverviewFor(operator, fx, now);
    if (!view.ok) throw new Error(view.code);
    expect(view.data.rates.find((r) => r.currency === "JPY")).toMatchObject({ source: "ECB" });
    expect(view.data.rates.find((r) => r.currency === "KWD")).toMatchObject({ source: "MANUAL" });
    // The shipped snapshot is older than the limit by the time this runs.
    expect(view.data.stale).toBe(view.data.ageDays! > view.data.maxAgeDays);

    const count = await fx.auditEntry.count();
    expect(await overrideRateFor(operator, { currency: "KWD", rate: "0.3075", reason: "  " }, fx, now)).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(await overrideRateFor(operator, { currency: "KWD", rate: "0,3075", reason: "Bank quote" }, fx, now)).toEqual({ ok: false, code: "INVALID_RATE" });
    expect(await overrideRateFor(operator, { currency: "XXX", rate: "1", reason: "Bank quote" }, fx, now)).toEqual({ ok: false, code: "UNKNOWN_CURRENCY" });
    expect(await fx.auditEntry.count()).toBe(count);

    expect(await overrideRateFor(operator, { currency: "kwd", rate: "0.3075", reason: "Bank quote of the day" }, fx, now)).toEqual({ ok: true });
    const after = await fxOverviewFor(operator, fx, now);
    if (!after.ok) throw new Error(after.code);
    expect(after.data.rates.find((r) => r.currency === "KWD")).toMatchObject({ rate: "0.3075", source: "MANUAL", date: now.toISOString().slice(0, 10), ageDays: 0, stale: false });
    const log = await auditPageFor(operator, { action: "fx.override" }, fx);
    expect(log.ok && log.data.entries[0]).toMatchObject({ actor: { kind: "operator", id: operator.userId, name: operator.email }, subjectId: "EUR/KWD", reason: "Bank quote of the day", after: { rate: "0.3075", source: "MANUAL" } });
  });
});
