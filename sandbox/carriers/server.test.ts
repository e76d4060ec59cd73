import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseCarrierEvents } from "@/lib/domain/logistics/carrier-events";
import { verifySignature } from "@/lib/domain/logistics/signature";
import { createCarrierSimulator, defaultCustomsHold, type CarrierSimulator, type SimulatedParcel } from "./server";

const SECRET = "simulator-unit-test-secret";

/** A stand-in for the store's webhook: checks each signature with the store's code and keeps what arrived. */
let received: { kind: string; id: string; at: string; valid: boolean; body: string }[] = [];
let answers: number[] = [];
let receiver: http.Server;
let webhookUrl: string;
let simulator: CarrierSimulator;

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const valid = verifySignature(body, request.headers["caravan-signature"] as string, SECRET, Math.floor(Date.now() / 1000)).ok;
      const event = JSON.parse(body) as { kind: string; id: string; at: string };
      received.push({ kind: event.kind, id: event.id, at: event.at, valid, body });
      response.writeHead(answers.shift() ?? 200).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  simulator = await createCarrierSimulator({ port: 0, secrets: { simulated: SECRET }, webhookUrl, retryBaseMs: 10 });
});

afterEach(() => {
  received = [];
  answers = [];
});

afterAll(async () => {
  await simulator.close();
  await new Promise((resolve) => receiver.close(resolve));
});

let serial = 0;
const trackingNumber = (hold: boolean) => {
  for (;;) {
    const tn = `SIMT${process.pid}${serial++}`;
    if (defaultCustomsHold(tn) === hold) return tn;
  }
};

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: SimulatedParcel & { error?: string } }> {
  const response = await fetch(`${simulator.url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as SimulatedParcel & { error?: string } };
}

describe("carrier simulator", () => {
  it("registers a parcel, posts its label at once, and steps on demand to delivered with signed events the store can read", async () => {
    const tn = trackingNumber(false);
    const created = await call("POST", "/v1/shipments", { trackingNumber: tn, carrier: "simulated" });
    expect(created.status).toBe(201);
    expect(created.json.steps).toEqual(["LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "ARRIVED_IN_DESTINATION", "OUT_FOR_DELIVERY", "DELIVERED"]);
    await simulator.idle();
    expect(received.map((r) => r.kind)).toEqual(["SIM-LBL"]);
    expect((await call("POST", `/v1/shipments/${tn}/advance`, {})).json.status).toBe("PICKED_UP");
    const done = await call("POST", `/v1/shipments/${tn}/advance`, { to: "DELIVERED" });
    expect(done.json).toMatchObject({ status: "DELIVERED", position: 6 });
    expect(received.map((r) => r.kind)).toEqual(["SIM-LBL", "SIM-PCK", "SIM-TRN", "SIM-ARR", "SIM-OFD", "SIM-DLV"]);
    expect(received.every((r) => r.valid)).toBe(true);
    const parsed = received.map((r) => parseCarrierEvents("simulated", r.body, new Date()));
    expect(parsed.map((p) => p.ok && p.events[0]!.kind)).toEqual(["LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "ARRIVED_IN_DESTINATION", "OUT_FOR_DELIVERY", "DELIVERED"]);
    expect(parsed[0]!.ok && parsed[0]!.events[0]!.estimate).not.toBeNull();
    // Event times go forward, one step after another.
    const times = received.map((r) => Date.parse(r.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
    expect((await call("POST", `/v1/shipments/${tn}/advance`, {})).status).toBe(409);
    expect((await call("GET", `/v1/shipments/${tn}`)).json.deliveries).toHaveLength(6);
  });

  it("starts at the pick-up scan, posting nothing at once, for a parcel whose label the store made", async () => {
    const tn = trackingNumber(false);
    const created = await call("POST", "/v1/shipments", { trackingNumber: tn, labelCreated: true });
    expect(created.json.steps).toEqual(["PICKED_UP", "IN_TRANSIT", "ARRIVED_IN_DESTINATION", "OUT_FOR_DELIVERY", "DELIVERED"]);
    await simulator.idle();
    expect(received).toEqual([]);
    await call("POST", `/v1/shipments/${tn}/advance`, {});
    await simulator.idle();
    expect(received.map((r) => r.kind)).toEqual(["SIM-PCK"]);
    // The first scan carries the carrier's delivery estimate.
    expect(parseCarrierEvents("simulated", received[0]!.body, new Date()).ok && (parseCarrierEvents("simulated", received[0]!.body, new Date()) as { events: { estimate: unknown }[] }).events[0]!.estimate).not.toBeNull();
    expect((await call("POST", "/v1/shipments", { trackingNumber: trackingNumber(false), labelCreated: "yes" })).status).toBe(400);
  });

  it("stops at customs when asked, and on its own for the tracking numbers that do", async () => {
    const tn = trackingNumber(false);
    const held = await call("POST", "/v1/shipments", { trackingNumber: tn, customsHold: true });
    expect(held.json.steps).toContain("HELD_AT_CUSTOMS");
    expect(held.json.steps).toContain("RELEASED_BY_CUSTOMS");
    const byDefault = await call("POST", "/v1/shipments", { trackingNumber: trackingNumber(true) });
    expect(byDefault.json.customsHold).toBe(true);
    const never = await call("POST", "/v1/shipments", { trackingNumber: trackingNumber(true), customsHold: false });
    expect(never.json.steps).not.toContain("HELD_AT_CUSTOMS");
    await simulator.idle();
  });

  it("posts every event twice with duplicate, under the same id", async () => {
    const tn = trackingNumber(false);
    await call("POST", "/v1/shipments", { trackingNumber: tn, duplicate: true });
    await simulator.idle();
    await call("POST", `/v1/shipments/${tn}/advance`, { steps: 1 });
    expect(received.map((r) => r.id)).toEqual([received[0]!.id, received[0]!.id, received[2]!.id, received[2]!.id]);
  });

  it("delivers events in swapped pairs with reorder, flushing the last", async () => {
    const tn = trackingNumber(false);
    await call("POST", "/v1/shipments", { trackingNumber: tn, reorder: true });
    await simulator.idle();
    expect(received).toEqual([]);
    await call("POST", `/v1/shipments/${tn}/advance`, { steps: "all" });
    await simulator.idle();
    expect(received.map((r) => r.kind)).toEqual(["SIM-PCK", "SIM-LBL", "SIM-ARR", "SIM-TRN", "SIM-DLV", "SIM-OFD"]);
  });

  it("retries a post the store answers with 503, not one it refuses with 400", async () => {
    const tn = trackingNumber(false);
    answers = [503, 200];
    await call("POST", "/v1/shipments", { trackingNumber: tn });
    await simulator.idle();
    expect(received.map((r) => r.kind)).toEqual(["SIM-LBL", "SIM-LBL"]);
    answers = [400];
    await call("POST", `/v1/shipments/${tn}/advance`, {});
    expect(received.map((r) => r.kind)).toEqual(["SIM-LBL", "SIM-LBL", "SIM-PCK"]);
    expect((await call("GET", `/v1/shipments/${tn}`)).json.deliveries.map((d) => d.status)).toEqual([503, 200, 400]);
  });

  it("steps on its own every stepMs", async () => {
    const tn = trackingNumber(false);
    await call("POST", "/v1/shipments", { trackingNumber: tn, stepMs: 20 });
    const deadline = Date.now() + 5000;
    while ((await call("GET", `/v1/shipments/${tn}`)).json.status !== "DELIVERED" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await simulator.idle();
    expect(received.map((r) => r.kind).at(-1)).toBe("SIM-DLV");
  });

  it("answers a repeated registration with the parcel as it is", async () => {
    const tn = trackingNumber(false);
    expect((await call("POST", "/v1/shipments", { trackingNumber: tn })).status).toBe(201);
    const again = await call("POST", "/v1/shipments", { trackingNumber: tn, customsHold: true });
    expect(again.status).toBe(200);
    expect(again.json.customsHold).toBe(false);
    await simulator.idle();
  });

  it.each([
    [{ trackingNumber: "x" }, "TRACKING_NUMBER_INVALID"],
    [{ trackingNumber: "SIMOK1234", carrier: "dhl" }, "CARRIER_UNKNOWN"],
    [{ trackingNumber: "SIMOK1234", customsHold: "yes" }, "CUSTOMS_HOLD_INVALID"],
    [{ trackingNumber: "SIMOK1234", stepMs: -1 }, "STEP_MS_INVALID"],
    [{ trackingNumber: "SIMOK1234", webhookUrl: "ftp://x" }, "WEBHOOK_URL_INVALID"],
  ])("refuses a bad registration %j", async (body, code) => {
    expect(await call("POST", "/v1/shipments", body)).toMatchObject({ status: 400, json: { error: code } });
  });

  it("answers 404 for a parcel it does not know", async () => {
    expect((await call("GET", "/v1/shipments/NOPE0000")).status).toBe(404);
    expect((await call("POST", "/v1/shipments/NOPE0000/advance", {})).status).toBe(404);
  });
});
