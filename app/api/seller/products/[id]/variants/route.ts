import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handlePanelPost } from "@/lib/server/panels/http";
import { addVariant, panelOutcome } from "@/lib/server/seller/products";

/** POST /api/seller/products/:id/variants: a new variant. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => panelOutcome(await addVariant(viewer, id, field), "variantAdded", { prefix: "new" }));
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
