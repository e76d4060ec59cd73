import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { money } from "@/lib/domain/money";
import { recordAudit, type AuditActor } from "@/lib/server/audit";
import { refundPayment, retrieveSession } from "@/lib/server/payments";
import { reverseTransfers } from "./fulfil";
import { PAYMENTS_ACTOR } from "./orders";

/**
 * Refunds: one seller's parcel at a time (what the buyer paid for it, back to the card),
 * with that seller's transfer reversed; and the provider's word on a refund made
 * elsewhere (`charge.refunded`), which the store follows.
 */
export type RefundResult = { ok: true; refundId: string } | { ok: false; code: "ORDER_NOT_FOUND" | "NOT_REFUNDABLE" | "PAYMENT_UNAVAILABLE" };

/** Who refunds when no one is named: the store's own flows (a withdrawal, a cancelled parcel). */
const STORE: AuditActor = { kind: "system", name: "refunds" };

/**
 * Refunds one seller's parcel. The sub-order's refund and its `order.refund` audit entry
 * (by `audit.actor`, with `audit.reason`) are written in one transaction once the provider
 * has refunded.
 */
export async function refundSubOrder(subOrderId: string, db: PrismaClient = getPrisma(), audit: { actor: AuditActor; reason?: string } = { actor: STORE }): Promise<RefundResult> {
  const sub = await db.subOrder.findUnique({ where: { id: subOrderId }, include: { order: { include: { payments: { where: { status: { in: ["PAID", "PARTIALLY_REFUNDED"] } } } } } } });
  if (!sub) return { ok: false, code: "ORDER_NOT_FOUND" };
  const payment = sub.order.payments[0];
  if (!payment?.paymentIntentId || sub.refundedMinor > 0 || sub.dueAtCheckoutMinor <= 0) return { ok: false, code: "NOT_REFUNDABLE" };
  const refund = await refundPayment({
    paymentIntentId: payment.paymentIntentId,
    amount: money(sub.dueAtCheckoutMinor, sub.order.currency),
    idempotencyKey: `refund:${sub.id}`,
    metadata: { order_id: sub.orderId, sub_order_id: sub.id },
  });
  if (!refund.ok) return { ok: false, code: "PAYMENT_UNAVAILABLE" };
  await db.$transaction(async (tx) => {
    await tx.subOrder.update({ where: { id: sub.id }, data: { refundedMinor: sub.dueAtCheckoutMinor, refundId: refund.refundId } });
    await recordAudit(tx, {
      actor: audit.actor, action: "order.refund", subjectType: "subOrder", subjectId: sub.id, reason: audit.reason,
      // Minor units of the order's currency.
      before: { orderId: sub.orderId, refundedMinor: sub.refundedMinor, currency: sub.order.currency, refundId: sub.refundId },
      after: { orderId: sub.orderId, refundedMinor: sub.dueAtCheckoutMinor, currency: sub.order.currency, refundId: refund.refundId },
    });
  });
  await reverseTransfers(sub.orderId, [sub.id], db);
  await recordRefunds(sub.orderId, db);
  return { ok: true, refundId: refund.refundId };
}

/** The order's and payment's refund state from what its sub-orders and the provider say. */
async function recordRefunds(orderId: string, db: PrismaClient, providerRefunded?: number): Promise<void> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { subOrders: true, payments: { where: { status: { in: ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"] } } } } });
  const payment = order.payments[0];
  if (!payment) return;
  const refunded = Math.max(providerRefunded ?? 0, order.subOrders.reduce((s, sub) => s + sub.refundedMinor, 0), payment.refundedMinor);
  const full = refunded >= payment.amountMinor;
  await db.payment.update({ where: { id: payment.id }, data: { refundedMinor: refunded, status: full ? "REFUNDED" : refunded > 0 ? "PARTIALLY_REFUNDED" : payment.status } });
  if (full) await db.order.updateMany({ where: { id: orderId, status: "PAID" }, data: { status: "REFUNDED" } });
}

/**
 * `charge.refunded`: re-read the payment's session; a full refund (from the store or
 * the provider's dashboard) refunds the order and reverses every seller transfer not
 * yet reversed. A partial refund made outside the store is recorded on the payment;
 * which seller it concerns is for the operator to decide.
 */
export async function syncRefund(paymentIntentId: string, db: PrismaClient = getPrisma()): Promise<{ ok: true } | { ok: false; code: "NOT_FOUND" | "PAYMENT_UNAVAILABLE" }> {
  const payment = await db.payment.findUnique({ where: { paymentIntentId } });
  if (!payment) return { ok: false, code: "NOT_FOUND" };
  const read = await retrieveSession(payment.sessionId);
  if (!read.ok) return { ok: false, code: read.code === "NOT_FOUND" ? "NOT_FOUND" : "PAYMENT_UNAVAILABLE" };
  const refunded = read.session.refunded?.amountMinor ?? 0;
  if (refunded >= payment.amountMinor) {
    for (const sub of await db.subOrder.findMany({ where: { orderId: payment.orderId, refundedMinor: 0 } })) {
      // Conditional, so a repeated event records the refund once.
      await db.$transaction(async (tx) => {
        const moved = await tx.subOrder.updateMany({ where: { id: sub.id, refundedMinor: 0 }, data: { refundedMinor: sub.dueAtCheckoutMinor } });
        if (moved.count === 1) {
          await recordAudit(tx, {
            actor: PAYMENTS_ACTOR, action: "order.refund", subjectType: "subOrder", subjectId: sub.id,
            before: { orderId: sub.orderId, refundedMinor: 0, currency: payment.currency, refundId: sub.refundId },
            after: { orderId: sub.orderId, refundedMinor: sub.dueAtCheckoutMinor, currency: payment.currency, refundId: sub.refundId },
          });
        }
      });
    }
    await reverseTransfers(payment.orderId, null, db);
  }
  await recordRefunds(payment.orderId, db, refunded);
  return { ok: true };
}
