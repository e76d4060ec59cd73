// No `server-only`: the carrier simulator's tests and scripts record events too.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { allUnitsDelivered, noticesDue, type NoticeKind } from "@/lib/domain/logistics/notices";
import { statusAfter, type ShipmentStatus } from "@/lib/domain/logistics/status";
import { recordAudit, type AuditActor } from "@/lib/server/audit";
import { enqueueJob } from "@/lib/server/jobs";

/**
 * Records one tracking event of a shipment and moves its status (lib/domain/logistics),
 * in the caller's transaction. A carrier event already recorded (same carrier and event
 * id: a unique constraint) is not recorded again: `recorded: false`.
 *
 * With a recorded event, in the same transaction:
 * - the status follows statusAfter (never backward), with an audit entry when it changes;
 * - a shipment that becomes DELIVERED gets `deliveredAt` (the event's time), and its
 *   sub-order gets `deliveredAt` once every physical unit still owed is in delivered
 *   shipments (the withdrawal period runs from it);
 * - an estimate replaces the shipment's unless a newer event already gave one; the
 *   replaced estimate is kept in `previousEstimate`;
 * - the buyer's notices that fall due (lib/domain/logistics/notices) are claimed once
 *   per shipment (ShipmentNotice) and queued as `shipment.notice` jobs, which mail them.
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
  /** Who the audit entries name; default the carrier (a system actor). */
  actor?: AuditActor;
}

export type TrackingResult =
  | { ok: true; recorded: boolean; status: ShipmentStatus; changed: boolean; notices?: NoticeKind[] }
  | { ok: false; code: "NOT_FOUND" };

export const NOTICE_JOB = "shipment.notice";

const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

export async function recordTrackingEvent(tx: Prisma.TransactionClient, input: TrackingEventInput): Promise<TrackingResult> {
  const [shipment] = await tx.$queryRaw<
    { id: string; subOrderId: string; carrier: string; status: ShipmentStatus; statusAt: Date; estimatedFrom: Date | null; estimatedTo: Date | null; deliveredAt: Date | null }[]
  >`
    SELECT id, "subOrderId", carrier, status::text AS status, "statusAt", "estimatedFrom", "estimatedTo", "deliveredAt"
    FROM "Shipment" WHERE id = ${input.shipmentId} FOR UPDATE`;
  if (!shipment) return { ok: false, code: "NOT_FOUND" };
  const eventId = `trk_${randomUUID()}`;
  const inserted = await tx.trackingEvent.createMany({
    data: [{
      id: eventId, shipmentId: shipment.id, carrier: shipment.carrier, carrierEventId: input.carrierEventId ?? null,
      source: input.source, kind: input.kind, at: input.at, location: input.location ?? null, carrierText: input.carrierText ?? null,
      estimatedFrom: input.estimatedFrom ?? null, estimatedTo: input.estimatedTo ?? null,
    }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return { ok: true, recorded: false, status: shipment.status, changed: false };

  const actor: AuditActor = input.actor ?? { kind: "system", name: `carrier:${shipment.carrier}` };
  const next = statusAfter({ status: shipment.status, statusAt: shipment.statusAt }, { kind: input.kind, at: input.at });
  const changed = next.status !== shipment.status;
  const data: Prisma.ShipmentUpdateInput = {};
  if (changed || next.statusAt.getTime() !== shipment.statusAt.getTime()) Object.assign(data, { status: next.status, statusAt: next.statusAt });
  const delivered = changed && next.status === "DELIVERED" && !shipment.deliveredAt;
  if (delivered) data.deliveredAt = next.statusAt;

  if (input.estimatedFrom && input.estimatedTo) {
    const [newest] = await tx.$queryRaw<{ at: Date | null }[]>`
      SELECT max(at) AS at FROM "TrackingEvent" WHERE "shipmentId" = ${shipment.id} AND "estimatedFrom" IS NOT NULL AND id <> ${eventId}`;
    const latest = !newest?.at || input.at.getTime() >= newest.at.getTime();
    const differs = shipment.estimatedFrom?.getTime() !== input.estimatedFrom.getTime() || shipment.estimatedTo?.getTime() !== input.estimatedTo.getTime();
    if (latest && differs) {
      data.estimatedFrom = input.estimatedFrom;
      data.estimatedTo = input.estimatedTo;
      if (shipment.estimatedFrom && shipment.estimatedTo) data.previousEstimate = { from: dateOnly(shipment.estimatedFrom), to: dateOnly(shipment.estimatedTo) };
    }
  }
  if (Object.keys(data).length > 0) await tx.shipment.update({ where: { id: shipment.id }, data });
  if (changed) {
    await recordAudit(tx, {
      actor, action: "shipment.status", subjectType: "Shipment", subjectId: shipment.id,
      before: { status: shipment.status }, after: { status: next.status, at: next.statusAt.toISOString(), source: input.source },
    });
  }
  if (delivered) await markSubOrderDelivered(tx, shipment.subOrderId, actor);

  const counted = await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "TrackingEvent" WHERE "shipmentId" = ${shipment.id}`;
  const count = counted[0]?.count ?? 0;
  const notices: NoticeKind[] = [];
  for (const kind of noticesDue({ firstEvent: count === 1, before: shipment.status, after: next.status })) {
    const claimed = await tx.$executeRaw`INSERT INTO "ShipmentNotice" ("shipmentId", kind) VALUES (${shipment.id}, ${kind}) ON CONFLICT DO NOTHING`;
    if (claimed === 0) continue;
    await enqueueJob({ kind: NOTICE_JOB, payload: { shipmentId: shipment.id, kind } }, tx);
    notices.push(kind);
  }
  return { ok: true, recorded: true, status: next.status, changed, notices };
}

/** Sets the sub-order's deliveredAt once every physical unit still owed is in delivered shipments. */
async function markSubOrderDelivered(tx: Prisma.TransactionClient, subOrderId: string, actor: AuditActor): Promise<void> {
  // The row lock serialises two shipments of one sub-order delivered at once: the second sees the first.
  const [sub] = await tx.$queryRaw<{ deliveredAt: Date | null }[]>`SELECT "deliveredAt" FROM "SubOrder" WHERE id = ${subOrderId} FOR UPDATE`;
  if (!sub || sub.deliveredAt) return;
  const lines = await tx.orderLine.findMany({ where: { subOrderId }, select: { id: true, kind: true, quantity: true, withdrawnQuantity: true } });
  const shipments = await tx.shipment.findMany({
    where: { subOrderId, status: "DELIVERED", deliveredAt: { not: null } },
    select: { deliveredAt: true, lines: { select: { orderLineId: true, quantity: true } } },
  });
  const done = allUnitsDelivered(
    lines.map((line) => ({ id: line.id, physical: line.kind === "PHYSICAL", quantity: line.quantity, withdrawn: line.withdrawnQuantity })),
    shipments.flatMap((s) => s.lines),
  );
  if (!done) return;
  const at = new Date(Math.max(...shipments.map((s) => s.deliveredAt!.getTime())));
  await tx.subOrder.update({ where: { id: subOrderId }, data: { deliveredAt: at } });
  await recordAudit(tx, { actor, action: "subOrder.delivered", subjectType: "SubOrder", subjectId: subOrderId, before: { deliveredAt: null }, after: { deliveredAt: at.toISOString() } });
}
