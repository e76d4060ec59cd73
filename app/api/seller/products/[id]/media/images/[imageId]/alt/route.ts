import { handlePanelPost } from "@/lib/server/panels/http";
import { setImageAlt } from "@/lib/server/seller/media";

/** A photo's alternative text in every locale (fields `alt-<locale>`). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; imageId: string }> }) {
  const { id, imageId } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => {
    const result = await setImageAlt(viewer, id, imageId, (locale) => field(`alt-${locale}`));
    return result.ok ? { ok: true, notice: "altSaved" } : result;
  });
}
