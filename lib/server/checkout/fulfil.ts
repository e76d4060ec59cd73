import "server-only";
import { enqueueAnalyticsRefresh } from "@/lib/server/analytics/jobs";
import crypto from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { money } from "@/lib/domain/money";
import { retrieveSession, reverseTransfer, transferToSeller, type SessionState } from "@/lib/server/payments";
import { recordAudit } from "@/lib/server/audit";
import { cancelOrder, markOrderPaid, markOrderProcessing, PAYMENTS_ACTOR } from "./orders";
import { sendOrderConfirmation } from "./confirmation";
import { startDigitalDelivery } from "@/lib/server/digital/delivery";

/**
 * The one way an order learns about its payment: re-read the session from the
 * provider (never trusting an event's body or the return URL), then move the order
 * once: paid, settling, or ended. The webhook, the return page and the reconciler all
 * call this; whichever comes first does the work and the others find nothing to do.
 * After a payment, each seller's transfer and the buyer's confirmation follow (again
 * idempotent: a transfer carries the sub-order's id as its idempotency key).
 */
export type SyncOutcome =
  | { ok: true; orderId: string; status: "PAID" | "PROCESSING" | "AWAITING_PAYMENT" | "CANCELLED" | "REFUNDED" }
  | { ok: false; code: "NOT_FOUND" | "PAYMENT_UNAVAILABLE" };

export async function syncPayment(sessionId: string, clock: Clock, db: PrismaClient = getPrisma()): Promise<SyncOutcome> {
  const read = await retrieveSession(sessionId);
  if (!read.ok) return { ok: false, code: read.code === "NOT_FOUND" ? "NOT_FOUND" : "PAYMENT_UNAVAILABLE" };
  const session = read.session;
  const payment = await ensurePaymentRow(session, db);
  if (!payment) return { ok: false, code: "NOT_FOUND" };
  const orderId = payment.orderId;
  const now = clock.now();

  if (session.status === "complete" && session.paymentStatus === "paid") {
    await checkAmount(session, orderId, db);
    await markOrderPaid(orderId, { sessionId, paymentIntentId: session.paymentIntentId, chargeId: session.chargeId }, now, db);
    await settle(orderId, clock, db);
  } else if (session.status === "complete") {
    // Completed without funds yet: a delayed method settling, or one that failed.
    if (session.intentStatus === "processing") await markOrderProcessing(orderId, sessionId, session.paymentIntentId, db);
    else if (session.intentStatus === "requires_payment_method" || session.intentStatus === "canceled") {
      await db.payment.updateMany({ where: { sessionId, status: { in: ["OPEN", "PROCESSING"] } }, data: { status: "FAILED" } });
      await cancelOrder(orderId, now, db);
    }
  } else if (session.status === "expired") {
    await db.payment.updateMany({ where: { sessionId, status: { in: ["OPEN", "PROCESSING"] } }, data: { status: "EXPIRED" } });
    await cancelOrder(orderId, now, db);
  }
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
  return { ok: true, orderId, status: order.status };
}

/** The payment row of a session; recreated from the session's metadata when the store crashed before writing it. */
async function ensurePaymentRow(session: SessionState, db: PrismaClient) {
  const existing = await db.payment.findUnique({ where: { sessionId: session.id } });
  if (existing) return existing;
  if (!session.orderId) return null;
  const order = await db.order.findUnique({ where: { id: session.orderId } });
  if (!order) return null;
  try {
    return await db.payment.create({
      data: {
        id: `pay_${crypto.randomBytes(12).toString("base64url")}`,
        orderId: order.id,
        sessionId: session.id,
        url: "",
        amountMinor: session.amountTotal?.amountMinor ?? order.totalMinor,
        currency: session.amountTotal?.currency ?? order.currency,
        expiresAt: order.lockedUntil,
      },
    });
  } catch {
    return db.payment.findUnique({ where: { sessionId: session.id } });
  }
}

export class AmountMismatchError extends Error {
  constructor(readonly orderId: string) {
    super(`Paid amount differs from order ${orderId}`);
    this.name = "AmountMismatchError";
  }
}

/** Invariant: the provider charged exactly the order's total, in its currency. */
async function checkAmount(session: SessionState, orderId: string, db: PrismaClient): Promise<void> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { totalMinor: true, currency: true } });
  const paid = session.amountTotal;
  if (!paid || paid.currency !== order.currency || paid.amountMinor !== order.totalMinor) throw new AmountMismatchError(orderId);
}

/**
 * After payment: each seller's share to their connected account (transfer group =
 * order id, funded by the order's charge), then the buyer's confirmation. Safe to
 * call again: transfers already made are skipped, and a retry of one that was in
 * flight returns the same transfer (same idempotency key).
 */
export async function settle(orderId: string, clock: Clock, db: PrismaClient = getPrisma()): Promise<{ transfers: number; failed: number }> {
  const order = await db.order.findUnique({ where: { id: orderId }, include: { subOrders: true, payments: { where: { status: "PAID" } } } });
  if (!order || order.status !== "PAID") return { transfers: 0, failed: 0 };
  const charge = order.payments[0]?.chargeId ?? null;
  let transfers = 0;
  let failed = 0;
  for (const sub of order.subOrders) {
    if (sub.transferStatus !== "PENDING" || sub.sellerShareMinor <= 0) continue;
    const result = await transferToSeller({
      amount: money(sub.sellerShareMinor, order.currency),
      destination: sub.paymentAccountId,
      transferGroup: order.id,
      sourceCharge: charge,
      idempotencyKey: `transfer:${sub.id}`,
      metadata: { order_id: order.id, sub_order_id: sub.id, seller_id: sub.sellerId },
    });
    if (!result.ok) {
      failed++;
      continue;
    }
    // Concurrent settlements get the same transfer back; only the one that moves the row records it.
    await db.$transaction(async (tx) => {
      const moved = await tx.subOrder.updateMany({ where: { id: sub.id, transferStatus: "PENDING" }, data: { transferStatus: "TRANSFERRED", transferId: result.transferId } });
      if (moved.count === 1) {
        await recordAudit(tx, {
          actor: PAYMENTS_ACTOR, action: "transfer.create", subjectType: "subOrder", subjectId: sub.id,
          before: { transferStatus: "PENDING" },
          after: { transferStatus: "TRANSFERRED", orderId: order.id, sellerId: sub.sellerId, amountMinor: sub.sellerShareMinor, currency: order.currency, transferId: result.transferId },
        });
      }
    });
    transfers++;
  }
  await sendOrderConfirmation(orderId, clock, db);
  await startDigitalDelivery(orderId, clock, db);
  for (const sellerId of new Set(order.subOrders.map((s) => s.sellerId))) await enqueueAnalyticsRefresh(db, sellerId);
  return { transfers, failed };
}

/** Undoes the sellers' transfers of a refunded order (or of refunded sub-orders). */
export async function reverseTransfers(orderId: string, subOrderIds: string[] | null, db: PrismaClient = getPrisma()): Promise<number> {
  const subs = await db.subOrder.findMany({ where: { orderId, ...(subOrderIds ? { id: { in: subOrderIds } } : {}), transferStatus: "TRANSFERRED" } });
  let reversed = 0;
  for (const sub of subs) {
    if (!sub.transferId) continue;
    const result = await reverseTransfer(sub.transferId, `reversal:${sub.id}`);
    if (!result.ok) continue;
    const done = await db.$transaction(async (tx) => {
      const moved = await tx.subOrder.updateMany({ where: { id: sub.id, transferStatus: "TRANSFERRED" }, data: { transferStatus: "REVERSED" } });
      if (moved.count === 1) {
        await recordAudit(tx, {
          actor: PAYMENTS_ACTOR, action: "transfer.reverse", subjectType: "subOrder", subjectId: sub.id,
          before: { transferStatus: "TRANSFERRED", transferId: sub.transferId },
          after: { transferStatus: "REVERSED", orderId, sellerId: sub.sellerId, amountMinor: sub.sellerShareMinor, reversalId: result.reversalId },
        });
      }
      return moved.count === 1;
    });
    if (done) reversed++;
  }
  return reversed;
}
