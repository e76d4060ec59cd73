import { NextResponse } from "next/server";
import { currentViewer } from "@/lib/server/auth/viewer";
import { exportSellerCatalogue } from "@/lib/server/seller-imports";

/** GET /api/seller/catalogue.csv: the signed-in seller's own catalogue file (UTF-8 with a byte-order mark, CRLF). */
export async function GET(request: Request) {
  const viewer = await currentViewer(request.headers);
  if (!viewer) return NextResponse.json({ ok: false, code: "UNAUTHENTICATED" }, { status: 401, headers: { "cache-control": "private, no-store" } });
  const exported = await exportSellerCatalogue(viewer);
  if (!exported.ok) return NextResponse.json({ ok: false, code: exported.code }, { status: 403, headers: { "cache-control": "private, no-store" } });
  return new Response(exported.data.text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exported.data.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
