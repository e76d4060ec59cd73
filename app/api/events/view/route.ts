import { NextResponse } from "next/server";
import { fixedClock } from "@/lib/domain/clock";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { recordView } from "@/lib/server/analytics/counts";

/** POST /api/events/view: counts one anonymous product view (README "Analytics without cookies"). Never sets a cookie. */
export async function POST(request: Request) {
  const result = await recordView(request, fixedClock(new Date()));
  const headers = { "cache-control": "no-store", ...result.headers };
  if (result.status === 204) return new NextResponse(null, { status: 204, headers });
  return NextResponse.json({ ok: false, code: result.code }, { status: result.status, headers });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
