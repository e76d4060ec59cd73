import { NextResponse } from "next/server";
import { quoteLandedCostHttp } from "@/lib/server/trade/quote";

/** POST /api/v1/landed-cost: see /api/v1/openapi.json. */
export async function POST(request: Request) {
  const result = await quoteLandedCostHttp(request, new Date().toISOString().slice(0, 10));
  return NextResponse.json(result.body, { status: result.status, headers: { "cache-control": "no-store", ...result.headers } });
}
