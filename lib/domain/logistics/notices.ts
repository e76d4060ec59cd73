/**
 * Which emails a tracking event sends the buyer, without I/O. Each kind goes at most
 * once per shipment (ShipmentNotice's key makes sure), so these rules only say when a
 * notice is due:
 *
 * - SHIPPED with the shipment's first recorded event (normally LABEL_CREATED);
 * - HELD_AT_CUSTOMS, OUT_FOR_DELIVERY, DELIVERED and EXCEPTION when the shipment's
 *   status moves into that status (an older event arriving late moves nothing, so a
 *   parcel already delivered never gets a late "out for delivery").
 */
import type { ShipmentStatus } from "./status";

export const NOTICE_KINDS = ["SHIPPED", "HELD_AT_CUSTOMS", "OUT_FOR_DELIVERY", "DELIVERED", "EXCEPTION"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === "string" && (NOTICE_KINDS as readonly string[]).includes(value);
}

const STATUS_NOTICES: Partial<Record<ShipmentStatus, NoticeKind>> = {
  HELD_AT_CUSTOMS: "HELD_AT_CUSTOMS",
  OUT_FOR_DELIVERY: "OUT_FOR_DELIVERY",
  DELIVERED: "DELIVERED",
  EXCEPTION: "EXCEPTION",
};

export function noticesDue(input: { firstEvent: boolean; before: ShipmentStatus; after: ShipmentStatus }): NoticeKind[] {
  const due: NoticeKind[] = [];
  if (input.firstEvent) due.push("SHIPPED");
  const forStatus = STATUS_NOTICES[input.after];
  if (forStatus && (input.after !== input.before || input.firstEvent)) due.push(forStatus);
  return due;
}

/**
 * Whether a sub-order has arrived: every physical unit still owed (ordered minus
 * withdrawn, per line) is in a delivered shipment. False when nothing physical is owed
 * (a digital-only or fully withdrawn parcel has no delivery by carrier).
 */
export function allUnitsDelivered(lines: { id: string; physical: boolean; quantity: number; withdrawn: number }[], delivered: { orderLineId: string; quantity: number }[]): boolean {
  const owed = lines.filter((line) => line.physical && line.quantity - line.withdrawn > 0);
  if (owed.length === 0) return false;
  return owed.every((line) => {
    const units = delivered.filter((d) => d.orderLineId === line.id).reduce((sum, d) => sum + d.quantity, 0);
    return units >= line.quantity - line.withdrawn;
  });
}
