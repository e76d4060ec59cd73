import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireOperator, type Viewer } from "@/lib/domain/accounts";
import { maskEmail } from "@/lib/domain/operator/mask";
import { parseOrderFilter } from "@/lib/domain/operator/filters";
import { reconcileState, type ReconcileState } from "@/lib/domain/operator/reconcile";
import { orderField } from "@/lib/server/checkout/access";
import type { AuditActor } from "@/lib/server/audit";
import { subjectKeys } from "@/lib/server/crypto/subjects";
import { maskedBuyer, type BuyerFieldView } from "./pii";

/**
 * The operator's view of orders: every order (not one seller's), with its payment, each
 * seller's transfer and the reconciler's verdict, computed for the orders of the page
 * only. The buyer appears masked: their email on the list, their email, name, address and
 * phone on an order's page, each revealed only with a reason (./pii.ts).
 */
type Query = Record<string, string | string[] | undefined>;
export type OrdersErrorCode = "FORBIDDEN" | "INVALID_FILTER" | "INVALID_CURSOR";

export interface OrderRow {
  id: string;
  number: string;
  createdAt: Date;
  status: string;
  destination: string;
  totalMinor: number;
  currency: string;
  /** The newest payment's status; null when no session was created. */
  paymentStatus: string | null;
  subOrders: { id: string; sellerName: string; transferStatus: string }[];
  reconcile: ReconcileState;
}

export const ORDERS_PAGE_SIZE = 25;

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1] || !match[2]) return null;
  const at = new Date(match[1]);
  return Number.isNaN(at.getTime()) ? null : { at, id: match[2] };
}

/** Provider events not processed yet, per order, for the orders given (by their sessions and payment intents). */
async function unprocessedByOrder(db: PrismaClient, payments: { orderId: string; sessionId: string; paymentIntentId: string | null }[]): Promise<Map<string, number>> {
  const owner = new Map<string, string>();
  for (const p of payments) {
    owner.set(p.sessionId, p.orderId);
    if (p.paymentIntentId) owner.set(p.paymentIntentId, p.orderId);
  }
  const counts = new Map<string, number>();
  if (owner.size === 0) return counts;
  const events = await db.paymentEvent.findMany({ where: { processedAt: null, objectId: { in: [...owner.keys()] } }, select: { objectId: true } });
  for (const e of events) {
    const orderId = e.objectId ? owner.get(e.objectId) : undefined;
    if (orderId) counts.set(orderId, (counts.get(orderId) ?? 0) + 1);
  }
  return counts;
}

export type ListOrdersResult = { ok: true; data: { orders: OrderRow[]; nextCursor: string | null } } | { ok: false; code: OrdersErrorCode };

/** Orders newest first, filtered by status, destination, order number and creation day; 25 a page. */
export async function listOrdersFor(viewer: Viewer | null, query: Query, db: PrismaClient = getPrisma(), now: Date = new Date()): Promise<ListOrdersResult> {
  const allowed = requireOperator(viewer);
  if (!allowed.ok) return { ok: false, code: "FORBIDDEN" };
  const parsed = parseOrderFilter(query);
  if (!parsed.ok) return parsed;
  const f = parsed.filter;
  const after = f.cursor !== undefined ? decodeCursor(f.cursor) : undefined;
  if (after === null) return { ok: false, code: "INVALID_CURSOR" };
  const where: Prisma.OrderWhereInput = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.destination ? { destination: f.destination } : {}),
    ...(f.number ? { number: { contains: f.number } } : {}),
    AND: [
      ...(f.from || f.to ? [{ createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } }] : []),
      ...(after ? [{ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] : []),
    ],
  };
  const rows = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: ORDERS_PAGE_SIZE + 1,
    select: {
      id: true, number: true, createdAt: true, status: true, destination: true, totalMinor: true, currency: true, lockedUntil: true, confirmationSentAt: true,
      payments: { orderBy: { createdAt: "desc" }, select: { orderId: true, sessionId: true, paymentIntentId: true, status: true, amountMinor: true, currency: true, expiresAt: true } },
      subOrders: { orderBy: { position: "asc" }, select: { id: true, transferStatus: true, sellerShareMinor: true, seller: { select: { name: true } } } },
    },
  });
  const page = rows.slice(0, ORDERS_PAGE_SIZE);
  const events = await unprocessedByOrder(db, page.flatMap((o) => o.payments));
  const last = page[page.length - 1];
  return {
    ok: true,
    data: {
      orders: page.map((o) => ({
        id: o.id,
        number: o.number,
        createdAt: o.createdAt,
        status: o.status,
        destination: o.destination,
        totalMinor: o.totalMinor,
        currency: o.currency,
        paymentStatus: o.payments[0]?.status ?? null,
        subOrders: o.subOrders.map((s) => ({ id: s.id, sellerName: s.seller.name, transferStatus: s.transferStatus })),
        reconcile: reconcileState({ ...o, unprocessedEvents: events.get(o.id) ?? 0 }, now),
      })),
      nextCursor: rows.length > ORDERS_PAGE_SIZE && last ? encodeCursor(last.createdAt, last.id) : null,
    },
  };
}

export interface OrderDetail {
  id: string;
  number: string;
  createdAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  status: string;
  locale: string;
  destination: string;
  currency: string;
  /** Minor units of `currency`. */
  goodsMinor: number;
  shippingMinor: number;
  dutyMinor: number;
  taxMinor: number;
  totalMinor: number;
  testMode: boolean;
  /** "b•••@e•••.com": never the address itself. */
  buyerEmail: string;
  guest: boolean;
  /** The buyer's email, name, address and phone, masked. */
  buyer: BuyerFieldView[];
  reconcile: ReconcileState;
  subOrders: {
    id: string;
    sellerName: string;
    sellerHandle: string;
    goodsMinor: number;
    shippingMinor: number;
    dueAtCheckoutMinor: number;
    commissionBps: number;
    commissionMinor: number;
    sellerShareMinor: number;
    transferStatus: string;
    transferId: string | null;
    refundedMinor: number;
    refundId: string | null;
  }[];
  payments: { id: string; sessionId: string; status: string; amountMinor: number; currency: string; refundedMinor: number; createdAt: Date; paidAt: Date | null }[];
  events: { id: string; type: string; receivedAt: Date; processedAt: Date | null; attempts: number; lastError: string | null }[];
  withdrawals: { id: string; subOrderId: string; status: string; refundMinor: number; refundId: string | null; reversalId: string | null; createdAt: Date; refundedAt: Date | null }[];
  audit: { id: string; at: Date; actor: AuditActor; action: string; subjectType: string; subjectId: string; before: unknown; after: unknown; reason: string | null }[];
}

export type OrderDetailResult = { ok: true; data: OrderDetail } | { ok: false; code: "FORBIDDEN" | "NOT_FOUND" };

async function buyerEmail(db: PrismaClient, order: { id: string; emailSealed: string }): Promise<string> {
  try {
    // Erased (null) or sealed under a key the store no longer holds: nothing to show.
    return maskEmail((await subjectKeys().openOrNull(db, order.emailSealed, orderField(order.id, "email"))) ?? "");
  } catch {
    return maskEmail("");
  }
}

/** One order with everything that moved money on it, and its audit entries (the order's and its sub-orders'). */
export async function orderDetailFor(viewer: Viewer | null, orderId: string, db: PrismaClient = getPrisma(), now: Date = new Date()): Promise<OrderDetailResult> {
  const allowed = requireOperator(viewer);
  if (!allowed.ok) return { ok: false, code: "FORBIDDEN" };
  if (typeof orderId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) return { ok: false, code: "NOT_FOUND" };
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      subOrders: { orderBy: { position: "asc" }, include: { seller: { select: { name: true, handle: true } } } },
      payments: { orderBy: { createdAt: "asc" } },
      withdrawals: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!order) return { ok: false, code: "NOT_FOUND" };
  const objectIds = order.payments.flatMap((p) => [p.sessionId, ...(p.paymentIntentId ? [p.paymentIntentId] : [])]);
  const events = objectIds.length ? await db.paymentEvent.findMany({ where: { objectId: { in: objectIds } }, orderBy: { receivedAt: "asc" } }) : [];
  const audit = await db.auditEntry.findMany({
    where: { OR: [{ subjectType: "order", subjectId: order.id }, { subjectType: "subOrder", subjectId: { in: order.subOrders.map((s) => s.id) } }] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 200,
  });
  return {
    ok: true,
    data: {
      id: order.id,
      number: order.number,
      createdAt: order.createdAt,
      paidAt: order.paidAt,
      cancelledAt: order.cancelledAt,
      status: order.status,
      locale: order.locale,
      destination: order.destination,
      currency: order.currency,
      goodsMinor: order.goodsMinor,
      shippingMinor: order.shippingMinor,
      dutyMinor: order.dutyMinor,
      taxMinor: order.taxMinor,
      totalMinor: order.totalMinor,
      testMode: order.testMode,
      buyerEmail: await buyerEmail(db, order),
      guest: order.userId === null,
      buyer: await maskedBuyer(db, order),
      reconcile: reconcileState({ ...order, unprocessedEvents: events.filter((e) => !e.processedAt).length }, now),
      subOrders: order.subOrders.map((s) => ({
        id: s.id,
        sellerName: s.seller.name,
        sellerHandle: s.seller.handle,
        goodsMinor: s.goodsMinor,
        shippingMinor: s.shippingMinor,
        dueAtCheckoutMinor: s.dueAtCheckoutMinor,
        commissionBps: s.commissionBps,
        commissionMinor: s.commissionMinor,
        sellerShareMinor: s.sellerShareMinor,
        transferStatus: s.transferStatus,
        transferId: s.transferId,
        refundedMinor: s.refundedMinor,
        refundId: s.refundId,
      })),
      payments: order.payments.map((p) => ({ id: p.id, sessionId: p.sessionId, status: p.status, amountMinor: p.amountMinor, currency: p.currency, refundedMinor: p.refundedMinor, createdAt: p.createdAt, paidAt: p.paidAt })),
      events: events.map((e) => ({ id: e.id, type: e.type, receivedAt: e.receivedAt, processedAt: e.processedAt, attempts: e.attempts, lastError: e.lastError })),
      withdrawals: order.withdrawals.map((w) => ({ id: w.id, subOrderId: w.subOrderId, status: w.status, refundMinor: w.refundMinor, refundId: w.refundId, reversalId: w.reversalId, createdAt: w.createdAt, refundedAt: w.refundedAt })),
      audit: audit.map((row) => ({ id: row.id.toString(), at: row.at, actor: row.actor as unknown as AuditActor, action: row.action, subjectType: row.subjectType, subjectId: row.subjectId, before: row.before, after: row.after, reason: row.reason })),
    },
  };
}
