/**
 * Request routing for the storefront (Next.js 16 "proxy", formerly middleware):
 * 1. a path without a supported locale is redirected to one (cookie, else Accept-Language);
 * 2. the ship-to market (cookie, else negotiated and remembered) is added as an internal
 *    path segment, so `/de/products/x` renders `/de/jp/products/x`: every market gets
 *    its own cacheable page while the public URL carries only the language;
 * 3. catalogue filters are normalised and moved from the query string into path segments.
 * See docs/adr/0002 and 0004.
 */
import { NextResponse, type NextRequest } from "next/server";
import {
  defaultMarketFor,
  findMarket,
  isLocale,
  negotiateLocale,
  negotiateMarket,
  type Locale,
} from "@/lib/domain/markets";
import { catalogueSearch, encodeQuerySegments, parseCatalogueQuery } from "@/lib/domain/catalogue/query";
import { LOCALE_COOKIE, MARKET_COOKIE, PREFERENCE_MAX_AGE } from "@/lib/preferences";
import { databaseReachable } from "@/lib/db/health";

/** Routes rendered on every request: they cannot be served from a cache when the database is down. */
const ALWAYS_DYNAMIC = new Set(["search"]);

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const segments = pathname.split("/").filter(Boolean);
  const first = segments[0];

  if (!isLocale(first)) {
    const remembered = request.cookies.get(LOCALE_COOKIE)?.value;
    const locale: Locale = isLocale(remembered) ? remembered : negotiateLocale(request.headers.get("accept-language"));
    const url = request.nextUrl.clone();
    url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`;
    return NextResponse.redirect(url);
  }

  const locale = first;
  const cookieMarket = findMarket(request.cookies.get(MARKET_COOKIE)?.value);
  const market =
    cookieMarket ??
    (request.headers.get("accept-language")
      ? negotiateMarket(locale, request.headers.get("accept-language"))
      : defaultMarketFor(locale));
  const rest = segments.slice(1);

  // Read per request (not through parseEnv): this runs on every page view.
  if (ALWAYS_DYNAMIC.has(rest[0] ?? "") && !(await databaseReachable(process.env.DATABASE_URL))) {
    console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message: "database unreachable: answered 503", path: pathname }));
    const unavailable = request.nextUrl.clone();
    unavailable.pathname = `/${locale}/unavailable`;
    unavailable.search = "";
    return NextResponse.rewrite(unavailable, { status: 503, headers: { "retry-after": "30", "cache-control": "no-store" } });
  }

  const url = request.nextUrl.clone();
  if (rest[0] === "catalogue" && rest.length === 1) {
    const query = parseCatalogueQuery(searchParams, market.currency);
    const canonical = catalogueSearch(query, market.currency);
    if (request.nextUrl.search && request.nextUrl.search !== canonical) {
      const fixed = request.nextUrl.clone();
      fixed.search = canonical;
      return NextResponse.redirect(fixed);
    }
    url.pathname = ["", locale, market.country.toLowerCase(), "catalogue", ...encodeQuerySegments(query, market.currency)].join("/");
    url.search = "";
  } else {
    url.pathname = ["", locale, market.country.toLowerCase(), ...rest].join("/");
  }

  const response = NextResponse.rewrite(url);
  if (request.cookies.get(LOCALE_COOKIE)?.value !== locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: PREFERENCE_MAX_AGE, sameSite: "lax" });
  }
  if (!cookieMarket) {
    response.cookies.set(MARKET_COOKIE, market.country, { path: "/", maxAge: PREFERENCE_MAX_AGE, sameSite: "lax" });
  }
  return response;
}

export const config = {
  // Everything but Next's assets, the API, generated images and files with an extension.
  matcher: ["/((?!api|_next|images|.*\\..*).*)"],
};
