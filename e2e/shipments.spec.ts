import type { Page } from "@playwright/test";
import { expectAccessible, test, expect } from "./fixtures";
import { signIn, DEMO } from "./sign-in";
import { JAPANESE_PRODUCT } from "./catalogue-data";
import { pdfText } from "../lib/server/contracts/test-support";
import { money, toDecimalString } from "../lib/domain/money";
import { SELLERS } from "../prisma/seed-data";
import { buyAsGuest, query } from "./journeys";

/**
 * The seller's shipments: a guest buys from the Kyoto tea seller and pays on the
 * sandbox; the seller creates a shipment with the simulated carrier's tracking number,
 * downloads its customs declaration (HS codes, values and origin in the PDF's text),
 * adds a manual "in transit" update, and the section reads right to left in Arabic on
 * a phone.
 */
const JP_ADDRESS = { name: "Hanako Yamada", line1: "Karasuma-dori Nijo 123", postalCode: "6040000", phone: "090-1234-5678", email: "hanako@example.jp" };
const handleOf = (sellerId: string) => SELLERS.find((s) => s.id === sellerId)!.handle;

/** A guest's paid order of the Japanese product; its number. */
const buy = async (page: Page): Promise<string> => (await buyAsGuest(page, { slugs: [JAPANESE_PRODUCT.slug], address: JP_ADDRESS })).number;

test.describe("seller shipments", () => {
  test("after a buyer's paid order, the seller ships it with the simulated carrier, downloads the customs declaration, adds an in-transit update; the section works in Arabic on a phone", async ({ page, context, baseURL }) => {
    test.setTimeout(150_000);
    await context.addCookies([{ name: "caravan_market", value: "JP", url: baseURL! }]);
    const number = await buy(page);
    const [sub] = await query<{ id: string; currency: string; goodsMinor: number }>(
      `SELECT s."id", o."currency", l."goodsMinor" FROM "SubOrder" s JOIN "Order" o ON o."id" = s."orderId" JOIN "OrderLine" l ON l."subOrderId" = s."id"
        WHERE o."number" = $1 AND s."sellerId" = $2`,
      [number, JAPANESE_PRODUCT.sellerId],
    );

    await context.clearCookies();
    const orderPath = `/en/seller/orders/${sub!.id}`;
    await signIn(page, DEMO.seller(handleOf(JAPANESE_PRODUCT.sellerId)), { returnTo: orderPath });
    await expect(page).toHaveURL(new RegExp(`${orderPath}$`));
    const section = page.getByTestId("shipments");
    await expect(section.getByRole("heading", { level: 2, name: "Shipments" })).toBeVisible();

    const tracking = `SIM${String(Date.now()).slice(-10)}`;
    await section.getByLabel("Carrier", { exact: true }).selectOption("simulated");
    await section.getByLabel("Tracking number", { exact: true }).fill(tracking.toLowerCase().replace(/^sim/, "sim "));
    await section.getByLabel("Parcel weight in grams", { exact: true }).fill("450");
    await section.getByTestId("shipment-create").click();
    await expect(page.getByTestId("panel-done")).toHaveText("Shipment created.");
    const shipment = page.getByTestId("shipment");
    await expect(shipment).toHaveCount(1);
    await expect(shipment).toHaveAttribute("data-status", "LABEL_CREATED");
    await expect(shipment.getByRole("heading", { level: 3 })).toContainText(tracking);
    await expect(page.getByTestId("shipments-all-shipped")).toBeVisible();
    const shipmentId = (await shipment.getAttribute("data-shipment-id"))!;

    const customs = await page.request.get(`/api/seller/shipments/${shipmentId}/customs-declaration?locale=en`);
    expect(customs.status()).toBe(200);
    expect(customs.headers()["content-type"]).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await customs.body()));
    expect(text).toContain("CN 22");
    expect(text).toContain(JAPANESE_PRODUCT.hsCode!);
    expect(text).toContain(`${toDecimalString(money(sub!.goodsMinor, sub!.currency))} ${sub!.currency}`);
    expect(text).toContain("(JP)");
    expect(text).toContain(tracking);
    const slip = await page.request.get(`/api/seller/shipments/${shipmentId}/packing-slip`);
    expect(slip.status()).toBe(200);
    expect(slip.headers()["content-type"]).toBe("application/pdf");

    // A manual update a moment after the label was created: the form takes whole seconds,
    // so let the second of the label's creation pass first (an update that is not newer
    // is kept as history and does not move the status).
    await page.waitForTimeout(1_100);
    await shipment.getByLabel("Status", { exact: true }).selectOption("IN_TRANSIT");
    await shipment.getByLabel("Time (UTC)", { exact: true }).fill(new Date().toISOString().slice(0, 19));
    await shipment.getByLabel("Place", { exact: true }).fill("Osaka International Exchange");
    await shipment.getByLabel("Carrier's words", { exact: true }).fill("Departed from outward office of exchange");
    await shipment.getByTestId("shipment-update").click();
    await expect(page.getByTestId("panel-done")).toHaveText("Tracking update added.");
    await expect(shipment).toHaveAttribute("data-status", "IN_TRANSIT");
    await expect(shipment.getByTestId("shipment-status")).toContainText("In transit");
    const events = shipment.getByTestId("shipment-event");
    await expect(events).toHaveCount(2);
    await expect(events.nth(1)).toHaveAttribute("data-kind", "IN_TRANSIT");
    await expect(events.nth(1)).toContainText("Departed from outward office of exchange");
    await expectAccessible(page);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/ar/seller/orders/${sub!.id}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 2, name: "الشحنات" })).toBeVisible();
    await expect(page.getByTestId("shipment-status")).toContainText("قيد النقل");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
