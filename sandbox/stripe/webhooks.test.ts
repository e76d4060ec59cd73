import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { card, eventsOf, SECRET, sessionParams, startHarness, startReceiver, submitPayment, waitFor, WEBHOOK_SECRET, type Harness } from "./test-helpers";
import { createSandbox } from "./server";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
afterEach(() => {
  h.receiver.respond = () => 200;
});

interface Attempt {
  event: string;
  attempt: number;
  mode: string;
  status_code: number | null;
  error: string | null;
  ok: boolean;
}

async function deliveries(harness: Harness, event: string): Promise<Attempt[]> {
  return ((await harness.control("GET", "/_sandbox/deliveries", { event })).data as Attempt[]);
}

async function paidSession(harness = h): Promise<Stripe.Checkout.Session> {
  const s = await harness.stripe.checkout.sessions.create(sessionParams());
  await submitPayment(s.url!, card("4242424242424242"));
  return s;
}

describe("signing", () => {
  it("signs each delivery with t=<unix>,v1=<HMAC-SHA256 of t.body> under the webhook secret", async () => {
    const s = await paidSession();
    const got = await waitFor(() => h.receiver.received.find((r) => r.event.type === "checkout.session.completed" && (r.event.data.object as { id: string }).id === s.id));
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(got.signature);
    expect(match).not.toBeNull();
    const [, t, v1] = match!;
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
    expect(createHmac("sha256", WEBHOOK_SECRET).update(`${t}.${got.raw}`).digest("hex")).toBe(v1);
    expect(Object.keys(got.event).sort()).toEqual(["api_version", "created", "data", "id", "livemode", "object", "pending_webhooks", "request", "type"]);
    expect(got.event.pending_webhooks).toBe(1);
  });

  it("a receiver holding another secret rejects every delivery", async () => {
    const other = await startReceiver(new Stripe(SECRET), "whsec_other");
    const sandbox = await createSandbox({ port: 0, dataDir: fs.mkdtempSync(path.join(h.dataDir, "other-")), webhookUrl: other.url, webhookMaxAttempts: 1 });
    try {
      const stripe = new Stripe(SECRET, { host: "127.0.0.1", port: Number(new URL(sandbox.url).port), protocol: "http", maxNetworkRetries: 0 });
      await stripe.checkout.sessions.expire((await stripe.checkout.sessions.create(sessionParams())).id);
      await waitFor(() => other.rejected > 0);
      expect(other.received).toHaveLength(0);
    } finally {
      await sandbox.close();
      await other.close();
    }
  });
});

describe("retries", () => {
  it("retries after a 500 and records each attempt; pending_webhooks drops to 0 once delivered", async () => {
    const failedOnce = new Set<string>();
    h.receiver.respond = (event) => {
      if (event.type !== "checkout.session.expired" || failedOnce.has(event.id)) return 200;
      failedOnce.add(event.id);
      return 500;
    };
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await h.stripe.checkout.sessions.expire(s.id);
    const event = await waitFor(() => eventsOf(h.receiver, "checkout.session.expired", s.id)[0]);
    const log = await deliveries(h, event.id);
    expect(log.map((a) => [a.attempt, a.status_code, a.ok])).toEqual([
      [1, 500, false],
      [2, 200, true],
    ]);
    expect((await h.stripe.events.retrieve(event.id)).pending_webhooks).toBe(0);
  });

  it("gives up after the configured number of attempts and reports the event as failed", async () => {
    h.receiver.respond = (event) => (event.type === "checkout.session.expired" ? 503 : 200);
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    await h.stripe.checkout.sessions.expire(s.id);
    const eventId = (await h.stripe.events.list({ type: "checkout.session.expired", limit: 1 })).data[0]!.id;
    await waitFor(async () => ((await h.control("GET", "/_sandbox/webhooks")).failed as string[]).includes(eventId));
    const log = await deliveries(h, eventId);
    expect(log.map((a) => a.status_code)).toEqual([503, 503, 503, 503]);
    const undelivered = await h.stripe.events.list({ delivery_success: false, limit: 100 });
    expect(undelivered.data.map((e) => e.id)).toContain(eventId);
    expect((await h.stripe.events.retrieve(eventId)).pending_webhooks).toBe(1);
  });

  it("retries after a network error", async () => {
    const closed = await startReceiver(new Stripe(SECRET));
    const deadUrl = closed.url;
    await closed.close();
    const harness = await startHarness({ webhookUrl: deadUrl, webhookMaxAttempts: 2 });
    try {
      const s = await harness.stripe.checkout.sessions.create(sessionParams());
      await harness.stripe.checkout.sessions.expire(s.id);
      const eventId = (await harness.stripe.events.list({ limit: 1 })).data[0]!.id;
      const log = await waitFor(async () => {
        const l = await deliveries(harness, eventId);
        return l.length === 2 ? l : undefined;
      });
      expect(log.every((a) => a.status_code === null && a.error && !a.ok)).toBe(true);
    } finally {
      await harness.close();
    }
  });
});

describe("test controls", () => {
  it("replays an event: the same id and body arrive again, freshly signed", async () => {
    const s = await paidSession();
    const first = await waitFor(() => eventsOf(h.receiver, "checkout.session.completed", s.id)[0]);
    const attempt = (await h.control("POST", `/_sandbox/events/${first.id}/replay`)) as unknown as Attempt;
    expect(attempt).toMatchObject({ event: first.id, mode: "replay", ok: true, status_code: 200 });
    const copies = eventsOf(h.receiver, "checkout.session.completed", s.id);
    expect(copies).toHaveLength(2);
    expect(copies[1]!.id).toBe(first.id);
  });

  it("delivers an event twice at once", async () => {
    const s = await paidSession();
    const first = await waitFor(() => eventsOf(h.receiver, "checkout.session.completed", s.id)[0]);
    const result = await h.control("POST", `/_sandbox/events/${first.id}/duplicate`);
    expect((result.data as Attempt[]).map((a) => a.mode)).toEqual(["duplicate", "duplicate"]);
    expect(eventsOf(h.receiver, "checkout.session.completed", s.id)).toHaveLength(3);
  });

  it("pauses delivery, then resumes in reverse order", async () => {
    await h.control("POST", "/_sandbox/webhooks/wait");
    await h.control("POST", "/_sandbox/webhooks/pause");
    const s = await paidSession();
    await new Promise((r) => setTimeout(r, 150));
    const piId = (await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string;
    expect(eventsOf(h.receiver, "checkout.session.completed", s.id)).toHaveLength(0);
    const status = await h.control("GET", "/_sandbox/webhooks");
    expect(status.paused).toBe(true);
    const queued = status.pending as string[];
    expect(queued.length).toBe(4); // payment_intent.created, charge.succeeded, payment_intent.succeeded, checkout.session.completed
    const before = h.receiver.received.length;
    await h.control("POST", "/_sandbox/webhooks/resume", { order: "reverse" });
    const arrived = h.receiver.received.slice(before).map((r) => r.event.id);
    expect(arrived).toEqual([...queued].reverse());
    expect(h.receiver.received.slice(before).map((r) => r.event.type)).toEqual(["checkout.session.completed", "payment_intent.succeeded", "charge.succeeded", "payment_intent.created"]);
    expect(eventsOf(h.receiver, "payment_intent.succeeded", piId)).toHaveLength(1);
    expect((await h.control("GET", "/_sandbox/webhooks")).pending).toEqual([]);
  });

  it("delivers chosen events in the order given", async () => {
    const a = await h.stripe.checkout.sessions.create(sessionParams());
    const b = await h.stripe.checkout.sessions.create(sessionParams());
    await h.stripe.checkout.sessions.expire(a.id);
    await h.stripe.checkout.sessions.expire(b.id);
    const [eb, ea] = (await h.stripe.events.list({ type: "checkout.session.expired", limit: 2 })).data;
    await h.control("POST", "/_sandbox/webhooks/wait");
    const before = h.receiver.received.length;
    const params = new URLSearchParams();
    params.append("events[0]", eb!.id);
    params.append("events[1]", ea!.id);
    params.append("events[2]", eb!.id);
    await h.control("POST", "/_sandbox/deliver", params);
    expect(h.receiver.received.slice(before).map((r) => r.event.id)).toEqual([eb!.id, ea!.id, eb!.id]);
  });

  it("advances the sandbox clock", async () => {
    const before = (await h.control("GET", "/_sandbox/clock")).now as number;
    const after = (await h.control("POST", "/_sandbox/advance_time", { seconds: "3600" })).now as number;
    expect(after - before).toBeGreaterThanOrEqual(3600);
    expect(after - before).toBeLessThan(3603);
  });
});

describe("persistence", () => {
  it("keeps sessions, payments, idempotent results, paused state and undelivered events across a restart", async () => {
    const harness = await startHarness();
    try {
      const s = await harness.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: "persist-1" });
      await submitPayment(s.url!, card("4242424242424242"));
      const account = await harness.stripe.accounts.create({ type: "express" });
      await harness.control("POST", "/_sandbox/webhooks/wait");
      await harness.control("POST", "/_sandbox/webhooks/pause");
      const other = await harness.stripe.checkout.sessions.create(sessionParams());
      await harness.stripe.checkout.sessions.expire(other.id);

      await harness.restart();
      expect(fs.readdirSync(harness.dataDir).filter((f) => !fs.statSync(path.join(harness.dataDir, f)).isDirectory())).toEqual(["state.json"]);

      const again = await harness.stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent"] });
      expect(again).toMatchObject({ status: "complete", payment_status: "paid" });
      expect((again.payment_intent as Stripe.PaymentIntent).status).toBe("succeeded");
      expect((await harness.stripe.accounts.retrieve(account.id)).id).toBe(account.id);
      const replayed = await harness.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: "persist-1" });
      expect(replayed.id).toBe(s.id);
      expect((await harness.control("GET", "/_sandbox/webhooks")).paused).toBe(true);
      expect(eventsOf(harness.receiver, "checkout.session.expired", other.id)).toHaveLength(0);
      await harness.control("POST", "/_sandbox/webhooks/resume");
      await waitFor(() => eventsOf(harness.receiver, "checkout.session.expired", other.id)[0]);
      // The hosted page still serves the session after the restart.
      expect((await fetch(again.url!)).status).toBe(200);
    } finally {
      await harness.close();
    }
  });
});
