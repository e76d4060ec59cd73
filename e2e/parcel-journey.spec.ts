import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { JAPANESE_PRODUCT } from "./catalogue-data";
import { DEMO, signIn } from "./sign-in";
import { pdfText } from "../lib/server/contracts/test-support";
import { defaultCustomsHold } from "../sandbox/carriers/server";
import { SELLERS } from "../prisma/seed-data";
import { buyAsGuest, query, subjectsTo } from "./journeys";
import { messages, text } from "./messages";

/**
 * A parcel from order to doorstep, each step by the one who takes it: a guest in Japan
 * pays; the seller ships it from the seller panel with a tracking number and prints the
 * customs declaration; the carrier (the run's simulator) takes it through a customs hold
 * to delivered; the buyer reads every step on the order page in Japanese and finds it
 * through the public lookup; each notice reaches the outbox once.
 */
const ja = messages("ja");
/** A Japanese message by its dotted key. */
const say = (key: string): string => text(ja, key);
const SIMULATOR = process.env.CARAVAN_CARRIER_SIMULATOR_URL ?? "http://127.0.0.1:12112";
const SELLER = DEMO.seller(SELLERS.find((s) => s.id === JAPANESE_PRODUCT.sellerId)!.handle);

/** A guest's paid order, bought in Japanese; the page ends on the order's confirmation. */
const buy = async (page: Page, email: string): Promise<void> => {
  await buyAsGuest(page, { locale: "ja", slugs: [JAPANESE_PRODUCT.slug], address: { name: "山田 花子", line1: "京都市中京区烏丸通二条下ル 123", postalCode: "6040000", phone: "090-1234-5678", email } });
};

/** A tracking number of the simulated carrier whose parcel the simulator holds at customs. */
function heldTrackingNumber(): string {
  for (let n = Date.now(); ; n++) {
    const candidate = `SIM${String(n).slice(-10)}`;
    if (defaultCustomsHold(candidate)) return candidate;
  }
}

test.describe("parcel journey", () => {
  test("the seller ships a paid order with its customs declaration, the carrier takes it through customs to the door, the buyer follows every step in Japanese and by lookup, and each notice is mailed once", async ({ page, browser, context, baseURL }) => {
    test.setTimeout(180_000);
    await context.addCookies([{ name: "caravan_market", value: "JP", url: baseURL! }]);
    const email = `journey-${Date.now()}@example.jp`;
    await buy(page, email);
    const orderPage = page.url();
    const orderId = (await page.getByTestId("order").getAttribute("data-order-id"))!;
    const number = (await page.getByTestId("order-number").textContent())!.trim();
    const [sub] = await query<{ id: string }>(`SELECT id FROM "SubOrder" WHERE "orderId" = $1 AND "sellerId" = $2`, [orderId, JAPANESE_PRODUCT.sellerId]);

    // The seller ships it from the panel and prints the customs declaration.
    const sellerContext = await browser.newContext();
    const seller = await sellerContext.newPage();
    await signIn(seller, SELLER, { returnTo: `/en/seller/orders/${sub!.id}` });
    const section = seller.getByTestId("shipments");
    const tracking = heldTrackingNumber();
    await section.getByLabel("Carrier", { exact: true }).selectOption("simulated");
    await section.getByLabel("Tracking number", { exact: true }).fill(tracking);
    await section.getByLabel("Parcel weight in grams", { exact: true }).fill("450");
    await section.getByTestId("shipment-create").click();
    await expect(seller.getByTestId("panel-done")).toHaveText("Shipment created.");
    const shipmentId = (await seller.getByTestId("shipment").getAttribute("data-shipment-id"))!;
    const customs = await seller.request.get(`/api/seller/shipments/${shipmentId}/customs-declaration?locale=en`);
    expect(customs.status()).toBe(200);
    const declaration = await pdfText(new Uint8Array(await customs.body()));
    expect(declaration).toContain("CN 22");
    expect(declaration).toContain(JAPANESE_PRODUCT.hsCode!);
    expect(declaration).toContain("(JP)");
    expect(declaration).toContain(tracking);
    await sellerContext.close();

    // The carrier: the shipment was registered with the simulator when it was created; step it to the door.
    await expect.poll(async () => (await fetch(`${SIMULATOR}/v1/shipments/${tracking}`)).status, { timeout: 15_000 }).toBe(200);
    for (let step = 0; step < 12; step++) {
      const state = (await (await fetch(`${SIMULATOR}/v1/shipments/${tracking}`)).json()) as { status: string };
      if (state.status === "DELIVERED") break;
      expect((await fetch(`${SIMULATOR}/v1/shipments/${tracking}/advance`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(200);
    }
    await expect.poll(async () => (await query<{ status: string }>(`SELECT status::text FROM "Shipment" WHERE id = $1`, [shipmentId]))[0]!.status, { timeout: 15_000 }).toBe("DELIVERED");

    // The buyer's order page, in Japanese: every step, newest first, delivered on top.
    await page.goto(orderPage);
    const shipment = page.getByTestId("shipment");
    await expect(shipment.getByTestId("shipment-tracking-number")).toHaveText(tracking);
    await expect(shipment.getByTestId("shipment-status")).toContainText(say("tracking.status.DELIVERED"));
    const steps = ["DELIVERED", "OUT_FOR_DELIVERY", "RELEASED_BY_CUSTOMS", "HELD_AT_CUSTOMS", "ARRIVED_IN_DESTINATION", "IN_TRANSIT", "PICKED_UP", "LABEL_CREATED"];
    await expect(shipment.getByTestId("tracking-event-status")).toHaveText(steps.map((s) => say(`tracking.status.${s}`)));
    await expectAccessible(page);

    // A guest with only the number and the email finds the same steps.
    await page.goto("/ja/orders/lookup");
    await page.getByLabel(say("tracking.lookup.number"), { exact: true }).fill(number);
    await page.getByLabel(say("tracking.lookup.email"), { exact: true }).fill(email);
    await page.getByRole("button", { name: say("tracking.lookup.submit") }).click();
    await expect(page.getByTestId("lookup-result")).toBeVisible();
    await expect(page.getByTestId("lookup-result").getByTestId("tracking-event-status")).toHaveText(steps.map((s) => say(`tracking.status.${s}`)));

    // Each notice once: shipped, held at customs, out for delivery, delivered.
    const expected = (["SHIPPED", "HELD_AT_CUSTOMS", "OUT_FOR_DELIVERY", "DELIVERED"] as const).map((kind) => say(`parcelMail.subject.${kind}`).replace("{number}", number)).sort();
    const confirmation = say("mail.orderConfirmation.subject").replace("{number}", number);
    const notices = async () => (await subjectsTo(email)).filter((s) => !s.includes(confirmation));
    await expect.poll(notices, { timeout: 30_000 }).toEqual(expected);
  });
});
