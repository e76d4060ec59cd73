import { handlePanelPost } from "@/lib/server/panels/http";
import { updateSellerSettings } from "@/lib/server/sellers/shop";

/** The shop settings form. */
export async function POST(request: Request): Promise<Response> {
  return handlePanelPost(request, async ({ viewer, locale, field }) => {
    const result = await updateSellerSettings(viewer, field);
    return result.ok ? { ok: true, to: `/${locale}/seller/settings`, notice: "saved" } : result;
  });
}
