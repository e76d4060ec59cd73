import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { searchHsCodesHttp } from "@/lib/server/hs";

export const dynamic = "force-dynamic";

/** GET /api/seller/hs?q=&locale=: HS chapters and headings for a seller member (lib/server/hs). */
export async function GET(request: Request) {
  const result = await searchHsCodesHttp(request);
  return NextResponse.json(result.body, { status: result.status, headers: { "cache-control": "private, no-store", ...result.headers } });
}

const refused = methodNotAllowed(["GET"]);
export const { PUT, PATCH, DELETE } = refused;
export const POST = refused.PUT;
