import { IMAGE_MAX_BYTES } from "@/lib/domain/images/uploads";
import { handlePanelPost } from "@/lib/server/panels/http";
import { uploadProductImage } from "@/lib/server/seller/media";

/** Uploads one product photo (multipart field `image`). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlePanelPost(
    request,
    async ({ viewer, file }) => {
      const result = await uploadProductImage(viewer, id, file("image"));
      return result.ok ? { ok: true, notice: "imageUploaded" } : result;
    },
    // The image's own limit and room for the form around it; larger bodies get 413.
    { maxBytes: IMAGE_MAX_BYTES + 256 * 1024 },
  );
}
