/**
 * What carriers post to the store (POST /api/webhooks/carriers/{carrier}), read without
 * I/O. A body is one event or an array of them:
 *
 *     { id, trackingNumber, kind, at, location?, text?, estimatedDelivery?: { from, to } }
 *
 * `kind` is a normalised status (SHIPMENT_STATUSES) or the carrier's own code, mapped by
 * the carrier's table below. `at` is an ISO instant; the estimate's ends are dates
 * (YYYY-MM-DD, or instants whose UTC date counts). A body with any malformed event is
 * refused as a whole, with the first problem's code: nothing of it is recorded.
 */
import { isShipmentStatus, type ShipmentStatus } from "./status";

/** Each carrier's own event codes, by the carrier table's code (carriers.ts). A carrier not listed can still post normalised statuses. */
export const CARRIER_CODES: Record<string, Record<string, ShipmentStatus>> = {
  simulated: {
    "SIM-LBL": "LABEL_CREATED",
    "SIM-PCK": "PICKED_UP",
    "SIM-TRN": "IN_TRANSIT",
    "SIM-ARR": "ARRIVED_IN_DESTINATION",
    "SIM-CUS": "HELD_AT_CUSTOMS",
    "SIM-CLR": "RELEASED_BY_CUSTOMS",
    "SIM-OFD": "OUT_FOR_DELIVERY",
    "SIM-NDL": "DELIVERY_FAILED",
    "SIM-DLV": "DELIVERED",
    "SIM-RTS": "RETURNED_TO_SENDER",
    "SIM-EXC": "EXCEPTION",
  },
  "dhl-express": {
    "pre-transit": "LABEL_CREATED",
    PU: "PICKED_UP",
    transit: "IN_TRANSIT",
    AR: "ARRIVED_IN_DESTINATION",
    CR: "HELD_AT_CUSTOMS",
    CC: "RELEASED_BY_CUSTOMS",
    WC: "OUT_FOR_DELIVERY",
    NH: "DELIVERY_FAILED",
    delivered: "DELIVERED",
    RT: "RETURNED_TO_SENDER",
    failure: "EXCEPTION",
  },
  ups: {
    M: "LABEL_CREATED",
    P: "PICKED_UP",
    I: "IN_TRANSIT",
    O: "OUT_FOR_DELIVERY",
    D: "DELIVERED",
    RS: "RETURNED_TO_SENDER",
    X: "EXCEPTION",
  },
};

/** The normalised status of a carrier's `kind`: a status name as it is, else the carrier's code; null when neither. */
export function mapCarrierKind(carrier: string, kind: string): ShipmentStatus | null {
  if (isShipmentStatus(kind)) return kind;
  const table = Object.hasOwn(CARRIER_CODES, carrier) ? CARRIER_CODES[carrier]! : {};
  return Object.hasOwn(table, kind) ? table[kind]! : null;
}

export interface CarrierEvent {
  id: string;
  trackingNumber: string;
  kind: ShipmentStatus;
  at: Date;
  location: string | null;
  text: string | null;
  estimate: { from: Date; to: Date } | null;
}

export type CarrierEventsError =
  | "BODY_NOT_JSON"
  | "NO_EVENTS"
  | "TOO_MANY_EVENTS"
  | "EVENT_NOT_OBJECT"
  | "EVENT_ID_INVALID"
  | "TRACKING_NUMBER_INVALID"
  | "KIND_UNKNOWN"
  | "AT_INVALID"
  | "LOCATION_INVALID"
  | "TEXT_INVALID"
  | "ESTIMATE_INVALID";

export type CarrierEventsParse = { ok: true; events: CarrierEvent[] } | { ok: false; code: CarrierEventsError; index?: number };

export const MAX_EVENTS_PER_BODY = 100;

const ID = /^[A-Za-z0-9._:-]{1,100}$/;
const TRACKING = /^[A-Za-z0-9-]{4,40}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Two days ahead of the receiver's clock at most: a carrier's clock may be a little off, not a year. */
const FUTURE_SLACK_MS = 2 * 24 * 3600 * 1000;

function instant(value: unknown): Date | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value) ? null : date;
}

/** A calendar date (UTC midnight) from YYYY-MM-DD or an instant. */
function calendarDate(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  if (DATE_ONLY.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
  }
  const at = instant(value);
  return at ? new Date(`${at.toISOString().slice(0, 10)}T00:00:00Z`) : null;
}

function optionalText(value: unknown, max: number): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value.length > max) return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function parseOne(carrier: string, raw: unknown, now: Date): CarrierEvent | CarrierEventsError {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "EVENT_NOT_OBJECT";
  const event = raw as Record<string, unknown>;
  if (typeof event.id !== "string" || !ID.test(event.id)) return "EVENT_ID_INVALID";
  if (typeof event.trackingNumber !== "string" || !TRACKING.test(event.trackingNumber)) return "TRACKING_NUMBER_INVALID";
  const kind = typeof event.kind === "string" ? mapCarrierKind(carrier, event.kind) : null;
  if (!kind) return "KIND_UNKNOWN";
  const at = instant(event.at);
  if (!at || at.getTime() > now.getTime() + FUTURE_SLACK_MS) return "AT_INVALID";
  const location = optionalText(event.location, 200);
  if (location === undefined) return "LOCATION_INVALID";
  const text = optionalText(event.text, 500);
  if (text === undefined) return "TEXT_INVALID";
  let estimate: CarrierEvent["estimate"] = null;
  if (event.estimatedDelivery !== undefined && event.estimatedDelivery !== null) {
    const e = event.estimatedDelivery as Record<string, unknown>;
    const from = typeof e === "object" ? calendarDate(e.from) : null;
    const to = typeof e === "object" ? calendarDate(e.to ?? e.from) : null;
    if (!from || !to || from.getTime() > to.getTime()) return "ESTIMATE_INVALID";
    estimate = { from, to };
  }
  return { id: event.id, trackingNumber: event.trackingNumber, kind, at, location, text, estimate };
}

/** The events of a webhook body (already known to be the signed one), or the first problem. */
export function parseCarrierEvents(carrier: string, body: string, now: Date): CarrierEventsParse {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, code: "BODY_NOT_JSON" };
  }
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) return { ok: false, code: "NO_EVENTS" };
  if (list.length > MAX_EVENTS_PER_BODY) return { ok: false, code: "TOO_MANY_EVENTS" };
  const events: CarrierEvent[] = [];
  for (const [index, raw] of list.entries()) {
    const parsed = parseOne(carrier, raw, now);
    if (typeof parsed === "string") return { ok: false, code: parsed, index };
    events.push(parsed);
  }
  return { ok: true, events };
}
