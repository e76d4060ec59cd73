/**
 * `npm run bench -- checkout`: the checkout under contention, in one process, with no
 * Next server. A throwaway seeded database, the local Stripe sandbox with its real
 * signed webhooks delivered to the store's handler through a small HTTP receiver, and
 * many buyers racing for a few variants whose stock is set low (by default the buyers
 * want about twice what there is).
 *
 * Two phases. Sessions: every buyer at once (--concurrency) fills a new cart with one
 * of the limited variants (1 or 2 units), saves a Japanese address, reviews the quote
 * and presses Pay; the time of Pay (placeOrder: pricing again, the order with its stock
 * reservation, the provider's session) is the session creation time. Payment: every
 * buyer who got a session pays on the sandbox's hosted page, one in ten with the
 * decline card; fulfilment is the time from the payment POST until the order is PAID
 * (polled every 50 ms, 30 s at most). Only the webhook moves the order here: no buyer
 * comes back to the return page. The sandbox delivers its events one at a time, so under
 * load fulfilment includes the wait in its delivery queue; the handler's own time per
 * event is printed beside it.
 *
 * Then, once the sandbox has delivered every event, the invariants, each of which must
 * be 0: units sold or held beyond the stock, paid sessions without exactly one PAID
 * order of the same amount, double charges, orders PAID without a paid session. The
 * reconciler runs once and they are checked again. Exits 1 when any is broken. The
 * numbers also go to bench/results/checkout-<timestamp>.json.
 *
 * Options: --buyers N (200), --concurrency C (all buyers), --stock S per variant
 * (0.75 x buyers / variants), --variants V (5), --seed X (1).
 *
 * The store's server modules are loaded as the integration suite loads them: `server-only`
 * resolves to its empty module (as inside Next's server), everything else as usual. Not
 * under node's react-server condition: there `next-intl` (the order confirmation's
 * translator) pulls in client hooks that React's server build does not export. The
 * modules read the environment once: it is set before any of them loads, so none is
 * imported statically here.
 */
import fs from "node:fs";
import http from "node:http";
import { register } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { fixedClock } from "@/lib/domain/clock";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import type { ChargeLabels } from "@/lib/server/checkout/place";
import type { WebhookResponse } from "@/lib/server/checkout/events";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";
import type { EmbeddedDatabase } from "@/lib/db/embedded";
import { createSandbox, type Sandbox } from "@/sandbox/stripe/server";
import {
  invariantCounts,
  invariantsHold,
  mapLimit,
  parseOptions,
  paymentViolations,
  planBuyers,
  stockViolations,
  summarise,
  type BuyerPlan,
  type CheckoutBenchOptions,
  type InvariantCounts,
  type LatencySummary,
  type PaidSession,
  type PaymentViolations,
  type StockViolation,
} from "./checkout-stats";

// Before any store module loads (all of them are imported dynamically, below).
const SERVER_ONLY = new URL("../node_modules/server-only/empty.js", import.meta.url).href;
register(
  `data:text/javascript,${encodeURIComponent(
    `export async function resolve(specifier, context, next) { return specifier === "server-only" ? { url: ${JSON.stringify(SERVER_ONLY)}, shortCircuit: true } : next(specifier, context); }`,
  )}`,
);

const SECRET_KEY = "sk_test_sandbox";
const WEBHOOK_SECRET = "whsec_sandbox";
const ORIGIN = "http://127.0.0.1:3000";
const PAYING_CARD = "4242424242424242";
const DECLINED_CARD = "4000000000000002";
const POLL_MS = 50;
const FULFIL_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 120_000;

/** The store logs each mail it writes to the outbox as a JSON info line: counted here, not printed 200 times. */
let storeInfoLines = 0;
const print = console.log.bind(console);
console.log = (...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].startsWith('{"level":"info"')) storeInfoLines++;
  else print(...args);
};

const JP = findMarket("JP") as MarketDefinition;
const clock = () => fixedClock(new Date());
const labels: ChargeLabels = {
  goods: (title, variant, quantity) => `${quantity} × ${title} (${variant})`,
  shipping: (seller, service) => `Shipping ${seller} (${service})`,
  duty: (seller) => `Import duty ${seller}`,
  tax: (seller) => `Tax ${seller}`,
};
const address = (email: string) => ({ email, name: "山田 花子", line1: "中京区烏丸通二条下ル 123", city: "京都市", region: "26", postalCode: "6040000", phone: "090-1234-5678" });

/** The store's modules, loaded once the environment names this run's database, sandbox and outbox. */
async function loadStore() {
  const [cart, checkout, place, events, reconcile, sellers, payments, client] = await Promise.all([
    import("@/lib/server/cart"),
    import("@/lib/server/checkout"),
    import("@/lib/server/checkout/place"),
    import("@/lib/server/checkout/events"),
    import("@/lib/server/checkout/reconcile"),
    import("@/lib/server/payments/sellers"),
    import("@/lib/server/payments"),
    import("@/lib/db/client"),
  ]);
  return {
    addToCart: cart.addToCart,
    saveCheckoutForm: checkout.saveCheckoutForm,
    loadCheckout: checkout.loadCheckout,
    placeOrder: place.placeOrder,
    handleStripeWebhook: events.handleStripeWebhook,
    reconcilePayments: reconcile.reconcilePayments,
    ensureSellerAccounts: sellers.ensureSellerAccounts,
    fromStripeAmount: payments.fromStripeAmount,
    getPrisma: client.getPrisma,
    createPrismaClient: client.createPrismaClient,
  };
}
type Store = Awaited<ReturnType<typeof loadStore>>;
type Db = ReturnType<Store["getPrisma"]>;

// ---------------------------------------------------------------- webhook receiver

/**
 * The store's webhook endpoint as a plain HTTP server: each POST, raw body and headers,
 * handed to the handler as a WHATWG Request; the answer's status goes back to the sandbox.
 * Answers 503 until the store is loaded (the sandbox delivers again).
 */
async function startReceiver() {
  let handler: ((request: Request) => Promise<WebhookResponse>) | null = null;
  const statuses = new Map<number, number>();
  /** How long the store's handler took, per event type. */
  const handling = new Map<string, number[]>();
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const work = (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
        else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      }
      let answer: WebhookResponse | { status: number; body: Record<string, unknown> } = { status: 503, body: { error: "NOT_READY" } };
      if (handler) {
        const body = Buffer.concat(chunks);
        const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method, headers, body });
        const started = performance.now();
        answer = await handler(request).catch((error: unknown) => ({ status: 500, body: { error: error instanceof Error ? error.message : String(error) } }));
        const type = eventType(body);
        handling.set(type, [...(handling.get(type) ?? []), performance.now() - started]);
      }
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    })();
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    statuses,
    handling,
    handle(fn: (request: Request) => Promise<WebhookResponse>) {
      handler = fn;
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function eventType(body: Buffer): string {
  try {
    const type = (JSON.parse(body.toString("utf8")) as { type?: unknown }).type;
    return typeof type === "string" ? type : "?";
  } catch {
    return "?";
  }
}

// ---------------------------------------------------------------- fulfilment watch

/**
 * Waits for orders to become PAID: one query every 50 ms for all the orders still
 * awaited (each is looked at every 50 ms, without one query per buyer competing with
 * the store for the database). Resolves with the time it was seen paid, or null.
 */
function paidWatcher(db: Db) {
  const waiting = new Map<string, { resolve: (at: number | null) => void; deadline: number }>();
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let stopped = false;
  const schedule = () => {
    if (!timer && !running && !stopped && waiting.size > 0) timer = setTimeout(() => void tick(), POLL_MS);
  };
  const tick = async () => {
    timer = null;
    running = true;
    try {
      const rows = await db.order.findMany({ where: { id: { in: [...waiting.keys()] }, status: "PAID" }, select: { id: true } });
      const at = performance.now();
      for (const { id } of rows) {
        const w = waiting.get(id);
        w?.resolve(at <= w.deadline ? at : null);
        waiting.delete(id);
      }
    } catch {
      // The next tick looks again.
    } finally {
      running = false;
    }
    const now = performance.now();
    for (const [id, w] of waiting) {
      if (now >= w.deadline) {
        w.resolve(null);
        waiting.delete(id);
      }
    }
    schedule();
  };
  return {
    wait(orderId: string, timeoutMs: number): Promise<number | null> {
      return new Promise((resolve) => {
        waiting.set(orderId, { resolve, deadline: performance.now() + timeoutMs });
        schedule();
      });
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const w of waiting.values()) w.resolve(null);
      waiting.clear();
    },
  };
}

// ---------------------------------------------------------------- the limited stock

interface LimitedVariant {
  id: string;
  sku: string;
  seller: string;
}

const sellerCountry = (sellerId: string) => SELLERS.find((s) => s.id === sellerId)?.country ?? "?";

/**
 * Physical variants that a buyer in Japan can pay for as they are (no restriction, a
 * payable seller, a quote), one per product, taking the sellers in turn so the stock
 * is spread over several sellers, currencies and import regimes. Each candidate is
 * checked through a cart of its own before the run; those carts place no order.
 */
async function chooseVariants(store: Store, count: number): Promise<LimitedVariant[]> {
  const bySeller = new Map<string, (typeof PRODUCTS)[number][]>();
  for (const p of PRODUCTS.filter((x) => x.kind === "PHYSICAL")) bySeller.set(p.sellerId, [...(bySeller.get(p.sellerId) ?? []), p]);
  const candidates: LimitedVariant[] = [];
  const longest = Math.max(...[...bySeller.values()].map((list) => list.length));
  for (let i = 0; i < longest; i++) {
    for (const list of bySeller.values()) {
      const product = list[i];
      if (product) candidates.push({ id: `var_${product.variants[0]!.sku.toLowerCase()}`, sku: product.variants[0]!.sku, seller: sellerCountry(product.sellerId) });
    }
  }
  const chosen: LimitedVariant[] = [];
  for (const candidate of candidates) {
    if (chosen.length === count) break;
    const added = await store.addToCart(undefined, { variantId: candidate.id, quantity: "1" }, JP, clock());
    if (!added.ok) continue;
    await store.saveCheckoutForm(added.cartId, { country: "JP", fields: address("probe@example.jp"), delivery: {} });
    const view = await store.loadCheckout(added.cartId, "ja", JP, clock());
    if (view?.lock && view.errors?.length === 0 && view.blockers.length === 0) chosen.push(candidate);
  }
  if (chosen.length < count) throw new Error(`Only ${chosen.length} payable physical variants for Japan in the seed, ${count} asked for`);
  return chosen;
}

// ---------------------------------------------------------------- one buyer

interface Buyer {
  plan: BuyerPlan;
  variant: LimitedVariant;
  /** Where the buyer was turned away, and why. */
  refusal?: { stage: "cart" | "address" | "pay"; code: string };
  error?: string;
  /** Add, address and review, before Pay. */
  beforePayMs?: number;
  /** Pay: placeOrder, from pricing again to the provider's session. */
  sessionMs?: number;
  orderId?: string;
  url?: string;
  payment?: { status: number; outcome: "paid" | "declined" | "unexpected"; fulfilmentMs: number | null };
}

async function toSession(store: Store, plan: BuyerPlan, variant: LimitedVariant): Promise<Buyer> {
  const buyer: Buyer = { plan, variant };
  const email = `buyer${plan.index}@example.jp`;
  let step = "addToCart";
  try {
    const started = performance.now();
    const added = await store.addToCart(undefined, { variantId: variant.id, quantity: String(plan.quantity) }, JP, clock());
    if (!added.ok) return { ...buyer, refusal: { stage: "cart", code: added.code } };
    step = "saveCheckoutForm";
    const saved = await store.saveCheckoutForm(added.cartId, { country: "JP", fields: address(email), delivery: {} });
    if (!saved.ok) return { ...buyer, refusal: { stage: "address", code: saved.code } };
    // Without a lock (the line sold out since it was added) there is no token: Pay still goes to the store, which says why.
    step = "loadCheckout";
    const view = await store.loadCheckout(added.cartId, "ja", JP, clock());
    step = "placeOrder";
    const pay = performance.now();
    buyer.beforePayMs = pay - started;
    const placed = await store.placeOrder(
      added.cartId,
      {
        token: view?.lock?.token ?? "",
        locale: "ja",
        fallback: JP,
        origin: ORIGIN,
        labels,
        acceptance: { accepted: true, textSha256: view?.contract?.sha256 ?? "", digitalConsent: false },
        client: { ip: "203.0.113.20", userAgent: "checkout-bench" },
      },
      clock(),
    );
    const done = performance.now();
    if (!placed.ok) return { ...buyer, refusal: { stage: "pay", code: placed.code } };
    if (placed.kind !== "pay") return { ...buyer, error: `Pay answered "${placed.kind}" for a new cart` };
    return { ...buyer, sessionMs: done - pay, orderId: placed.orderId, url: placed.url };
  } catch (error) {
    return { ...buyer, error: `${step}: ${error instanceof Error ? `${error.name}: ${error.message.trim().split("\n").slice(-1)[0]}` : String(error)}` };
  }
}

async function payFor(buyer: Buyer, watcher: ReturnType<typeof paidWatcher>): Promise<Buyer> {
  if (!buyer.url || !buyer.orderId) return buyer;
  const card = buyer.plan.declines ? DECLINED_CARD : PAYING_CARD;
  try {
    const started = performance.now();
    const response = await fetch(buyer.url, {
      method: "POST",
      body: new URLSearchParams({ payment_method: "card", card_number: card, card_expiry: "12 / 34", card_cvc: "123", name: "Bench", email: `buyer${buyer.plan.index}@example.jp` }),
      redirect: "manual",
    });
    await response.arrayBuffer();
    if (response.status === 303) {
      const seen = await watcher.wait(buyer.orderId, FULFIL_TIMEOUT_MS);
      return { ...buyer, payment: { status: 303, outcome: "paid", fulfilmentMs: seen === null ? null : seen - started } };
    }
    return { ...buyer, payment: { status: response.status, outcome: response.status === 402 ? "declined" : "unexpected", fulfilmentMs: null } };
  } catch (error) {
    return { ...buyer, error: `paying: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// ---------------------------------------------------------------- invariants

interface InvariantReport {
  counts: InvariantCounts;
  stock: StockViolation[];
  payments: PaymentViolations;
  sandboxSessions: number;
  paidSessions: number;
  units: { initial: number; inStock: number; sold: number; held: number };
}

async function checkInvariants(store: Store, db: Db, stripe: Stripe, variants: LimitedVariant[], initial: number): Promise<InvariantReport> {
  const ids = variants.map((v) => v.id);
  const [rows, reserved, payments, orders] = await Promise.all([
    db.variant.findMany({ where: { id: { in: ids } }, select: { id: true, stock: true } }),
    db.stockReservation.groupBy({ by: ["variantId", "status"], where: { variantId: { in: ids }, status: { in: ["HELD", "COMMITTED"] } }, _sum: { quantity: true } }),
    db.payment.findMany({ select: { sessionId: true, orderId: true } }),
    db.order.findMany({ select: { id: true, cartId: true, status: true, totalMinor: true, currency: true } }),
  ]);
  const units = (variantId: string, status: "HELD" | "COMMITTED") => reserved.find((r) => r.variantId === variantId && r.status === status)?._sum.quantity ?? 0;
  const stockRows = ids.map((id) => ({ variantId: id, initial, current: rows.find((r) => r.id === id)?.stock ?? Number.NaN, committed: units(id, "COMMITTED"), held: units(id, "HELD") }));

  const paidSessions: PaidSession[] = [];
  let sandboxSessions = 0;
  for await (const s of stripe.checkout.sessions.list({ limit: 100 })) {
    sandboxSessions++;
    if (s.payment_status !== "paid") continue;
    const amount = s.amount_total != null && s.currency ? store.fromStripeAmount(s.amount_total, s.currency) : null;
    paidSessions.push({ id: s.id, orderId: s.metadata?.order_id ?? s.client_reference_id ?? null, amountMinor: amount?.amountMinor ?? Number.NaN, currency: amount?.currency ?? "" });
  }
  const stock = stockViolations(stockRows);
  const paymentProblems = paymentViolations({ paidSessions, payments, orders });
  return {
    counts: invariantCounts(stock, paymentProblems),
    stock,
    payments: paymentProblems,
    sandboxSessions,
    paidSessions: paidSessions.length,
    units: {
      initial: initial * ids.length,
      inStock: stockRows.reduce((s, r) => s + r.current, 0),
      sold: stockRows.reduce((s, r) => s + r.committed, 0),
      held: stockRows.reduce((s, r) => s + r.held, 0),
    },
  };
}

function printInvariants(title: string, report: InvariantReport): void {
  const { counts } = report;
  console.log(`\n${title} (each must be 0)`);
  console.log(`  oversold units                                ${counts.oversoldUnits}`);
  console.log(`  paid sessions without exactly one PAID order  ${counts.paidSessionsUnmatched}`);
  console.log(`  double charges                                ${counts.doubleCharges}`);
  console.log(`  orders PAID without a paid session            ${counts.paidOrdersWithoutSession}`);
  for (const v of report.stock) console.log(`    ${v.variantId}: ${v.problems.join("; ")}`);
  for (const s of report.payments.unmatchedPaidSessions) console.log(`    ${s.sessionId}: ${s.problem}`);
  for (const d of report.payments.doubleCharges) console.log(`    ${d.subject} paid by ${d.sessions.join(", ")}`);
  for (const o of report.payments.paidWithoutSession) console.log(`    ${o}: PAID, no paid session`);
  const u = report.units;
  console.log(`  units: ${u.initial} in stock at the start; now ${u.inStock} in stock, ${u.sold} sold, ${u.held} held; ${report.sandboxSessions} sessions at the sandbox, ${report.paidSessions} paid`);
}

/** Waits until the sandbox has nothing left to deliver (retries included), or the time is up. */
async function drainWebhooks(sandboxUrl: string): Promise<{ pending: number; failed: number }> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  let state = { pending: [] as string[], failed: [] as string[] };
  do {
    const response = await fetch(`${sandboxUrl}/_sandbox/webhooks/wait`, { method: "POST", headers: { authorization: `Bearer ${SECRET_KEY}` } });
    state = (await response.json()) as typeof state;
    if (state.pending.length > 0) await new Promise((r) => setTimeout(r, 100));
  } while (state.pending.length > 0 && Date.now() < deadline);
  return { pending: state.pending.length, failed: state.failed.length };
}

// ---------------------------------------------------------------- the run

const count = (buyers: Buyer[], test: (b: Buyer) => boolean) => buyers.filter(test).length;
const ms = (n: number | null) => (n === null ? "-" : `${n}`);

async function main(options: CheckoutBenchOptions): Promise<boolean> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-bench-checkout-"));
  // Stopped in this order at the end, whatever happened: deliveries, then the receiver, then the database.
  let sandbox: Sandbox | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  let database: EmbeddedDatabase | undefined;
  const clients: { $disconnect(): Promise<void> }[] = [];
  let watcher: ReturnType<typeof paidWatcher> | undefined;
  try {
    receiver = await startReceiver();
    sandbox = await createSandbox({
      port: 0,
      dataDir: path.join(tmp, "stripe"),
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      webhookUrl: receiver.url,
      webhookRetryBaseMs: 100,
      sweepIntervalMs: 500,
    });

    // Only the sandbox: never a Stripe account named by the environment.
    for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_URL"]) delete process.env[name];
    process.env.STRIPE_SANDBOX_URL = sandbox.url;
    process.env.STRIPE_SANDBOX_SECRET_KEY = SECRET_KEY;
    process.env.STRIPE_SANDBOX_WEBHOOK_SECRET = WEBHOOK_SECRET;
    process.env.CARAVAN_OUTBOX_DIR = path.join(tmp, "outbox");
    // The seeding helper loads some store modules itself; none reads the environment on load, and the
    // database's URL (known only once it runs) is read by the store's client when it is first asked for.
    const { startTestDatabase } = await import("@/tests/database");
    console.log(`Stripe sandbox at ${sandbox.url}, webhooks to ${receiver.url}; starting a seeded database...`);
    database = await startTestDatabase({ name: "bench-checkout" });
    process.env.DATABASE_URL = database.url;

    const store = await loadStore();
    const prisma = store.getPrisma();
    // The bench's own reads (fulfilment watch, invariants) on a client of their own, outside the store's pool.
    const observer = store.createPrismaClient(database.url);
    clients.push(prisma, observer);
    receiver.handle((request) => store.handleStripeWebhook(request, clock(), prisma));
    const url = new URL(sandbox.url);
    const stripe = new Stripe(SECRET_KEY, { host: url.hostname, port: Number(url.port), protocol: "http" });

    const accounts = await store.ensureSellerAccounts(prisma, ORIGIN);
    if (accounts.failed > 0) throw new Error(`${accounts.failed} sellers got no payment account`);
    const variants = await chooseVariants(store, options.variants);
    await prisma.variant.updateMany({ where: { id: { in: variants.map((v) => v.id) } }, data: { stock: options.stock } });
    const plans = planBuyers(options);
    const wanted = plans.reduce((s, p) => s + p.quantity, 0);
    console.log(
      `${options.buyers} buyers, ${options.concurrency} at once, for ${variants.length} variants x ${options.stock} units (${variants.map((v) => `${v.sku} from ${v.seller}`).join(", ")}): ${wanted} units wanted of ${variants.length * options.stock}`,
    );

    // Sessions: everyone presses Pay at once.
    const creationStart = performance.now();
    const created = await mapLimit(plans, options.concurrency, (plan) => toSession(store, plan, variants[plan.variantIndex]!));
    const creationSeconds = (performance.now() - creationStart) / 1000;
    const sessions = created.filter((b) => b.url);
    console.log(`Sessions: ${sessions.length} in ${creationSeconds.toFixed(2)} s. Paying...`);

    // Payment: everyone with a session pays; fulfilment arrives by webhook.
    watcher = paidWatcher(observer);
    const paymentStart = performance.now();
    const buyers = await mapLimit(created, options.concurrency, (b) => payFor(b, watcher!));
    watcher.stop();
    const paymentSeconds = (performance.now() - paymentStart) / 1000;
    const delivery = await drainWebhooks(sandbox.url);

    const outOfStock = (b: Buyer) => b.refusal?.code === "OUT_OF_STOCK" || b.refusal?.code === "CART_CHANGED";
    const refusals: Record<string, number> = {};
    for (const b of buyers) if (b.refusal) refusals[`${b.refusal.stage}: ${b.refusal.code}`] = (refusals[`${b.refusal.stage}: ${b.refusal.code}`] ?? 0) + 1;
    const errors = buyers.filter((b) => b.error);
    const paid = buyers.filter((b) => b.payment?.outcome === "paid");
    const fulfilled = paid.map((b) => b.payment!.fulfilmentMs).filter((n): n is number => n !== null);
    const sessionTimes = summarise(sessions.map((b) => b.sessionMs!));
    const beforePay = summarise(buyers.flatMap((b) => (b.beforePayMs === undefined ? [] : [b.beforePayMs])));
    const fulfilment = summarise(fulfilled);
    const sessionsPerSecond = sessions.length / creationSeconds;
    const webhooks = Object.fromEntries([...receiver.statuses].sort(([a], [b]) => a - b));

    console.log("");
    console.log(`buyers                     ${buyers.length}`);
    console.log(`sessions created           ${sessions.length}`);
    console.log(`out-of-stock refusals      ${count(buyers, outOfStock)}  (${Object.entries(refusals).map(([k, v]) => `${k} ${v}`).join(", ") || "none"})`);
    console.log(`other refusals             ${count(buyers, (b) => Boolean(b.refusal) && !outOfStock(b))}`);
    console.log(`errors                     ${errors.length}`);
    console.log(`paid                       ${paid.length}`);
    console.log(`declined                   ${count(buyers, (b) => b.payment?.outcome === "declined")}`);
    console.log(`unexpected payment answers ${count(buyers, (b) => b.payment?.outcome === "unexpected")}`);
    console.log(`not PAID within ${FULFIL_TIMEOUT_MS / 1000} s`.padEnd(27) + `${paid.length - fulfilled.length}`);
    console.log(`sessions/s                 ${sessionsPerSecond.toFixed(1)}  (${sessions.length} sessions, creation phase ${creationSeconds.toFixed(2)} s; payment phase ${paymentSeconds.toFixed(2)} s)`);
    console.log("");
    console.log("| ms | count | p50 | p95 | p99 | max |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    const handled = [...receiver.handling.values()].flat();
    const completedHandling = receiver.handling.get("checkout.session.completed") ?? [];
    const rows: [string, LatencySummary][] = [
      ["session creation (Pay)", sessionTimes],
      ["fulfilment (payment POST to PAID)", fulfilment],
      ["add, address, review (before Pay)", beforePay],
      ["webhook handler, every event", summarise(handled)],
      ["webhook handler, checkout.session.completed", summarise(completedHandling)],
    ];
    for (const [name, s] of rows) console.log(`| ${name} | ${s.count} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`);
    const confirmations = fs.readdirSync(path.join(tmp, "outbox")).filter((f) => f.endsWith(".eml")).length;
    console.log(`\nwebhooks answered: ${Object.entries(webhooks).map(([status, n]) => `${n} x ${status}`).join(", ") || "none"}; left pending ${delivery.pending}, given up ${delivery.failed}`);
    console.log(`order confirmations in the outbox: ${confirmations} (store log lines: ${storeInfoLines})`);
    const errorKinds: Record<string, number> = {};
    for (const e of errors) errorKinds[e.error!] = (errorKinds[e.error!] ?? 0) + 1;
    for (const [error, n] of Object.entries(errorKinds)) console.log(`  error, ${n} buyer${n === 1 ? "" : "s"}: ${error}`);

    const before = await checkInvariants(store, observer, stripe, variants, options.stock);
    printInvariants("Invariants", before);
    const reconcile = await store.reconcilePayments(clock(), prisma);
    console.log(`\nReconcile: ${Object.entries(reconcile).map(([k, v]) => `${k} ${v}`).join(", ")}`);
    const after = await checkInvariants(store, observer, stripe, variants, options.stock);
    printInvariants("Invariants after reconcile", after);

    const ok = invariantsHold(before.counts) && invariantsHold(after.counts);
    console.log(`\n${ok ? "PASS" : "FAIL"}  every invariant 0, before and after reconcile`);
    if (errors.length > 0) console.log(`WARN  ${errors.length} of ${buyers.length} buyers met an error instead of an answer (listed above)`);
    const results = {
      date: new Date().toISOString(),
      options,
      variants: variants.map((v) => ({ ...v, initialStock: options.stock })),
      unitsWanted: wanted,
      buyers: buyers.length,
      sessionsCreated: sessions.length,
      outOfStockRefusals: count(buyers, outOfStock),
      refusals,
      errors: errorKinds,
      paid: paid.length,
      declined: count(buyers, (b) => b.payment?.outcome === "declined"),
      notPaidInTime: paid.length - fulfilled.length,
      creationSeconds,
      paymentSeconds,
      sessionsPerSecond,
      latencyMs: { sessionCreation: sessionTimes, fulfilment, beforePay, webhookHandler: Object.fromEntries([...receiver.handling].map(([type, values]) => [type, summarise(values)])) },
      webhooks: { answered: webhooks, ...delivery },
      confirmations,
      invariants: { before: before.counts, after: after.counts, units: after.units, sandboxSessions: after.sandboxSessions, paidSessions: after.paidSessions },
      reconcile,
      ok,
    };
    const dir = path.resolve(import.meta.dirname, "results");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `checkout-${results.date.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(file, JSON.stringify(results, null, 2));
    console.log(`Results: ${path.relative(process.cwd(), file)}`);
    return ok;
  } finally {
    watcher?.stop();
    const steps: [string, (() => Promise<void> | void) | undefined][] = [
      ["sandbox", sandbox && (() => sandbox!.close())],
      ["webhook receiver", receiver && (() => receiver!.close())],
      ...clients.map((c): [string, () => Promise<void>] => ["database client", () => c.$disconnect()]),
      ["database", database && (() => database!.stop())],
      ["temporary files", () => fs.rmSync(tmp, { recursive: true, force: true })],
    ];
    for (const [name, step] of steps) {
      try {
        await step?.();
      } catch (error) {
        console.error(`stopping the ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

let options: CheckoutBenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const ok = await main(options).catch((error: unknown) => {
  console.error(error);
  return false;
});
process.exit(ok ? 0 : 1);
