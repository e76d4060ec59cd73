import { handlePanelPost } from "@/lib/server/panels/http";
import { addLicenceKeys } from "@/lib/server/seller/media";

/** Licence keys pasted one per line (field `keys`). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlePanelPost(
    request,
    async ({ viewer, field }) => {
      const result = await addLicenceKeys(viewer, id, field("keys"));
      return result.ok ? { ok: true, notice: "keysAdded" } : result;
    },
    // A thousand keys of up to 200 characters.
    { maxBytes: 256 * 1024 },
  );
}
