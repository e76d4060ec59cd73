import { handlePanelPost } from "@/lib/server/panels/http";
import { moveProductImage } from "@/lib/server/seller/media";

/** Moves a photo one place (`direction`: up or down). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; imageId: string }> }) {
  const { id, imageId } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => {
    const result = await moveProductImage(viewer, id, imageId, field("direction"));
    return result.ok ? { ok: true, notice: "imageMoved" } : result;
  });
}
