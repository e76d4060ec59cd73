import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { addTrackingUpdate } from "@/lib/server/logistics/shipments";
import { handlePanelPost } from "@/lib/server/panels/http";

/** POST /api/seller/shipments/{id}/events: the seller's manual tracking update of one of their shipments. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlePanelPost(request, async ({ viewer, field }) => {
    const result = await addTrackingUpdate(viewer, id, { kind: field("kind"), at: field("at"), location: field("location"), note: field("note") });
    return result.ok ? { ok: true, notice: "updated" } : { ok: false, code: result.code, fields: result.fields };
  });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
