import { NextResponse } from "next/server";
import { checkContractForGuest } from "@/lib/server/checkout/confirmation";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** GET /api/orders/{id}/contract/verify?key=: is the acceptance record intact? (lib/server/checkout/confirmation.ts) */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await checkContractForGuest(id, new URL(request.url).searchParams.get("key"));
  return NextResponse.json(result.body, { status: result.status, headers: { "cache-control": "private, no-store" } });
}

const refused = methodNotAllowed(["GET"]);
export const { PUT, PATCH, DELETE } = refused;
export const POST = refused.PUT;
