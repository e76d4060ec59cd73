import { currentViewer } from "@/lib/server/auth/viewer";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { customsDeclarationPdf } from "@/lib/server/logistics/customs-pdf";
import { download, refusedDownload } from "@/lib/server/seller/http";

/** GET /api/seller/shipments/{id}/customs-declaration[?locale=]: the parcel's CN22 or CN23 as a PDF (lib/server/logistics/customs-pdf.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await customsDeclarationPdf(await currentViewer(request.headers), id, { locale: new URL(request.url).searchParams.get("locale") });
  if (!result.ok) {
    if (result.code === "NO_RATE") return Response.json({ ok: false, code: "NO_RATE" }, { status: 503, headers: { "cache-control": "private, no-store" } });
    return refusedDownload(request, { ok: false, code: result.code });
  }
  return download(new Uint8Array(result.pdf), "application/pdf", result.filename);
}

const refused = methodNotAllowed(["GET"]);
export const { PUT, PATCH, DELETE } = refused;
export const POST = refused.PUT;
