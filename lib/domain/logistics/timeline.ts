/**
 * A parcel's tracking as its buyer reads it, without I/O: the shipments of one
 * sub-order with their events in the order they happened (by `at`, newest first),
 * whatever order they arrived in; the current status is the newest event's (as
 * statusAfter decides), and the delivery estimate with the one it replaced when the
 * carrier changed it.
 */
import { findCarrier } from "./carriers";
import { SHIPMENT_STATUSES, isShipmentStatus, statusAfter, type ShipmentStatus } from "./status";

/** Dates of a delivery estimate (calendar days, UTC midnight), inclusive on both ends. */
export interface DateRange {
  from: Date;
  to: Date;
}

export interface TrackingEventRecord {
  id: string;
  kind: ShipmentStatus;
  at: Date;
  receivedAt: Date;
  location: string | null;
  carrierText: string | null;
  source: string;
  estimatedFrom: Date | null;
  estimatedTo: Date | null;
}

export interface ShipmentRecord {
  id: string;
  carrier: string;
  trackingNumber: string;
  status: ShipmentStatus;
  statusAt: Date;
  estimatedFrom: Date | null;
  estimatedTo: Date | null;
  /** As stored: `{ from, to }` (or `{ estimatedFrom, estimatedTo }`) as ISO dates; anything else is ignored. */
  previousEstimate: unknown;
  deliveredAt: Date | null;
  createdAt: Date;
  events: TrackingEventRecord[];
}

export interface TimelineEvent {
  id: string;
  status: ShipmentStatus;
  at: Date;
  location: string | null;
  /** The carrier's (or seller's) own words, shown as written, never translated. */
  carrierText: string | null;
  bySeller: boolean;
}

export interface ShipmentTimeline {
  id: string;
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  status: ShipmentStatus;
  statusAt: Date;
  deliveredAt: Date | null;
  estimate: DateRange | null;
  /** The estimate the current one replaced; null when it never changed. */
  previousEstimate: DateRange | null;
  /** Newest first, by when it happened. */
  events: TimelineEvent[];
}

export interface ParcelTimeline {
  shipments: ShipmentTimeline[];
  /** Nothing shipped yet: the seller's estimate from the order's quote (null without one). */
  notShipped: { sellerEstimate: DateRange | null } | null;
}

/** A carrier's name from the carrier table (lib/domain/logistics/carriers); an unknown code is shown as it is. */
export function carrierName(code: string): string {
  return findCarrier(code)?.name ?? code;
}

/** Every status's message key under `tracking.status` (all eleven, for the translation files). */
export const STATUS_LABEL_KEYS: Readonly<Record<ShipmentStatus, `status.${ShipmentStatus}`>> = Object.fromEntries(
  SHIPMENT_STATUSES.map((s) => [s, `status.${s}`]),
) as Record<ShipmentStatus, `status.${ShipmentStatus}`>;

/** The message key of a status in words; an unexpected value reads as an exception, never as a raw code. */
export function statusLabelKey(status: unknown): `status.${ShipmentStatus}` {
  return STATUS_LABEL_KEYS[isShipmentStatus(status) ? status : "EXCEPTION"];
}

/** Whether a status is the end of the parcel's journey one way or another (for its visual mark). */
export function statusTone(status: ShipmentStatus): "done" | "problem" | "moving" {
  if (status === "DELIVERED") return "done";
  if (status === "HELD_AT_CUSTOMS" || status === "DELIVERY_FAILED" || status === "RETURNED_TO_SENDER" || status === "EXCEPTION") return "problem";
  return "moving";
}

/**
 * Events newest first by when they happened. Two events at the same moment: the one
 * that arrived later first (it is the one statusAfter keeps), then by id so the order
 * is stable.
 */
export function eventsByTime<E extends { id: string; at: Date; receivedAt: Date }>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => b.at.getTime() - a.at.getTime() || b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

function dateOf(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function rangeOf(from: unknown, to: unknown): DateRange | null {
  const a = dateOf(from);
  const b = dateOf(to) ?? a;
  if (!a || !b) return null;
  return a.getTime() <= b.getTime() ? { from: a, to: b } : { from: b, to: a };
}

/** A stored previous estimate, in either shape the store writes; null for anything else. */
export function parseEstimate(value: unknown): DateRange | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  return rangeOf(v.from ?? v.estimatedFrom, v.to ?? v.estimatedTo);
}

const sameRange = (a: DateRange, b: DateRange) => a.from.getTime() === b.from.getTime() && a.to.getTime() === b.to.getTime();

/**
 * The current estimate and the one it replaced. The shipment's own estimate is the
 * carrier's latest; without one, the newest event (by time) that carried an estimate.
 * The replaced one is the stored previous estimate, else the newest earlier event
 * estimate that differs; an "earlier" estimate equal to the current one is no change.
 */
export function estimateOf(shipment: Pick<ShipmentRecord, "estimatedFrom" | "estimatedTo" | "previousEstimate" | "events">): { estimate: DateRange | null; previous: DateRange | null } {
  const fromEvents = eventsByTime(shipment.events)
    .map((e) => rangeOf(e.estimatedFrom, e.estimatedTo))
    .filter((r): r is DateRange => r !== null);
  const estimate = rangeOf(shipment.estimatedFrom, shipment.estimatedTo) ?? fromEvents[0] ?? null;
  if (!estimate) return { estimate: null, previous: null };
  const stored = parseEstimate(shipment.previousEstimate);
  const previous = stored && !sameRange(stored, estimate) ? stored : (fromEvents.find((r) => !sameRange(r, estimate)) ?? null);
  return { estimate, previous };
}

/** The status from the events by time (a late older event never moves it back); the stored one without events. */
export function currentStatus(shipment: Pick<ShipmentRecord, "status" | "statusAt" | "createdAt" | "events">): { status: ShipmentStatus; statusAt: Date } {
  if (shipment.events.length === 0) return { status: shipment.status, statusAt: shipment.statusAt };
  const byArrival = [...shipment.events].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return byArrival.reduce((state, e) => statusAfter(state, { kind: e.kind, at: e.at }), { status: "LABEL_CREATED" as ShipmentStatus, statusAt: new Date(0) });
}

export function shipmentTimeline(shipment: ShipmentRecord): ShipmentTimeline {
  const { status, statusAt } = currentStatus(shipment);
  const { estimate, previous } = estimateOf(shipment);
  return {
    id: shipment.id,
    carrier: shipment.carrier,
    carrierName: carrierName(shipment.carrier),
    trackingNumber: shipment.trackingNumber,
    status,
    statusAt,
    deliveredAt: shipment.deliveredAt,
    estimate,
    previousEstimate: previous,
    events: eventsByTime(shipment.events).map((e) => ({
      id: e.id,
      status: e.kind,
      at: e.at,
      location: e.location,
      carrierText: e.carrierText,
      bySeller: e.source === "SELLER",
    })),
  };
}

const DAY = 86_400_000;

/** The UTC date `days` business days (Monday to Friday) after `start`'s date. */
function addBusinessDays(start: number, days: number): Date {
  let t = start;
  let left = days;
  while (left > 0) {
    t += DAY;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(t);
}

/**
 * The seller's estimate from the quote: `min` to `max` business days (as the order
 * page promises them) after `from` (payment, else placing), as UTC dates.
 */
export function sellerEstimate(from: Date, days: { min: number; max: number } | null): DateRange | null {
  if (!days || !Number.isInteger(days.min) || !Number.isInteger(days.max) || days.min < 0 || days.max < days.min || days.max > 365) return null;
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return { from: addBusinessDays(start, days.min), to: addBusinessDays(start, days.max) };
}

/** A parcel's timeline: its shipments, oldest shipment first; when none, "not shipped" with the seller's estimate. */
export function parcelTimeline(shipments: readonly ShipmentRecord[], quoted: { from: Date; days: { min: number; max: number } | null }): ParcelTimeline {
  const ordered = [...shipments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  if (ordered.length === 0) return { shipments: [], notShipped: { sellerEstimate: sellerEstimate(quoted.from, quoted.days) } };
  return { shipments: ordered.map(shipmentTimeline), notShipped: null };
}
