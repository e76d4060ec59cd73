/**
 * Steps several end-to-end suites share: reading the store's database and its mail
 * outbox, and a guest's purchase paid on the Stripe sandbox's hosted page.
 */
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import pg from "pg";
import { expect, type Locator, type Page } from "@playwright/test";

export const SANDBOX_ORIGIN = new URL(process.env.STRIPE_SANDBOX_URL ?? "http://127.0.0.1:12111").origin;

/** One query against the store under test's database. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export interface GuestPurchase {
  locale?: string;
  /** The products' slugs, one unit each. */
  slugs: readonly string[];
  /** Checkout's address fields by name (those the country's form has are filled) and the email. */
  address: Record<string, string>;
  country?: string;
  region?: string;
}

/**
 * Presses an "Add to cart" button and waits for the store's answer to it (a fetch with
 * JavaScript, a form post without), so that the next navigation cannot cut the request off.
 */
export async function addToCart(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === "/api/cart" && r.request().method() === "POST"), button.click()]);
  await page.waitForLoadState("networkidle");
}

/** Adds the products, checks out to a Japanese (or `country`) address and pays with the test card; the page ends on the paid order's confirmation. */
export async function buyAsGuest(page: Page, purchase: GuestPurchase): Promise<{ orderId: string; number: string }> {
  const locale = purchase.locale ?? "en";
  const country = purchase.country ?? "JP";
  for (const slug of purchase.slugs) {
    await page.goto(`/${locale}/products/${slug}`);
    await addToCart(page, page.getByTestId("add-to-cart").getByRole("button").first());
  }
  await page.goto(`/${locale}/checkout`);
  const select = page.locator("select[name=country]");
  if ((await select.inputValue()) !== country) {
    await select.selectOption(country);
    await page.locator("button[value=update]").click();
    await expect(select).toHaveValue(country);
  }
  for (const [name, value] of Object.entries(purchase.address)) {
    const field = page.locator(`input[name=${name}]`);
    if ((await field.count()) > 0) await field.fill(value);
  }
  if (purchase.region ?? country === "JP") await page.locator("select[name=region]").selectOption(purchase.region ?? "26");
  await page.locator("button[value=update]").click();
  await expect(page.getByTestId("checkout-invalid")).toHaveCount(0);
  await page.getByTestId("accept-terms").check();
  await page.getByTestId("pay").click();
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_ORIGIN}/pay/cs_test_`));
  await page.locator("[name=card_number]").fill("4242424242424242");
  await page.locator("[name=card_expiry]").fill("12 / 34");
  await page.locator("[name=card_cvc]").fill("123");
  await page.locator("[name=name]").fill("Test Buyer");
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/checkout/complete\\?order=`));
  await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");
  return {
    orderId: (await page.getByTestId("order").getAttribute("data-order-id"))!,
    number: (await page.getByTestId("order-number").textContent())!.trim(),
  };
}

/** Where the store under test writes mail (CARAVAN_OUTBOX_DIR's default, relative to the store's folder). */
export const OUTBOX = path.resolve(".data/outbox");

/** The subjects of the finished messages to `email` in the outbox, sorted. */
export async function subjectsTo(email: string): Promise<string[]> {
  // Only finished messages: the outbox writes `<name>.eml.partial` and renames it when complete.
  const files = fs.existsSync(OUTBOX) ? fs.readdirSync(OUTBOX).filter((f) => f.endsWith(".eml")) : [];
  const subjects: string[] = [];
  for (const file of files) {
    const mail = await simpleParser(fs.readFileSync(path.join(OUTBOX, file)));
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    if (to?.value[0]?.address === email) subjects.push(mail.subject ?? "");
  }
  return subjects.sort();
}
