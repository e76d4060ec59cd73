import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import sharp from "sharp";
import type { Page } from "@playwright/test";
import { test, expect, expectAccessible } from "./fixtures";
import { DEMO, signIn, turnOnTwoFactor } from "./sign-in";
import { messages, text } from "./messages";

/**
 * Opening a shop end to end: a new account signs up, follows the verification link
 * from the mail outbox, signs in, fills the onboarding form, turns on two-factor sign-in
 * (payouts need it), connects payouts on the
 * Stripe sandbox's onboarding page; the operator approves the shop and the seller's
 * overview shows it live. And the onboarding form in Arabic without JavaScript.
 */
const en = messages("en");
const ar = messages("ar");
// The store under test writes mail here (CARAVAN_OUTBOX_DIR's default, relative to the store's folder).
const OUTBOX = path.resolve(".data/outbox");
const PASSWORD = "a-long-enough-password";

async function verificationLink(email: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    // Only finished messages: the outbox writes `<name>.eml.partial` and renames it when complete.
    const files = fs.existsSync(OUTBOX) ? fs.readdirSync(OUTBOX).filter((f) => f.endsWith(".eml")).sort().reverse() : [];
    for (const file of files) {
      const mail = await simpleParser(fs.readFileSync(path.join(OUTBOX, file)));
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      if (to?.value[0]?.address === email) return mail.text!.match(/https?:\/\/\S+/)![0];
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no verification mail to ${email}`);
}

/** Signs up through the sign-up page and verifies the address through the mailed link; answers the new account. */
async function newAccount(page: Page, locale: string, name: string): Promise<{ email: string; password: string }> {
  const email = `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await page.goto(`/${locale}/sign-up`);
  await page.locator("#sign-up-email").fill(email);
  await page.locator("#sign-up-password").fill(PASSWORD);
  await page.locator("#sign-up-repeat").fill(PASSWORD);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in\\?sent=1`));
  // The link names the store's public URL; follow its path on the store under test.
  const link = new URL(await verificationLink(email));
  const verified = await page.request.get(link.pathname + link.search, { maxRedirects: 0 });
  expect(verified.status()).toBe(302);
  expect(verified.headers().location).toContain("verified=1");
  return { email, password: PASSWORD };
}

async function fillOnboarding(page: Page, shop: { legalName: string; name: string; abn?: string }) {
  await page.locator("#seller-legal-name").fill(shop.legalName);
  await page.locator("#seller-display-name").fill(shop.name);
  await page.locator("#seller-country").selectOption("DE");
  await page.locator("#seller-currency").selectOption("EUR");
  await page.locator("#seller-language-de").check();
  await page.locator("#seller-original-language").selectOption("de");
  await page.locator("#seller-ship-from").fill("Lindenstraße 4\n10969 Berlin");
  await page.locator("#seller-return-days").fill("30");
  await page.locator("#seller-return-payer").selectOption("SELLER");
  await page.locator("#seller-vat").fill("DE123456789");
  await page.locator("#seller-abn").fill(shop.abn ?? "");
  await page.locator("#seller-trader-yes").check();
}

test.describe("seller onboarding", () => {
  test("a new account opens a shop, connects payouts, goes live once the operator approves it, and lists a photographed product in two languages", async ({ page, browser, shipTo }) => {
    test.setTimeout(240_000);
    const account = await newAccount(page, "en", "new-seller");
    await signIn(page, account, { returnTo: "/en/seller" });
    // Not a seller yet: an introduction and the way in.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(en, "onboarding.overview.introTitle"));
    await page.getByRole("link", { name: text(en, "onboarding.overview.start") }).click();
    await expect(page).toHaveURL(/\/en\/seller\/onboarding$/);
    await expectAccessible(page);

    const stamp = Date.now().toString(36);
    const name = `Rosterei Test ${stamp}`;
    await fillOnboarding(page, { legalName: `Rösterei Test ${stamp} GmbH`, name });
    await page.getByRole("button", { name: text(en, "onboarding.submit") }).click();
    await expect(page).toHaveURL(/\/en\/seller\?done=created$/);
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "onboarding.done.created"));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByTestId("seller-status")).toHaveAttribute("data-status", "PENDING");
    await expect(page.getByTestId("seller-payouts")).toHaveAttribute("data-ready", "false");
    await expectAccessible(page);
    // Pending: the shop's page is not there for buyers.
    const handle = `rosterei-test-${stamp}`;
    expect((await page.request.get(`/en/sellers/${handle}`)).status()).toBe(404);
    // A member opens no second shop: onboarding sends them to their overview.
    await page.goto("/en/seller/onboarding");
    await expect(page).toHaveURL(/\/en\/seller$/);

    // Payouts need two-factor sign-in: turned on on the way, then back to the overview.
    await page.getByTestId("two-factor-needed").getByRole("link").click();
    await turnOnTwoFactor(page, account.password);
    await page.getByTestId("two-factor-resume").click();
    await expect(page).toHaveURL(/\/en\/seller$/);
    // Payouts on the sandbox's hosted onboarding page, and back.
    await page.getByRole("button", { name: text(en, "onboarding.overview.connect") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
    await page.getByRole("button", { name: "Submit test details" }).click();
    await expect(page).toHaveURL(/\/en\/seller\/settings\?done=payoutsConnected$/);
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "onboarding.done.payoutsConnected"));
    await expect(page.getByTestId("seller-payouts")).toHaveAttribute("data-ready", "true");
    await expectAccessible(page);
    // Settings: the return policy edited and saved.
    await expect(page.locator("#seller-display-name")).toHaveValue(name);
    await expect(page.locator("#seller-original-language")).toHaveValue("de");
    await page.locator("#seller-return-days").fill("45");
    await page.getByRole("button", { name: text(en, "onboarding.settings.save") }).click();
    await expect(page).toHaveURL(/\/en\/seller\/settings\?done=saved$/);
    await expect(page.locator("#seller-return-days")).toHaveValue("45");

    // The operator approves the shop from the list of pending ones.
    const context = await browser.newContext();
    const operator = await context.newPage();
    await signIn(operator, DEMO.operator, { returnTo: "/en/admin/sellers?status=PENDING" });
    const row = operator.getByTestId("admin-sellers").locator("tr", { hasText: name });
    await expect(row.locator("td[data-status]")).toHaveAttribute("data-status", "PENDING");
    await expectAccessible(operator);
    await row.getByRole("link", { name }).click();
    await expect(operator.getByTestId("admin-seller-status")).toHaveAttribute("data-status", "PENDING");
    await operator.locator("#approve-reason").fill("Documents checked");
    await operator.getByRole("button", { name: text(en, "adminSellers.detail.approve") }).click();
    await expect(operator.getByTestId("panel-done")).toHaveText(text(en, "adminSellers.done.approved"));
    await expect(operator.getByTestId("admin-seller-status")).toHaveAttribute("data-status", "ACTIVE");
    await expectAccessible(operator);
    await context.close();

    // The seller's overview says it is live, and the shop's page is there for buyers.
    await page.goto("/en/seller");
    await expect(page.getByTestId("seller-status")).toHaveAttribute("data-status", "ACTIVE");
    await expect(page.getByTestId("seller-status")).toHaveText(text(en, "onboarding.overview.statusName.ACTIVE"));
    // Live at once: the shop's page answers without waiting for any cache to expire.
    expect((await page.request.get(`/en/sellers/${handle}`)).status()).toBe(200);

    // The new shop's first product: German first (the shop's original language), then English.
    const slug = `roestkaffee-${stamp}`;
    await page.goto("/en/seller/products/new");
    await page.locator("#slug").fill(slug);
    await page.locator("#categoryId").selectOption("cat_coffee_tea");
    await page.locator("#hsCode").fill("0901.21");
    await page.locator("#originCountry").fill("DE");
    await page.locator("#weightGrams").fill("250");
    await page.getByRole("button", { name: text(en, "sellerProducts.create") }).click();
    await expect(page).toHaveURL(/\/en\/seller\/products\/prd_[^/?]+\?done=created$/);
    const productPath = new URL(page.url()).pathname;
    await page.locator("#title-de").fill("Röstkaffee Berlin, 250 g");
    await page.locator("#description-de").fill("Ganze Bohnen, in kleinen Mengen in Berlin geröstet.");
    await page.locator("#title-en").fill("Berlin roast coffee, 250 g");
    await page.locator("#description-en").fill("Whole beans, roasted in small batches in Berlin.");
    await page.getByRole("button", { name: text(en, "sellerProducts.saveTranslations") }).click();
    await expect(page.getByTestId("translation-completeness")).toContainText("2 of 8 languages");
    await page.locator("#new-sku").fill(`RB-${stamp}`.toUpperCase());
    await page.locator("#new-price").fill("14.90");
    await page.locator("#new-stock").fill("40");
    await page.getByRole("button", { name: text(en, "sellerProducts.add"), exact: true }).click();
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "sellerProducts.notice.variantAdded"));

    // Its photo, checked and resized in the background.
    await page.goto(`${productPath}/media`);
    const png = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 120, g: 70, b: 30 } } }).png().toBuffer();
    await page.locator("#media-image-file").setInputFiles({ name: "beans.png", mimeType: "image/png", buffer: png });
    await page.locator("#media-image-file").locator("xpath=ancestor::form").locator("button[type=submit]").click();
    await expect(page).toHaveURL(/done=imageUploaded/);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("media-image").last()).toHaveAttribute("data-status", "READY", { timeout: 1_000 });
    }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 3_000] });

    await page.goto(productPath);
    await page.getByRole("button", { name: text(en, "sellerProducts.activate") }).click();
    await expect(page.getByTestId("product-status")).toHaveAttribute("data-status", "ACTIVE");

    // In the store at once, in both languages, with the photo, priced in two markets.
    await page.goto(`/de/products/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Röstkaffee Berlin, 250 g");
    await expect(page.locator(".gallery-track picture").first()).toBeVisible();
    const price = page.locator(".product-price [data-testid=price]");
    await shipTo("DE");
    await expect(price).toHaveAttribute("data-currency", "EUR");
    await page.goto(`/en/products/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Berlin roast coffee, 250 g");
    await shipTo("JP");
    await expect(price).toHaveAttribute("data-currency", "JPY");
    await expect(page.locator(".gallery-track picture").first()).toBeVisible();

    // Suspended by the operator, the shop and its product leave the store at once.
    const again = await browser.newContext();
    const operatorAgain = await again.newPage();
    await signIn(operatorAgain, DEMO.operator, { returnTo: "/en/admin/sellers" });
    await operatorAgain.getByTestId("admin-sellers").locator("tr", { hasText: name }).getByRole("link", { name }).click();
    await operatorAgain.locator("#suspend-reason").fill("Complaints under review");
    await operatorAgain.getByRole("button", { name: text(en, "adminSellers.detail.suspend") }).click();
    await expect(operatorAgain.getByTestId("admin-seller-status")).toHaveAttribute("data-status", "SUSPENDED");
    await again.close();
    expect((await page.request.get(`/en/products/${slug}`)).status()).toBe(404);
    expect((await page.request.get(`/de/products/${slug}`)).status()).toBe(404);
    expect((await page.request.get(`/en/sellers/${handle}`)).status()).toBe(404);
  });

  test.describe("without JavaScript, in Arabic", () => {
    test.use({ javaScriptEnabled: false });
    test("the onboarding form works right to left, refuses a bad ABN in Arabic, then opens the shop", async ({ page }) => {
      test.setTimeout(90_000);
      const account = await newAccount(page, "ar", "arabic-seller");
      await signIn(page, account, { locale: "ar", returnTo: "/ar/seller/onboarding" });
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(ar, "onboarding.title"));
      const stamp = Date.now().toString(36);
      await fillOnboarding(page, { legalName: `متجر التوابل ${stamp}`, name: `Souk Spices ${stamp}`, abn: "51 824 753 557" });
      await page.getByRole("button", { name: text(ar, "onboarding.submit") }).click();
      await expect(page).toHaveURL(/\/ar\/seller\/onboarding\?error=INVALID_ABN$/);
      await expect(page.getByTestId("panel-error")).toHaveText(text(ar, "panel.error.INVALID_ABN"));
      await fillOnboarding(page, { legalName: `متجر التوابل ${stamp}`, name: `Souk Spices ${stamp}`, abn: "51 824 753 556" });
      await page.getByRole("button", { name: text(ar, "onboarding.submit") }).click();
      await expect(page).toHaveURL(/\/ar\/seller\?done=created$/);
      await expect(page.getByTestId("seller-status")).toHaveText(text(ar, "onboarding.overview.statusName.PENDING"));
    });
  });
});
