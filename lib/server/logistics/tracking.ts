// No `server-only`: the carrier simulator's tests and scripts record events too.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { statusAfter, type ShipmentStatus } from "@/lib/domain/logistics/status";

/**
 * Records one tracking event of a shipment and moves its status (lib/domain/logistics),
 * in the caller's transaction. A carrier event already recorded (same carrier and event
 * id: a unique constraint) is not recorded again: `recorded: false`.
 */
export interface TrackingEventInput {
  shipmentId: string;
  source: "CARRIER" | "SELLER";
  kind: ShipmentStatus;
  at: Date;
  carrierEventId?: string | null;
  location?: string | null;
  carrierText?: string | null;
  estimatedFrom?: Date | null;
  estimatedTo?: Date | null;
}

export type TrackingResult = { ok: true; recorded: boolean; status: ShipmentStatus; changed: boolean } | { ok: false; code: "NOT_FOUND" };

export async function recordTrackingEvent(tx: Prisma.TransactionClient, input: TrackingEventInput): Promise<TrackingResult> {
  const [shipment] = await tx.$queryRaw<{ id: string; carrier: string; status: ShipmentStatus; statusAt: Date }[]>`
    SELECT id, carrier, status::text AS status, "statusAt" FROM "Shipment" WHERE id = ${input.shipmentId} FOR UPDATE`;
  if (!shipment) return { ok: false, code: "NOT_FOUND" };
  const inserted = await tx.trackingEvent.createMany({
    data: [{
      id: `trk_${randomUUID()}`, shipmentId: shipment.id, carrier: shipment.carrier, carrierEventId: input.carrierEventId ?? null,
      source: input.source, kind: input.kind, at: input.at, location: input.location ?? null, carrierText: input.carrierText ?? null,
      estimatedFrom: input.estimatedFrom ?? null, estimatedTo: input.estimatedTo ?? null,
    }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return { ok: true, recorded: false, status: shipment.status, changed: false };
  const next = statusAfter({ status: shipment.status, statusAt: shipment.statusAt }, { kind: input.kind, at: input.at });
  const changed = next.status !== shipment.status;
  if (changed || next.statusAt.getTime() !== shipment.statusAt.getTime()) {
    await tx.shipment.update({ where: { id: shipment.id }, data: { status: next.status, statusAt: next.statusAt } });
  }
  return { ok: true, recorded: true, status: next.status, changed };
}
