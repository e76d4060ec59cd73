import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { handlePanelPost } from "@/lib/server/panels/http";
import { panelOutcome, saveTranslations, TRANSLATIONS_MAX_BYTES } from "@/lib/server/seller/products";

/** POST /api/seller/products/:id/translations: every locale's title and description at once. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => panelOutcome(await saveTranslations(viewer, id, field), "translationsSaved"), {
    maxBytes: TRANSLATIONS_MAX_BYTES,
  });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
