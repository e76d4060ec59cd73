/**
 * Request routing for the storefront (Next.js 16 "proxy", formerly middleware), driven
 * by the table of surfaces in lib/domain/surfaces (docs/adr/0008):
 * 1. methods a page does not answer get 405; undecodable or control-character paths 400;
 * 2. a path without a supported locale is redirected to one (cookie, else Accept-Language);
 * 3. browse and market surfaces get the ship-to market (cookie, else negotiated and
 *    remembered) as an internal path segment, so `/de/products/x` renders
 *    `/de/jp/products/x`: every market gets its own cacheable page while the public URL
 *    carries only the language; catalogue filters move from the query string into path
 *    segments (docs/adr/0004);
 * 4. personal surfaces keep the locale prefix only; signed-in ones redirect to sign-in
 *    when no session cookie is present;
 * 5. anything else is one uncached 404, so the page cache is bounded by the catalogue.
 */
import { NextResponse, type NextRequest } from "next/server";
import {
  defaultMarketFor,
  findMarket,
  isLocale,
  negotiateLocale,
  negotiateMarket,
  type Locale,
  type MarketDefinition,
} from "@/lib/domain/markets";
import { catalogueSearch, encodeQuerySegments, parseCatalogueQuery } from "@/lib/domain/catalogue/query";
import { PAGE_METHODS, decodeSegment, needsSignIn, signInPath, surfaceOf } from "@/lib/domain/surfaces";
import { LOCALE_COOKIE, MARKET_COOKIE, PREFERENCE_MAX_AGE, SESSION_COOKIES, isSecureRequest } from "@/lib/preferences";
import { databaseReachable } from "@/lib/db/health";

/** The internal path that renders the localized 404 (the catch-all page); never cached. */
const MISSING = "missing";

function plain(status: number, body: string, headers: Record<string, string> = {}) {
  return new NextResponse(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
}

export async function proxy(request: NextRequest) {
  if (!PAGE_METHODS.has(request.method)) return plain(405, "Method Not Allowed", { allow: [...PAGE_METHODS].join(", ") });

  const { pathname, searchParams } = request.nextUrl;
  const raw = pathname.split("/").filter(Boolean);
  const segments = raw.map(decodeSegment);
  if (segments.some((s) => s === undefined)) return plain(400, "Bad Request");
  // Generated images and uploaded photos: only the decoding check above; their routes answer the rest.
  if (segments[0] === "images" || segments[0] === "media") return NextResponse.next();
  const first = segments[0];
  const secure = isSecureRequest(request);

  if (!isLocale(first)) {
    const remembered = request.cookies.get(LOCALE_COOKIE)?.value;
    const locale: Locale = isLocale(remembered) ? remembered : negotiateLocale(request.headers.get("accept-language"));
    const url = request.nextUrl.clone();
    url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`;
    return NextResponse.redirect(url);
  }

  const locale = first;
  const rest = raw.slice(1);
  const cookieMarket = findMarket(request.cookies.get(MARKET_COOKIE)?.value);
  const market =
    cookieMarket ??
    (request.headers.get("accept-language")
      ? negotiateMarket(locale, request.headers.get("accept-language"))
      : defaultMarketFor(locale));
  const surface = surfaceOf(rest);
  const url = request.nextUrl.clone();

  const finish = (response: NextResponse) => remember(request, response, locale, cookieMarket ? undefined : market, secure);

  if (!surface) {
    url.pathname = internalPath(locale, market, [MISSING]);
    url.search = "";
    return finish(NextResponse.rewrite(url, { status: 404, headers: { "cache-control": "no-store" } }));
  }

  if (surface.kind === "personal") {
    if (needsSignIn(surface, rest) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
      const back = pathname + request.nextUrl.search;
      return finish(NextResponse.redirect(new URL(signInPath(locale, back), request.url), 303));
    }
    return finish(withHeaders(NextResponse.next(), { "cache-control": "private, no-store" }));
  }

  // Rendered per request: cannot be served from a cache while the database is down.
  // Read per request (not through parseEnv): this runs on every page view.
  if (surface.dynamic && !(await databaseReachable(process.env.DATABASE_URL))) {
    console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message: "database unreachable: answered 503", path: pathname }));
    url.pathname = `/${locale}/unavailable`;
    url.search = "";
    return NextResponse.rewrite(url, { status: 503, headers: { "retry-after": "30", "cache-control": "no-store" } });
  }

  if (surface.segment === "catalogue") {
    const query = parseCatalogueQuery(searchParams, market.currency);
    const canonical = catalogueSearch(query, market.currency);
    if (request.nextUrl.search && request.nextUrl.search !== canonical) {
      const fixed = request.nextUrl.clone();
      fixed.search = canonical;
      return NextResponse.redirect(fixed);
    }
    url.pathname = internalPath(locale, market, ["catalogue", ...encodeQuerySegments(query, market.currency)]);
    url.search = "";
  } else {
    url.pathname = internalPath(locale, market, rest);
  }

  // The page depends on the market cookie: a shared cache must key on it (README, "A CDN in front").
  const headers: Record<string, string> = { vary: "Cookie" };
  if (surface.dynamic) headers["cache-control"] = "private, no-store";
  return finish(withHeaders(NextResponse.rewrite(url), headers));
}

function internalPath(locale: Locale, market: MarketDefinition, rest: readonly string[]): string {
  return ["", locale, market.country.toLowerCase(), ...rest].join("/");
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Remembers the locale and a newly negotiated market; `Secure` when served over HTTPS. */
function remember(request: NextRequest, response: NextResponse, locale: Locale, negotiated: MarketDefinition | undefined, secure: boolean) {
  const options = { path: "/", maxAge: PREFERENCE_MAX_AGE, sameSite: "lax" as const, secure };
  if (request.cookies.get(LOCALE_COOKIE)?.value !== locale) response.cookies.set(LOCALE_COOKIE, locale, options);
  if (negotiated) response.cookies.set(MARKET_COOKIE, negotiated.country, options);
  return response;
}

export const config = {
  // Every page, including paths with a dot (they must not reach internal routes
  // directly), and the generated images; not Next's assets, the API, the root files or the sitemaps.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico$|robots\\.txt$|sitemap\\.xml$|sitemaps/).*)"],
};
