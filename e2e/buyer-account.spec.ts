import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { DEMO, signIn } from "./sign-in";
import { GERMAN_PRODUCT } from "./catalogue-data";
import { messages, text } from "./messages";
import { addToCart as pressAddToCart } from "./journeys";

/**
 * The buyer's account end to end, as the demo buyer: the visitor's cart joins the
 * account's on sign-in, a saved address fills in checkout, a paid order appears in the
 * account and opens, and the address book works in Arabic without JavaScript on a phone.
 * One at a time: every test is the same account, with one cart.
 */
const en = messages("en");
const ar = messages("ar");
const GERMAN_SKU = GERMAN_PRODUCT.variants[0]!.sku;

const sandboxOrigin = new URL(process.env.STRIPE_SANDBOX_URL ?? "http://127.0.0.1:12111").origin;

async function addToCart(page: Page, locale: string, slug: string) {
  await page.goto(`/${locale}/products/${slug}`);
  await pressAddToCart(page, page.getByTestId("add-to-cart").getByRole("button", { name: text(locale === "ar" ? ar : en, "product.addToCart") }));
}

async function payOnSandbox(page: Page) {
  await expect(page).toHaveURL(new RegExp(`^${sandboxOrigin}/pay/cs_test_`));
  await page.locator("[name=card_number]").fill("4242424242424242");
  await page.locator("[name=card_expiry]").fill("12 / 34");
  await page.locator("[name=card_cvc]").fill("123");
  await page.locator("[name=name]").fill("Demo Buyer");
  await page.locator("form button[type=submit]").click();
}

const DE_ADDRESS = { name: "Erika Mustermann", line1: "Heidestraße 17", city: "Köln", postalCode: "51147", phone: "+49 221 1234567" };
const KW_ADDRESS = { name: "فاطمة العلي", line1: "Block 3, Street 12, House 7", city: "Salmiya", postalCode: "20001", phone: "+965 5123 4567" };

async function chooseCountry(page: Page, country: string, label: string) {
  await page.locator("#address-country").selectOption(country);
  await page.getByRole("button", { name: label }).click();
  await expect(page.locator("input[type=hidden][name=country]")).toHaveValue(country);
}

test.describe("buyer account", () => {
  test.describe.configure({ mode: "serial" });

  test("a visitor's cart joins the buyer's cart on sign-in", async ({ page }) => {
    await addToCart(page, "en", GERMAN_PRODUCT.slug);
    await page.goto("/en/cart");
    await expect(page.locator(`[data-testid=cart-line][data-sku="${GERMAN_SKU}"]`)).toHaveCount(1);
    await signIn(page, DEMO.buyer, { returnTo: "/en/cart" });
    await expect(page.locator(`[data-testid=cart-line][data-sku="${GERMAN_SKU}"]`)).toHaveCount(1);
    // Signed out, the browser no longer uses the account's cart.
    await page.goto("/en/account");
    await page.getByRole("button", { name: text(en, "auth.account.signOut"), exact: true }).click();
    await expect(page).toHaveURL(/\/en$/);
    await page.goto("/en/cart");
    await expect(page.locator("[data-testid=cart-line]")).toHaveCount(0);
  });

  test("the buyer saves an address and finds checkout filled in with it", async ({ page }) => {
    await signIn(page, DEMO.buyer, { returnTo: "/en/account" });
    await page.getByRole("link", { name: text(en, "accountPages.home.addresses") }).click();
    await expect(page).toHaveURL(/\/en\/account\/addresses$/);
    await chooseCountry(page, "DE", text(en, "accountPages.addresses.chooseCountry"));
    for (const [name, value] of Object.entries(DE_ADDRESS)) await page.locator(`form input[name=${name}]`).fill(value);
    await page.locator("input[name=makeDefault]").check();
    await page.getByTestId("save-address").click();
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "accountPages.addresses.notice.added"));
    // The default comes first.
    const saved = page.getByTestId("saved-address").first();
    await expect(saved).toContainText(DE_ADDRESS.name);
    await expect(saved).toHaveAttribute("data-default", "true");

    await addToCart(page, "en", GERMAN_PRODUCT.slug);
    await page.goto("/en/checkout");
    await expect(page.locator("select[name=country]")).toHaveValue("DE");
    await expect(page.locator("input[name=name]")).toHaveValue(DE_ADDRESS.name);
    await expect(page.locator("input[name=line1]")).toHaveValue(DE_ADDRESS.line1);
    await expect(page.locator("input[name=postalCode]")).toHaveValue(DE_ADDRESS.postalCode);
    await expect(page.locator("input[name=email]")).toHaveValue(DEMO.buyer.email);
  });

  test("an order paid while signed in shows in the account's orders and opens", async ({ page }) => {
    await signIn(page, DEMO.buyer, { returnTo: "/en/account" });
    await addToCart(page, "en", GERMAN_PRODUCT.slug);
    await page.goto("/en/checkout");
    // The saved default address may or may not be there (this test can run alone): fill in a German one.
    const country = page.locator("select[name=country]");
    if ((await country.inputValue()) !== "DE") {
      await country.selectOption("DE");
      await page.locator("button[value=update]").click();
      await expect(country).toHaveValue("DE");
    }
    for (const [name, value] of Object.entries(DE_ADDRESS)) await page.locator(`input[name=${name}]`).fill(value);
    await page.locator("input[name=email]").fill(DEMO.buyer.email);
    await page.locator("button[value=update]").click();
    await expect(page.getByTestId("checkout-invalid")).toHaveCount(0);
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("pay").click();
    await payOnSandbox(page);
    await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");
    const orderId = (await page.getByTestId("order").getAttribute("data-order-id"))!;
    const number = (await page.getByTestId("order-number").textContent())!;

    await page.goto("/en/account/orders");
    const row = page.locator(`[data-testid=account-order][data-order-id="${orderId}"]`);
    await expect(row).toContainText(number);
    await expect(row).toContainText(text(en, "accountPages.orders.statuses.PAID"));
    await expect(page.getByTestId("account-order").first()).toHaveAttribute("data-order-id", orderId);
    await row.getByRole("link", { name: number }).click();
    await expect(page).toHaveURL(new RegExp(`/en/account/orders/${orderId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(en, "accountPages.orders.orderTitle").replace("{number}", number));
    await expect(page.getByTestId("order-number")).toHaveText(number);
    await expect(page.getByTestId("order-parcel")).toHaveCount(1);
    const pdf = page.getByTestId("contract-pdf");
    await expect(pdf).toBeVisible();
    const download = await page.request.get((await pdf.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toContain("application/pdf");
  });

  test("the account's pages pass the accessibility check, and the sessions page signs out another device", async ({ page, browser, visit }) => {
    const elsewhere = await browser.newContext();
    await signIn(await elsewhere.newPage(), DEMO.buyer);
    await elsewhere.close();
    await signIn(page, DEMO.buyer, { returnTo: "/en/account" });
    for (const section of ["orders", "addresses", "sessions"]) await visit(`/en/account/${section}`);
    await expect(page.getByTestId("current-session")).toHaveCount(1);
    const rows = page.getByTestId("account-session");
    const before = await rows.count();
    expect(before).toBeGreaterThanOrEqual(2);
    await page.locator("[data-testid=account-session][data-current=false]").first().getByRole("button").click();
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "accountPages.sessions.revoked"));
    await expect(rows).toHaveCount(before - 1);
    await expect(page.getByTestId("current-session")).toHaveCount(1);
  });

  test.describe("in Arabic without JavaScript on a phone", () => {
    test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

    test("the address book refuses a bad postal code beside its field, keeps what was typed, then saves", async ({ page }) => {
      await signIn(page, DEMO.buyer, { locale: "ar", returnTo: "/ar/account/addresses" });
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(ar, "accountPages.addresses.title"));
      await chooseCountry(page, "KW", text(ar, "accountPages.addresses.chooseCountry"));
      for (const [name, value] of Object.entries({ ...KW_ADDRESS, postalCode: "12" })) await page.locator(`form input[name=${name}]`).fill(value);
      await page.getByTestId("save-address").click();
      await expect(page.getByTestId("panel-error")).toHaveText(text(ar, "panel.error.INVALID_ADDRESS"));
      await expect(page.locator("input[name=postalCode]")).toHaveAttribute("aria-invalid", "true");
      await expect(page.locator("input[name=name]")).toHaveValue(KW_ADDRESS.name);
      await page.locator("input[name=postalCode]").fill(KW_ADDRESS.postalCode);
      await page.getByTestId("save-address").click();
      await expect(page.getByTestId("panel-done")).toHaveText(text(ar, "accountPages.addresses.notice.added"));
      await expect(page.getByTestId("saved-address").filter({ hasText: KW_ADDRESS.name }).first()).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
    });
  });
});
