import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { listCompletedSessions } from "@/lib/server/payments";
import { cancelOrder } from "./orders";
import { processEvent } from "./events";
import { settle, syncPayment } from "./fulfil";

export interface ReconcileReport {
  /** Open or settling payments whose session was read again. */
  paymentsChecked: number;
  /** Sessions completed at the provider that the store had not fulfilled. */
  sessionsRepaired: number;
  /** Orders that never got a payment session, past their lock: ended, stock returned. */
  ordersCancelled: number;
  /** Recorded events that had not been processed. */
  eventsProcessed: number;
  eventsFailed: number;
  /** Paid orders whose transfers or confirmation were still due. */
  ordersSettled: number;
  transfersMade: number;
  /** Provider errors met on the way (the next run tries again). */
  providerErrors: number;
  /** Items that failed for another reason (a paid amount that differs from its order, the database): each named, the rest still done. */
  anomalies: string[];
}

/** Runs one item of a step; a failure is recorded and the step goes on with the next. */
async function each<T>(items: readonly T[], report: ReconcileReport, name: (item: T) => string, work: (item: T) => Promise<void>): Promise<void> {
  for (const item of items) {
    try {
      await work(item);
    } catch (error) {
      report.anomalies.push(`${name(item)}: ${error instanceof Error ? error.name : "unknown"}`);
    }
  }
}

/**
 * `npm run payments:reconcile`: brings the store in line with the provider after an
 * outage or a crash. Every step re-reads the provider and moves orders through the same
 * idempotent transitions as the webhook, so it is safe at any time and twice.
 */
export async function reconcilePayments(clock: Clock, db: PrismaClient = getPrisma(), options: { sinceDays?: number } = {}): Promise<ReconcileReport> {
  const now = clock.now();
  const report: ReconcileReport = { paymentsChecked: 0, sessionsRepaired: 0, ordersCancelled: 0, eventsProcessed: 0, eventsFailed: 0, ordersSettled: 0, transfersMade: 0, providerErrors: 0, anomalies: [] };

  // 1. Payments still open or settling: the provider says what became of them.
  const open = await db.payment.findMany({ where: { status: { in: ["OPEN", "PROCESSING"] } }, select: { sessionId: true } });
  await each(open, report, (p) => `payment ${p.sessionId}`, async (payment) => {
    report.paymentsChecked++;
    const outcome = await syncPayment(payment.sessionId, clock, db);
    if (!outcome.ok && outcome.code === "PAYMENT_UNAVAILABLE") report.providerErrors++;
  });

  // 2. Sessions the provider completed that have no paid order here (a lost webhook, a crash before the payment row).
  const since = new Date(now.getTime() - (options.sinceDays ?? 7) * 86_400_000);
  const completed = await listCompletedSessions(since);
  if (!completed.ok) report.providerErrors++;
  else {
    await each(completed.sessions, report, (s) => `session ${s.id}`, async (session) => {
      const payment = await db.payment.findUnique({ where: { sessionId: session.id }, include: { order: { select: { status: true } } } });
      if (payment && (payment.order.status === "PAID" || payment.order.status === "REFUNDED")) return;
      if (!payment && !session.orderId) return;
      const outcome = await syncPayment(session.id, clock, db);
      if (outcome.ok && outcome.status === "PAID") report.sessionsRepaired++;
      else if (!outcome.ok && outcome.code === "PAYMENT_UNAVAILABLE") report.providerErrors++;
    });
  }

  // 3. Orders that never got a session (the store stopped between the order and the session), past their lock.
  const orphans = await db.order.findMany({ where: { status: "AWAITING_PAYMENT", lockedUntil: { lt: now }, payments: { none: {} } }, select: { id: true } });
  await each(orphans, report, (o) => `order ${o.id}`, async (order) => {
    if (await cancelOrder(order.id, now, db)) report.ordersCancelled++;
  });

  // 4. Events recorded but not processed.
  for (const event of await db.paymentEvent.findMany({ where: { processedAt: null }, orderBy: { receivedAt: "asc" }, take: 1000 })) {
    try {
      await processEvent(event.type, event.objectId, clock, db);
      await db.paymentEvent.update({ where: { id: event.id }, data: { processedAt: now, attempts: { increment: 1 }, lastError: null } });
      report.eventsProcessed++;
    } catch (error) {
      report.eventsFailed++;
      await db.paymentEvent.update({ where: { id: event.id }, data: { attempts: { increment: 1 }, lastError: (error instanceof Error ? error.name : "UNKNOWN").slice(0, 100) } });
    }
  }

  // 5. Paid orders with a seller transfer or the confirmation still due.
  const due = await db.order.findMany({
    where: { status: "PAID", OR: [{ confirmationSentAt: null }, { subOrders: { some: { transferStatus: "PENDING" } } }] },
    select: { id: true },
  });
  await each(due, report, (o) => `order ${o.id}`, async (order) => {
    const result = await settle(order.id, clock, db);
    report.ordersSettled++;
    report.transfersMade += result.transfers;
    report.providerErrors += result.failed;
  });
  return report;
}
