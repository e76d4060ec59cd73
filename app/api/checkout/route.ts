import { NextResponse } from "next/server";
import { fixedClock } from "@/lib/domain/clock";
import { handleCheckoutPost } from "@/lib/server/checkout/http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

const NO_STORE = { "cache-control": "private, no-store" };

/** POST /api/checkout: save the checkout form, or pay (lib/server/checkout/http.ts). */
export async function POST(request: Request) {
  const result = await handleCheckoutPost(request, fixedClock(new Date()));
  const headers = { ...NO_STORE, ...result.headers };
  if (result.kind === "refused") return NextResponse.json({ ok: false, code: result.error }, { status: result.status, headers });
  if ((request.headers.get("accept") ?? "").includes("application/json")) {
    return NextResponse.json(result.error ? { ok: false, code: result.error, redirect: result.location } : { ok: true, redirect: result.location }, { headers });
  }
  return new NextResponse(null, { status: 303, headers: { ...headers, location: result.location } });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
