import { describe, expect, it } from "vitest";
import { decide, parseRateLimitPolicy, rateLimitHeaders, windowAt } from "./index";

describe("parseRateLimitPolicy", () => {
  it.each([
    ["120/60", { limit: 120, windowSeconds: 60 }],
    ["1/1", { limit: 1, windowSeconds: 1 }],
    [" 30/60 ", { limit: 30, windowSeconds: 60 }],
    ["1000000/86400", { limit: 1_000_000, windowSeconds: 86_400 }],
  ])("reads %s", (value, policy) => {
    expect(parseRateLimitPolicy(value)).toEqual(policy);
  });

  it.each(["", "120", "120/", "/60", "0/60", "10/0", "-1/60", "1.5/60", "10/86401", "2000000/60", "ten/60", "10/60/2", "10 / 60", "0x10/60"])(
    "refuses %j",
    (value) => {
      expect(parseRateLimitPolicy(value)).toBeNull();
    },
  );
});

describe("fixed windows", () => {
  const policy = { name: "api", limit: 3, windowSeconds: 60 };

  it("starts windows on multiples of their length and expires them at the next one", () => {
    const window = windowAt(policy, Date.UTC(2026, 0, 1, 12, 0, 59, 999));
    expect(window.start.toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(window.expiresAt.toISOString()).toBe("2026-01-01T12:01:00.000Z");
    expect(windowAt(policy, Date.UTC(2026, 0, 1, 12, 1)).start.toISOString()).toBe("2026-01-01T12:01:00.000Z");
  });

  it("allows up to the limit, then refuses, counting down what remains", () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 20);
    const window = windowAt(policy, now);
    expect([1, 2, 3, 4, 5].map((count) => decide(policy, window, count, now))).toEqual([
      { allowed: true, limit: 3, remaining: 2, resetSeconds: 40 },
      { allowed: true, limit: 3, remaining: 1, resetSeconds: 40 },
      { allowed: true, limit: 3, remaining: 0, resetSeconds: 40 },
      { allowed: false, limit: 3, remaining: 0, resetSeconds: 40 },
      { allowed: false, limit: 3, remaining: 0, resetSeconds: 40 },
    ]);
  });

  it("rounds the reset up to whole seconds, never to zero", () => {
    const window = windowAt(policy, Date.UTC(2026, 0, 1, 12, 0, 0));
    expect(decide(policy, window, 1, window.expiresAt.getTime() - 1).resetSeconds).toBe(1);
    expect(decide(policy, window, 1, window.expiresAt.getTime() - 1500).resetSeconds).toBe(2);
    expect(decide(policy, window, 1, window.start.getTime()).resetSeconds).toBe(60);
  });
});

describe("rateLimitHeaders", () => {
  const policy = { name: "forms", limit: 30, windowSeconds: 60 };

  it("describes the policy and what remains, without Retry-After while allowed", () => {
    expect(rateLimitHeaders(policy, { allowed: true, limit: 30, remaining: 12, resetSeconds: 9 })).toEqual({
      "ratelimit-policy": '"forms";q=30;w=60',
      ratelimit: '"forms";r=12;t=9',
    });
  });

  it("adds Retry-After in seconds on a refusal", () => {
    expect(rateLimitHeaders(policy, { allowed: false, limit: 30, remaining: 0, resetSeconds: 41 })).toEqual({
      "ratelimit-policy": '"forms";q=30;w=60',
      ratelimit: '"forms";r=0;t=41',
      "retry-after": "41",
    });
  });
});
