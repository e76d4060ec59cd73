import { handlePanelPost } from "@/lib/server/panels/http";
import { createSeller } from "@/lib/server/sellers/onboarding";

/** The onboarding form: opens the shop (pending approval) and goes to its overview. */
export async function POST(request: Request): Promise<Response> {
  return handlePanelPost(request, async ({ viewer, locale, field }) => {
    const result = await createSeller(viewer, field);
    return result.ok ? { ok: true, to: `/${locale}/seller`, notice: "created" } : result;
  });
}
