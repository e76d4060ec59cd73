/**
 * The same-origin check for state-changing form posts (see lib/domain/http/same-origin):
 * the request's own origin is its Host header with the protocol it arrived on, and the
 * public URL's origin (CARAVAN_PUBLIC_URL) for a store behind a TLS-terminating proxy.
 */
import { CSRF_COOKIE, judgeSameOrigin, type OriginVerdict } from "@/lib/domain/http/same-origin";
import { serverEnv } from "@/lib/env";
import { requestCookie } from "./cookies";

export function ownOrigins(request: Request, publicUrl: string): string[] {
  const origins = [new URL(publicUrl).origin];
  const url = new URL(request.url);
  origins.push(url.origin);
  const host = request.headers.get("host");
  if (host) {
    try {
      origins.push(new URL(`${url.protocol}//${host}`).origin);
    } catch {
      // a Host header that is no host: only the other origins count
    }
  }
  return [...new Set(origins)];
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
