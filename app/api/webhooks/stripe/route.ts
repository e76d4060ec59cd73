import { NextResponse } from "next/server";
import { fixedClock } from "@/lib/domain/clock";
import { handleStripeWebhook } from "@/lib/server/checkout/events";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** POST /api/webhooks/stripe: payment events, verified on the raw body (lib/server/checkout/events.ts). */
export async function POST(request: Request) {
  const result = await handleStripeWebhook(request, fixedClock(new Date()));
  return NextResponse.json(result.body, { status: result.status, headers: { "cache-control": "no-store" } });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
