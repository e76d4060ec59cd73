import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handlePanelPost } from "@/lib/server/panels/http";
import { panelOutcome, removeVariant, updateVariant } from "@/lib/server/seller/products";

/** POST /api/seller/products/:id/variants/:variantId: `intent=save` edits the variant, `intent=remove` removes it. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; variantId: string }> }) {
  const { id, variantId } = await params;
  return handlePanelPost(request, async ({ viewer, field }) =>
    field("intent") === "remove"
      ? panelOutcome(await removeVariant(viewer, id, variantId), "variantRemoved")
      : panelOutcome(await updateVariant(viewer, id, variantId, field), "variantSaved", { prefix: variantId }),
  );
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
