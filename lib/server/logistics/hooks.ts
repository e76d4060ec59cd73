import type { PrismaClient } from "@/generated/prisma/client";

/**
 * Called once a new shipment is committed (after its transaction), so the carrier side
 * learns of it: in demo mode the carrier simulator starts moving the parcel.
 */
export async function afterShipmentCreated(shipmentId: string, db?: PrismaClient): Promise<void> {
  void shipmentId;
  void db;
}
