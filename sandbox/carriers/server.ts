/**
 * A local carrier for development and tests, as the Stripe sandbox is for payments. The
 * store registers a parcel (`POST /v1/shipments`); the simulator moves it along its way
 *
 *     LABEL_CREATED -> PICKED_UP -> IN_TRANSIT -> ARRIVED_IN_DESTINATION
 *       -> (HELD_AT_CUSTOMS -> RELEASED_BY_CUSTOMS) -> OUT_FOR_DELIVERY -> DELIVERED
 *
 * one step every `stepMs` (0: only on `POST /v1/shipments/{tn}/advance`), and posts each
 * step to the parcel's webhook as a real carrier would: its own event codes (`SIM-...`)
 * and wording, estimated delivery dates, signed `Caravan-Signature: t=<unix>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">`, retried on 5xx, 429 or a network error. Options per
 * simulator or per parcel: `customsHold` (default: deterministic from the tracking
 * number, about half of the parcels), `duplicate` (every event posted twice),
 * `reorder` (events delivered in swapped pairs), `delayMs` (a wait before each post),
 * `stepMs`. `GET /v1/shipments/{tn}` reads a parcel's state and what was delivered.
 *
 * It shares no code with the store: what it signs is checked by the store's own code.
 */
import { createHash, createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export const CARRIER_SIMULATOR_DEFAULTS = { port: 12112, host: "127.0.0.1", stepMs: 0, delayMs: 0, maxAttempts: 5, retryBaseMs: 1000, timeoutMs: 10_000 } as const;

export interface CarrierSimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Signing secret per carrier code; the simulator takes parcels of these carriers only. */
  secrets: Record<string, string>;
  /** Where a parcel's events go when its registration names no `webhookUrl`. */
  webhookUrl?: string | null;
  /** Defaults for every parcel; a registration may override each. */
  stepMs?: number;
  delayMs?: number;
  customsHold?: boolean;
  duplicate?: boolean;
  reorder?: boolean;
  maxAttempts?: number;
  retryBaseMs?: number;
  timeoutMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export const STEPS = ["LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "ARRIVED_IN_DESTINATION", "HELD_AT_CUSTOMS", "RELEASED_BY_CUSTOMS", "OUT_FOR_DELIVERY", "DELIVERED"] as const;
type Step = (typeof STEPS)[number];

/** The simulated carrier's own codes, wording and places for each step. */
const WORDING: Record<Step, { code: string; text: string; location: string }> = {
  LABEL_CREATED: { code: "SIM-LBL", text: "Shipment information received, awaiting handover", location: "Sender" },
  PICKED_UP: { code: "SIM-PCK", text: "Picked up by courier", location: "Origin depot" },
  IN_TRANSIT: { code: "SIM-TRN", text: "Departed international sorting centre", location: "Origin hub" },
  ARRIVED_IN_DESTINATION: { code: "SIM-ARR", text: "Arrived at destination country hub", location: "Destination hub" },
  HELD_AT_CUSTOMS: { code: "SIM-CUS", text: "Held by customs: awaiting import clearance", location: "Customs office" },
  RELEASED_BY_CUSTOMS: { code: "SIM-CLR", text: "Clearance completed, released by customs", location: "Customs office" },
  OUT_FOR_DELIVERY: { code: "SIM-OFD", text: "With courier for delivery today", location: "Delivery depot" },
  DELIVERED: { code: "SIM-DLV", text: "Delivered, handed to recipient", location: "Recipient address" },
};

export interface SimulatedEvent {
  id: string;
  trackingNumber: string;
  kind: string;
  at: string;
  location: string;
  text: string;
  estimatedDelivery?: { from: string; to: string };
}

export interface DeliveryRecord {
  eventId: string;
  attempt: number;
  status: number | null;
  error?: string;
}

export interface SimulatedParcel {
  trackingNumber: string;
  carrier: string;
  webhookUrl: string;
  customsHold: boolean;
  duplicate: boolean;
  reorder: boolean;
  delayMs: number;
  stepMs: number;
  steps: Step[];
  /** How many steps have happened. */
  position: number;
  status: Step | null;
  events: SimulatedEvent[];
  deliveries: DeliveryRecord[];
}

export interface CarrierSimulator {
  url: string;
  /** Resolves when no post is pending or running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** About half of all parcels stop at customs; the same tracking number always does the same. */
export function defaultCustomsHold(trackingNumber: string): boolean {
  return createHash("sha256").update(trackingNumber).digest()[0]! % 2 === 0;
}

export function signatureHeader(body: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

const day = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(code);
  }
}

export async function createCarrierSimulator(options: CarrierSimulatorOptions): Promise<CarrierSimulator> {
  const settings = { ...CARRIER_SIMULATOR_DEFAULTS, ...options };
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const parcels = new Map<string, SimulatedParcel>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Per parcel, posts go one after another (in the order chosen), so `reorder` is the only reordering. */
  const queues = new Map<string, Promise<void>>();
  const held = new Map<string, SimulatedEvent>();
  let pending = 0;
  let idleWaiters: (() => void)[] = [];
  let closed = false;

  const key = (carrier: string, trackingNumber: string) => `${carrier}:${trackingNumber}`;

  async function post(parcel: SimulatedParcel, event: SimulatedEvent): Promise<void> {
    const secret = settings.secrets[parcel.carrier]!;
    for (let attempt = 1; attempt <= settings.maxAttempts && !closed; attempt++) {
      if (parcel.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, parcel.delayMs));
      const body = JSON.stringify(event);
      const record: DeliveryRecord = { eventId: event.id, attempt, status: null };
      try {
        const response = await fetch(parcel.webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json", "caravan-signature": signatureHeader(body, secret, Math.floor(now().getTime() / 1000)) },
          body,
          signal: AbortSignal.timeout(settings.timeoutMs),
        });
        await response.text().catch(() => "");
        record.status = response.status;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      parcel.deliveries.push(record);
      log(JSON.stringify({ message: "carrier event posted", trackingNumber: parcel.trackingNumber, event: event.id, kind: event.kind, attempt, status: record.status, error: record.error }));
      const retry = record.status === null || record.status >= 500 || record.status === 429;
      if (!retry) return;
      await new Promise((resolve) => setTimeout(resolve, settings.retryBaseMs * 2 ** (attempt - 1)));
    }
  }

  function deliver(parcel: SimulatedParcel, events: SimulatedEvent[]): Promise<void> {
    const k = key(parcel.carrier, parcel.trackingNumber);
    pending++;
    const previous = queues.get(k) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        for (const event of events) {
          await post(parcel, event);
          if (parcel.duplicate) await post(parcel, event);
        }
      })
      .finally(() => {
        pending--;
        if (pending === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          waiters.forEach((resolve) => resolve());
        }
      });
    queues.set(k, next);
    return next;
  }

  /** The parcel's next step as an event: when it happened, the carrier's words, the estimate as it stands. */
  function emit(parcel: SimulatedParcel): SimulatedEvent {
    const step = parcel.steps[parcel.position]!;
    const index = parcel.position;
    const last = parcel.events.at(-1);
    const at = new Date(Math.max(now().getTime(), last ? Date.parse(last.at) + 1000 : 0));
    const wording = WORDING[step];
    const event: SimulatedEvent = { id: `${parcel.trackingNumber}-${index + 1}-${wording.code}`, trackingNumber: parcel.trackingNumber, kind: wording.code, at: at.toISOString(), location: wording.location, text: wording.text };
    if (index === 0) event.estimatedDelivery = { from: day(at, 3), to: day(at, 5) };
    if (step === "HELD_AT_CUSTOMS") event.estimatedDelivery = { from: day(at, 4), to: day(at, 7) };
    if (step === "OUT_FOR_DELIVERY") event.estimatedDelivery = { from: day(at, 0), to: day(at, 0) };
    parcel.events.push(event);
    parcel.position++;
    parcel.status = step;
    return event;
  }

  /** Takes `count` steps; resolves once their posts are done (a held-back event of `reorder` waits for the next). */
  function advance(parcel: SimulatedParcel, count: number): Promise<void> {
    const toSend: SimulatedEvent[] = [];
    for (let i = 0; i < count && parcel.position < parcel.steps.length; i++) {
      const event = emit(parcel);
      const k = key(parcel.carrier, parcel.trackingNumber);
      const last = parcel.position === parcel.steps.length;
      if (!parcel.reorder) toSend.push(event);
      else if (held.has(k)) {
        toSend.push(event, held.get(k)!);
        held.delete(k);
      } else if (last) toSend.push(event);
      else held.set(k, event);
    }
    schedule(parcel);
    return toSend.length > 0 ? deliver(parcel, toSend) : Promise.resolve();
  }

  function schedule(parcel: SimulatedParcel) {
    const k = key(parcel.carrier, parcel.trackingNumber);
    clearTimeout(timers.get(k));
    timers.delete(k);
    if (closed || parcel.stepMs <= 0 || parcel.position >= parcel.steps.length) return;
    const timer = setTimeout(() => void advance(parcel, 1), parcel.stepMs);
    timer.unref?.();
    timers.set(k, timer);
  }

  const bool = (value: unknown, fallback: boolean | undefined, name: string): boolean | undefined => {
    if (value === undefined) return fallback;
    if (typeof value !== "boolean") throw new HttpError(400, `${name}_INVALID`);
    return value;
  };
  const ms = (value: unknown, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 3_600_000) throw new HttpError(400, `${name}_INVALID`);
    return value;
  };

  function register(body: Record<string, unknown>): { parcel: SimulatedParcel; created: boolean } {
    const carrier = typeof body.carrier === "string" ? body.carrier : "simulated";
    if (!settings.secrets[carrier]) throw new HttpError(400, "CARRIER_UNKNOWN");
    const trackingNumber = body.trackingNumber;
    if (typeof trackingNumber !== "string" || !/^[A-Za-z0-9-]{4,40}$/.test(trackingNumber)) throw new HttpError(400, "TRACKING_NUMBER_INVALID");
    const existing = parcels.get(key(carrier, trackingNumber));
    if (existing) return { parcel: existing, created: false };
    const webhookUrl = body.webhookUrl ?? settings.webhookUrl;
    if (typeof webhookUrl !== "string" || !URL.canParse(webhookUrl) || !/^https?:$/.test(new URL(webhookUrl).protocol)) throw new HttpError(400, "WEBHOOK_URL_INVALID");
    const customsHold = bool(body.customsHold, settings.customsHold, "CUSTOMS_HOLD") ?? defaultCustomsHold(trackingNumber);
    const labelCreated = bool(body.labelCreated, undefined, "LABEL_CREATED") ?? false;
    const parcel: SimulatedParcel = {
      trackingNumber,
      carrier,
      webhookUrl,
      customsHold,
      duplicate: bool(body.duplicate, settings.duplicate, "DUPLICATE") ?? false,
      reorder: bool(body.reorder, settings.reorder, "REORDER") ?? false,
      delayMs: ms(body.delayMs, settings.delayMs, "DELAY_MS"),
      stepMs: ms(body.stepMs, settings.stepMs, "STEP_MS"),
      // A parcel whose label the store already made (`labelCreated`) starts at the pick-up scan.
      steps: STEPS.filter((step) => (customsHold || (step !== "HELD_AT_CUSTOMS" && step !== "RELEASED_BY_CUSTOMS")) && !(labelCreated && step === "LABEL_CREATED")),
      position: 0,
      status: null,
      events: [],
      deliveries: [],
    };
    parcels.set(key(carrier, trackingNumber), parcel);
    return { parcel, created: true };
  }

  async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > 64 * 1024) throw new HttpError(413, "PAYLOAD_TOO_LARGE");
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString("utf8");
    if (text.trim() === "") return {};
    try {
      const json = JSON.parse(text) as unknown;
      if (typeof json !== "object" || json === null || Array.isArray(json)) throw new HttpError(400, "BODY_NOT_OBJECT");
      return json as Record<string, unknown>;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, "BODY_NOT_JSON");
    }
  }

  function parcelFor(carrierParam: string | null, trackingNumber: string): SimulatedParcel {
    const parcel = parcels.get(key(carrierParam ?? "simulated", decodeURIComponent(trackingNumber)));
    if (!parcel) throw new HttpError(404, "SHIPMENT_NOT_FOUND");
    return parcel;
  }

  const server = http.createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(JSON.stringify(body));
    };
    void (async () => {
      const url = new URL(request.url ?? "/", "http://simulator");
      const carrierParam = url.searchParams.get("carrier");
      if (request.method === "GET" && url.pathname === "/v1/health") return send(200, { ok: true });
      if (url.pathname === "/v1/shipments") {
        if (request.method !== "POST") throw new HttpError(405, "METHOD_NOT_ALLOWED");
        const { parcel, created } = register(await readJson(request));
        if (created) {
          // The label is the first event (unless the store made it); the rest follow every stepMs or on /advance.
          if (parcel.steps[0] === "LABEL_CREATED") void advance(parcel, 1);
          else schedule(parcel);
          log(JSON.stringify({ message: "parcel registered", trackingNumber: parcel.trackingNumber, customsHold: parcel.customsHold, steps: parcel.steps.length }));
        }
        return send(created ? 201 : 200, parcel);
      }
      const advanceMatch = /^\/v1\/shipments\/([^/]+)\/advance$/.exec(url.pathname);
      if (advanceMatch) {
        if (request.method !== "POST") throw new HttpError(405, "METHOD_NOT_ALLOWED");
        const parcel = parcelFor(carrierParam, advanceMatch[1]!);
        const body = await readJson(request);
        const remaining = parcel.steps.length - parcel.position;
        if (remaining === 0) throw new HttpError(409, "ALREADY_DELIVERED");
        const steps = body.to === "DELIVERED" || body.steps === "all" ? remaining : ms(body.steps, 1, "STEPS");
        if (steps < 1) throw new HttpError(400, "STEPS_INVALID");
        await advance(parcel, steps);
        return send(200, parcel);
      }
      const readMatch = /^\/v1\/shipments\/([^/]+)$/.exec(url.pathname);
      if (readMatch) {
        if (request.method !== "GET") throw new HttpError(405, "METHOD_NOT_ALLOWED");
        return send(200, parcelFor(carrierParam, readMatch[1]!));
      }
      throw new HttpError(404, "NOT_FOUND");
    })().catch((error: unknown) => {
      if (error instanceof HttpError) send(error.status, { error: error.code });
      else send(500, { error: "INTERNAL" });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${settings.host}:${address.port}`,
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve))),
    async close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
