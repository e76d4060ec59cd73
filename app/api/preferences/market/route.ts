import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { MARKET_COOKIE, PREFERENCE_MAX_AGE, isSecureRequest } from "@/lib/preferences";
import { setMarketPreference } from "@/lib/server/preferences/market";

/** Remembers the buyer's ship-to country; the redirect is relative, so it stays on the host the buyer used. */
export async function POST(request: Request) {
  const result = await setMarketPreference(request);
  const headers = { "cache-control": "no-store", ...result.headers };
  if (result.status !== 303) return NextResponse.json(result.body, { status: result.status, headers });
  const response = new NextResponse(null, { status: 303, headers: { ...headers, location: result.location } });
  if (result.country) response.cookies.set(MARKET_COOKIE, result.country, { path: "/", maxAge: PREFERENCE_MAX_AGE, sameSite: "lax", secure: isSecureRequest(request) });
  return response;
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
