import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handlePanelPost } from "@/lib/server/panels/http";
import { createProduct, panelOutcome } from "@/lib/server/seller/products";

/** POST /api/seller/products: a new draft product, then its edit page. */
export async function POST(request: Request) {
  return handlePanelPost(request, async ({ viewer, locale, field }) => {
    const result = await createProduct(viewer, field);
    return panelOutcome(result, "created", { to: result.ok ? `/${locale}/seller/products/${result.productId}` : undefined });
  });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
