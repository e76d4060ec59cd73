import { NextResponse } from "next/server";
import { fixedClock } from "@/lib/domain/clock";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handleCarrierWebhook } from "@/lib/server/logistics/webhook";

/** POST /api/webhooks/carriers/{carrier}: tracking events, verified on the raw body (lib/server/logistics/webhook.ts). */
export async function POST(request: Request, { params }: { params: Promise<{ carrier: string }> }) {
  const { carrier } = await params;
  const result = await handleCarrierWebhook(request, carrier, fixedClock(new Date()));
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (result.status === 503) headers["retry-after"] = "30";
  return NextResponse.json(result.body, { status: result.status, headers });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
