import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { CARRIER_CODES, parseCarrierEvents } from "@/lib/domain/logistics/carrier-events";
import { findCarrier } from "@/lib/domain/logistics/carriers";
import { demoCarrierSecret, SIGNATURE_HEADER, verifySignature } from "@/lib/domain/logistics/signature";
import { serverEnv } from "@/lib/env";
import { storeSecret } from "@/lib/server/checkout/access";
import { recordTrackingEvent } from "./tracking";

const MAX_BODY_BYTES = 256 * 1024;

/**
 * The secret a carrier signs its webhooks with: CARAVAN_CARRIER_SECRETS, or in demo
 * mode one derived from the store's secret for any carrier the store knows; null
 * for a carrier the store does not take events from.
 */
export function carrierSecret(carrier: string): string | null {
  const env = serverEnv();
  const secrets = env.CARAVAN_CARRIER_SECRETS ?? {};
  const configured = Object.hasOwn(secrets, carrier) ? secrets[carrier] : undefined;
  if (configured) return configured;
  if (env.CARAVAN_DEMO && (findCarrier(carrier) || Object.hasOwn(CARRIER_CODES, carrier))) return demoCarrierSecret(storeSecret(), carrier);
  return null;
}

export type CarrierWebhookResponse = { status: 200 | 400 | 401 | 404 | 413 | 503; body: Record<string, unknown> };

export interface EventOutcome {
  id: string;
  /** False for a repeat of an event already recorded, or a tracking number the store does not know. */
  recorded: boolean;
  status?: string;
  reason?: "DUPLICATE" | "UNKNOWN_SHIPMENT";
}

/**
 * POST /api/webhooks/carriers/{carrier}. In order, each refusal recording nothing:
 * a carrier without a secret is 404; a body over 256 KiB 413; a missing, malformed,
 * stale (over five minutes) or forged signature 401; a malformed body 400 with the
 * first problem's code. Then the events are recorded in one transaction, oldest first:
 * a repeat (same carrier event id) is answered 200 and changes nothing; an unknown
 * tracking number is answered 200 with `recorded: false` (retrying would not make it
 * known, and carriers retry every non-2xx answer for days); a database failure is 503
 * so the carrier delivers the batch again.
 */
export async function handleCarrierWebhook(request: Request, carrier: string, clock: Clock, db: PrismaClient = getPrisma()): Promise<CarrierWebhookResponse> {
  const secret = /^[a-z0-9_-]{1,32}$/.test(carrier) ? carrierSecret(carrier) : null;
  if (!secret) return { status: 404, body: { error: "UNKNOWN_CARRIER" } };
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return { status: 413, body: { error: "PAYLOAD_TOO_LARGE" } };
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return { status: 413, body: { error: "PAYLOAD_TOO_LARGE" } };
  const now = clock.now();
  const signature = verifySignature(raw, request.headers.get(SIGNATURE_HEADER), secret, Math.floor(now.getTime() / 1000));
  if (!signature.ok) return { status: 401, body: { error: signature.code } };
  const parsed = parseCarrierEvents(carrier, raw, now);
  if (!parsed.ok) return { status: 400, body: { error: parsed.code, ...(parsed.index !== undefined ? { index: parsed.index } : {}) } };
  const events = parsed.events.map((event, index) => ({ event, index })).sort((a, b) => a.event.at.getTime() - b.event.at.getTime());
  try {
    const results = await db.$transaction(async (tx) => {
      const outcomes: EventOutcome[] = [];
      for (const { event, index } of events) {
        const shipment = await tx.shipment.findUnique({ where: { carrier_trackingNumber: { carrier, trackingNumber: event.trackingNumber } }, select: { id: true } });
        if (!shipment) {
          outcomes[index] = { id: event.id, recorded: false, reason: "UNKNOWN_SHIPMENT" };
          continue;
        }
        const result = await recordTrackingEvent(tx, {
          shipmentId: shipment.id,
          source: "CARRIER",
          kind: event.kind,
          at: event.at,
          carrierEventId: event.id,
          location: event.location,
          carrierText: event.text,
          estimatedFrom: event.estimate?.from ?? null,
          estimatedTo: event.estimate?.to ?? null,
        });
        outcomes[index] = result.ok
          ? { id: event.id, recorded: result.recorded, status: result.status, ...(result.recorded ? {} : { reason: "DUPLICATE" as const }) }
          : { id: event.id, recorded: false, reason: "UNKNOWN_SHIPMENT" };
      }
      return outcomes;
    });
    return { status: 200, body: { received: true, recorded: results.some((r) => r.recorded), events: results } };
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "carrier webhook not recorded", carrier, error: error instanceof Error ? error.name : "UNKNOWN" }));
    return { status: 503, body: { error: "UNAVAILABLE" } };
  }
}
