import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import { pageOf } from "@/lib/domain/account";
import { money, type Money } from "@/lib/domain/money";
import { isOrderId, orderAccessKey } from "@/lib/server/checkout/access";
import { orderViewOf, type OrderView } from "@/lib/server/checkout/confirmation";

/**
 * The signed-in buyer's orders: the ones placed while signed in (Order.userId). Every
 * query is scoped by the viewer's account; another buyer's order is NOT_FOUND, the same
 * answer as no such order.
 */
export const ORDERS_PER_PAGE = 20;

export interface AccountOrderRow {
  id: string;
  number: string;
  placedAt: Date;
  status: OrderView["status"];
  total: Money;
  parcels: number;
}

export interface AccountOrderPage {
  orders: AccountOrderRow[];
  page: number;
  pages: number;
  total: number;
}

/** One page of the viewer's orders, newest first; a page past the end is the last one. */
export async function listAccountOrders(viewer: Viewer, requestedPage: unknown, db: PrismaClient = getPrisma()): Promise<{ ok: true; data: AccountOrderPage }> {
  const where = { userId: viewer.userId };
  const total = await db.order.count({ where });
  const { page, pages, skip } = pageOf(requestedPage, total, ORDERS_PER_PAGE);
  const orders = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take: ORDERS_PER_PAGE,
    select: { id: true, number: true, createdAt: true, status: true, totalMinor: true, currency: true, _count: { select: { subOrders: true } } },
  });
  return {
    ok: true,
    data: {
      orders: orders.map((o) => ({ id: o.id, number: o.number, placedAt: o.createdAt, status: o.status, total: money(o.totalMinor, o.currency), parcels: o._count.subOrders })),
      page,
      pages,
      total,
    },
  };
}

/**
 * One of the viewer's orders as the confirmation link shows it, with the order's key
 * for its contract download and withdrawal form (the owner may have it again).
 */
export async function loadAccountOrder(
  viewer: Viewer,
  orderId: unknown,
  db: PrismaClient = getPrisma(),
): Promise<{ ok: true; data: { order: OrderView; accessKey: string } } | { ok: false; code: "NOT_FOUND" }> {
  if (!isOrderId(orderId)) return { ok: false, code: "NOT_FOUND" };
  const owned = await db.order.findFirst({ where: { id: orderId, userId: viewer.userId }, select: { id: true } });
  if (!owned) return { ok: false, code: "NOT_FOUND" };
  const order = await orderViewOf(owned.id, db);
  if (!order) return { ok: false, code: "NOT_FOUND" };
  return { ok: true, data: { order, accessKey: orderAccessKey(owned.id) } };
}
