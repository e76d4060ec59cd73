import { NextResponse } from "next/server";
import { fixedClock } from "@/lib/domain/clock";
import { handleWithdrawalPost } from "@/lib/server/contracts/withdrawal-http";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

const NO_STORE = { "cache-control": "private, no-store" };

/** POST /api/withdrawals: choose, then confirm a withdrawal (lib/server/contracts/withdrawal-http.ts). */
export async function POST(request: Request) {
  const result = await handleWithdrawalPost(request, fixedClock(new Date()));
  if (result.kind === "refused") return NextResponse.json({ ok: false, code: result.error }, { status: result.status, headers: { ...NO_STORE, ...result.headers } });
  return new NextResponse(null, { status: 303, headers: { ...NO_STORE, ...result.headers, location: result.location } });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
