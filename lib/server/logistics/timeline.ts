import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { parcelTimeline, type ParcelTimeline } from "@/lib/domain/logistics/timeline";

/**
 * The tracking of every parcel (sub-order) of one order, in the order's parcel order
 * (position), for the buyer's order view and the public lookup. Scoped by the order id
 * alone: the callers have already settled that the viewer may see this order (its
 * access key, the buyer's account, or the lookup's number and email).
 */
export interface OrderParcelTimeline {
  subOrderId: string;
  position: number;
  digital: boolean;
  timeline: ParcelTimeline;
}

export async function loadOrderTimeline(orderId: string, db: PrismaClient = getPrisma()): Promise<OrderParcelTimeline[]> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      createdAt: true,
      paidAt: true,
      subOrders: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          deliveryMinDays: true,
          deliveryMaxDays: true,
          lines: { select: { kind: true } },
          shipments: {
            select: {
              id: true,
              carrier: true,
              trackingNumber: true,
              status: true,
              statusAt: true,
              estimatedFrom: true,
              estimatedTo: true,
              previousEstimate: true,
              deliveredAt: true,
              createdAt: true,
              events: {
                select: { id: true, kind: true, at: true, receivedAt: true, location: true, carrierText: true, source: true, estimatedFrom: true, estimatedTo: true },
              },
            },
          },
        },
      },
    },
  });
  if (!order) return [];
  const from = order.paidAt ?? order.createdAt;
  return order.subOrders.map((sub) => ({
    subOrderId: sub.id,
    position: sub.position,
    digital: sub.lines.length > 0 && sub.lines.every((l) => l.kind === "DIGITAL"),
    timeline: parcelTimeline(sub.shipments, {
      from,
      days: sub.deliveryMinDays != null && sub.deliveryMaxDays != null ? { min: sub.deliveryMinDays, max: sub.deliveryMaxDays } : null,
    }),
  }));
}
