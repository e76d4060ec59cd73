import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";

/**
 * Called once a new shipment is committed (after its transaction), so the carrier side
 * learns of it: in demo mode the carrier simulator starts moving the parcel. A "simulated"
 * shipment is registered with the simulator at CARAVAN_CARRIER_SIMULATOR_URL, which posts
 * its events to the webhook it was started with. Never throws: a simulator that is down
 * or refuses is logged, and the seller's shipment stands.
 */
export async function afterShipmentCreated(shipmentId: string, db?: PrismaClient, fetcher: typeof fetch = fetch): Promise<void> {
  try {
    const simulator = serverEnv().CARAVAN_CARRIER_SIMULATOR_URL;
    if (!simulator) return;
    const shipment = await (db ?? getPrisma()).shipment.findUnique({ where: { id: shipmentId }, select: { carrier: true, trackingNumber: true } });
    if (!shipment || shipment.carrier !== "simulated") return;
    const response = await fetcher(`${simulator.replace(/\/$/, "")}/v1/shipments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // The seller's shipment already recorded its label: the carrier's first scan is the pick-up.
      body: JSON.stringify({ trackingNumber: shipment.trackingNumber, carrier: shipment.carrier, labelCreated: true }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) console.error(JSON.stringify({ level: "error", message: "carrier simulator refused the shipment", shipment: shipmentId, status: response.status }));
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "carrier simulator not reached", shipment: shipmentId, error: error instanceof Error ? error.message : String(error) }));
  }
}
