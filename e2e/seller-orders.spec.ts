import type { Page } from "@playwright/test";
import { expectAccessible, test, expect } from "./fixtures";
import { signIn, DEMO } from "./sign-in";
import { GERMAN_PRODUCT, JAPANESE_PRODUCT } from "./catalogue-data";
import { SELLERS } from "../prisma/seed-data";
import { buyAsGuest, query } from "./journeys";

/**
 * The seller's side of a paid order: a guest buys from a Japanese and a German seller
 * and pays on the sandbox; the Japanese seller signs in, finds the order, opens it
 * (share and commission as checkout computed them), downloads the packing slip and
 * sees the order in payouts; the German seller's parcel stays out of reach; the list
 * works in Arabic on a phone.
 */
const JP_ADDRESS = { name: "Hanako Yamada", line1: "Karasuma-dori Nijo 123", postalCode: "6040000", phone: "090-1234-5678", email: "hanako@example.jp" };
const handleOf = (sellerId: string) => SELLERS.find((s) => s.id === sellerId)!.handle;

/** A guest's paid order for both products; its number. */
const buy = async (page: Page): Promise<string> => (await buyAsGuest(page, { slugs: [JAPANESE_PRODUCT.slug, GERMAN_PRODUCT.slug], address: JP_ADDRESS })).number;

test.describe("seller orders", () => {
  test("after a buyer's paid order, its seller finds it, sees share and commission, downloads the packing slip and sees it in payouts; another seller's parcel is not found; the list works in Arabic on a phone", async ({ page, context, baseURL }) => {
    test.setTimeout(150_000);
    await context.addCookies([{ name: "caravan_market", value: "JP", url: baseURL! }]);
    const number = await buy(page);
    const subs = await query<{ id: string; sellerId: string; sellerShareMinor: number; commissionMinor: number; commissionBps: number }>(
      `SELECT s."id", s."sellerId", s."sellerShareMinor", s."commissionMinor", s."commissionBps" FROM "SubOrder" s JOIN "Order" o ON o."id" = s."orderId" WHERE o."number" = $1`,
      [number],
    );
    const own = subs.find((s) => s.sellerId === JAPANESE_PRODUCT.sellerId)!;
    const other = subs.find((s) => s.sellerId === GERMAN_PRODUCT.sellerId)!;

    await context.clearCookies();
    await signIn(page, DEMO.seller(handleOf(JAPANESE_PRODUCT.sellerId)), { returnTo: "/en/seller/orders" });
    const row = page.getByTestId("seller-order-row").filter({ hasText: number });
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute("data-status", "PAID");
    await expect(page.locator(`[data-testid="seller-order-row"][data-sub-order-id="${other.id}"]`)).toHaveCount(0);

    // Filters are a plain GET form.
    await page.locator("#filter-status").selectOption("DELIVERED");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=DELIVERED/);
    await expect(page.getByTestId("seller-order-row").filter({ hasText: number })).toHaveCount(0);
    await page.goto("/en/seller/orders?status=PAID&destination=JP");
    await row.getByRole("link", { name: number }).click();

    await expect(page).toHaveURL(new RegExp(`/en/seller/orders/${own.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${number}`);
    await expect(page.getByTestId("seller-order-share")).toHaveAttribute("data-amount-minor", String(own.sellerShareMinor));
    await expect(page.getByTestId("seller-order-commission")).toHaveAttribute("data-amount-minor", String(own.commissionMinor));
    await expect(page.getByTestId("seller-order-commission")).toHaveAttribute("data-bps", String(own.commissionBps));
    await expect(page.getByTestId("seller-order-ship-to")).toContainText("Hanako Yamada");
    await expect(page.getByTestId("seller-order-ship-to")).not.toContainText("hanako@example.jp");
    await expect(page.getByTestId("seller-order-incoterm")).toHaveAttribute("data-incoterm", /^(DDP|DAP)$/);
    await expectAccessible(page);

    const slip = await page.request.get(`/api/seller/orders/${own.id}/packing-slip`);
    expect(slip.status()).toBe(200);
    expect(slip.headers()["content-type"]).toBe("application/pdf");
    expect((await slip.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((await page.request.get(`/api/seller/orders/${other.id}/packing-slip`)).status()).toBe(404);
    expect((await page.goto(`/en/seller/orders/${other.id}`))!.status()).toBe(404);

    await page.goto("/en/seller/payouts");
    const payout = page.locator(`[data-testid="payout-row"][data-sub-order-id="${own.id}"]`);
    await expect(payout).toBeVisible();
    await expect(payout.getByTestId("payout-share")).toHaveAttribute("data-amount-minor", String(own.sellerShareMinor));
    await expect(page.locator(`[data-testid="payout-row"][data-sub-order-id="${other.id}"]`)).toHaveCount(0);
    await expect(page.getByTestId("payout-month").first()).toBeVisible();
    await expectAccessible(page);
    const csv = await page.request.get("/api/seller/payouts/csv?locale=en");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(number);

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/ar/seller/orders");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByTestId("seller-order-row").filter({ hasText: number })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
