import { handlePanelPost } from "@/lib/server/panels/http";
import { approveSeller } from "@/lib/server/sellers/admin";

/** Approves a pending shop: it goes live at once. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => {
    const result = await approveSeller(viewer, id, field("reason") ?? "");
    return result.ok ? { ok: true, notice: "approved" } : result;
  });
}
