import "server-only";
import { serverEnv, type Env } from "@/lib/env";

/**
 * Where payments go. With STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET) set, Stripe
 * itself (test or live mode, as the key says), or STRIPE_API_URL when that is set too.
 * Without a key, the local Stripe sandbox (`npm run stripe:sandbox`, started by
 * `npm start` and the test suites) at STRIPE_SANDBOX_URL with its test key.
 */
export interface PaymentsConfig {
  secretKey: string;
  webhookSecret: string;
  /** Null: Stripe's own API. */
  api: { host: string; port: number; protocol: "http" | "https" } | null;
  /** A test key (sk_test_ or rk_test_) or the sandbox: no real money moves. */
  testMode: boolean;
  sandbox: boolean;
}

function apiOf(url: string): PaymentsConfig["api"] {
  const parsed = new URL(url);
  const protocol = parsed.protocol === "http:" ? "http" : "https";
  return { host: parsed.hostname, port: Number(parsed.port || (protocol === "http" ? 80 : 443)), protocol };
}

export function paymentsConfigOf(env: Env): PaymentsConfig {
  if (env.STRIPE_SECRET_KEY) {
    return {
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? "",
      api: env.STRIPE_API_URL ? apiOf(env.STRIPE_API_URL) : null,
      testMode: !/^(sk|rk)_live_/.test(env.STRIPE_SECRET_KEY),
      sandbox: false,
    };
  }
  return {
    secretKey: env.STRIPE_SANDBOX_SECRET_KEY,
    webhookSecret: env.STRIPE_SANDBOX_WEBHOOK_SECRET,
    api: apiOf(env.STRIPE_API_URL ?? env.STRIPE_SANDBOX_URL),
    testMode: true,
    sandbox: true,
  };
}

export function paymentsConfig(): PaymentsConfig {
  return paymentsConfigOf(serverEnv());
}
