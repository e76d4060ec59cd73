import { NextResponse } from "next/server";
import { quoteLandedCostRequest } from "@/lib/server/trade/quote";

/** POST /api/v1/landed-cost: see /api/v1/openapi.json. */
export async function POST(request: Request) {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ error: "INVALID_REQUEST", issues: [{ path: [], code: "INVALID_JSON" }] }, { status: 400 });
  }
  const result = await quoteLandedCostRequest(body, new Date().toISOString().slice(0, 10));
  return NextResponse.json(result.body, { status: result.status, headers: { "cache-control": "no-store" } });
}
