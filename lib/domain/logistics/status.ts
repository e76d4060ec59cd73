/**
 * A parcel's status from its events, without I/O. The timeline is the events in the
 * order they happened (by `at`), whatever order they arrived in; the status is the
 * newest event's, so a late-arriving older event never moves it backward.
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

export interface StatusState {
  status: ShipmentStatus;
  statusAt: Date;
}

/** The status after an event of `kind` at `at`: the event's when it is the newest, else unchanged. */
export function statusAfter(current: StatusState, event: { kind: ShipmentStatus; at: Date }): StatusState {
  return event.at.getTime() >= current.statusAt.getTime() ? { status: event.kind, statusAt: event.at } : current;
}
