import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handlePanelPost } from "@/lib/server/panels/http";
import { panelOutcome, updateProduct } from "@/lib/server/seller/products";

/** POST /api/seller/products/:id: the product's own fields and status. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => panelOutcome(await updateProduct(viewer, id, field), "saved"));
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
