import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "@/lib/domain/clock";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { signatureHeader } from "@/lib/domain/logistics/signature";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { createDatabase } from "./database";
import { payOnSandbox, sessionIdOf, stockedProduct, variantId } from "./checkout-support";

/**
 * Carrier webhooks on a database of their own, for an order placed and paid through the
 * real checkout: signed events (duplicated, out of order, forged) make one timeline and
 * the right status; delivery dates the sub-order only when every unit has arrived; each
 * buyer notice is mailed once; a database failure answers 503; the suite's carrier
 * simulator drives a parcel through the same handler.
 */
const url = await createDatabase(inject("databaseUrl"), `carrier_webhooks_${process.pid}`);
const SECRET = inject("carrierSecret");
const DHL_SECRET = "dhl-integration-secret-0123456789";
const OUTBOX = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));
process.env.DATABASE_URL = url;
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
process.env.CARAVAN_OUTBOX_DIR = OUTBOX;
process.env.CARAVAN_CARRIER_SECRETS = `simulated=${SECRET},dhl-express=${DHL_SECRET}`;
// Nothing listens there: registering with it fails, as a simulator that is down does.
process.env.CARAVAN_CARRIER_SIMULATOR_URL = "http://127.0.0.1:9/";

const cart = await import("@/lib/server/cart");
const checkout = await import("@/lib/server/checkout");
const { placeOrder } = await import("@/lib/server/checkout/place");
const { syncPayment } = await import("@/lib/server/checkout/fulfil");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const { getPrisma, createPrismaClient } = await import("@/lib/db/client");
const { handleCarrierWebhook } = await import("@/lib/server/logistics/webhook");
const { recordTrackingEvent } = await import("@/lib/server/logistics/tracking");
const { afterShipmentCreated } = await import("@/lib/server/logistics/hooks");
const { shipmentNoticeHandler } = await import("@/lib/server/logistics/notices");
const { registerJobHandler, drainJobs } = await import("@/lib/server/jobs");

const db = getPrisma();
const JP = findMarket("JP") as MarketDefinition;
const product = stockedProduct("JP");
const ADDRESS = { email: "hanako@example.jp", name: "Hanako Yamada", line1: "Karasuma-dori Nijo 123", city: "Kyoto", region: "26", postalCode: "6040000", phone: "090-1234-5678" };
const labels = { goods: (t: string, _v: string, q: number) => `${q} × ${t}`, shipping: (s: string) => `Shipping ${s}`, duty: (s: string) => `Duty ${s}`, tax: (s: string) => `Tax ${s}` };

/** A paid order of `quantity` units of one product: its sub-order and line. */
async function paidOrder(quantity: number): Promise<{ orderId: string; subOrderId: string; lineId: string }> {
  const clock = fixedClock(new Date());
  const added = await cart.addToCart(undefined, { variantId: variantId(product), quantity: String(quantity) }, JP, clock, db);
  if (!added.ok) throw new Error(added.code);
  expect(await checkout.saveCheckoutForm(added.cartId, { country: "JP", fields: ADDRESS, delivery: {} }, db)).toEqual({ ok: true });
  const view = (await checkout.loadCheckout(added.cartId, "en", JP, clock, db))!;
  const placed = await placeOrder(
    added.cartId,
    { token: view.lock!.token, locale: "en", fallback: JP, origin: "http://127.0.0.1:3000", labels, acceptance: { accepted: true, textSha256: view.contract!.sha256, digitalConsent: false }, client: { ip: "203.0.113.9", userAgent: "test" } },
    clock,
    db,
  );
  if (!placed.ok || placed.kind !== "pay") throw new Error(`not placed: ${JSON.stringify(placed)}`);
  expect(await payOnSandbox(placed.url)).toBe(303);
  expect(await syncPayment(sessionIdOf(placed.url), clock, db)).toMatchObject({ ok: true, status: "PAID" });
  const sub = await db.subOrder.findFirstOrThrow({ where: { orderId: placed.orderId }, include: { lines: true } });
  return { orderId: placed.orderId, subOrderId: sub.id, lineId: sub.lines[0]!.id };
}

let serial = 0;
/** A shipment as the seller's shipment creation leaves it: the parcel and the units in it. */
async function shipment(subOrderId: string, lineId: string, quantity: number, carrier = "simulated"): Promise<{ id: string; trackingNumber: string }> {
  const trackingNumber = `SIMINT${process.pid}X${++serial}`;
  const id = `shp_int_${process.pid}_${serial}`;
  await db.shipment.create({ data: { id, subOrderId, carrier, trackingNumber, weightGrams: 800, statusAt: new Date(0), lines: { create: [{ orderLineId: lineId, quantity }] } } });
  return { id, trackingNumber };
}

const NOW = new Date();
const at = (minutes: number) => new Date(NOW.getTime() - 120 * 60_000 + minutes * 60_000).toISOString();

function event(trackingNumber: string, id: string, kind: string, minutes: number, extra: Record<string, unknown> = {}) {
  return { id: `${trackingNumber}-${id}`, trackingNumber, kind, at: at(minutes), ...extra };
}

async function post(carrier: string, body: unknown, options: { secret?: string; timestamp?: number; header?: string | null; client?: typeof db } = {}) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const header = options.header === undefined ? signatureHeader(raw, options.secret ?? (carrier === "dhl-express" ? DHL_SECRET : SECRET), timestamp) : options.header;
  const request = new Request(`http://store.test/api/webhooks/carriers/${carrier}`, { method: "POST", body: raw, headers: { "content-type": "application/json", ...(header ? { "caravan-signature": header } : {}) } });
  return handleCarrierWebhook(request, carrier, fixedClock(new Date()), options.client ?? db);
}

const timeline = (shipmentId: string) => db.trackingEvent.findMany({ where: { shipmentId }, orderBy: { at: "asc" }, select: { kind: true, carrierEventId: true, location: true, carrierText: true } });

async function outbox(): Promise<{ subject: string; to: string; text: string }[]> {
  const files = fs.readdirSync(OUTBOX).filter((f) => f.endsWith(".eml")).sort();
  return Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(fs.readFileSync(path.join(OUTBOX, file)));
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      return { subject: mail.subject ?? "", to: to?.value[0]?.address ?? "", text: mail.text ?? "" };
    }),
  );
}

let order: Awaited<ReturnType<typeof paidOrder>>;

beforeAll(async () => {
  await migrate(url);
  await seed(db);
  expect((await ensureSellerAccounts(db, "http://127.0.0.1:3000")).failed).toBe(0);
  registerJobHandler("shipment.notice", shipmentNoticeHandler());
  order = await paidOrder(3);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("carrier webhooks", () => {
  it("records signed events once, in the order they happened, whatever order and however often they arrive", async () => {
    const s = await shipment(order.subOrderId, order.lineId, 1);
    const events = [
      event(s.trackingNumber, "1", "SIM-LBL", 0, { location: "Sender", text: "Shipment information received" }),
      event(s.trackingNumber, "2", "SIM-PCK", 10),
      event(s.trackingNumber, "3", "SIM-TRN", 20),
      event(s.trackingNumber, "4", "SIM-OFD", 30),
      event(s.trackingNumber, "5", "SIM-DLV", 40, { text: "Delivered, handed to recipient" }),
    ];
    const [lbl, pck, trn, ofd, dlv] = events as [typeof events[number], typeof events[number], typeof events[number], typeof events[number], typeof events[number]];
    expect(await post("simulated", dlv)).toMatchObject({ status: 200, body: { received: true, recorded: true, events: [{ id: dlv.id, recorded: true, status: "DELIVERED" }] } });
    expect((await post("simulated", [trn, lbl, trn])).body.events).toEqual([
      { id: trn.id, recorded: true, status: "DELIVERED" },
      { id: lbl.id, recorded: true, status: "DELIVERED" },
      { id: trn.id, recorded: false, status: "DELIVERED", reason: "DUPLICATE" },
    ]);
    expect(await post("simulated", dlv)).toMatchObject({ status: 200, body: { recorded: false, events: [{ reason: "DUPLICATE" }] } });
    await post("simulated", [ofd, pck]);
    expect((await timeline(s.id)).map((e) => e.carrierEventId)).toEqual(events.map((e) => e.id));
    expect((await timeline(s.id))[0]).toMatchObject({ kind: "LABEL_CREATED", location: "Sender", carrierText: "Shipment information received" });
    const after = await db.shipment.findUniqueOrThrow({ where: { id: s.id } });
    expect(after).toMatchObject({ status: "DELIVERED", statusAt: new Date(dlv.at), deliveredAt: new Date(dlv.at) });
    const audit = await db.auditEntry.findMany({ where: { subjectType: "Shipment", subjectId: s.id, action: "shipment.status" } });
    expect(audit).toHaveLength(1);
  });

  it("does not undo a delivery with a later scan of an earlier step", async () => {
    const s = await shipment(order.subOrderId, order.lineId, 1);
    await post("simulated", [event(s.trackingNumber, "1", "SIM-DLV", 10), event(s.trackingNumber, "2", "IN_TRANSIT", 20)]);
    expect((await db.shipment.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("DELIVERED");
    expect(await timeline(s.id)).toHaveLength(2);
  });

  it("maps each carrier's own codes with its own secret", async () => {
    const s = await shipment(order.subOrderId, order.lineId, 1, "dhl-express");
    expect((await post("dhl-express", event(s.trackingNumber, "1", "transit", 5))).status).toBe(200);
    expect((await db.shipment.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("IN_TRANSIT");
    expect((await post("dhl-express", event(s.trackingNumber, "2", "SIM-DLV", 6))).body).toEqual({ error: "KIND_UNKNOWN", index: 0 });
    // The simulated carrier's secret does not sign for DHL.
    expect((await post("dhl-express", event(s.trackingNumber, "3", "delivered", 7), { secret: SECRET })).status).toBe(401);
  });

  it("refuses forged, stale, unsigned and malformed posts, and records nothing of them", async () => {
    const s = await shipment(order.subOrderId, order.lineId, 1);
    const good = event(s.trackingNumber, "1", "SIM-DLV", 5);
    expect(await post("simulated", good, { secret: "not-the-carrier-secret" })).toEqual({ status: 401, body: { error: "SIGNATURE_MISMATCH" } });
    expect(await post("simulated", good, { header: null })).toEqual({ status: 401, body: { error: "SIGNATURE_MISSING" } });
    expect(await post("simulated", good, { header: "t=1,v1=zz" })).toEqual({ status: 401, body: { error: "SIGNATURE_MALFORMED" } });
    expect(await post("simulated", good, { timestamp: Math.floor(Date.now() / 1000) - 301 })).toEqual({ status: 401, body: { error: "SIGNATURE_STALE" } });
    expect(await post("simulated", [good, { ...good, id: "x-2", kind: "TELEPORTED" }])).toEqual({ status: 400, body: { error: "KIND_UNKNOWN", index: 1 } });
    expect(await post("simulated", "{not json")).toEqual({ status: 400, body: { error: "BODY_NOT_JSON" } });
    expect(await post("fedex", good)).toEqual({ status: 404, body: { error: "UNKNOWN_CARRIER" } });
    expect(await post("constructor", good)).toEqual({ status: 404, body: { error: "UNKNOWN_CARRIER" } });
    expect(await timeline(s.id)).toEqual([]);
    expect(await db.shipment.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "LABEL_CREATED", deliveredAt: null });
    expect(await db.shipmentNotice.count({ where: { shipmentId: s.id } })).toBe(0);
  });

  it("answers 200 without recording for a tracking number it does not know", async () => {
    expect(await post("simulated", event("SIMUNKNOWN0001", "1", "SIM-TRN", 1))).toEqual({
      status: 200,
      body: { received: true, recorded: false, events: [{ id: "SIMUNKNOWN0001-1", recorded: false, reason: "UNKNOWN_SHIPMENT" }] },
    });
  });

  it("answers 503 when the database cannot be reached, so the carrier delivers again", async () => {
    const s = await shipment(order.subOrderId, order.lineId, 1);
    const broken = createPrismaClient("postgresql://caravan:caravan@127.0.0.1:1/nowhere");
    expect(await post("simulated", event(s.trackingNumber, "1", "SIM-TRN", 1), { client: broken })).toEqual({ status: 503, body: { error: "UNAVAILABLE" } });
    await broken.$disconnect().catch(() => undefined);
    expect(await timeline(s.id)).toEqual([]);
    // Delivered again once the database is back: recorded.
    expect((await post("simulated", event(s.trackingNumber, "1", "SIM-TRN", 1))).body).toMatchObject({ recorded: true });
  });

  it("keeps the carrier's newest estimate, with the one it replaced, even when estimates arrive out of order", async () => {
    const s = await shipment(order.subOrderId, order.lineId, 1);
    await post("simulated", event(s.trackingNumber, "1", "SIM-LBL", 1, { estimatedDelivery: { from: "2026-12-10", to: "2026-12-12" } }));
    await post("simulated", event(s.trackingNumber, "3", "SIM-CUS", 30, { estimatedDelivery: { from: "2026-12-14", to: "2026-12-16" } }));
    // An older estimate arriving late replaces nothing.
    await post("simulated", event(s.trackingNumber, "2", "SIM-TRN", 10, { estimatedDelivery: { from: "2026-12-09", to: "2026-12-11" } }));
    expect(await db.shipment.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      estimatedFrom: new Date("2026-12-14T00:00:00Z"),
      estimatedTo: new Date("2026-12-16T00:00:00Z"),
      previousEstimate: { from: "2026-12-10", to: "2026-12-12" },
    });
  });

  it("dates the sub-order's delivery only when every unit has arrived, at the last parcel's delivery", async () => {
    const own = await paidOrder(3);
    const first = await shipment(own.subOrderId, own.lineId, 2);
    const second = await shipment(own.subOrderId, own.lineId, 1);
    await post("simulated", event(first.trackingNumber, "1", "SIM-DLV", 20));
    expect((await db.shipment.findUniqueOrThrow({ where: { id: first.id } })).deliveredAt).toEqual(new Date(at(20)));
    expect((await db.subOrder.findUniqueOrThrow({ where: { id: own.subOrderId } })).deliveredAt).toBeNull();
    await post("simulated", event(second.trackingNumber, "1", "SIM-OFD", 25));
    expect((await db.subOrder.findUniqueOrThrow({ where: { id: own.subOrderId } })).deliveredAt).toBeNull();
    await post("simulated", event(second.trackingNumber, "2", "SIM-DLV", 30));
    expect((await db.subOrder.findUniqueOrThrow({ where: { id: own.subOrderId } })).deliveredAt).toEqual(new Date(at(30)));
    expect(await db.auditEntry.count({ where: { subjectType: "SubOrder", subjectId: own.subOrderId, action: "subOrder.delivered" } })).toBe(1);
  });

  it("counts withdrawn units as not owed", async () => {
    const own = await paidOrder(2);
    await db.orderLine.update({ where: { id: own.lineId }, data: { withdrawnQuantity: 1 } });
    const s = await shipment(own.subOrderId, own.lineId, 1);
    await post("simulated", event(s.trackingNumber, "1", "SIM-DLV", 15));
    expect((await db.subOrder.findUniqueOrThrow({ where: { id: own.subOrderId } })).deliveredAt).toEqual(new Date(at(15)));
  });

  it("mails each notice once, in the buyer's language, however often the events come and even when a job runs again", async () => {
    const own = await paidOrder(1);
    await db.order.update({ where: { id: own.orderId }, data: { locale: "de" } });
    const number = (await db.order.findUniqueOrThrow({ where: { id: own.orderId } })).number;
    const s = await shipment(own.subOrderId, own.lineId, 1);
    // The seller's own first event, as the shipment creation records it.
    await db.$transaction((tx) => recordTrackingEvent(tx, { shipmentId: s.id, source: "SELLER", kind: "LABEL_CREATED", at: new Date(at(0)), estimatedFrom: new Date("2026-12-20T00:00:00Z"), estimatedTo: new Date("2026-12-22T00:00:00Z") }));
    const events = [
      event(s.trackingNumber, "1", "SIM-LBL", 1),
      event(s.trackingNumber, "2", "SIM-CUS", 10),
      event(s.trackingNumber, "3", "SIM-CLR", 20),
      event(s.trackingNumber, "4", "SIM-OFD", 30),
      event(s.trackingNumber, "5", "SIM-DLV", 40),
    ];
    await post("simulated", [...events, ...events]);
    await post("simulated", events.slice(2));
    await drainJobs(db);
    await post("simulated", events);
    await drainJobs(db);
    // The order confirmation (a test-mode order: "[TEST] ...") is not a notice.
    const mine = (await outbox()).filter((m) => m.subject.includes(number) && !m.subject.startsWith("[TEST]"));
    expect(mine.map((m) => m.subject).sort()).toEqual(
      [
        `Ihre Bestellung ${number} ist unterwegs`,
        `Ihr Paket zur Bestellung ${number} ist beim Zoll`,
        `Ihr Paket zur Bestellung ${number} kommt heute`,
        `Ihr Paket zur Bestellung ${number} wurde zugestellt`,
      ].sort(),
    );
    expect(mine.every((m) => m.to === "hanako@example.jp")).toBe(true);
    const shipped = mine.find((m) => m.subject.includes("unterwegs"))!;
    expect(shipped.text).toContain(s.trackingNumber);
    expect(shipped.text).toContain("Caravan carrier simulator");
    expect(shipped.text).toContain("Voraussichtliche Zustellung: 20. Dez. 2026 – 22. Dez. 2026");
    expect(shipped.text).toMatch(new RegExp(`/de/checkout/complete\\?order=${own.orderId}&key=`));
    expect((await db.shipmentNotice.findMany({ where: { shipmentId: s.id } })).map((n) => n.kind).sort()).toEqual(["DELIVERED", "HELD_AT_CUSTOMS", "OUT_FOR_DELIVERY", "SHIPPED"]);
    const jobs = await db.job.findMany({ where: { kind: "shipment.notice", payload: { path: ["shipmentId"], equals: s.id } } });
    expect(jobs).toHaveLength(4);
    expect(jobs.every((j) => j.status === "DONE")).toBe(true);

    // A job taken up again (its runner died after sending) sends nothing: the outbox files are gone, and stay gone.
    for (const file of fs.readdirSync(OUTBOX)) fs.rmSync(path.join(OUTBOX, file));
    await db.job.updateMany({ where: { id: { in: jobs.map((j) => j.id) } }, data: { status: "QUEUED", finishedAt: null } });
    expect(await drainJobs(db)).toBe(4);
    expect(await outbox()).toEqual([]);
    const again = await db.job.findMany({ where: { id: { in: jobs.map((j) => j.id) } } });
    expect(again.every((j) => (j.result as { alreadySent?: boolean }).alreadySent === true)).toBe(true);
  });

  it("links the carrier's public tracking page in the notice when the carrier table has one", async () => {
    const own = await paidOrder(1);
    const s = await shipment(own.subOrderId, own.lineId, 1, "dhl-express");
    await post("dhl-express", event(s.trackingNumber, "1", "pre-transit", 1));
    await drainJobs(db);
    const number = (await db.order.findUniqueOrThrow({ where: { id: own.orderId } })).number;
    const shipped = (await outbox()).find((m) => m.subject === `Your order ${number} is on its way`)!;
    expect(shipped.text).toContain("DHL Express");
    expect(shipped.text).toContain(`Track your parcel: https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=${s.trackingNumber}`);
  });

  it("mails an exception, and nothing for a late step after delivery", async () => {
    const own = await paidOrder(1);
    const s = await shipment(own.subOrderId, own.lineId, 1);
    await post("simulated", [event(s.trackingNumber, "1", "SIM-LBL", 1), event(s.trackingNumber, "2", "SIM-EXC", 5)]);
    await post("simulated", event(s.trackingNumber, "3", "SIM-DLV", 9));
    await post("simulated", event(s.trackingNumber, "4", "SIM-OFD", 8));
    expect((await db.shipmentNotice.findMany({ where: { shipmentId: s.id } })).map((n) => n.kind).sort()).toEqual(["DELIVERED", "EXCEPTION", "SHIPPED"]);
  });

  it("registers a new simulated shipment with the simulator, and never fails when it cannot", async () => {
    const s = await shipment(order.subOrderId, order.lineId, 1);
    const calls: { url: string; body: unknown }[] = [];
    const fake = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), body: JSON.parse(String(init?.body)) });
      return new Response("{}", { status: 201 });
    }) as typeof fetch;
    await afterShipmentCreated(s.id, db, fake);
    const dhl = await shipment(order.subOrderId, order.lineId, 1, "dhl-express");
    await afterShipmentCreated(dhl.id, db, fake);
    await expect(afterShipmentCreated(s.id, db, (async () => { throw new Error("refused"); }) as typeof fetch)).resolves.toBeUndefined();
    await expect(afterShipmentCreated(s.id, db)).resolves.toBeUndefined();
    expect(calls).toEqual([{ url: "http://127.0.0.1:9/v1/shipments", body: { trackingNumber: s.trackingNumber, carrier: "simulated", labelCreated: true } }]);
  });

  it("follows a parcel the suite's simulator moves, through the same handler", async () => {
    const own = await paidOrder(1);
    const s = await shipment(own.subOrderId, own.lineId, 1);
    const store = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        const request = new Request("http://store.test/api/webhooks/carriers/simulated", { method: "POST", body, headers: { "caravan-signature": String(req.headers["caravan-signature"] ?? "") } });
        void handleCarrierWebhook(request, "simulated", fixedClock(new Date()), db).then((result) => res.writeHead(result.status, { "content-type": "application/json" }).end(JSON.stringify(result.body)));
      });
    });
    await new Promise<void>((resolve) => store.listen(0, "127.0.0.1", resolve));
    try {
      const simulator = inject("carrierSimulatorUrl");
      const webhookUrl = `http://127.0.0.1:${(store.address() as AddressInfo).port}/api/webhooks/carriers/simulated`;
      const registered = await fetch(`${simulator}/v1/shipments`, { method: "POST", body: JSON.stringify({ trackingNumber: s.trackingNumber, carrier: "simulated", webhookUrl, customsHold: true, duplicate: true, reorder: true }) });
      expect(registered.status).toBe(201);
      const done = await fetch(`${simulator}/v1/shipments/${s.trackingNumber}/advance`, { method: "POST", body: JSON.stringify({ to: "DELIVERED" }) });
      const parcel = (await done.json()) as { deliveries: { status: number }[] };
      expect(parcel.deliveries.length).toBe(16);
      expect(parcel.deliveries.every((d) => d.status === 200)).toBe(true);
    } finally {
      await new Promise((resolve) => store.close(resolve));
    }
    expect((await timeline(s.id)).map((e) => e.kind)).toEqual(["LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "ARRIVED_IN_DESTINATION", "HELD_AT_CUSTOMS", "RELEASED_BY_CUSTOMS", "OUT_FOR_DELIVERY", "DELIVERED"]);
    expect((await db.shipment.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("DELIVERED");
    expect((await db.subOrder.findUniqueOrThrow({ where: { id: own.subOrderId } })).deliveredAt).not.toBeNull();
  });
});
