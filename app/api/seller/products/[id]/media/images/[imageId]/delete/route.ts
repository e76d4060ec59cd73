import { handlePanelPost } from "@/lib/server/panels/http";
import { deleteProductImage } from "@/lib/server/seller/media";

export async function POST(request: Request, { params }: { params: Promise<{ id: string; imageId: string }> }) {
  const { id, imageId } = await params;
  return handlePanelPost(request, async ({ viewer }) => {
    const result = await deleteProductImage(viewer, id, imageId);
    return result.ok ? { ok: true, notice: "imageDeleted" } : result;
  });
}
