/**
 * The same-origin check for state-changing form posts (see lib/domain/http/same-origin):
 * the request's own origin is its Host header with the protocol it arrived on, and the
 * public URL's origin (CARAVAN_PUBLIC_URL) for a store behind a TLS-terminating proxy.
 */
import { CSRF_COOKIE, judgeSameOrigin, type OriginVerdict } from "@/lib/domain/http/same-origin";
import { serverEnv } from "@/lib/env";
import { requestCookie } from "./cookies";

/**
 * This request's origin as the browser sees it: the Host it asked for, on the protocol
 * it used; the request URL's own origin when the Host header is absent or no host.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host");
  try {
    return host ? new URL(`${url.protocol}//${host}`).origin : url.origin;
  } catch {
    return url.origin;
  }
}

export function ownOrigins(request: Request, publicUrl: string): string[] {
  return [...new Set([new URL(publicUrl).origin, new URL(request.url).origin, requestOrigin(request)])];
}

export function checkSameOrigin(request: Request, formToken: string | null, publicUrl: string = serverEnv().CARAVAN_PUBLIC_URL): OriginVerdict {
  return judgeSameOrigin({
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
    ownOrigins: ownOrigins(request, publicUrl),
    cookieToken: requestCookie(request, CSRF_COOKIE) ?? null,
    formToken,
  });
}
