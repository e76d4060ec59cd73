import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handlePanelPost } from "@/lib/server/panels/http";
import { changeProductStatus, panelOutcome } from "@/lib/server/seller/products";

/** POST /api/seller/products/:id/status: `change` is ACTIVE, DRAFT, ARCHIVE or RESTORE. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => {
    const result = await changeProductStatus(viewer, id, field("change"));
    return panelOutcome(result, result.ok ? `status${result.status}` : "saved");
  });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
