import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { JAPANESE_PRODUCT } from "./catalogue-data";
import { signatureHeader } from "../lib/domain/logistics/signature";
import { simulatedCarrierSecret } from "../lib/server/logistics/simulator-process";

/**
 * Carrier tracking end to end: a guest in Japan pays for an order; a parcel of it is put
 * in the database as the seller's shipment creation leaves it and registered with the
 * run's carrier simulator, with a customs hold; stepped to delivered, the simulator's
 * signed events reach the store's webhook. The buyer gets each notice once, in Japanese,
 * and the sub-order is dated delivered.
 */
type Messages = Record<string, Record<string, unknown>>;
const ja = JSON.parse(fs.readFileSync(path.resolve("messages", "ja.json"), "utf8")) as Messages;
const text = (key: string): string => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], ja) as string;
const OUTBOX = path.resolve(".data/outbox");
const SIMULATOR = process.env.CARAVAN_CARRIER_SIMULATOR_URL ?? "http://127.0.0.1:12112";
const sandboxOrigin = new URL(process.env.STRIPE_SANDBOX_URL ?? "http://127.0.0.1:12111").origin;

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function buy(page: Page, email: string): Promise<string> {
  await page.goto(`/ja/products/${JAPANESE_PRODUCT.slug}`);
  await page.getByTestId("add-to-cart").getByRole("button", { name: text("product.addToCart") }).click();
  await page.waitForLoadState("networkidle");
  await page.goto("/ja/checkout");
  const address = { name: "山田 花子", line1: "京都市中京区烏丸通二条下ル 123", postalCode: "6040000", phone: "090-1234-5678", email };
  for (const [name, value] of Object.entries(address)) {
    const field = page.locator(`input[name=${name}]`);
    if ((await field.count()) > 0) await field.fill(value);
  }
  await page.locator("select[name=region]").selectOption("26");
  await page.locator("button[value=update]").click();
  await expect(page.getByTestId("checkout-invalid")).toHaveCount(0);
  await page.getByTestId("accept-terms").check();
  await page.getByTestId("pay").click();
  await expect(page).toHaveURL(new RegExp(`^${sandboxOrigin}/pay/cs_test_`));
  await page.locator("[name=card_number]").fill("4242424242424242");
  await page.locator("[name=card_expiry]").fill("12 / 34");
  await page.locator("[name=card_cvc]").fill("123");
  await page.locator("[name=name]").fill("Test Buyer");
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/ja\/checkout\/complete\?order=/);
  await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");
  return (await page.getByTestId("order").getAttribute("data-order-id"))!;
}

/** The subjects of the finished messages to `email` in the outbox. */
async function subjectsTo(email: string): Promise<string[]> {
  const files = fs.existsSync(OUTBOX) ? fs.readdirSync(OUTBOX).filter((f) => f.endsWith(".eml")) : [];
  const subjects: string[] = [];
  for (const file of files) {
    const mail = await simpleParser(fs.readFileSync(path.join(OUTBOX, file)));
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    if (to?.value[0]?.address === email) subjects.push(mail.subject ?? "");
  }
  return subjects.sort();
}

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

    const expected = (["SHIPPED", "HELD_AT_CUSTOMS", "OUT_FOR_DELIVERY", "DELIVERED"] as const).map((kind) => text(`parcelMail.subject.${kind}`).replace("{number}", order!.number)).sort();
    // The order confirmation went to the same address; every other message is a notice.
    const confirmation = text("mail.orderConfirmation.subject").replace("{number}", order!.number);
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
