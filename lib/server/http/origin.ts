/**
 * The same-origin check for state-changing form posts (see lib/domain/http/same-origin):
 * the request's own origin is its Host header with the protocol it arrived on, and the
 * public URL's origin (CARAVAN_PUBLIC_URL) for a store behind a TLS-terminating proxy.
 */
import { CSRF_COOKIE, judgeSameOrigin, type OriginVerdict } from "@/lib/domain/http/same-origin";
import { serverEnv } from "@/lib/env";

function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

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
    cookieToken: cookieValue(request.headers.get("cookie"), CSRF_COOKIE),
    formToken,
  });
}
