import pg from "pg";
import Stripe from "stripe";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { GERMAN_PRODUCT, JAPANESE_PRODUCT } from "./catalogue-data";
import { PRODUCTS } from "../prisma/seed-data";
import { messages, text } from "./messages";
import { addToCart as pressAddToCart } from "./journeys";

/**
 * Checkout end to end: the store's pages in Chromium, payment on the local Stripe
 * sandbox's hosted page (the run's own sandbox, which sends its signed webhooks to the
 * store under test), and the outcome read back from the store and the sandbox.
 */
const ja = messages("ja");
const ar = messages("ar");
const en = messages("en");

const EBOOK = PRODUCTS.find((p) => p.kind === "DIGITAL" && p.taxCategory === "EBOOK")!;
const sandboxUrl = new URL(process.env.STRIPE_SANDBOX_URL ?? "http://127.0.0.1:12111");
const stripe = new Stripe("sk_test_sandbox", { host: sandboxUrl.hostname, port: Number(sandboxUrl.port), protocol: "http", maxNetworkRetries: 0 });

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function addToCart(page: Page, locale: string, slug: string, label: string) {
  await page.goto(`/${locale}/products/${slug}`);
  await pressAddToCart(page, page.getByTestId("add-to-cart").getByRole("button", { name: label }));
}

const JP_ADDRESS = { name: "山田 花子", line1: "京都市中京区烏丸通二条下ル 123", postalCode: "6040000", phone: "090-1234-5678", email: "hanako@example.jp" };
const KW_ADDRESS = { name: "فاطمة العلي", line1: "Block 3, Street 12, House 7", city: "Salmiya", postalCode: "20001", phone: "+965 5123 4567", email: "fatima@example.com" };

async function fillAddress(page: Page, country: string, address: Record<string, string>, region?: string) {
  const select = page.locator("select[name=country]");
  if ((await select.inputValue()) !== country) {
    // Changing the country re-quotes; the fields then follow the new country's format.
    await select.selectOption(country);
    await page.locator("button[value=update]").click();
    await expect(page.locator("select[name=country]")).toHaveValue(country);
  }
  // Only the fields the country's format has (a Japanese address has no separate city line).
  for (const [name, value] of Object.entries(address)) {
    const field = page.locator(`input[name=${name}]`);
    if ((await field.count()) > 0) await field.fill(value);
  }
  if (region) await page.locator("select[name=region]").selectOption(region);
}

async function payOnSandbox(page: Page, card: string) {
  await expect(page).toHaveURL(new RegExp(`^${sandboxUrl.origin}/pay/cs_test_`));
  await page.locator("[name=card_number]").fill(card);
  await page.locator("[name=card_expiry]").fill("12 / 34");
  await page.locator("[name=card_cvc]").fill("123");
  await page.locator("[name=name]").fill("Test Buyer");
  await page.locator("form button[type=submit]").click();
}

test.describe("checkout", () => {
  test("a guest in Japan buys from a Japanese and a German seller and an e-book, pays in yen with 4242, and sees the order, its parcels and duties; both sellers are transferred their shares", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "caravan_market", value: "JP", url: baseURL! }]);
    for (const product of [JAPANESE_PRODUCT, GERMAN_PRODUCT, EBOOK]) await addToCart(page, "ja", product.slug, text(ja, "product.addToCart"));
    await page.goto("/ja/cart");
    await page.getByTestId("go-to-checkout").click();
    await expect(page).toHaveURL(/\/ja\/checkout$/);
    await expect(page.getByTestId("test-mode")).toBeVisible();
    await fillAddress(page, "JP", JP_ADDRESS, "26");
    await page.locator("button[value=update]").click();
    await expect(page.getByTestId("checkout-invalid")).toHaveCount(0);
    const review = page.getByTestId("review-parcel");
    await expect(review).toHaveCount(new Set([JAPANESE_PRODUCT, GERMAN_PRODUCT, EBOOK].map((p) => p.sellerId)).size);
    await expect(page.getByTestId("review-total")).toHaveAttribute("data-currency", "JPY");
    await expect(page.getByTestId("quote-lock")).toBeVisible();
    const total = Number(await page.getByTestId("review-total").getAttribute("data-amount-minor"));
    const parcels = await review.count();

    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await payOnSandbox(page, "4242424242424242");
    await expect(page).toHaveURL(/\/ja\/checkout\/complete\?order=/);
    await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(ja, "order.heading.PAID"));
    await expect(page.getByTestId("order-number")).toHaveText(/^CV-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(page.getByTestId("order-parcel")).toHaveCount(parcels);
    await expect(page.getByTestId("order-parcel-duty").first()).toBeVisible();
    await expect(page.getByTestId("order-total")).toHaveAttribute("data-amount-minor", String(total));

    const orderId = (await page.getByTestId("order").getAttribute("data-order-id"))!;
    const subs = await query<{ sellerShareMinor: number; transferId: string | null; paymentAccountId: string }>(
      `SELECT "sellerShareMinor", "transferId", "paymentAccountId" FROM "SubOrder" WHERE "orderId" = $1`,
      [orderId],
    );
    await expect.poll(async () => (await stripe.transfers.list({ transfer_group: orderId })).data.length).toBe(subs.length);
    const transfers = (await stripe.transfers.list({ transfer_group: orderId })).data;
    for (const transfer of transfers) {
      const sub = subs.find((s) => s.paymentAccountId === transfer.destination)!;
      expect(transfer.amount).toBe(sub.sellerShareMinor);
      expect(transfer.currency).toBe("jpy");
    }
    // Back to the cart after paying: it no longer holds what was bought.
    await page.goto("/ja/cart");
    await expect(page.getByTestId("cart-line")).toHaveCount(0);
  });

  test("the decline card shows a clear error on the payment page and creates no paid order; leaving returns to a checkout that says nothing was charged", async ({ page }) => {
    await addToCart(page, "en", GERMAN_PRODUCT.slug, text(en, "product.addToCart"));
    await page.goto("/en/checkout");
    await fillAddress(page, "JP", JP_ADDRESS, "26");
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await payOnSandbox(page, "4000000000000002");
    await expect(page.getByRole("alert")).toContainText(/declined/i);
    const sessionId = /cs_test_[A-Za-z0-9]+/.exec(page.url())![0];
    const rows = await query<{ status: string }>(`SELECT o.status FROM "Order" o JOIN "Payment" p ON p."orderId" = o.id WHERE p."sessionId" = $1`, [sessionId]);
    expect(rows[0]!.status).toBe("AWAITING_PAYMENT");
    await page.locator(`a[href$="/cancel"]`).click();
    await expect(page).toHaveURL(/\/en\/checkout\?cancelled=1/);
    await expect(page.getByTestId("checkout-cancelled")).toHaveText(text(en, "checkout.cancelled"));
  });

  test("the authentication card works through its challenge, and the delayed method ends paid", async ({ page }) => {
    await addToCart(page, "en", GERMAN_PRODUCT.slug, text(en, "product.addToCart"));
    await page.goto("/en/checkout");
    await fillAddress(page, "JP", JP_ADDRESS, "26");
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await payOnSandbox(page, "4000002500003155");
    await page.getByRole("button", { name: "Complete authentication" }).click();
    await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");

    await addToCart(page, "en", GERMAN_PRODUCT.slug, text(en, "product.addToCart"));
    await page.goto("/en/checkout");
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await expect(page).toHaveURL(/\/pay\/cs_test_/);
    await page.locator("input[value=bank_transfer]").check();
    await page.locator("form button[type=submit]").click();
    await expect(page.getByTestId("order")).toHaveAttribute("data-status", /PROCESSING|PAID/);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
  });

  test("bad input: a wrong postal code and a missing name are named in the buyer's language, and nothing is charged", async ({ page }) => {
    await addToCart(page, "ja", GERMAN_PRODUCT.slug, text(ja, "product.addToCart"));
    await page.goto("/ja/checkout");
    await fillAddress(page, "JP", { ...JP_ADDRESS, name: "", postalCode: "12" }, "26");
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await expect(page).toHaveURL(/\/ja\/checkout\?error=INVALID_ADDRESS/);
    await expect(page.getByTestId("checkout-error")).toHaveText(text(ja, "checkout.error.INVALID_ADDRESS"));
    await expect(page.locator("[name=postalCode]")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("[name=name]")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(text(ja, "address.error.REQUIRED")).first()).toBeVisible();
  });

  test("an empty cart has nothing to check out", async ({ page }) => {
    await page.goto("/en/checkout");
    await expect(page.getByTestId("checkout-empty")).toBeVisible();
  });
});

test.describe("checkout in Arabic, shipping to Kuwait, on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the same purchase right to left, in Kuwaiti dinar charged in tens of fils", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "caravan_market", value: "KW", url: baseURL! }]);
    for (const product of [GERMAN_PRODUCT, EBOOK]) await addToCart(page, "ar", product.slug, text(ar, "product.addToCart"));
    await page.goto("/ar/checkout");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await fillAddress(page, "KW", KW_ADDRESS);
    await page.locator("button[value=update]").click();
    await expect(page.getByTestId("review-total")).toHaveAttribute("data-currency", "KWD");
    const total = Number(await page.getByTestId("review-total").getAttribute("data-amount-minor"));
    expect(total % 10).toBe(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await payOnSandbox(page, "4242424242424242");
    await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(ar, "order.heading.PAID"));
    await expect(page.getByTestId("order-total")).toHaveAttribute("data-amount-minor", String(total));
    const orderId = (await page.getByTestId("order").getAttribute("data-order-id"))!;
    const rows = await query<{ amountMinor: number; currency: string; sessionId: string }>(`SELECT "amountMinor", currency, "sessionId" FROM "Payment" WHERE "orderId" = $1`, [orderId]);
    const session = await stripe.checkout.sessions.retrieve(rows[0]!.sessionId);
    expect(session.currency).toBe("kwd");
    // Stripe counts KWD in fils, like the store: the amount shown is the amount charged.
    expect(session.amount_total).toBe(total);
  });
});

test.describe("checkout without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("plain forms reach the sandbox payment page and come back to the order", async ({ page }) => {
    await page.goto(`/en/products/${GERMAN_PRODUCT.slug}`);
    await page.getByTestId("add-to-cart").getByRole("button", { name: text(en, "product.addToCart") }).click();
    await expect(page).toHaveURL(/\/en\/cart$/);
    await page.getByTestId("go-to-checkout").click();
    await page.locator("select[name=country]").selectOption("JP");
    await page.locator("button[value=update]").click();
    await fillAddress(page, "JP", JP_ADDRESS, "26");
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await payOnSandbox(page, "4242424242424242");
    await expect(page).toHaveURL(/\/en\/checkout\/complete\?order=/);
    await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");
  });
});
