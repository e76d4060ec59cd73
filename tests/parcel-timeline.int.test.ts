import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "@/lib/domain/clock";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { SELLERS } from "@/prisma/seed-data";
import { createDatabase } from "./database";
import { payOnSandbox, sessionIdOf, stockedProduct, type SeedProduct, placeTestOrder } from "./checkout-support";

/**
 * The buyer's parcel tracking on a database of its own, with an order placed and paid
 * through the real checkout and the suite's Stripe sandbox, and shipments and events
 * written as logistics writes them (recordTrackingEvent), arriving out of order: the
 * timeline is by event time, the status the newest event's, the estimate with the one
 * it replaced; parcels without shipments say "not shipped" with the seller's estimate.
 * The public lookup: a match gives a token for the parcels (city and country, no
 * payment or address), a wrong email and an unknown number the same answer; bad input
 * is refused with its code; the form post is origin-checked and rate-limited.
 */
const url = await createDatabase(inject("databaseUrl"), `parcel_timeline_${process.pid}`);
process.env.DATABASE_URL = url;
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
process.env.CARAVAN_OUTBOX_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));
process.env.CARAVAN_RATE_LIMIT_FORMS = "5/60";

const { syncPayment } = await import("@/lib/server/checkout/fulfil");
const { orderViewOf } = await import("@/lib/server/checkout/confirmation");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const { recordTrackingEvent } = await import("@/lib/server/logistics/tracking");
const { loadOrderTimeline } = await import("@/lib/server/logistics/timeline");
const { lookupOrder, loadLookupView, lookupToken, LOOKUP_TOKEN_SECONDS } = await import("@/lib/server/logistics/lookup");
const route = await import("@/app/api/orders/lookup/route");
const { getPrisma } = await import("@/lib/db/client");

const db = getPrisma();
const clock = () => fixedClock(new Date());
const JP = findMarket("JP") as MarketDefinition;
const japanese = stockedProduct("JP");
const german = stockedProduct("DE");
const jpSeller = SELLERS.find((s) => s.id === japanese.sellerId)!;
const deSeller = SELLERS.find((s) => s.id === german.sellerId)!;

const ADDRESS = { email: "Hanako.Yamada@Example.jp", name: "Hanako Yamada", line1: "Karasuma-dori Nijo 123", city: "Kyoto", region: "26", postalCode: "6040000", phone: "090-1234-5678" };
const labels = {
  goods: (title: string, _v: string, q: number) => `${q} × ${title}`,
  shipping: (seller: string) => `Shipping ${seller}`,
  duty: (seller: string) => `Duty ${seller}`,
  tax: (seller: string) => `Tax ${seller}`,
};

const place = (items: [SeedProduct, number][]) => placeTestOrder(db, items, { market: JP, address: ADDRESS, labels, clock });

let client = 0;
const freshClient = () => `192.0.2.${++client}`;
function post(fields: Record<string, string>, { ip = freshClient(), origin = "http://shop.test" }: { ip?: string; origin?: string } = {}) {
  return route.POST(
    new Request("http://shop.test/api/orders/lookup", {
      method: "POST",
      headers: { host: "shop.test", origin, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

let orderId: string;
let orderNumber: string;
let jpSub: string;
let jpIndex: number;
let deIndex: number;
const T = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour));

beforeAll(async () => {
  await migrate(url);
  await seed(db);
  const report = await ensureSellerAccounts(db, "http://127.0.0.1:3000");
  expect(report.failed).toBe(0);
  const placed = await place([
    [japanese, 1],
    [german, 1],
  ]);
  expect(await payOnSandbox(placed.url)).toBe(303);
  expect(await syncPayment(sessionIdOf(placed.url), clock(), db)).toMatchObject({ ok: true, status: "PAID" });
  orderId = placed.orderId;
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { subOrders: { orderBy: { position: "asc" } } } });
  orderNumber = order.number;
  jpIndex = order.subOrders.findIndex((s) => s.sellerId === jpSeller.id);
  deIndex = order.subOrders.findIndex((s) => s.sellerId === deSeller.id);
  jpSub = order.subOrders[jpIndex]!.id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("an order's parcel timelines", () => {
  it("says each parcel is not shipped yet, with the seller's estimate from the order's quote", async () => {
    const parcels = await loadOrderTimeline(orderId, db);
    const view = (await orderViewOf(orderId, db))!;
    expect(parcels).toHaveLength(view.parcels.length);
    for (const [i, parcel] of parcels.entries()) {
      expect(parcel.timeline.shipments).toEqual([]);
      const days = view.parcels[i]!.deliveryDays;
      expect(days).not.toBeNull();
      const estimate = parcel.timeline.notShipped!.sellerEstimate!;
      expect(estimate.from.getTime()).toBeLessThanOrEqual(estimate.to.getTime());
      expect(estimate.from.getTime()).toBeGreaterThan(view.placedAt.getTime() - 86_400_000);
    }
  });

  it("orders events by when they happened, not by arrival, and takes the status from the newest", async () => {
    await db.shipment.create({ data: { id: "shp_timeline_jp", subOrderId: jpSub, carrier: "japan-post", trackingNumber: "EJ123456789JP", weightGrams: 800, statusAt: T(0) } });
    await db.$transaction(async (tx) => {
      // The newest arrives first, the customs hold and release after it.
      expect(await recordTrackingEvent(tx, { shipmentId: "shp_timeline_jp", source: "CARRIER", kind: "OUT_FOR_DELIVERY", at: T(15), carrierEventId: "jp-3", location: "Kyoto", carrierText: "お届け先へ配達中" })).toMatchObject({ ok: true, recorded: true, status: "OUT_FOR_DELIVERY" });
      expect(await recordTrackingEvent(tx, { shipmentId: "shp_timeline_jp", source: "CARRIER", kind: "HELD_AT_CUSTOMS", at: T(9), carrierEventId: "jp-1", location: "Narita", carrierText: "Held: import documents requested", estimatedFrom: new Date("2026-12-03"), estimatedTo: new Date("2026-12-04") })).toMatchObject({ status: "OUT_FOR_DELIVERY" });
      expect(await recordTrackingEvent(tx, { shipmentId: "shp_timeline_jp", source: "CARRIER", kind: "RELEASED_BY_CUSTOMS", at: T(12), carrierEventId: "jp-2", location: "Narita", carrierText: "Released by customs", estimatedFrom: new Date("2026-12-05"), estimatedTo: new Date("2026-12-06") })).toMatchObject({ status: "OUT_FOR_DELIVERY" });
      // The same carrier event again is one row.
      expect(await recordTrackingEvent(tx, { shipmentId: "shp_timeline_jp", source: "CARRIER", kind: "HELD_AT_CUSTOMS", at: T(9), carrierEventId: "jp-1" })).toMatchObject({ recorded: false });
    });
    const parcels = await loadOrderTimeline(orderId, db);
    const jp = parcels[jpIndex]!.timeline;
    expect(jp.notShipped).toBeNull();
    expect(jp.shipments).toHaveLength(1);
    const shipment = jp.shipments[0]!;
    expect(shipment).toMatchObject({ carrierName: "Japan Post", trackingNumber: "EJ123456789JP", status: "OUT_FOR_DELIVERY" });
    expect(shipment.events.map((e) => e.status)).toEqual(["OUT_FOR_DELIVERY", "RELEASED_BY_CUSTOMS", "HELD_AT_CUSTOMS"]);
    expect(shipment.events.map((e) => e.carrierText)).toEqual(["お届け先へ配達中", "Released by customs", "Held: import documents requested"]);
    expect(shipment.events[2]!.location).toBe("Narita");
    // Estimate from the newest event that gave one, with the earlier one it replaced.
    expect(shipment.estimate).toEqual({ from: new Date("2026-12-05"), to: new Date("2026-12-06") });
    expect(shipment.previousEstimate).toEqual({ from: new Date("2026-12-03"), to: new Date("2026-12-04") });
    // The other seller's parcel has nothing of it.
    expect(parcels[deIndex]!.timeline.shipments).toEqual([]);
    expect(parcels[deIndex]!.timeline.notShipped).not.toBeNull();
  });

  it("shows the shipment's own estimate and its stored previous one when the carrier changed it", async () => {
    await db.shipment.update({ where: { id: "shp_timeline_jp" }, data: { estimatedFrom: new Date("2026-12-07"), estimatedTo: new Date("2026-12-08"), previousEstimate: { from: "2026-12-05", to: "2026-12-06" } } });
    const shipment = (await loadOrderTimeline(orderId, db))[jpIndex]!.timeline.shipments[0]!;
    expect(shipment.estimate).toEqual({ from: new Date("2026-12-07"), to: new Date("2026-12-08") });
    expect(shipment.previousEstimate).toEqual({ from: new Date("2026-12-05"), to: new Date("2026-12-06") });
  });

  it("has nothing for an order that does not exist", async () => {
    expect(await loadOrderTimeline("ord_nothinghere0000", db)).toEqual([]);
  });
});

describe("the public lookup", () => {
  it("finds the order by number and the email in any case, and the token opens its parcels: city and country, no payment or address", async () => {
    const found = await lookupOrder({ number: orderNumber.toLowerCase(), email: "  hanako.yamada@example.JP " }, clock(), db);
    expect(found).toMatchObject({ ok: true, orderId });
    if (!found.ok) return;
    const opened = await loadLookupView(found.token, clock(), db);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.view).toMatchObject({ number: orderNumber, status: "PAID", shipTo: { city: null, region: { local: "京都府", english: "Kyoto" }, country: "JP" } });
    expect(opened.view.parcels.map((p) => p.sellerName)).toEqual((await orderViewOf(orderId, db))!.parcels.map((p) => p.sellerName));
    expect(opened.view.parcels[jpIndex]!.timeline.shipments[0]!.events).toHaveLength(3);
    const shown = JSON.stringify(opened.view);
    for (const secret of ["Karasuma", "Nijo", "6040000", "090-1234-5678", "hanako", "Minor", "paymentAccount", "sellerShare"]) expect(shown, secret).not.toContain(secret);
  });

  it("answers a wrong email and an unknown number alike", async () => {
    const wrongEmail = await lookupOrder({ number: orderNumber, email: "someone.else@example.jp" }, clock(), db);
    const unknown = await lookupOrder({ number: "CV-0000-0000", email: "hanako.yamada@example.jp" }, clock(), db);
    const nearMiss = await lookupOrder({ number: orderNumber, email: "hanako.yamada@example.jp.evil.example" }, clock(), db);
    expect(wrongEmail).toEqual({ ok: false, code: "NO_MATCHING_ORDER", number: orderNumber });
    expect(unknown).toEqual({ ok: false, code: "NO_MATCHING_ORDER", number: "CV-0000-0000" });
    expect(nearMiss).toEqual(wrongEmail);
  });

  it("refuses bad input with its code", async () => {
    expect(await lookupOrder({ number: "", email: "a@example.jp" }, clock(), db)).toMatchObject({ ok: false, code: "ORDER_NUMBER_REQUIRED" });
    expect(await lookupOrder({ number: "CV-12", email: "a@example.jp" }, clock(), db)).toMatchObject({ ok: false, code: "INVALID_ORDER_NUMBER" });
    expect(await lookupOrder({ number: orderNumber, email: "" }, clock(), db)).toMatchObject({ ok: false, code: "EMAIL_REQUIRED" });
    expect(await lookupOrder({ number: orderNumber, email: "not-an-email" }, clock(), db)).toMatchObject({ ok: false, code: "INVALID_EMAIL" });
  });

  it("refuses an expired or altered token", async () => {
    const now = new Date();
    const token = lookupToken(orderId, now);
    expect((await loadLookupView(token, fixedClock(new Date(now.getTime() + (LOOKUP_TOKEN_SECONDS - 5) * 1000)), db)).ok).toBe(true);
    expect(await loadLookupView(token, fixedClock(new Date(now.getTime() + (LOOKUP_TOKEN_SECONDS + 1) * 1000)), db)).toEqual({ ok: false, code: "LOOKUP_EXPIRED" });
    const [id, expires, signature] = token.split(".");
    expect(await loadLookupView(`${id}.${Number(expires) + 3600}.${signature}`, clock(), db)).toEqual({ ok: false, code: "LOOKUP_EXPIRED" });
    expect(await loadLookupView(`ord_nothinghere0000.${expires}.${signature}`, clock(), db)).toEqual({ ok: false, code: "LOOKUP_EXPIRED" });
    expect(await loadLookupView("garbage", clock(), db)).toEqual({ ok: false, code: "LOOKUP_EXPIRED" });
  });
});

describe("POST /api/orders/lookup", () => {
  it("sends a match to the lookup page with a token, never the email", async () => {
    const response = await post({ number: orderNumber, email: ADDRESS.email, locale: "ja" });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, "http://shop.test");
    expect(location.pathname).toBe("/ja/orders/lookup");
    expect([...location.searchParams.keys()]).toEqual(["t"]);
    expect(location.search.toLowerCase()).not.toContain("hanako");
    expect((await loadLookupView(location.searchParams.get("t"), clock(), db)).ok).toBe(true);
  });

  it("gives a wrong email and an unknown number the same status and the same shape of answer", async () => {
    const wrong = await post({ number: orderNumber, email: "someone.else@example.jp", locale: "ar" });
    const unknown = await post({ number: "CV-0000-0000", email: ADDRESS.email, locale: "ar" });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get("location")!, "http://shop.test");
      expect(location.pathname).toBe("/ar/orders/lookup");
      expect([...location.searchParams.keys()]).toEqual(["error", "number"]);
      expect(location.searchParams.get("error")).toBe("NO_MATCHING_ORDER");
      expect(location.search).not.toContain("example");
    }
    expect(await wrong.text()).toBe(await unknown.text());
  });

  it("sends bad input back with its code", async () => {
    const response = await post({ number: "nonsense", email: ADDRESS.email, locale: "en" });
    expect(new URL(response.headers.get("location")!, "http://shop.test").searchParams.get("error")).toBe("INVALID_ORDER_NUMBER");
    const empty = await post({ number: "", email: "", locale: "en" });
    expect(new URL(empty.headers.get("location")!, "http://shop.test").searchParams.get("error")).toBe("ORDER_NUMBER_REQUIRED");
  });

  it("refuses a post from another site", async () => {
    const response = await post({ number: orderNumber, email: ADDRESS.email, locale: "en" }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(response.headers.get("location")).toBeNull();
  });

  it("is rate-limited per client: the sixth attempt in a minute gets 429 with Retry-After, even with the right email", async () => {
    const ip = "198.51.100.77";
    for (let i = 0; i < 5; i++) expect((await post({ number: "CV-0000-0000", email: `guess${i}@example.jp`, locale: "en" }, { ip })).status).toBe(303);
    const limited = await post({ number: orderNumber, email: ADDRESS.email, locale: "en" }, { ip });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ ok: false, code: "RATE_LIMITED" });
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(limited.headers.get("location")).toBeNull();
    // Another client is not affected.
    expect((await post({ number: orderNumber, email: ADDRESS.email, locale: "en" })).status).toBe(303);
  });
});
