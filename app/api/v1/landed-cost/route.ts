import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { fixedClock } from "@/lib/domain/clock";
import { quoteLandedCostHttp } from "@/lib/server/trade/quote";

/** POST /api/v1/landed-cost: see /api/v1/openapi.json. */
export async function POST(request: Request) {
  const result = await quoteLandedCostHttp(request, fixedClock(new Date()));
  return NextResponse.json(result.body, { status: result.status, headers: { "cache-control": "no-store", ...result.headers } });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
