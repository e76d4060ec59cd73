/**
 * The operator's list filters, read from a page's query string (plain GET forms). An
 * empty field is no filter; a value that cannot be one is refused with INVALID_FILTER
 * rather than silently widening the list. Dates are whole UTC days, both ends inclusive
 * for the operator (`to` becomes the exclusive start of the next day).
 */
export const ORDER_STATUSES = ["AWAITING_PAYMENT", "PROCESSING", "PAID", "CANCELLED", "REFUNDED"] as const;
export type OrderStatusFilter = (typeof ORDER_STATUSES)[number];
export const ACTOR_KINDS = ["operator", "seller", "system", "buyer"] as const;
export type ActorKindFilter = (typeof ACTOR_KINDS)[number];

type Query = Record<string, string | string[] | undefined>;
export type FilterResult<T> = { ok: true; filter: T } | { ok: false; code: "INVALID_FILTER" };

export interface OrderFilter {
  status?: OrderStatusFilter;
  destination?: string;
  /** Part of the order number, upper case ("7K3M" finds "CV-7K3M-9QX2"). */
  number?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
}

export interface AuditViewFilter {
  /** The start of the action ("order." finds order.paid, order.refund...). */
  action?: string;
  actorKind?: ActorKindFilter;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
}

function one(query: Query, name: string): string | undefined {
  const raw = query[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as the UTC midnight that starts it; null when it is no real day. */
export function parseDay(text: string): Date | null {
  const match = DAY.exec(text);
  if (!match) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

type Range = { from?: Date; to?: Date } | null;

function range(query: Query): Range {
  const fromText = one(query, "from");
  const toText = one(query, "to");
  const from = fromText ? parseDay(fromText) : undefined;
  const toDay = toText ? parseDay(toText) : undefined;
  if (from === null || toDay === null) return null;
  const to = toDay ? new Date(toDay.getTime() + 86_400_000) : undefined;
  if (from && to && from >= to) return null;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

function cursorOf(query: Query): { cursor?: string } | null {
  const cursor = one(query, "cursor");
  if (cursor === undefined) return {};
  return /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? { cursor } : null;
}

export function parseOrderFilter(query: Query): FilterResult<OrderFilter> {
  const status = one(query, "status");
  const destination = one(query, "destination")?.toUpperCase();
  const number = one(query, "number")?.toUpperCase();
  const dates = range(query);
  const cursor = cursorOf(query);
  if (status !== undefined && !(ORDER_STATUSES as readonly string[]).includes(status)) return { ok: false, code: "INVALID_FILTER" };
  if (destination !== undefined && !/^[A-Z]{2}$/.test(destination)) return { ok: false, code: "INVALID_FILTER" };
  if (number !== undefined && !/^[A-Z0-9-]{1,20}$/.test(number)) return { ok: false, code: "INVALID_FILTER" };
  if (!dates || !cursor) return { ok: false, code: "INVALID_FILTER" };
  return {
    ok: true,
    filter: {
      ...(status ? { status: status as OrderStatusFilter } : {}),
      ...(destination ? { destination } : {}),
      ...(number ? { number } : {}),
      ...dates,
      ...cursor,
    },
  };
}

export function parseAuditFilter(query: Query): FilterResult<AuditViewFilter> {
  const action = one(query, "action");
  const actorKind = one(query, "actor");
  const subjectType = one(query, "subjectType");
  const subjectId = one(query, "subjectId");
  const dates = range(query);
  const cursor = cursorOf(query);
  if (action !== undefined && !/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(action)) return { ok: false, code: "INVALID_FILTER" };
  if (actorKind !== undefined && !(ACTOR_KINDS as readonly string[]).includes(actorKind)) return { ok: false, code: "INVALID_FILTER" };
  if (subjectType !== undefined && !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(subjectType)) return { ok: false, code: "INVALID_FILTER" };
  if (subjectId !== undefined && (subjectId.length > 200 || CONTROL.test(subjectId))) return { ok: false, code: "INVALID_FILTER" };
  if (!dates || !cursor) return { ok: false, code: "INVALID_FILTER" };
  return {
    ok: true,
    filter: {
      ...(action ? { action } : {}),
      ...(actorKind ? { actorKind: actorKind as ActorKindFilter } : {}),
      ...(subjectType ? { subjectType } : {}),
      ...(subjectId ? { subjectId } : {}),
      ...dates,
      ...cursor,
    },
  };
}
