/** Shared set-up for the sandbox's tests: a sandbox on a free port, the SDK pointed at it, and a webhook receiver that verifies signatures. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { createSandbox, type Sandbox, type SandboxOptions } from "./server";

export const SECRET = "sk_test_sandbox";
export const WEBHOOK_SECRET = "whsec_sandbox";

export interface Received {
  event: Stripe.Event;
  raw: string;
  signature: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Status to answer for each delivery; 200 unless set. */
  respond: (event: Stripe.Event, nth: number) => number;
  rejected: number;
  close(): Promise<void>;
}

/** A webhook endpoint that accepts only what `stripe.webhooks.constructEvent` verifies, as the store's does. */
export async function startReceiver(stripe: Stripe, secret = WEBHOOK_SECRET): Promise<Receiver> {
  const receiver: Receiver = {
    url: "",
    received: [],
    respond: () => 200,
    rejected: 0,
    close: async () => {},
  };
  let nth = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const signature = String(req.headers["stripe-signature"] ?? "");
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(raw, signature, secret);
      } catch {
        receiver.rejected++;
        res.writeHead(400).end("bad signature");
        return;
      }
      const status = receiver.respond(event, nth++);
      if (status >= 200 && status < 300) receiver.received.push({ event, raw, signature });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

export interface Harness {
  sandbox: Sandbox;
  stripe: Stripe;
  receiver: Receiver;
  dataDir: string;
  port: number;
  /** Calls the sandbox's test-control API. */
  control(method: "GET" | "POST", pathname: string, params?: Record<string, string> | URLSearchParams): Promise<Record<string, unknown>>;
  /** Restarts the sandbox on the same data folder and port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function makeStripe(port: number, key = SECRET): Stripe {
  return new Stripe(key, { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
}

export async function startHarness(options: Partial<SandboxOptions> = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "stripe-sandbox-test-"));
  // The receiver verifies with the SDK; any instance does for signature checks.
  const receiver = await startReceiver(new Stripe(SECRET));
  const sandboxOptions: SandboxOptions = {
    port: 0,
    dataDir,
    webhookUrl: receiver.url,
    webhookRetryBaseMs: 20,
    webhookMaxAttempts: 4,
    sweepIntervalMs: 50,
    ...options,
  };
  let sandbox = await createSandbox(sandboxOptions);
  const port = Number(new URL(sandbox.url).port);
  const harness: Harness = {
    sandbox,
    stripe: makeStripe(port),
    receiver,
    dataDir,
    port,
    async control(method, pathname, params) {
      const body = params ? new URLSearchParams(params) : undefined;
      const url = `${harness.sandbox.url}${pathname}${method === "GET" && body ? `?${body}` : ""}`;
      const res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/x-www-form-urlencoded" },
        body: method === "POST" ? (body?.toString() ?? "") : undefined,
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`control ${pathname}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    async restart() {
      await harness.sandbox.close();
      sandbox = await createSandbox({ ...sandboxOptions, port });
      harness.sandbox = sandbox;
    },
    async close() {
      await harness.sandbox.close();
      await receiver.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 15));
  }
}

export function eventsOf(receiver: Receiver, type: string, objectId?: string): Stripe.Event[] {
  return receiver.received
    .map((r) => r.event)
    .filter((e) => e.type === type && (objectId === undefined || (e.data.object as { id?: string }).id === objectId));
}

export const card = (number: string, extra: Record<string, string> = {}) => ({
  payment_method: "card",
  card_number: number,
  card_expiry: "12/34",
  card_cvc: number.startsWith("37") ? "1234" : "123",
  name: "Ada Lovelace",
  email: "ada@example.com",
  ...extra,
});

/** Submits the hosted payment page's form, as a browser without JavaScript would. */
export async function submitPayment(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: "payment",
    line_items: [
      { quantity: 2, price_data: { currency: "eur", unit_amount: 1250, product_data: { name: "Olive oil 1 l" } } },
      { quantity: 1, price_data: { currency: "eur", unit_amount: 800, product_data: { name: "Za'atar" } } },
    ],
    success_url: "http://127.0.0.1:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://127.0.0.1:3000/cart",
    metadata: { order_id: "ord_1" },
    client_reference_id: "ord_1",
    payment_intent_data: { transfer_group: "ord_1", metadata: { order_id: "ord_1" } },
    ...overrides,
  };
}
