import crypto from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { createLimiter, prismaRateLimitStore, type RateLimitStore } from "@/lib/server/rate-limit";

const prisma = createPrismaClient(inject("databaseUrl"));
const store = prismaRateLimitStore(() => prisma);
afterAll(() => prisma.$disconnect());

/** A policy of its own per test, so tests never share counters. */
const policy = (limit: number, windowSeconds = 60) => ({ name: `t${crypto.randomBytes(4).toString("hex")}`, limit, windowSeconds });

function clock(start = Date.UTC(2026, 11, 1, 12, 0, 10)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("rate limiter on PostgreSQL", () => {
  it("allows N requests in a window, then answers refused with Retry-After", async () => {
    const time = clock();
    const limiter = createLimiter({ store, now: time.now });
    const p = policy(3);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await limiter.check(p, "203.0.113.1"));
    expect(outcomes.map((o) => o.allowed)).toEqual([true, true, true, false, false]);
    expect(outcomes[0]!.headers).toEqual({ "ratelimit-policy": `"${p.name}";q=3;w=60`, ratelimit: `"${p.name}";r=2;t=50` });
    expect(outcomes[2]!.headers.ratelimit).toBe(`"${p.name}";r=0;t=50`);
    expect(outcomes[3]!.headers).toEqual({ "ratelimit-policy": `"${p.name}";q=3;w=60`, ratelimit: `"${p.name}";r=0;t=50`, "retry-after": "50" });
  });

  it("counts each client and each policy on its own", async () => {
    const limiter = createLimiter({ store, now: clock().now });
    const a = policy(1);
    const b = policy(1);
    expect((await limiter.check(a, "198.51.100.1")).allowed).toBe(true);
    expect((await limiter.check(a, "198.51.100.1")).allowed).toBe(false);
    expect((await limiter.check(a, "198.51.100.2")).allowed).toBe(true);
    expect((await limiter.check(b, "198.51.100.1")).allowed).toBe(true);
  });

  it("starts afresh when the window resets", async () => {
    const time = clock();
    const limiter = createLimiter({ store, now: time.now });
    const p = policy(2, 10);
    await limiter.check(p, "client");
    await limiter.check(p, "client");
    expect((await limiter.check(p, "client")).allowed).toBe(false);
    time.advance(9_999);
    expect((await limiter.check(p, "client")).allowed).toBe(false);
    time.advance(1);
    const fresh = await limiter.check(p, "client");
    expect(fresh).toEqual({ allowed: true, headers: { "ratelimit-policy": `"${p.name}";q=2;w=10`, ratelimit: `"${p.name}";r=1;t=10` } });
  });

  it("counts 50 concurrent hits exactly", async () => {
    const limiter = createLimiter({ store, now: clock().now });
    const p = policy(20);
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => limiter.check(p, "203.0.113.50")));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(20);
    const rows = await prisma.rateLimitWindow.findMany({ where: { key: `${p.name}:203.0.113.50` } });
    expect(rows.map((r) => r.count)).toEqual([50]);
    const remaining = outcomes.map((o) => Number(/r=(\d+)/.exec(o.headers.ratelimit!)![1])).sort((x, y) => y - x);
    expect(remaining.slice(0, 20)).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it("prunes expired windows now and then, keeping current ones", async () => {
    const time = clock();
    const limiter = createLimiter({ store, now: time.now, pruneEveryMs: 0 });
    const old = policy(5, 1);
    const current = policy(5, 3600);
    await limiter.check(old, "x");
    await limiter.check(current, "x");
    time.advance(5_000);
    await limiter.check(current, "x");
    await expect.poll(() => prisma.rateLimitWindow.count({ where: { key: `${old.name}:x` } })).toBe(0);
    expect(await prisma.rateLimitWindow.count({ where: { key: `${current.name}:x` } })).toBe(1);
  });

  it("caps the length of the stored key", async () => {
    const limiter = createLimiter({ store, now: clock().now });
    const p = policy(1);
    await limiter.check(p, "a".repeat(5000));
    const rows = await prisma.rateLimitWindow.findMany({ where: { key: { startsWith: `${p.name}:` } } });
    expect(rows[0]!.key.length).toBe(200);
  });
});

describe("rate limiter when the database is down", () => {
  it("lets the request through without headers and logs one JSON line", async () => {
    const down = createPrismaClient("postgresql://caravan:x@127.0.0.1:9/caravan");
    const lines: string[] = [];
    const limiter = createLimiter({ store: prismaRateLimitStore(() => down), log: (line) => lines.push(line) });
    try {
      expect(await limiter.check(policy(1), "client")).toEqual({ allowed: true, headers: {} });
    } finally {
      await down.$disconnect();
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "error", message: "rate limit unavailable: request allowed" });
  });

  it("does not wait for a store that never answers", async () => {
    const hung: RateLimitStore = { hit: () => new Promise<number>(() => undefined), prune: async () => 0 };
    const lines: string[] = [];
    const limiter = createLimiter({ store: hung, timeoutMs: 50, log: (line) => lines.push(line) });
    expect(await limiter.check(policy(1), "client")).toEqual({ allowed: true, headers: {} });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "error", code: "RATE_LIMIT_STORE_TIMEOUT" });
  });
});

describe("the store's limits", () => {
  it("count a client under a keyed hash of its address, never the address itself", async () => {
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const { clientKey, limitRequest } = await import("@/lib/server/rate-limit");
    const address = "198.51.100.219";
    expect(clientKey(address)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(clientKey(address)).toBe(clientKey(address));
    expect(clientKey(address)).not.toBe(clientKey("198.51.100.220"));
    const request = new Request("http://127.0.0.1/api/v1/landed-cost", { headers: { "x-forwarded-for": address, "x-real-ip": address } });
    await limitRequest(request, "api");
    expect(await prisma.rateLimitWindow.count({ where: { key: { endsWith: clientKey(address) } } })).toBeGreaterThan(0);
    expect(await prisma.rateLimitWindow.count({ where: { key: { contains: address } } })).toBe(0);
  });
});
