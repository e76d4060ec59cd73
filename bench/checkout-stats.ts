/**
 * The checkout benchmark's pure parts (bench/checkout.ts does the I/O): its options,
 * a seeded random source, latency percentiles, a bounded-concurrency runner, and the
 * invariants checked after the race: no unit sold twice, every paid session matched by
 * exactly one paid order of the same amount, no buyer charged twice, no order paid
 * without a payment.
 */

export interface CheckoutBenchOptions {
  /** Buyers racing for the limited stock. */
  buyers: number;
  /** Buyers in flight at once (the default: all of them). */
  concurrency: number;
  /** Units of each limited variant; by default half of what the buyers want on average, so they oversubscribe it. */
  stock: number;
  /** How many variants the stock is spread over. */
  variants: number;
  /** Every `declineEvery`-th paying buyer uses the decline card (10 %). */
  declineEvery: number;
  /** Seed of the random choices (variant and quantity per buyer), so runs are comparable. */
  seed: number;
}

/** Quantities a buyer adds: 1 or 2, so 1.5 on average. */
export const MAX_QUANTITY = 2;

/** Stock per variant such that the buyers want about twice what there is (30 units each for 200 buyers over 5 variants). */
export function defaultStock(buyers: number, variants: number): number {
  return Math.max(1, Math.round((buyers * 0.75) / variants));
}

function wholeNumber(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min) throw new Error(`--${name} needs a whole number of at least ${min}, got ${value ?? "nothing"}`);
  return n;
}

/** `--buyers N --concurrency C --stock S --variants V --seed X`; anything else is refused. */
export function parseOptions(argv: readonly string[]): CheckoutBenchOptions {
  const given: Record<string, string | undefined> = {};
  const known = ["buyers", "concurrency", "stock", "variants", "seed"];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const name = flag.startsWith("--") ? flag.slice(2) : "";
    if (!known.includes(name)) throw new Error(`Unknown option ${flag} (known: ${known.map((k) => `--${k}`).join(", ")})`);
    given[name] = argv[++i];
  }
  const option = (name: string, min: number, fallback: () => number) => (name in given ? wholeNumber(name, given[name], min) : fallback());
  const buyers = option("buyers", 1, () => 200);
  const variants = option("variants", 1, () => 5);
  return {
    buyers,
    concurrency: option("concurrency", 1, () => buyers),
    stock: option("stock", 0, () => defaultStock(buyers, variants)),
    variants,
    declineEvery: 10,
    seed: option("seed", 0, () => 1),
  };
}

/** A small seeded generator (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What each buyer will do: which limited variant, how many, and whether their card is declined. */
export interface BuyerPlan {
  index: number;
  variantIndex: number;
  quantity: number;
  declines: boolean;
}

export function planBuyers(options: Pick<CheckoutBenchOptions, "buyers" | "variants" | "declineEvery" | "seed">): BuyerPlan[] {
  const random = seededRandom(options.seed);
  return Array.from({ length: options.buyers }, (_, index) => ({
    index,
    variantIndex: Math.floor(random() * options.variants),
    quantity: 1 + Math.floor(random() * MAX_QUANTITY),
    declines: index % options.declineEvery === options.declineEvery - 1,
  }));
}

/** The nearest-rank percentile (p in 0..100) of `values`; null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface LatencySummary {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Milliseconds, rounded to a tenth. */
export function summarise(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(values.length ? Math.max(...values) : null),
  };
}

/** Runs `task` over `items` with at most `limit` in flight; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

// ---------------------------------------------------------------- invariants

/** One limited variant after the run: its stock before and now, and the units its reservations hold. */
export interface StockRow {
  variantId: string;
  initial: number;
  current: number;
  committed: number;
  held: number;
}

export interface StockViolation {
  variantId: string;
  problems: string[];
  /** Units unaccounted for, below zero, or sold beyond the stock (the largest of these). */
  units: number;
}

/**
 * Every unit taken from stock is held or sold by exactly one reservation, stock never
 * goes below zero, and no more is held or sold than there was. One entry per variant
 * that breaks any of these.
 */
export function stockViolations(rows: readonly StockRow[]): StockViolation[] {
  const out: StockViolation[] = [];
  for (const r of rows) {
    const reserved = r.committed + r.held;
    const balance = r.initial - r.current - reserved;
    const problems: string[] = [];
    if (balance !== 0) problems.push(`${r.initial} initial - ${r.current} in stock - ${reserved} reserved = ${balance}, not 0`);
    if (r.current < 0) problems.push(`stock below zero (${r.current})`);
    if (reserved > r.initial) problems.push(`${reserved} units sold or held of ${r.initial}`);
    if (problems.length > 0) out.push({ variantId: r.variantId, problems, units: Math.max(Math.abs(balance), -r.current, reserved - r.initial) });
  }
  return out;
}

/** A session the provider reports paid, its amount in the store's minor units. */
export interface PaidSession {
  id: string;
  /** The order the session names (metadata), if any. */
  orderId: string | null;
  amountMinor: number;
  currency: string;
}

export interface PaymentRow {
  sessionId: string;
  orderId: string;
}

export interface OrderRow {
  id: string;
  cartId: string;
  status: string;
  totalMinor: number;
  currency: string;
}

export interface PaymentViolations {
  /** Paid sessions without exactly one PAID order of the same amount and currency. */
  unmatchedPaidSessions: { sessionId: string; problem: string }[];
  /** Orders or carts paid by more than one session (each cart in the bench buys once). */
  doubleCharges: { subject: string; sessions: string[] }[];
  /** PAID orders that no paid session pays. */
  paidWithoutSession: string[];
}

export function paymentViolations(input: { paidSessions: readonly PaidSession[]; payments: readonly PaymentRow[]; orders: readonly OrderRow[] }): PaymentViolations {
  const orders = new Map(input.orders.map((o) => [o.id, o]));
  const bySession = new Map(input.payments.map((p) => [p.sessionId, p]));
  const unmatchedPaidSessions: PaymentViolations["unmatchedPaidSessions"] = [];
  const perOrder = new Map<string, string[]>();
  const perCart = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, id: string) => map.set(key, [...(map.get(key) ?? []), id]);

  for (const s of input.paidSessions) {
    const payment = bySession.get(s.id);
    const orderId = payment?.orderId ?? s.orderId;
    const order = orderId ? orders.get(orderId) : undefined;
    if (orderId) push(perOrder, `order ${orderId}`, s.id);
    if (order) push(perCart, `cart ${order.cartId}`, s.id);
    let problem: string | null = null;
    if (!payment) problem = "no payment row for the session";
    else if (s.orderId && s.orderId !== payment.orderId) problem = `the session names order ${s.orderId}, its payment row ${payment.orderId}`;
    else if (!order) problem = `no order ${orderId}`;
    else if (order.status !== "PAID") problem = `order ${order.id} is ${order.status}`;
    else if (order.totalMinor !== s.amountMinor || order.currency !== s.currency) problem = `paid ${s.amountMinor} ${s.currency}, order ${order.id} is ${order.totalMinor} ${order.currency}`;
    if (problem) unmatchedPaidSessions.push({ sessionId: s.id, problem });
  }

  const doubleCharges = [...perOrder, ...perCart].filter(([, sessions]) => sessions.length > 1).map(([subject, sessions]) => ({ subject, sessions }));
  const paidSessionIds = new Set(input.paidSessions.map((s) => s.id));
  const paidWithoutSession = input.orders
    .filter((o) => o.status === "PAID")
    .filter((o) => !input.payments.some((p) => p.orderId === o.id && paidSessionIds.has(p.sessionId)))
    .map((o) => o.id);
  return { unmatchedPaidSessions, doubleCharges, paidWithoutSession };
}

export interface InvariantCounts {
  oversoldUnits: number;
  paidSessionsUnmatched: number;
  doubleCharges: number;
  paidOrdersWithoutSession: number;
}

export function invariantCounts(stock: readonly StockViolation[], payments: PaymentViolations): InvariantCounts {
  return {
    oversoldUnits: stock.reduce((sum, v) => sum + v.units, 0),
    paidSessionsUnmatched: payments.unmatchedPaidSessions.length,
    doubleCharges: payments.doubleCharges.length,
    paidOrdersWithoutSession: payments.paidWithoutSession.length,
  };
}

export function invariantsHold(counts: InvariantCounts): boolean {
  return Object.values(counts).every((n) => n === 0);
}
