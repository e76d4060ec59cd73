import { NextResponse, type NextRequest } from "next/server";
import { findMarket } from "@/lib/domain/markets";
import { MARKET_COOKIE, PREFERENCE_MAX_AGE } from "@/lib/preferences";
import { safeReturnPath } from "@/lib/safe-return-path";

/** Remembers the buyer's ship-to country and sends them back to the page they were on. */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const market = findMarket(String(form?.get("country") ?? ""));
  const returnTo = safeReturnPath(form?.get("returnTo"), request.headers.get("referer"), request.nextUrl.origin);
  const response = NextResponse.redirect(new URL(returnTo, request.nextUrl.origin), 303);
  if (market) {
    response.cookies.set(MARKET_COOKIE, market.country, { path: "/", maxAge: PREFERENCE_MAX_AGE, sameSite: "lax" });
  }
  return response;
}
