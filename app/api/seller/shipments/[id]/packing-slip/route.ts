import { currentViewer } from "@/lib/server/auth/viewer";
import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { download, refusedDownload } from "@/lib/server/seller/http";
import { shipmentPackingSlipPdf } from "@/lib/server/seller/packing-slip";

/** GET /api/seller/shipments/{id}/packing-slip: one shipment's packing slip as a PDF (lib/server/seller/packing-slip.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await shipmentPackingSlipPdf(await currentViewer(request.headers), id);
  if (!result.ok) return refusedDownload(request, result);
  return download(new Uint8Array(result.pdf), "application/pdf", result.filename);
}

const refused = methodNotAllowed(["GET"]);
export const { PUT, PATCH, DELETE } = refused;
export const POST = refused.PUT;
