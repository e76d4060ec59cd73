import { execFileSync } from "node:child_process";
import pg from "pg";
import Stripe from "stripe";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { GERMAN_PRODUCT } from "./catalogue-data";
import { PRODUCTS, SELLERS } from "../prisma/seed-data";
import { pdfText } from "../lib/server/contracts/test-support";
import { messages, text } from "./messages";
import { addToCart } from "./journeys";

/**
 * The electronic contract end to end: the terms accepted at checkout, the order's copy
 * of them, and withdrawal online with its acknowledgement and, once the seller has the
 * return, the refund and the transfer reversal at the sandbox.
 */
const de = messages("de");
const en = messages("en");
const FRENCH = PRODUCTS.find((p) => SELLERS.find((s) => s.id === p.sellerId)?.country === "FR" && p.kind === "PHYSICAL")!;
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

async function buy(page: Page, locale: string, country: string, slugs: string[], address: Record<string, string>, addLabel: string) {
  for (const slug of slugs) {
    await page.goto(`/${locale}/products/${slug}`);
    await addToCart(page, page.getByTestId("add-to-cart").getByRole("button", { name: addLabel }));
  }
  await page.goto(`/${locale}/checkout`);
  if ((await page.locator("select[name=country]").inputValue()) !== country) {
    await page.locator("select[name=country]").selectOption(country);
    await page.locator("button[value=update]").click();
    await expect(page.locator("select[name=country]")).toHaveValue(country);
  }
  for (const [name, value] of Object.entries(address)) {
    const field = page.locator(`input[name=${name}]`);
    if ((await field.count()) > 0) await field.fill(value);
  }
  await page.locator("button[value=update]").click();
}

async function pay(page: Page) {
  await expect(page).toHaveURL(/\/pay\/cs_test_/);
  await page.locator("[name=card_number]").fill("4242424242424242");
  await page.locator("[name=card_expiry]").fill("12 / 34");
  await page.locator("[name=card_cvc]").fill("123");
  await page.locator("[name=name]").fill("Lena Fischer");
  await page.locator("form button[type=submit]").click();
  await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");
}

const DE_ADDRESS = { name: "Lena Fischer", line1: "Torstraße 12", postalCode: "10119", city: "Berlin", phone: "+49 1512 3456789", email: "lena@example.de" };

test.describe("the contract of sale", () => {
  test("a buyer in German accepts the EU terms, pays, keeps the accepted terms, withdraws one of two items online, and is refunded once the seller has it back", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "caravan_market", value: "DE", url: baseURL! }]);
    await buy(page, "de", "DE", [GERMAN_PRODUCT.slug, FRENCH.slug], DE_ADDRESS, text(de, "product.addToCart"));
    await expect(page.getByTestId("contract-text")).toContainText("Messerschmiede Hollerbach GmbH");
    await expect(page.getByTestId("contract-text")).toHaveAttribute("lang", "de");
    await expect(page.getByTestId("pay")).toHaveText(text(de, "checkout.terms.payButton"));

    // Without the box ticked, nothing is ordered.
    await page.getByTestId("pay").click();
    await expect(page.getByTestId("checkout-error")).toHaveText(text(de, "checkout.error.TERMS_NOT_ACCEPTED"));
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await pay(page);

    const contract = page.getByTestId("order-contract");
    await expect(contract).toHaveAttribute("data-verified", "true");
    await expect(page.getByTestId("order-contract-text")).toContainText("Atelier Lavande & Lin SARL");
    // The durable copy: a PDF of the accepted terms with the buyer's name and the order number.
    const pdf = await page.request.get((await page.getByTestId("contract-pdf").getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const pdfContent = await pdfText(new Uint8Array(await pdf.body()));
    expect(pdfContent).toContain("Lena Fischer");
    expect(pdfContent).toContain((await page.getByTestId("order-number").textContent())!);
    expect(pdfContent).toMatch(/Widerruf/);
    await page.getByTestId("withdraw-link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(de, "withdrawal.title"));
    const items = page.getByTestId("withdrawable-item");
    await expect(items).toHaveCount(2);
    await items.first().locator("select").selectOption("1");
    await page.getByTestId("withdrawal-continue").click();
    await expect(page.getByTestId("withdrawal-review")).toContainText("1 ×");
    await page.getByTestId("confirm-withdrawal").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(de, "withdrawal.ackHeading"));
    await expect(page.getByTestId("withdrawal-ack-time")).toContainText("2026");

    const orderId = new URL(page.url()).searchParams.get("order")!;
    const [withdrawal] = await query<{ id: string; refundMinor: number; subOrderId: string }>(`SELECT id, "refundMinor", "subOrderId" FROM "Withdrawal" WHERE "orderId" = $1`, [orderId]);
    const [number] = await query<{ number: string }>(`SELECT number FROM "Order" WHERE id = $1`, [orderId]);
    // The seller marks the return received.
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/orders-return-received.ts", withdrawal!.id], { env: process.env, stdio: "pipe" });
    const [after] = await query<{ status: string; refundId: string; reversalId: string | null }>(`SELECT status, "refundId", "reversalId" FROM "Withdrawal" WHERE id = $1`, [withdrawal!.id]);
    expect(after!.status).toBe("REFUNDED");
    expect((await stripe.refunds.retrieve(after!.refundId)).amount).toBe(withdrawal!.refundMinor);
    expect(after!.reversalId).toMatch(/^trr_/);
    expect(number!.number).toMatch(/^CV-/);
  });

  test("a buyer in the United States sees no statutory withdrawal, only the seller's return policy", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "caravan_market", value: "US", url: baseURL! }]);
    await buy(page, "en", "US", [GERMAN_PRODUCT.slug], { name: "Sam Rivera", line1: "410 NW 10th Ave", city: "Portland", postalCode: "97209", phone: "+1 503 555 0142", email: "sam@example.com" }, text(en, "product.addToCart"));
    await page.locator("select[name=region]").selectOption("OR");
    await page.locator("button[value=update]").click();
    await expect(page.getByTestId("contract-text")).toContainText("30");
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await pay(page);
    await expect(page.getByTestId("withdraw-link")).toHaveCount(0);
    const orderId = new URL(page.url()).searchParams.get("order")!;
    const key = new URL(page.url()).searchParams.get("key")!;
    await page.goto(`/en/checkout/withdraw?order=${orderId}&key=${key}`);
    await expect(page.getByTestId("no-statutory-withdrawal")).toHaveText(text(en, "withdrawal.noRight"));
    // The owner's check of the acceptance record.
    const check = await page.request.get(`/api/orders/${orderId}/contract/verify?key=${key}`);
    expect(await check.json()).toMatchObject({ ok: true });
    expect((await page.request.get(`/api/orders/${orderId}/contract/verify?key=${"x".repeat(32)}`)).status()).toBe(404);
  });
});
