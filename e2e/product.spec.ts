import { test, expect } from "./fixtures";
import { JAPANESE_PRODUCT, UNTRANSLATED_IN_ARABIC } from "./catalogue-data";

test.describe("product page", () => {
  test("shows the converted price, the seller's original price and the rate's date", async ({ page, visit }) => {
    await visit(`/en/products/${JAPANESE_PRODUCT.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(JAPANESE_PRODUCT.translations.en!.title);
    const price = page.locator(".product-price");
    await expect(price.getByTestId("price")).toHaveAttribute("data-currency", "USD");
    await expect(price.getByTestId("price")).toHaveText(/^\$[\d,]+\.\d{2}$/);
    await expect(price.getByTestId("original-price")).toContainText("¥");
    await expect(price.getByTestId("rate-date")).toContainText("European Central Bank");
    await expect(price.getByTestId("rate-date")).toContainText("November 27, 2026");
  });

  test("describes itself to search engines", async ({ page, visit }) => {
    await visit(`/en/products/${JAPANESE_PRODUCT.slug}`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd["@type"]).toBe("Product");
    expect(jsonLd.offers[0].priceCurrency).toBe("USD");
    expect(jsonLd.offers[0].price).toMatch(/^\d+\.\d{2}$/);
    await expect(page.locator('link[rel="alternate"][hreflang="ja"]')).toHaveAttribute("href", new RegExp(`/ja/products/${JAPANESE_PRODUCT.slug}$`));
  });

  test("falls back to the seller's language with a visible note", async ({ page, visit }) => {
    await visit(`/ar/products/${UNTRANSLATED_IN_ARABIC.slug}`);
    await expect(page.getByTestId("translation-fallback")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", UNTRANSLATED_IN_ARABIC.originalLocale);
  });
});
