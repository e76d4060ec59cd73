import { test, expect } from "./fixtures";
import { JAPANESE_PRODUCT } from "./catalogue-data";

test.describe("search", () => {
  const germanTitle = JAPANESE_PRODUCT.translations.de!.title;

  test("finds a product by its German title while browsing in German", async ({ page, visit }) => {
    await visit("/de");
    await page.getByRole("searchbox").first().fill(germanTitle);
    await page.getByRole("searchbox").first().press("Enter");
    await expect(page).toHaveURL(/\/de\/search\?q=/);
    await expect(page.getByRole("link", { name: germanTitle })).toBeVisible();
  });

  test("ignores accents and case", async ({ page, visit }) => {
    const folded = germanTitle.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
    await visit(`/de/search?q=${encodeURIComponent(folded)}`);
    await expect(page.getByRole("link", { name: germanTitle })).toBeVisible();
  });

  test("says so when nothing matches", async ({ page, visit }) => {
    await visit("/en/search?q=zzzzqqqq");
    await expect(page.getByText("No product matches “zzzzqqqq”")).toBeVisible();
  });
});
