import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { JAPANESE_PRODUCT } from "./catalogue-data";
import { signatureHeader } from "../lib/domain/logistics/signature";
import { simulatedCarrierSecret } from "../lib/server/logistics/simulator-process";
import { buyAsGuest, query, subjectsTo } from "./journeys";
import { messages, text } from "./messages";

/**
 * Carrier tracking end to end: a guest in Japan pays for an order; a parcel of it is put
 * in the database as the seller's shipment creation leaves it and registered with the
 * run's carrier simulator, with a customs hold; stepped to delivered, the simulator's
 * signed events reach the store's webhook. The buyer gets each notice once, in Japanese,
 * and the sub-order is dated delivered.
 */
const ja = messages("ja");
/** A Japanese message by its dotted key. */
const say = (key: string): string => text(ja, key);
const SIMULATOR = process.env.CARAVAN_CARRIER_SIMULATOR_URL ?? "http://127.0.0.1:12112";

/** A guest's paid order of the Japanese product, bought in Japanese; its id. */
const buy = async (page: Page, email: string): Promise<string> =>
  (await buyAsGuest(page, { locale: "ja", slugs: [JAPANESE_PRODUCT.slug], address: { name: "山田 花子", line1: "京都市中京区烏丸通二条下ル 123", postalCode: "6040000", phone: "090-1234-5678", email } })).orderId;

test.describe("carrier tracking", () => {
  test("a parcel held at customs and then delivered mails the buyer each notice once in Japanese, and dates the sub-order's delivery", async ({ page }) => {
    const email = `tracking-${Date.now()}@example.jp`;
    const orderId = await buy(page, email);
    const [order] = await query<{ number: string }>(`SELECT number FROM "Order" WHERE id = $1`, [orderId]);
    const [line] = await query<{ id: string; subOrderId: string; quantity: number }>(`SELECT id, "subOrderId", quantity FROM "OrderLine" WHERE "orderId" = $1`, [orderId]);
    const trackingNumber = `SIME2E${Date.now()}`;
    const shipmentId = `shp_e2e_${Date.now()}`;
    await query(`INSERT INTO "Shipment" (id, "subOrderId", carrier, "trackingNumber", "weightGrams", "statusAt", "updatedAt") VALUES ($1, $2, 'simulated', $3, 900, 'epoch', now())`, [shipmentId, line!.subOrderId, trackingNumber]);
    await query(`INSERT INTO "ShipmentLine" ("shipmentId", "orderLineId", quantity) VALUES ($1, $2, $3)`, [shipmentId, line!.id, line!.quantity]);

    const registered = await fetch(`${SIMULATOR}/v1/shipments`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ trackingNumber, carrier: "simulated", customsHold: true }) });
    expect(registered.status).toBe(201);
    // Step by step, so each step's notice has its own status to announce.
    for (let step = 0; step < 7; step++) {
      const advanced = await fetch(`${SIMULATOR}/v1/shipments/${trackingNumber}/advance`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(advanced.status).toBe(200);
    }
    const parcel = (await (await fetch(`${SIMULATOR}/v1/shipments/${trackingNumber}`)).json()) as { status: string; events: unknown[]; deliveries: { status: number }[] };
    expect(parcel.status).toBe("DELIVERED");
    expect(parcel.deliveries.map((d) => d.status)).toEqual(Array(8).fill(200));

    const [shipment] = await query<{ status: string; deliveredAt: Date | null }>(`SELECT status::text, "deliveredAt" FROM "Shipment" WHERE id = $1`, [shipmentId]);
    expect(shipment).toMatchObject({ status: "DELIVERED" });
    const events = await query<{ kind: string }>(`SELECT kind::text FROM "TrackingEvent" WHERE "shipmentId" = $1 ORDER BY at`, [shipmentId]);
    expect(events.map((e) => e.kind)).toEqual(["LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "ARRIVED_IN_DESTINATION", "HELD_AT_CUSTOMS", "RELEASED_BY_CUSTOMS", "OUT_FOR_DELIVERY", "DELIVERED"]);
    const [sub] = await query<{ deliveredAt: Date | null }>(`SELECT "deliveredAt" FROM "SubOrder" WHERE id = $1`, [line!.subOrderId]);
    expect(sub!.deliveredAt).toEqual(shipment!.deliveredAt);
    expect(sub!.deliveredAt).not.toBeNull();

    const expected = (["SHIPPED", "HELD_AT_CUSTOMS", "OUT_FOR_DELIVERY", "DELIVERED"] as const).map((kind) => say(`parcelMail.subject.${kind}`).replace("{number}", order!.number)).sort();
    // The order confirmation went to the same address; every other message is a notice.
    const confirmation = say("mail.orderConfirmation.subject").replace("{number}", order!.number);
    const notices = async () => (await subjectsTo(email)).filter((s) => !s.includes(confirmation));
    await expect.poll(notices, { timeout: 30_000 }).toEqual(expected);

    // The carrier delivers every event again, in reverse, as one batch: nothing more is recorded or mailed.
    expect((await fetch(`${SIMULATOR}/v1/shipments/${trackingNumber}/advance`, { method: "POST", body: "{}" })).status).toBe(409);
    const replay = JSON.stringify([...parcel.events].reverse());
    const secret = simulatedCarrierSecret({ ...process.env, CARAVAN_DEMO: "true" });
    const replayed = await page.request.post("/api/webhooks/carriers/simulated", {
      data: replay,
      headers: { "content-type": "application/json", "caravan-signature": signatureHeader(replay, secret, Math.floor(Date.now() / 1000)) },
    });
    expect(replayed.status()).toBe(200);
    expect(await replayed.json()).toMatchObject({ received: true, recorded: false });
    const forged = await page.request.post("/api/webhooks/carriers/simulated", { data: replay, headers: { "content-type": "application/json", "caravan-signature": signatureHeader(replay, "not-the-secret", Math.floor(Date.now() / 1000)) } });
    expect(forged.status()).toBe(401);
    expect(await query(`SELECT 1 FROM "TrackingEvent" WHERE "shipmentId" = $1`, [shipmentId])).toHaveLength(8);
    await page.reload();
    await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");
    expect(await notices()).toEqual(expected);
  });
});
