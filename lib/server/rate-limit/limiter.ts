/**
 * Applies a rate-limit policy to a client key: count the hit in the shared store, then
 * the pure decision and its headers. When the store fails (database down), the request
 * is let through without headers and the failure logged as one JSON line: the limiter
 * must never be the reason a request fails.
 */
import { decide, rateLimitHeaders, windowAt, type NamedRateLimitPolicy } from "@/lib/domain/rate-limit";
import type { RateLimitStore } from "./store";

export type RateLimitOutcome =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string> };

export interface Limiter {
  check(policy: NamedRateLimitPolicy, client: string): Promise<RateLimitOutcome>;
}

export interface LimiterOptions {
  store: RateLimitStore;
  now?: () => number;
  /** Expired windows are deleted at most this often per process (default a minute). */
  pruneEveryMs?: number;
  log?: (line: string) => void;
  /** A store slower than this counts as down (default 1 s): an unreachable database must not hold requests. */
  timeoutMs?: number;
}

class StoreTimeout extends Error {
  readonly code = "RATE_LIMIT_STORE_TIMEOUT";
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Keys are bounded: a client address is short, but nothing outside should grow a row. */
const MAX_KEY_LENGTH = 200;

function logLine(level: "warn" | "error", message: string, error: unknown, extra: Record<string, unknown> = {}): string {
  const err = error as { message?: string; code?: string };
  return JSON.stringify({ level, time: new Date().toISOString(), message, error: err?.message, code: err?.code, ...extra });
}

export function createLimiter(options: LimiterOptions): Limiter {
  const now = options.now ?? Date.now;
  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 1_000;
  const log = options.log ?? ((line: string) => console.error(line));
  let lastPrune = -Infinity;

  function pruneSometimes(at: number) {
    if (at - lastPrune < pruneEveryMs) return;
    lastPrune = at;
    options.store.prune(new Date(at)).catch((error: unknown) => log(logLine("warn", "rate limit: pruning expired windows failed", error)));
  }

  return {
    async check(policy, client) {
      const at = now();
      const window = windowAt(policy, at);
      const key = `${policy.name}:${client}`.slice(0, MAX_KEY_LENGTH);
      let count: number;
      try {
        count = await withTimeout(options.store.hit(key, window), timeoutMs);
      } catch (error) {
        log(logLine("error", "rate limit unavailable: request allowed", error, { policy: policy.name }));
        return { allowed: true, headers: {} };
      }
      pruneSometimes(at);
      const decision = decide(policy, window, count, at);
      return { allowed: decision.allowed, headers: rateLimitHeaders(policy, decision) };
    },
  };
}
