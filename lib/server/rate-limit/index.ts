/**
 * The store's rate limits, configured by CARAVAN_RATE_LIMIT_API and
 * CARAVAN_RATE_LIMIT_FORMS ("<requests>/<seconds>") and counted per client address
 * (see ../http/client-address.ts) in PostgreSQL.
 */
import { getPrisma } from "@/lib/db/client";
import type { NamedRateLimitPolicy } from "@/lib/domain/rate-limit";
import { serverEnv } from "@/lib/env";
import { clientAddress } from "@/lib/server/http/client-address";
import { createLimiter, type Limiter, type RateLimitOutcome } from "./limiter";
import { prismaRateLimitStore } from "./store";

export type RateLimitBucket = "api" | "forms";

export function rateLimitPolicy(bucket: RateLimitBucket): NamedRateLimitPolicy {
  const env = serverEnv();
  return { name: bucket, ...(bucket === "api" ? env.CARAVAN_RATE_LIMIT_API : env.CARAVAN_RATE_LIMIT_FORMS) };
}

const globalForLimiter = globalThis as unknown as { caravanLimiter?: Limiter };

function limiter(): Limiter {
  globalForLimiter.caravanLimiter ??= createLimiter({ store: prismaRateLimitStore(getPrisma) });
  return globalForLimiter.caravanLimiter;
}

/** Counts this request against `bucket` for its client. */
export function limitRequest(request: Request, bucket: RateLimitBucket): Promise<RateLimitOutcome> {
  return limiter().check(rateLimitPolicy(bucket), clientAddress(request.headers, serverEnv().CARAVAN_TRUST_PROXY));
}

export { createLimiter, type Limiter, type RateLimitOutcome } from "./limiter";
export { prismaRateLimitStore, type RateLimitStore } from "./store";
