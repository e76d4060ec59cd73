/**
 * Security headers sent with every response (lib/server/http/node-guard.ts). The Content-Security-
 * Policy is as strict as statically rendered pages allow: scripts only from this
 * origin, plus inline scripts, because a prerendered page is the same bytes for every
 * visitor and cannot carry a per-request nonce (docs/adr/0010 weighs the trade-off).
 */
export interface HeaderOptions {
  /** `next dev` evaluates code with `eval` for fast refresh. */
  development: boolean;
  /** Origins the checkout form may be redirected to: the payment provider's hosted page. */
  paymentPages?: readonly string[];
}

/**
 * Where checkout hands the buyer over: Stripe's hosted Checkout, or the local sandbox's
 * page when no Stripe key is set (browsers apply `form-action` to a form's redirect).
 */
export function paymentPageOrigins(env: Record<string, string | undefined>): string[] {
  const origin = (url: string | undefined) => {
    try {
      return url ? [new URL(url).origin] : [];
    } catch {
      return [];
    }
  };
  if (env.STRIPE_SECRET_KEY) return ["https://checkout.stripe.com", ...origin(env.STRIPE_API_URL)];
  return origin(env.STRIPE_API_URL || env.STRIPE_SANDBOX_URL || "http://127.0.0.1:12111");
}

/** Sent only on responses to requests that arrived over HTTPS. */
export const HSTS = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };

export function contentSecurityPolicy({ development, paymentPages = [] }: HeaderOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(development ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...paymentPages],
    "frame-ancestors": ["'none'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders(options: HeaderOptions): { key: string; value: string }[] {
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(self), usb=()",
    },
  ];
  return headers;
}
