import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { verifyWebhook, type VerifiedEvent } from "@/lib/server/payments";
import { syncPayment } from "./fulfil";
import { syncRefund } from "./refunds";

/** Events the store acts on; any other verified event is recorded and left alone. */
export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
] as const;

const MAX_EVENT_BYTES = 1024 * 1024;

export class EventNotProcessed extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** What an event is about: the session, or for a charge the payment intent it belongs to. */
function subjectOf(event: VerifiedEvent): string | null {
  return event.type.startsWith("charge.") ? event.paymentIntentId : event.objectId;
}

/** Acts on one recorded event; throws EventNotProcessed when it must be tried again. */
export async function processEvent(type: string, subject: string | null, clock: Clock, db: PrismaClient = getPrisma()): Promise<void> {
  if (!subject) return;
  if (type.startsWith("checkout.session.")) {
    const outcome = await syncPayment(subject, clock, db);
    if (!outcome.ok && outcome.code === "PAYMENT_UNAVAILABLE") throw new EventNotProcessed("PROVIDER_UNAVAILABLE");
    return;
  }
  if (type === "charge.refunded") {
    const outcome = await syncRefund(subject, db);
    if (!outcome.ok && outcome.code === "PAYMENT_UNAVAILABLE") throw new EventNotProcessed("PROVIDER_UNAVAILABLE");
  }
}

export type WebhookResponse = { status: 200 | 400 | 413 | 500; body: Record<string, unknown> };

/**
 * POST /api/webhooks/stripe. The signature is checked on the raw body (400 when it is
 * missing, forged, stale or for another body). The event id is stored under a unique
 * key before anything else: a replay of an event already processed answers 200 and
 * changes nothing. Anything that stops the store from recording or processing it (the
 * database down, the provider unreachable for the re-read) answers 500, so the
 * provider delivers it again; nothing is acknowledged that was not done.
 */
export async function handleStripeWebhook(request: Request, clock: Clock, db: PrismaClient = getPrisma()): Promise<WebhookResponse> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_EVENT_BYTES) return { status: 413, body: { error: "PAYLOAD_TOO_LARGE" } };
  const raw = await request.text();
  if (raw.length > MAX_EVENT_BYTES) return { status: 413, body: { error: "PAYLOAD_TOO_LARGE" } };
  const verified = verifyWebhook(raw, request.headers.get("stripe-signature"));
  if (!verified.ok) return { status: 400, body: { error: "INVALID_SIGNATURE" } };
  const event = verified.event;
  const subject = subjectOf(event);
  try {
    const inserted = await db.$executeRaw`INSERT INTO "PaymentEvent" ("id", "type", "objectId") VALUES (${event.id}, ${event.type}, ${subject}) ON CONFLICT ("id") DO NOTHING`;
    if (inserted === 0) {
      const known = await db.paymentEvent.findUnique({ where: { id: event.id }, select: { processedAt: true } });
      if (known?.processedAt) return { status: 200, body: { received: true, duplicate: true } };
    }
    await processEvent(event.type, subject, clock, db);
    await db.paymentEvent.update({ where: { id: event.id }, data: { processedAt: clock.now(), attempts: { increment: 1 }, lastError: null } });
    return { status: 200, body: { received: true } };
  } catch (error) {
    const code = error instanceof EventNotProcessed ? error.code : error instanceof Error ? error.name : "UNKNOWN";
    await db.paymentEvent.updateMany({ where: { id: event.id }, data: { attempts: { increment: 1 }, lastError: code.slice(0, 100) } }).catch(() => undefined);
    return { status: 500, body: { error: "NOT_PROCESSED" } };
  }
}
