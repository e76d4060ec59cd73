import { handlePanelPost } from "@/lib/server/panels/http";
import { changeSellerStatusForOperator } from "@/lib/server/sellers/admin";

/** Suspends or reactivates a shop. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => {
    const status = field("status");
    if (status !== "ACTIVE" && status !== "SUSPENDED") return { ok: false, code: "INVALID_STATUS" };
    const result = await changeSellerStatusForOperator(viewer, id, status, field("reason") ?? "");
    return result.ok ? { ok: true, notice: status === "ACTIVE" ? "reactivated" : "suspended" } : result;
  });
}
