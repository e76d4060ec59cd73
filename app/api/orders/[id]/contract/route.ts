import { NextResponse } from "next/server";
import { contractPdfForGuest } from "@/lib/server/contracts/order-pdf";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";

/** GET /api/orders/{id}/contract?key=: the accepted contract and its evidence as a PDF (lib/server/contracts/order-pdf.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await contractPdfForGuest(id, new URL(request.url).searchParams.get("key"));
  if (!result.ok) return NextResponse.json({ error: result.status === 404 ? "NOT_FOUND" : "RECORD_NOT_VERIFIED" }, { status: result.status, headers: { "cache-control": "private, no-store" } });
  return new NextResponse(new Uint8Array(result.pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${result.filename}"`, "cache-control": "private, no-store" },
  });
}

const refused = methodNotAllowed(["GET"]);
export const { PUT, PATCH, DELETE } = refused;
export const POST = refused.PUT;
