import { DIGITAL_FILE_MAX_BYTES } from "@/lib/domain/seller-media/digital";
import { handlePanelPost } from "@/lib/server/panels/http";
import { uploadDigitalFile } from "@/lib/server/seller/media";

/** The file a digital product delivers (multipart field `file`), replacing the previous one. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlePanelPost(
    request,
    async ({ viewer, file }) => {
      const result = await uploadDigitalFile(viewer, id, file("file"));
      return result.ok ? { ok: true, notice: "fileUploaded" } : result;
    },
    { maxBytes: DIGITAL_FILE_MAX_BYTES + 256 * 1024 },
  );
}
