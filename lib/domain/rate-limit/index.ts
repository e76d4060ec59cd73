/**
 * Rate limiting as pure decisions: a fixed window per key (the count of hits since the
 * window began), and the response headers that describe it. Storage and clocks live in
 * lib/server/rate-limit.
 *
 * Headers follow the IETF draft "RateLimit header fields for HTTP" (structured fields):
 *   RateLimit-Policy: "api";q=120;w=60     (quota per window of w seconds)
 *   RateLimit: "api";r=17;t=42             (remaining in this window; seconds until it resets)
 * plus Retry-After (seconds) on a refusal.
 */

export interface RateLimitPolicy {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface NamedRateLimitPolicy extends RateLimitPolicy {
  /** A short token naming the policy in the headers ("api", "forms"). */
  name: string;
}

export interface RateLimitWindow {
  start: Date;
  /** When a row for this window can be forgotten. */
  expiresAt: Date;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets, at least 1. */
  resetSeconds: number;
}

const MAX_LIMIT = 1_000_000;
const MAX_WINDOW_SECONDS = 86_400;

/** "120/60" (requests per seconds) to a policy; null when malformed or out of range. */
export function parseRateLimitPolicy(value: string): RateLimitPolicy | null {
  const match = /^(\d{1,7})\/(\d{1,5})$/.exec(value.trim());
  if (!match) return null;
  const limit = Number(match[1]);
  const windowSeconds = Number(match[2]);
  if (limit < 1 || limit > MAX_LIMIT || windowSeconds < 1 || windowSeconds > MAX_WINDOW_SECONDS) return null;
  return { limit, windowSeconds };
}

/** The fixed window `nowMs` falls in: windows start on multiples of their length since the epoch. */
export function windowAt(policy: RateLimitPolicy, nowMs: number): RateLimitWindow {
  const length = policy.windowSeconds * 1000;
  const start = Math.floor(nowMs / length) * length;
  return { start: new Date(start), expiresAt: new Date(start + length) };
}

/** The decision for the `count`-th hit (counting this one) in `window`. */
export function decide(policy: RateLimitPolicy, window: RateLimitWindow, count: number, nowMs: number): RateLimitDecision {
  return {
    allowed: count <= policy.limit,
    limit: policy.limit,
    remaining: Math.max(0, policy.limit - count),
    resetSeconds: Math.max(1, Math.ceil((window.expiresAt.getTime() - nowMs) / 1000)),
  };
}

/** Response headers for a decision: both RateLimit fields always, Retry-After on a refusal. */
export function rateLimitHeaders(policy: NamedRateLimitPolicy, decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-policy": `"${policy.name}";q=${policy.limit};w=${policy.windowSeconds}`,
    ratelimit: `"${policy.name}";r=${decision.remaining};t=${decision.resetSeconds}`,
  };
  if (!decision.allowed) headers["retry-after"] = String(decision.resetSeconds);
  return headers;
}
