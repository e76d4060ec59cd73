import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";
import { GERMAN_PRODUCT, JAPANESE_PRODUCT } from "./catalogue-data";
import { PRODUCTS } from "../prisma/seed-data";

type CartMessages = { cart: Record<string, string> & { error: Record<string, string> }; product: Record<string, string>; nav: Record<string, string> };
const messages = (locale: string) => JSON.parse(fs.readFileSync(path.resolve("messages", `${locale}.json`), "utf8")) as CartMessages;
const ja = messages("ja");
const en = messages("en");
const ar = messages("ar");
const EBOOK = PRODUCTS.find((p) => p.kind === "DIGITAL" && p.taxCategory === "EBOOK")!;

test.describe("cart", () => {
  test("a buyer in Japan adds goods from two sellers and an e-book, and sees one parcel per seller in yen", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "caravan_market", value: "JP", url: baseURL! }]);
    await page.goto(`/ja/products/${JAPANESE_PRODUCT.slug}`);
    const form = page.getByTestId("add-to-cart");
    await form.getByLabel(ja.product.quantity!).fill("2");
    await form.getByRole("button", { name: ja.product.addToCart }).click();
    await expect(page.getByTestId("add-to-cart-status")).toContainText(ja.product.added!);
    await expect(page.getByTestId("cart-count")).toHaveText("2");

    for (const product of [GERMAN_PRODUCT, EBOOK]) {
      await page.goto(`/ja/products/${product.slug}`);
      await page.getByTestId("add-to-cart").getByRole("button", { name: ja.product.addToCart }).click();
      await expect(page.getByTestId("add-to-cart-status")).toContainText(ja.product.added!);
    }
    await expect(page.getByTestId("cart-count")).toHaveText("4");

    await page.getByTestId("cart-link").click();
    await expect(page).toHaveURL(/\/ja\/cart$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ja.cart.title!);
    const parcels = page.getByTestId("cart-parcel");
    await expect(parcels).toHaveCount(new Set([JAPANESE_PRODUCT, GERMAN_PRODUCT, EBOOK].map((p) => p.sellerId)).size);
    await expect(page.getByTestId("cart-line")).toHaveCount(3);
    await expect(parcels.first()).toContainText(JAPANESE_PRODUCT.translations.ja!.title);
    await expect(page.getByTestId("cart-total")).toHaveAttribute("data-currency", "JPY");
    // Yen has no decimals: the total is a whole number.
    await expect(page.getByTestId("cart-total")).not.toContainText(".");

    // Change a quantity, then remove a line.
    const first = page.getByTestId("cart-line").first();
    await first.getByLabel(ja.cart.quantity!).fill("1");
    await first.getByRole("button", { name: ja.cart.update }).click();
    await expect(page.getByTestId("cart-line").first().getByLabel(ja.cart.quantity!)).toHaveValue("1");
    await page.getByTestId("cart-line").last().getByRole("button", { name: ja.cart.remove }).click();
    await expect(page.getByTestId("cart-line")).toHaveCount(2);
    await expect(page.getByTestId("cart-count")).toHaveText("2");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("adding posts the form and lands on the cart", async ({ page }) => {
      await page.goto(`/en/products/${GERMAN_PRODUCT.slug}`);
      await page.getByTestId("add-to-cart").getByRole("button", { name: en.product.addToCart }).click();
      await expect(page).toHaveURL(/\/en\/cart$/);
      await expect(page.getByTestId("cart-line")).toHaveCount(1);
      await expect(page.getByTestId("cart-summary")).toBeVisible();
    });
  });

  test("in Arabic, shipping to Kuwait: right to left, three-decimal dinars, fitting a phone", async ({ page, context, baseURL }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await context.addCookies([{ name: "caravan_market", value: "KW", url: baseURL! }]);
    await page.goto(`/ar/products/${GERMAN_PRODUCT.slug}`);
    await page.getByTestId("add-to-cart").getByRole("button", { name: ar.product.addToCart }).click();
    await expect(page.getByTestId("add-to-cart-status")).toContainText(ar.product.added!);
    await page.goto("/ar/cart");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.cart.title!);
    await expect(page.getByTestId("cart-total")).toHaveAttribute("data-currency", "KWD");
    await expect(page.getByTestId("cart-total")).toHaveText(/\d[.,٫]\d{3}/);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBe(client);
  });

  test("bad input is refused with a translated message and changes nothing", async ({ page, request, baseURL }) => {
    const post = (form: Record<string, string>, accept?: string) =>
      request.post("/api/cart", { form, headers: { origin: baseURL!, ...(accept ? { accept } : {}) }, maxRedirects: 0 });
    const refused = await post({ action: "add", variantId: `var_${GERMAN_PRODUCT.variants[0]!.sku.toLowerCase()}`, quantity: "abc", locale: "de" });
    expect(refused.status()).toBe(303);
    expect(refused.headers()["location"]).toBe("/de/cart?error=INVALID_QUANTITY");
    expect(refused.headers()["set-cookie"] ?? "").not.toContain("caravan_cart");
    const json = await post({ action: "add", variantId: "no-such-variant", quantity: "1" }, "application/json");
    expect(json.status()).toBe(404);
    expect(await json.json()).toMatchObject({ ok: false, code: "VARIANT_NOT_FOUND", count: 0 });
    const foreign = await request.post("/api/cart", { form: { action: "add", variantId: "x", quantity: "1" }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    const de = messages("de");
    await page.goto("/de/cart?error=INVALID_QUANTITY");
    await expect(page.getByTestId("cart-error")).toHaveText(de.cart.error.INVALID_QUANTITY!);
    await page.goto("/de/cart?error=%3Cscript%3E");
    await expect(page.getByTestId("cart-error")).toHaveCount(0);
  });
});
