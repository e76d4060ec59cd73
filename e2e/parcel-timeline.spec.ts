import type { Page } from "@playwright/test";
import { test, expect, expectAccessible } from "./fixtures";
import { JAPANESE_PRODUCT } from "./catalogue-data";
import { messages, text, type Messages } from "./messages";
import { buyAsGuest, query } from "./journeys";

/**
 * The buyer's parcel tracking end to end: a guest in Japan pays an order; the seller's
 * parcel gets a shipment and three carrier events written straight into the database,
 * arriving out of order (customs hold, release, out for delivery). The guest's order
 * page in Japanese shows each step in Japanese, newest first, with the carrier's own
 * words; the public lookup finds the order by number and email, and a wrong email gets
 * the same "no match" answer as an unknown number; the lookup works in Arabic without
 * JavaScript on a 375 px phone.
 */
const ja = messages("ja");
const ar = messages("ar");

const JP_ADDRESS = { name: "山田 花子", line1: "京都市中京区烏丸通二条下ル 123", postalCode: "6040000", phone: "090-1234-5678", email: "hanako.track@example.jp" };
const STEPS = ["OUT_FOR_DELIVERY", "RELEASED_BY_CUSTOMS", "HELD_AT_CUSTOMS"] as const;
const CARRIER_WORDS = { HELD_AT_CUSTOMS: "Customs: held pending import documents", RELEASED_BY_CUSTOMS: "Cleared by customs at Narita", OUT_FOR_DELIVERY: "With courier for delivery" };

const payAsGuest = async (page: Page) => buyAsGuest(page, { locale: "ja", slugs: [JAPANESE_PRODUCT.slug], address: JP_ADDRESS });

/** A shipment for the order's first parcel and its three events, written newest first so they arrive out of order. */
async function shipWithCustomsHold(orderId: string): Promise<string> {
  const [sub] = await query<{ id: string }>(`SELECT id FROM "SubOrder" WHERE "orderId" = $1 ORDER BY position LIMIT 1`, [orderId]);
  const shipmentId = `shp_e2e_${Date.now()}`;
  const trackingNumber = `EJ${Date.now()}JP`;
  const now = Date.now();
  const at = { HELD_AT_CUSTOMS: new Date(now - 3 * 3600_000), RELEASED_BY_CUSTOMS: new Date(now - 2 * 3600_000), OUT_FOR_DELIVERY: new Date(now - 3600_000) };
  await query(
    `INSERT INTO "Shipment" (id, "subOrderId", carrier, "trackingNumber", "weightGrams", status, "statusAt", "estimatedFrom", "estimatedTo", "previousEstimate", "updatedAt")
     VALUES ($1, $2, 'japan-post', $3, 800, 'OUT_FOR_DELIVERY', $4, $5::date, $5::date, $6::jsonb, now())`,
    [shipmentId, sub!.id, trackingNumber, at.OUT_FOR_DELIVERY, new Date(now + 86_400_000).toISOString().slice(0, 10), JSON.stringify({ from: new Date(now - 86_400_000).toISOString().slice(0, 10), to: new Date(now - 86_400_000).toISOString().slice(0, 10) })],
  );
  for (const [i, kind] of STEPS.entries()) {
    await query(
      `INSERT INTO "TrackingEvent" (id, "shipmentId", carrier, "carrierEventId", source, kind, at, location, "carrierText", "receivedAt")
       VALUES ($1, $2, 'japan-post', $3, 'CARRIER', $4::"ShipmentStatus", $5, $6, $7, $8)`,
      [`trk_${shipmentId}_${i}`, shipmentId, `${shipmentId}-${kind}`, kind, at[kind], kind === "OUT_FOR_DELIVERY" ? "Kyoto" : "Narita", CARRIER_WORDS[kind], new Date(now - 60_000 + i * 1000)],
    );
  }
  return trackingNumber;
}

async function expectTimeline(page: Page, m: Messages, trackingNumber: string) {
  const shipment = page.getByTestId("shipment");
  await expect(shipment).toHaveCount(1);
  await expect(shipment.getByTestId("shipment-tracking-number")).toHaveText(trackingNumber);
  await expect(shipment.getByTestId("shipment-carrier")).toHaveText("Japan Post");
  await expect(shipment.getByTestId("shipment-status")).toContainText(text(m, "tracking.status.OUT_FOR_DELIVERY"));
  await expect(shipment.getByTestId("shipment-estimate-previous")).toBeVisible();
  await expect(shipment.getByTestId("tracking-event-status")).toHaveText(STEPS.map((s) => text(m, `tracking.status.${s}`)));
  const words = shipment.getByTestId("tracking-event-carrier-text");
  await expect(words).toHaveText(STEPS.map((s) => CARRIER_WORDS[s]));
  await expect(words.first()).toHaveAttribute("lang", "und");
  await expect(shipment.locator("ol.tracking-events > li")).toHaveCount(3);
}

test.describe("parcel timeline", () => {
  test.describe.configure({ mode: "serial" });
  let orderNumber = "";
  let trackingNumber = "";

  test("a guest's order page in Japanese shows the parcel's steps in Japanese with the carrier's words, and the lookup finds it; a wrong email and an unknown number get the same answer", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "caravan_market", value: "JP", url: baseURL! }]);
    await payAsGuest(page);
    await expect(page.getByTestId("parcel-not-shipped")).toBeVisible();
    const orderId = (await page.getByTestId("order").getAttribute("data-order-id"))!;
    orderNumber = (await page.getByTestId("order-number").textContent())!.trim();
    trackingNumber = await shipWithCustomsHold(orderId);

    await page.reload();
    await expectTimeline(page, ja, trackingNumber);
    await expect(page.getByTestId("parcel-not-shipped")).toHaveCount(0);
    await expectAccessible(page);

    await page.goto("/ja/orders/lookup");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(ja, "tracking.lookup.title"));
    await page.getByLabel(text(ja, "tracking.lookup.number"), { exact: true }).fill(orderNumber.toLowerCase());
    await page.getByLabel(text(ja, "tracking.lookup.email"), { exact: true }).fill(JP_ADDRESS.email.toUpperCase());
    await page.getByRole("button", { name: text(ja, "tracking.lookup.submit") }).click();
    await expect(page.getByTestId("lookup-result")).toBeVisible();
    expect(page.url()).not.toContain("example");
    expect(new URL(page.url()).searchParams.get("t")).toBeTruthy();
    await expectTimeline(page, ja, trackingNumber);
    await expect(page.getByTestId("lookup-result")).not.toContainText(JP_ADDRESS.line1);
    await expect(page.getByTestId("lookup-result")).not.toContainText(JP_ADDRESS.postalCode);
    await expectAccessible(page);

    const answerFor = async (number: string, email: string) => {
      await page.goto("/ja/orders/lookup");
      await page.getByLabel(text(ja, "tracking.lookup.number"), { exact: true }).fill(number);
      await page.getByLabel(text(ja, "tracking.lookup.email"), { exact: true }).fill(email);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/api/orders/lookup")), page.getByRole("button", { name: text(ja, "tracking.lookup.submit") }).click()]);
      await expect(page.getByTestId("lookup-error")).toBeVisible();
      expect(page.url()).not.toContain("example");
      return { status: response.status(), code: await page.getByTestId("lookup-error").getAttribute("data-code"), text: await page.getByTestId("lookup-error").textContent() };
    };
    const wrongEmail = await answerFor(orderNumber, "someone.else@example.jp");
    const unknownNumber = await answerFor("CV-0000-0000", JP_ADDRESS.email);
    expect(wrongEmail).toEqual({ status: 303, code: "NO_MATCHING_ORDER", text: text(ja, "panel.error.NO_MATCHING_ORDER") });
    expect(unknownNumber).toEqual(wrongEmail);
    await expect(page.getByTestId("lookup-result")).toHaveCount(0);
  });

  test.describe("in Arabic without JavaScript on a phone", () => {
    test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

    test("the lookup finds the order and shows its steps right to left, nothing wider than the screen", async ({ page }) => {
      expect(orderNumber).toMatch(/^CV-/);
      await page.goto("/ar/orders/lookup");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await page.getByLabel(text(ar, "tracking.lookup.number"), { exact: true }).fill(orderNumber);
      await page.getByLabel(text(ar, "tracking.lookup.email"), { exact: true }).fill(JP_ADDRESS.email);
      await page.getByRole("button", { name: text(ar, "tracking.lookup.submit") }).click();
      await expect(page.getByTestId("lookup-result")).toBeVisible();
      await expectTimeline(page, ar, trackingNumber);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);

      await page.goto("/ar/orders/lookup");
      await page.getByLabel(text(ar, "tracking.lookup.number"), { exact: true }).fill("CV-12");
      await page.getByLabel(text(ar, "tracking.lookup.email"), { exact: true }).fill(JP_ADDRESS.email);
      await page.getByRole("button", { name: text(ar, "tracking.lookup.submit") }).click();
      await expect(page.getByTestId("lookup-error")).toHaveText(text(ar, "panel.error.INVALID_ORDER_NUMBER"));
      await expect(page.getByLabel(text(ar, "tracking.lookup.number"), { exact: true })).toHaveValue("CV-12");
    });
  });
});
