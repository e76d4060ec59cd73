import { handlePanelPost } from "@/lib/server/panels/http";
import { setSellerCommissionForOperator } from "@/lib/server/sellers/admin";

/** Sets the shop's own commission, in percent of goods and shipping. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => {
    const result = await setSellerCommissionForOperator(viewer, id, field("percent") ?? "", field("reason") ?? "");
    return result.ok ? { ok: true, notice: "commissionSet" } : result;
  });
}
