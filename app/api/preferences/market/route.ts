import { NextResponse, type NextRequest } from "next/server";
import { findMarket } from "@/lib/domain/markets";
import { MARKET_COOKIE, PREFERENCE_MAX_AGE } from "@/lib/preferences";
import { safeReturnPath } from "@/lib/safe-return-path";

/**
 * Remembers the buyer's ship-to country and sends them back to the page they were on.
 * The redirect is relative, so it stays on whatever host the buyer used.
 */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const market = findMarket(String(form?.get("country") ?? ""));
  const host = request.headers.get("host");
  const origin = host ? `${request.nextUrl.protocol}//${host}` : request.nextUrl.origin;
  const returnTo = safeReturnPath(form?.get("returnTo"), request.headers.get("referer"), origin);
  const response = new NextResponse(null, { status: 303, headers: { location: returnTo, "cache-control": "no-store" } });
  if (market) {
    response.cookies.set(MARKET_COOKIE, market.country, { path: "/", maxAge: PREFERENCE_MAX_AGE, sameSite: "lax" });
  }
  return response;
}
