import { methodNotAllowed } from "@/lib/server/http/method-not-allowed";
import { createShipment } from "@/lib/server/logistics/shipments";
import { handlePanelPost } from "@/lib/server/panels/http";

/** POST /api/seller/shipments: a new shipment of one of the seller's paid sub-orders (lib/server/logistics/shipments.ts). */
export async function POST(request: Request) {
  return handlePanelPost(request, async ({ viewer, field }) => {
    const result = await createShipment(viewer, field("subOrderId"), {
      carrier: field("carrier"),
      trackingNumber: field("trackingNumber"),
      weightGrams: field("weightGrams"),
      quantities: (orderLineId) => field(`qty_${orderLineId}`),
    });
    return result.ok ? { ok: true, notice: "created" } : { ok: false, code: result.code, fields: result.fields };
  });
}

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
