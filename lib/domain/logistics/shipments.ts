/**
 * What a seller may put in a parcel, without I/O: per order line, what remains to ship
 * (ordered, less what the buyer withdrew from, less what earlier shipments carried), and
 * whether a requested parcel fits it. Digital lines are never shipped.
 */
import { isShipmentStatus, type ShipmentStatus } from "./status";

export interface ShippableLine {
  id: string;
  kind: "PHYSICAL" | "DIGITAL";
  quantity: number;
  withdrawnQuantity: number;
  /** Units already in earlier shipments. */
  shipped: number;
}

export function remainingOf(line: ShippableLine): number {
  return line.kind === "DIGITAL" ? 0 : Math.max(0, line.quantity - line.withdrawnQuantity - line.shipped);
}

export type ParcelRefusal = "NO_ITEMS" | "NOT_SHIPPABLE" | "QUANTITY_TOO_HIGH" | "INVALID_QUANTITY";

/** Grams of a parcel as typed: a whole number from 1 g to 30 kg (postal limit for a parcel). */
export const MAX_WEIGHT_GRAMS = 30_000;

export function parseWeight(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^\s*\d{1,6}\s*$/.test(raw)) return null;
  const grams = Number(raw.trim());
  return grams >= 1 && grams <= MAX_WEIGHT_GRAMS ? grams : null;
}

/**
 * The parcel's lines from the requested quantity per order line (lines asked with 0 are
 * left out): every asked line must be one of the sub-order's physical lines, 1..remaining.
 */
export function planParcel(lines: readonly ShippableLine[], requested: ReadonlyMap<string, number>): { ok: true; lines: { orderLineId: string; quantity: number }[] } | { ok: false; code: ParcelRefusal } {
  const planned: { orderLineId: string; quantity: number }[] = [];
  for (const [id, quantity] of requested) {
    if (!Number.isInteger(quantity) || quantity < 0) return { ok: false, code: "INVALID_QUANTITY" };
    if (quantity === 0) continue;
    const line = lines.find((l) => l.id === id);
    if (!line || line.kind === "DIGITAL") return { ok: false, code: "NOT_SHIPPABLE" };
    if (quantity > remainingOf(line)) return { ok: false, code: "QUANTITY_TOO_HIGH" };
    planned.push({ orderLineId: id, quantity });
  }
  if (planned.length === 0) return { ok: false, code: "NO_ITEMS" };
  return { ok: true, lines: planned };
}

/** A whole number of units as typed in a form; null when it is not one. */
export function parseQuantity(raw: unknown): number | null {
  if (raw === undefined || raw === null || raw === "") return 0;
  if (typeof raw !== "string" || !/^\s*\d{1,5}\s*$/.test(raw)) return null;
  return Number(raw.trim());
}

export type UpdateRefusal = "INVALID_STATUS" | "INVALID_TIME" | "TIME_IN_FUTURE" | "TEXT_TOO_LONG";

export const MAX_EVENT_TEXT = 500;

/**
 * A seller's manual tracking update: a status, a time not in the future (a minute of
 * clock skew allowed), an optional place and the carrier's words. `time` is an ISO date
 * and time; without a zone it is read as UTC (the form says so).
 */
export function parseManualUpdate(input: { kind: unknown; at: unknown; location: unknown; note: unknown }, now: Date): { ok: true; kind: ShipmentStatus; at: Date; location: string | null; note: string | null } | { ok: false; code: UpdateRefusal } {
  if (!isShipmentStatus(input.kind)) return { ok: false, code: "INVALID_STATUS" };
  if (typeof input.at !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/.test(input.at.trim())) return { ok: false, code: "INVALID_TIME" };
  const text = input.at.trim();
  const at = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(at.getTime())) return { ok: false, code: "INVALID_TIME" };
  if (at.getTime() > now.getTime() + 60_000) return { ok: false, code: "TIME_IN_FUTURE" };
  const clean = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
  const location = clean(input.location);
  const note = clean(input.note);
  if ((location?.length ?? 0) > 200 || (note?.length ?? 0) > MAX_EVENT_TEXT) return { ok: false, code: "TEXT_TOO_LONG" };
  return { ok: true, kind: input.kind, at, location, note };
}
