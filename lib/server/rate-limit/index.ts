/**
 * The store's rate limits, configured by CARAVAN_RATE_LIMIT_API and
 * CARAVAN_RATE_LIMIT_FORMS ("<requests>/<seconds>") and counted per client address
 * (see ../http/client-address.ts) in PostgreSQL. The address is counted under a keyed
 * hash of it, never stored as it is: a visitor's IP address is personal data.
 */
import crypto from "node:crypto";
import { getPrisma } from "@/lib/db/client";
import type { NamedRateLimitPolicy } from "@/lib/domain/rate-limit";
import { serverEnv } from "@/lib/env";
import { storeSecret } from "@/lib/server/checkout/access";
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

/** The name a client address is counted under: an HMAC of it under a key of the store's secret. */
export function clientKey(address: string): string {
  return crypto.createHmac("sha256", storeSecret()).update(`rate-limit:${address}`).digest("base64url").slice(0, 22);
}

/** Counts this request against `bucket` for its client. */
export function limitRequest(request: Request, bucket: RateLimitBucket): Promise<RateLimitOutcome> {
  return limiter().check(rateLimitPolicy(bucket), clientKey(clientAddress(request.headers, serverEnv().CARAVAN_TRUST_PROXY)));
}

export { createLimiter, type Limiter, type RateLimitOutcome } from "./limiter";
export { prismaRateLimitStore, type RateLimitStore } from "./store";
