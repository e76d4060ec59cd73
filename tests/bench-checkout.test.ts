import { describe, expect, it } from "vitest";
import {
  defaultStock,
  invariantCounts,
  invariantsHold,
  mapLimit,
  parseOptions,
  paymentViolations,
  percentile,
  planBuyers,
  seededRandom,
  stockViolations,
  summarise,
  type OrderRow,
  type PaidSession,
  type PaymentRow,
} from "@/bench/checkout-stats";

describe("checkout benchmark: options", () => {
  it("defaults to 200 buyers all at once, over 5 variants of 30 units (twice oversubscribed)", () => {
    expect(parseOptions([])).toEqual({ buyers: 200, concurrency: 200, stock: 30, variants: 5, declineEvery: 10, seed: 1 });
  });

  it("follows the buyers when only they are given: all at once, stock scaled to stay oversubscribed", () => {
    expect(parseOptions(["--buyers", "50"])).toMatchObject({ buyers: 50, concurrency: 50, stock: 8 });
    expect(parseOptions(["--buyers", "50", "--concurrency", "10", "--stock", "3", "--variants", "2", "--seed", "7"])).toMatchObject({
      buyers: 50,
      concurrency: 10,
      stock: 3,
      variants: 2,
      seed: 7,
    });
    expect(defaultStock(1, 5)).toBe(1);
  });

  it("refuses unknown options and what is not a whole number in range", () => {
    expect(() => parseOptions(["--buyer", "5"])).toThrow(/Unknown option --buyer/);
    expect(() => parseOptions(["checkout"])).toThrow(/Unknown option/);
    expect(() => parseOptions(["--buyers"])).toThrow(/--buyers needs a whole number/);
    expect(() => parseOptions(["--buyers", "0"])).toThrow(/at least 1/);
    expect(() => parseOptions(["--concurrency", "2.5"])).toThrow(/--concurrency/);
    expect(() => parseOptions(["--stock", "-1"])).toThrow(/--stock/);
  });
});

describe("checkout benchmark: buyers", () => {
  it("the same seed gives the same choices; another seed others", () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    const first = Array.from({ length: 20 }, a);
    expect(Array.from({ length: 20 }, b)).toEqual(first);
    expect(Array.from({ length: 20 }, seededRandom(4))).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("each buyer wants 1 or 2 units of one of the variants; one in ten uses the decline card", () => {
    const plans = planBuyers({ buyers: 200, variants: 5, declineEvery: 10, seed: 1 });
    expect(plans.map((p) => p.index)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(new Set(plans.map((p) => p.variantIndex))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(new Set(plans.map((p) => p.quantity))).toEqual(new Set([1, 2]));
    expect(plans.filter((p) => p.declines)).toHaveLength(20);
    const wanted = plans.reduce((s, p) => s + p.quantity, 0);
    expect(wanted).toBeGreaterThan(5 * defaultStock(200, 5));
  });
});

describe("checkout benchmark: latency", () => {
  it("nearest-rank percentiles, whatever the order of the values", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(percentile([1, 2, 3], 50)).toBe(2);
  });

  it("summarises in tenths of a millisecond, and says when there is nothing", () => {
    expect(summarise([1.04, 2.26, 3.35])).toEqual({ count: 3, p50: 2.3, p95: 3.4, p99: 3.4, max: 3.4 });
    expect(summarise([])).toEqual({ count: 0, p50: null, p95: null, p99: null, max: null });
  });

  it("runs at most `limit` tasks at once and keeps the items' order", async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapLimit([5, 1, 4, 2, 3], 2, async (n, i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10 + i;
    });
    expect(results).toEqual([50, 11, 42, 23, 34]);
    expect(most).toBe(2);
    expect(await mapLimit([], 5, async () => 1)).toEqual([]);
  });
});

describe("checkout benchmark: stock invariant", () => {
  it("holds when every unit taken is held or sold", () => {
    expect(stockViolations([{ variantId: "v", initial: 30, current: 0, committed: 27, held: 3 }])).toEqual([]);
    expect(stockViolations([{ variantId: "v", initial: 30, current: 30, committed: 0, held: 0 }])).toEqual([]);
  });

  it("finds units lost or sold twice, stock below zero, and more sold than there was", () => {
    const [lost] = stockViolations([{ variantId: "lost", initial: 30, current: 2, committed: 27, held: 0 }]);
    expect(lost).toMatchObject({ variantId: "lost", units: 1 });
    const [twice] = stockViolations([{ variantId: "twice", initial: 30, current: 0, committed: 31, held: 1 }]);
    expect(twice).toMatchObject({ units: 2 });
    expect(twice!.problems).toHaveLength(2);
    const [negative] = stockViolations([{ variantId: "negative", initial: 30, current: -3, committed: 33, held: 0 }]);
    expect(negative).toMatchObject({ units: 3 });
    expect(negative!.problems.join(" ")).toMatch(/below zero.*33 units sold or held of 30/);
  });
});

describe("checkout benchmark: payment invariants", () => {
  const order = (id: string, status = "PAID", cartId = `cart_${id}`): OrderRow => ({ id, cartId, status, totalMinor: 4200, currency: "JPY" });
  const session = (id: string, orderId: string | null, amountMinor = 4200, currency = "JPY"): PaidSession => ({ id, orderId, amountMinor, currency });
  const pay = (sessionId: string, orderId: string): PaymentRow => ({ sessionId, orderId });

  it("holds when each paid session pays one PAID order of its amount, and each PAID order has one", () => {
    const result = paymentViolations({
      paidSessions: [session("cs_1", "o1"), session("cs_2", "o2")],
      payments: [pay("cs_1", "o1"), pay("cs_2", "o2"), pay("cs_3", "o3")],
      orders: [order("o1"), order("o2"), order("o3", "AWAITING_PAYMENT")],
    });
    expect(result).toEqual({ unmatchedPaidSessions: [], doubleCharges: [], paidWithoutSession: [] });
    expect(invariantsHold(invariantCounts([], result))).toBe(true);
  });

  it("finds a paid session whose order is not PAID, charged another amount or currency, or not known", () => {
    const result = paymentViolations({
      paidSessions: [session("cs_open", "o1"), session("cs_amount", "o2", 4300), session("cs_currency", "o3", 4200, "EUR"), session("cs_lost", "o4"), session("cs_swapped", "o5")],
      payments: [pay("cs_open", "o1"), pay("cs_amount", "o2"), pay("cs_currency", "o3"), pay("cs_swapped", "o6")],
      orders: [order("o1", "AWAITING_PAYMENT"), order("o2"), order("o3"), order("o5"), order("o6")],
    });
    expect(Object.fromEntries(result.unmatchedPaidSessions.map((u) => [u.sessionId, u.problem]))).toEqual({
      cs_open: "order o1 is AWAITING_PAYMENT",
      cs_amount: "paid 4300 JPY, order o2 is 4200 JPY",
      cs_currency: "paid 4200 EUR, order o3 is 4200 JPY",
      cs_lost: "no payment row for the session",
      cs_swapped: "the session names order o5, its payment row o6",
    });
    expect(result.paidWithoutSession).toEqual(["o5"]);
  });

  it("finds double charges: two paid sessions for one order, or for two orders of one cart", () => {
    const result = paymentViolations({
      paidSessions: [session("cs_a", "o1"), session("cs_b", "o1"), session("cs_c", "o2"), session("cs_d", "o3")],
      payments: [pay("cs_a", "o1"), pay("cs_b", "o1"), pay("cs_c", "o2"), pay("cs_d", "o3")],
      orders: [order("o1"), order("o2", "PAID", "shared"), order("o3", "PAID", "shared")],
    });
    expect(result.doubleCharges).toEqual([
      { subject: "order o1", sessions: ["cs_a", "cs_b"] },
      { subject: "cart cart_o1", sessions: ["cs_a", "cs_b"] },
      { subject: "cart shared", sessions: ["cs_c", "cs_d"] },
    ]);
    expect(invariantCounts([], result)).toEqual({ oversoldUnits: 0, paidSessionsUnmatched: 0, doubleCharges: 3, paidOrdersWithoutSession: 0 });
  });

  it("finds PAID orders that no paid session pays", () => {
    const result = paymentViolations({
      paidSessions: [],
      payments: [pay("cs_declined", "o1")],
      orders: [order("o1"), order("o2"), order("o3", "CANCELLED")],
    });
    expect(result.paidWithoutSession).toEqual(["o1", "o2"]);
    const counts = invariantCounts([{ variantId: "v", problems: ["x"], units: 4 }], result);
    expect(counts).toEqual({ oversoldUnits: 4, paidSessionsUnmatched: 0, doubleCharges: 0, paidOrdersWithoutSession: 2 });
    expect(invariantsHold(counts)).toBe(false);
  });
});
