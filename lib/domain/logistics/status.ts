/**
 * A parcel's status from its events, without I/O. The timeline is the events in the
 * order they happened (by `at`), whatever order they arrived in. The status follows
 * these rules (statusAfter):
 *
 * 1. The newest event by time sets the status; an event older than the current status
 *    never moves it (a late-arriving scan is only history).
 * 2. Two events at the same instant: the one further along the parcel's way wins
 *    (STATUS_RANK), so the outcome does not depend on the order they arrived in.
 * 3. DELIVERED is final for the forward path: a later-timestamped scan of an earlier
 *    step (IN_TRANSIT, OUT_FOR_DELIVERY, ...) does not undo it; only RETURNED_TO_SENDER
 *    or EXCEPTION may follow it.
 * 4. RETURNED_TO_SENDER is final: nothing moves the parcel afterwards.
 */
export const SHIPMENT_STATUSES = [
  "LABEL_CREATED",
  "PICKED_UP",
  "IN_TRANSIT",
  "ARRIVED_IN_DESTINATION",
  "HELD_AT_CUSTOMS",
  "RELEASED_BY_CUSTOMS",
  "OUT_FOR_DELIVERY",
  "DELIVERY_FAILED",
  "DELIVERED",
  "RETURNED_TO_SENDER",
  "EXCEPTION",
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export function isShipmentStatus(value: unknown): value is ShipmentStatus {
  return typeof value === "string" && (SHIPMENT_STATUSES as readonly string[]).includes(value);
}

/** How far along the way a status is: the tie-breaker for events at the same instant. */
export const STATUS_RANK: Record<ShipmentStatus, number> = Object.fromEntries(SHIPMENT_STATUSES.map((status, index) => [status, index])) as Record<ShipmentStatus, number>;

/** What may follow DELIVERED. */
const AFTER_DELIVERED: readonly ShipmentStatus[] = ["RETURNED_TO_SENDER", "EXCEPTION"];

export interface StatusState {
  status: ShipmentStatus;
  statusAt: Date;
}

/** The status after an event of `kind` at `at` (the rules above); `current` itself when unchanged. */
export function statusAfter(current: StatusState, event: { kind: ShipmentStatus; at: Date }): StatusState {
  if (current.status === "RETURNED_TO_SENDER") return current;
  if (current.status === "DELIVERED" && !AFTER_DELIVERED.includes(event.kind)) return current;
  const newer = event.at.getTime() > current.statusAt.getTime();
  const sameInstant = event.at.getTime() === current.statusAt.getTime();
  if (newer || (sameInstant && STATUS_RANK[event.kind] >= STATUS_RANK[current.status])) return { status: event.kind, statusAt: event.at };
  return current;
}
