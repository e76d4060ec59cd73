/**
 * Two fixes at the Node HTTP layer, below Next, installed once per process from
 * instrumentation.ts:
 *
 * - Every response carries the security headers (lib/security-headers.ts), also the
 *   ones Next or this guard answer before any route or config header applies (the
 *   trailing-slash redirects, the 400s and 405s below); HSTS when the request came
 *   over HTTPS.
 * - TRACE, a method the Fetch standard forbids, cannot become a `Request`, so Next
 *   fails on it with a 500 before any route or the proxy runs: it is answered 405
 *   here. (Node itself answers methods it does not know, like TRACK, with 400, and
 *   CONNECT never reaches a request handler.)
 * - Next adds the proxy's rewrite target (`/de/jp/products/x`) to every response as
 *   `x-middleware-rewrite`; the browser never reads it and it shows the internal paths.
 * - A path with malformed percent-encoding (`/api/v1/%ZZ`, `/_next/static/%`) makes
 *   Next fail with a 500 while matching routes the proxy never sees: answered 400 here,
 *   for every path (the proxy also checks page paths for control characters).
 * - Unless the store sits behind a reverse proxy it trusts (`CARAVAN_TRUST_PROXY=true`),
 *   a client-sent `X-Forwarded-For` is replaced by the socket's own address, so a
 *   client cannot pick its rate-limit identity (lib/server/http/client-address.ts).
 * - A page's `Vary` is set by Next after the proxy's, replacing the proxy's `Cookie`
 *   (the market lives in a cookie): values of `Vary` are merged instead, since a
 *   response varies by the union of what each layer read.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { HSTS, paymentPageOrigins, securityHeaders } from "@/lib/security-headers";
import { forwardedHttps } from "@/lib/preferences";

export const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(["TRACE"]);
export const HIDDEN_RESPONSE_HEADERS: ReadonlySet<string> = new Set(["x-middleware-rewrite"]);
export const ALLOWED_METHODS = "GET, HEAD, POST";

const INSTALLED = Symbol.for("caravan.nodeGuard");

type Http = { Server: typeof Server; ServerResponse: typeof ServerResponse };

/** The union of two `Vary` values, each token once (case-insensitive), in first-seen order. */
export function mergeVary(existing: number | string | readonly string[] | undefined, added: number | string | readonly string[]): string {
  const tokens = [existing, added]
    .flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [String(v)]))
    .flatMap((v: string) => v.split(","))
    .map((t) => t.trim())
    .filter(Boolean);
  if (tokens.includes("*")) return "*";
  const seen = new Map<string, string>();
  for (const token of tokens) if (!seen.has(token.toLowerCase())) seen.set(token.toLowerCase(), token);
  return [...seen.values()].join(", ");
}

/** Whether the path part of a request target can be percent-decoded. */
export function decodablePath(target: string): boolean {
  const end = target.search(/[?#]/);
  try {
    decodeURIComponent(end === -1 ? target : target.slice(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Read per request: cheap, and the same process can be reconfigured in tests. */
const trustProxy = () => process.env.CARAVAN_TRUST_PROXY === "true";

export function installNodeGuard(http: Http): void {
  const marker = http.Server.prototype as unknown as Record<symbol, boolean>;
  if (marker[INSTALLED]) return;
  marker[INSTALLED] = true;

  const headers = securityHeaders({ development: process.env.NODE_ENV === "development", paymentPages: paymentPageOrigins(process.env) });
  const setHeader = http.ServerResponse.prototype.setHeader;
  http.ServerResponse.prototype.setHeader = function (this: ServerResponse, name: string, value: number | string | readonly string[]) {
    const lower = name.toLowerCase();
    if (HIDDEN_RESPONSE_HEADERS.has(lower)) return this;
    if (lower === "vary") return setHeader.call(this, name, mergeVary(this.getHeader("vary"), value));
    return setHeader.call(this, name, value);
  };

  const emit = http.Server.prototype.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as unknown as [IncomingMessage, ServerResponse];
      for (const { key, value } of headers) response.setHeader(key, value);
      if (forwardedHttps(request.headers["x-forwarded-proto"] as string | undefined) || (request.socket as { encrypted?: boolean })?.encrypted) {
        response.setHeader(HSTS.key, HSTS.value);
      }
      if (!trustProxy() && request.socket?.remoteAddress) request.headers["x-forwarded-for"] = request.socket.remoteAddress;
      if (FORBIDDEN_METHODS.has((request.method ?? "").toUpperCase())) {
        response.writeHead(405, { allow: ALLOWED_METHODS, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
        response.end("Method Not Allowed");
        return true;
      }
      if (!decodablePath(request.url ?? "/")) {
        response.writeHead(400, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
        response.end("Bad Request");
        return true;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof emit;
}
