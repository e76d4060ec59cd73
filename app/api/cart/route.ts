import { NextResponse } from "next/server";
import { fixedClock } from "@/lib/domain/clock";
import { isSecureRequest } from "@/lib/preferences";
import { serverEnv } from "@/lib/env";
import { CART_COOKIE, cartItemCount } from "@/lib/server/cart";
import { cartErrorStatus, handleCartPost } from "@/lib/server/cart/http";
import { usableCartId } from "@/lib/server/cart/owner";
import { requestCookie } from "@/lib/server/http/cookies";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

const NO_STORE = { "cache-control": "private, no-store" };

/** GET /api/cart: how many items the buyer's cart holds, for the header's cart link. */
export async function GET(request: Request) {
  const count = await cartItemCount(await usableCartId(requestCookie(request, CART_COOKIE), request.headers), fixedClock(new Date()));
  return NextResponse.json({ count }, { headers: NO_STORE });
}

/** POST /api/cart: add, update, remove, acknowledge (lib/server/cart/http.ts). */
export async function POST(request: Request) {
  const result = await handleCartPost(request, fixedClock(new Date()));
  const headers = { ...NO_STORE, ...result.headers };
  if (result.kind === "refused") return NextResponse.json({ ok: false, code: result.error }, { status: result.status, headers });
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const response = wantsJson
    ? NextResponse.json(result.error ? { ok: false, code: result.error, count: result.count } : { ok: true, count: result.count }, { status: result.error ? cartErrorStatus(result.error) : 200, headers })
    : new NextResponse(null, { status: 303, headers: { ...headers, location: `/${result.locale}/cart${result.error ? `?error=${result.error}` : ""}` } });
  if (result.cartId) {
    response.cookies.set(CART_COOKIE, result.cartId, {
      httpOnly: true,
      sameSite: "lax",
      secure: isSecureRequest(request),
      path: "/",
      maxAge: serverEnv().CARAVAN_CART_TTL_DAYS * 86_400,
    });
  }
  return response;
}

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
