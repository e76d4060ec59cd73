import { test, expect, expectAccessible } from "./fixtures";
import { DEMO, signIn } from "./sign-in";
import { messages, text } from "./messages";

/**
 * The seller panel's catalogue: the demo seller creates a product, writes it in English
 * and German, gives it a variant and activates it; the storefront shows it at once in
 * both languages and in two markets' currencies. Without JavaScript, in Arabic, the
 * product form saves a translation.
 */
const en = messages("en");
const ar = messages("ar");

const SELLER = DEMO.seller("hollerbach-solingen");

test.describe("seller products", () => {
  test("the demo seller creates a product in two languages, activates it and finds it in the store in two markets", async ({ page, shipTo }) => {
    const stamp = Date.now().toString(36);
    const slug = `e2e-paring-knife-${stamp}`;
    const sku = `HB-E2E-${stamp}`.toUpperCase();
    await signIn(page, SELLER, { returnTo: "/en/seller/products/new" });
    await expectAccessible(page);

    await page.locator("#slug").fill(slug);
    await page.locator("#categoryId").selectOption("cat_kitchen");
    await page.locator("#hsCode").fill("8211.91");
    await page.locator("#originCountry").fill("DE");
    await page.locator("#weightGrams").fill("90");
    await page.getByRole("button", { name: text(en, "sellerProducts.create") }).click();
    await expect(page).toHaveURL(/\/en\/seller\/products\/prd_[^/?]+\?done=created$/);
    await expect(page.getByTestId("product-status")).toHaveAttribute("data-status", "DRAFT");
    await expect(page.getByTestId("activation-gaps").locator("[data-gap]")).toHaveCount(2);

    await page.locator("#title-en").fill("Paring knife 9 cm");
    await page.locator("#description-en").fill("A small knife for peeling and trimming, hand-ground in Solingen.");
    await page.locator("#title-de").fill("Schälmesser 9 cm");
    await page.locator("#description-de").fill("Ein kleines Messer zum Schälen und Putzen, handgeschliffen in Solingen.");
    await page.getByRole("button", { name: text(en, "sellerProducts.saveTranslations") }).click();
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "sellerProducts.notice.translationsSaved"));
    await expect(page.getByTestId("translation-completeness")).toContainText("2 of 8 languages");
    await expect(page.getByTestId("translation-completeness")).toContainText("French");

    await page.locator("#new-sku").fill(sku);
    await page.locator("#new-price").fill("39.50");
    await page.locator("#new-stock").fill("12");
    await page.getByRole("button", { name: text(en, "sellerProducts.add"), exact: true }).click();
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "sellerProducts.notice.variantAdded"));
    await expect(page.locator(`fieldset[data-sku="${sku}"]`)).toContainText("€39.50");

    await page.getByRole("button", { name: text(en, "sellerProducts.activate") }).click();
    await expect(page.getByTestId("product-status")).toHaveAttribute("data-status", "ACTIVE");
    await expectAccessible(page);

    await page.goto("/en/seller/products?q=" + encodeURIComponent(sku));
    const row = page.locator(`tr[data-slug="${slug}"]`);
    await expect(row).toContainText("Schälmesser 9 cm");
    await expect(row).toContainText("€39.50");
    await expect(row).toContainText("2 of 8 languages");
    await expectAccessible(page);

    await page.goto(`/en/products/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paring knife 9 cm");
    const price = page.locator(".product-price [data-testid=price]");
    await shipTo("JP");
    await expect(price).toHaveAttribute("data-currency", "JPY");
    await expect(page.locator(".product-price [data-testid=original-price]")).toContainText("39.50");

    await page.goto(`/de/products/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schälmesser 9 cm");
    await shipTo("DE");
    await expect(price).toHaveAttribute("data-currency", "EUR");
    await expect(price).toHaveAttribute("data-amount-minor", "3950");
  });

  test.describe("without JavaScript, in Arabic", () => {
    test.use({ javaScriptEnabled: false });

    test("the product form saves a translation", async ({ page }) => {
      const slug = `e2e-ar-${Date.now().toString(36)}`;
      await signIn(page, SELLER, { locale: "ar" });
      await page.goto("/ar/seller/products/new");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await page.locator("#slug").fill(slug);
      await page.locator("#hsCode").fill("821191");
      await page.locator("#originCountry").fill("DE");
      await page.getByRole("button", { name: text(ar, "sellerProducts.create") }).click();
      await expect(page).toHaveURL(/\/ar\/seller\/products\/prd_[^/?]+\?done=created$/);
      await expect(page.getByTestId("panel-done")).toHaveText(text(ar, "sellerProducts.notice.created"));

      await page.locator("#title-ar").fill("سكين تقشير");
      await page.locator("#description-ar").fill("سكين صغيرة للتقشير، مشحوذة يدويًا في زولينغن.");
      await page.getByRole("button", { name: text(ar, "sellerProducts.saveTranslations") }).click();
      await expect(page.getByTestId("panel-done")).toHaveText(text(ar, "sellerProducts.notice.translationsSaved"));
      await expect(page.locator("#title-ar")).toHaveValue("سكين تقشير");
      await expect(page.locator("#title-ar")).toHaveAttribute("dir", "rtl");

      // A bad field comes back with its code beside it, and nothing else changed.
      await page.locator("#title-fr").fill("");
      await page.locator("#description-fr").fill("Sans titre");
      await page.getByRole("button", { name: text(ar, "sellerProducts.saveTranslations") }).click();
      await expect(page.getByTestId("panel-error")).toHaveText(text(ar, "panel.error.INVALID_INPUT"));
      await expect(page.getByTestId("error-description-fr")).toHaveText(text(ar, "sellerProducts.fieldError.DESCRIPTION_WITHOUT_TITLE"));
      await expect(page.locator("#title-ar")).toHaveValue("سكين تقشير");
    });
  });
});
