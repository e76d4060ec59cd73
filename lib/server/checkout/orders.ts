import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/server/audit";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Who the audit log names for the money the payment flow moves on its own (payment, transfers, reversals, cancellation). */
export const PAYMENTS_ACTOR: AuditActor = { kind: "system", name: "payments" };

/**
 * Ends an order that will not be paid (its session expired, its payment failed, the
 * session could not be created, or the buyer changed the cart): once, whoever calls it
 * first. The order leaves AWAITING_PAYMENT/PROCESSING only through the conditional
 * update, so the held units go back to stock exactly once.
 */
export async function cancelOrder(orderId: string, now: Date, db: PrismaClient = getPrisma()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const was = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } });
    const ended = await tx.order.updateMany({
      where: { id: orderId, status: { in: ["AWAITING_PAYMENT", "PROCESSING"] } },
      data: { status: "CANCELLED", openCartId: null, cancelledAt: now },
    });
    if (ended.count === 0) return false;
    await recordAudit(tx, { actor: PAYMENTS_ACTOR, action: "order.cancel", subjectType: "order", subjectId: orderId, before: { status: was?.status ?? null }, after: { status: "CANCELLED" } });
    await releaseReservations(tx, orderId);
    await tx.subOrder.updateMany({ where: { orderId }, data: { transferStatus: "NONE" } });
    return true;
  });
}

async function releaseReservations(tx: Tx, orderId: string): Promise<void> {
  const held = await tx.stockReservation.findMany({ where: { orderId, status: "HELD" } });
  for (const reservation of held) {
    const released = await tx.stockReservation.updateMany({ where: { id: reservation.id, status: "HELD" }, data: { status: "RELEASED" } });
    if (released.count === 1) await tx.variant.update({ where: { id: reservation.variantId }, data: { stock: { increment: reservation.quantity } } });
  }
}

/**
 * Marks an order paid, once: the conditional update decides which caller (webhook,
 * return page, reconciler) fulfils it. Held units become sold; the cart loses the lines
 * that were bought. Returns whether this call did it.
 */
export async function markOrderPaid(
  orderId: string,
  payment: { sessionId: string; paymentIntentId: string | null; chargeId: string | null },
  now: Date,
  db: PrismaClient = getPrisma(),
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { cartId: true, status: true, totalMinor: true, currency: true } });
    if (!order) return false;
    const paid = await tx.order.updateMany({
      where: { id: orderId, status: { in: ["AWAITING_PAYMENT", "PROCESSING", "CANCELLED"] } },
      data: { status: "PAID", openCartId: null, paidAt: now, cancelledAt: null },
    });
    if (paid.count === 0) return false;
    await recordAudit(tx, {
      actor: PAYMENTS_ACTOR, action: "order.paid", subjectType: "order", subjectId: orderId,
      // Minor units of the order's currency, as charged.
      before: { status: order.status }, after: { status: "PAID", amountMinor: order.totalMinor, currency: order.currency, sessionId: payment.sessionId },
    });
    if (order.status === "CANCELLED") {
      // A provider-confirmed payment for an order ended too early: the order stands; take the units again where stock allows.
      await retake(tx, orderId);
    }
    await tx.stockReservation.updateMany({ where: { orderId, status: "HELD" }, data: { status: "COMMITTED" } });
    await tx.payment.updateMany({
      where: { sessionId: payment.sessionId },
      data: { status: "PAID", paidAt: now, paymentIntentId: payment.paymentIntentId, chargeId: payment.chargeId },
    });
    await tx.subOrder.updateMany({ where: { orderId, transferStatus: "NONE" }, data: { transferStatus: "PENDING" } });
    const bought = await tx.orderLine.findMany({ where: { orderId }, select: { variantId: true } });
    await tx.cartLine.deleteMany({ where: { cartId: order.cartId, variantId: { in: bought.map((l) => l.variantId) } } });
    await tx.checkoutDraft.updateMany({ where: { cartId: order.cartId }, data: { quote: Prisma.DbNull, fingerprint: null, lockedUntil: null, quotedAt: null } });
    return true;
  });
}

async function retake(tx: Tx, orderId: string): Promise<void> {
  const released = await tx.stockReservation.findMany({ where: { orderId, status: "RELEASED" } });
  for (const r of released) {
    const taken = await tx.$executeRaw`UPDATE "Variant" SET "stock" = "stock" - ${r.quantity} WHERE "id" = ${r.variantId} AND "stock" >= ${r.quantity}`;
    await tx.stockReservation.update({ where: { id: r.id }, data: { status: taken === 1 ? "HELD" : "RELEASED" } });
  }
}

/** A delayed method is settling: the order waits, its units stay held. */
export async function markOrderProcessing(orderId: string, sessionId: string, paymentIntentId: string | null, db: PrismaClient = getPrisma()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const moved = await tx.order.updateMany({ where: { id: orderId, status: "AWAITING_PAYMENT" }, data: { status: "PROCESSING" } });
    await tx.payment.updateMany({ where: { sessionId, status: "OPEN" }, data: { status: "PROCESSING", paymentIntentId } });
    return moved.count === 1;
  });
}
