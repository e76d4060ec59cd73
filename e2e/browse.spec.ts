import { test, expect } from "./fixtures";
import { JAPANESE_PRODUCT } from "./catalogue-data";
import { PRODUCTS } from "../prisma/seed-data";

test.describe("browsing in three languages", () => {
  test("English, left to right", async ({ page, visit }) => {
    await visit("/en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A marketplace without borders");
    await expect(page.getByRole("heading", { name: "Shop by category" })).toBeVisible();
    await page.getByRole("link", { name: "Browse the catalogue" }).click();
    await expect(page).toHaveURL(/\/en\/catalogue$/);
    await expect(page.getByRole("heading", { level: 1, name: "Catalogue" })).toBeVisible();
  });

  test("Arabic mirrors the layout, right to left", async ({ page, visit }) => {
    await visit("/ar");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const brand = await page.getByRole("link", { name: "Caravan" }).first().boundingBox();
    const viewport = page.viewportSize();
    // The brand sits at the right-hand edge in a right-to-left page.
    expect(brand!.x + brand!.width).toBeGreaterThan(viewport!.width / 2);
    await visit("/ar/catalogue");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  });

  test("Japanese", async ({ page, visit }) => {
    await visit("/ja/catalogue");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Catalogue");
  });

  test("first visit picks the language from Accept-Language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "de-DE", extraHTTPHeaders: { "accept-language": "de-DE,de;q=0.9,en;q=0.5" } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/de$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await context.close();
  });

  test("the language switcher keeps the page", async ({ page, visit }) => {
    await visit("/en/catalogue?category=coffee-tea");
    await page.locator(".locale-switcher summary").click();
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page).toHaveURL(/\/fr\/catalogue\?category=coffee-tea$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });

  test("unknown pages and locales give a localised 404", async ({ page, visit }) => {
    await visit("/de/products/no-such-product", { status: 404 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
    await visit("/ja/no/such/page", { status: 404 });
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    const response = await page.goto("/xx/catalogue");
    expect(response?.status()).toBe(404);
  });
});

test("the sitemap index lists files that list every locale's pages with hreflang alternates", async ({ request }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  const index = await response.text();
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(files).toEqual(["/sitemaps/pages.xml", "/sitemaps/products-1.xml"]);
  const pages = await (await request.get(files[0]!)).text();
  expect(pages).toContain("/ja/catalogue</loc>");
  expect(pages).toMatch(/hreflang="ar"/);
  const products = await request.get(files[1]!);
  expect(products.headers()["content-type"]).toContain("application/xml");
  const xml = await products.text();
  expect((xml.match(/<url>/g) ?? []).length).toBe(8 * PRODUCTS.length);
  expect((await request.get("/sitemaps/products-2.xml")).status()).toBe(404);
  expect((await request.get("/sitemaps/anything.xml")).status()).toBe(404);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Sitemap:");
});

test("product images are generated SVGs; malformed image paths are 404s", async ({ request }) => {
  const image = await request.get("/images/products/prd_001/0.svg");
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toContain("image/svg+xml");
  expect(await image.text()).toMatch(/^<svg/);
  expect((await request.get("/images/products/prd_001/x.png")).status()).toBe(404);
  expect((await request.get("/images/products/..%2F..%2Fetc/0.svg")).status()).toBe(404);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const path of ["/en", "/en/catalogue", "/ar/catalogue", `/ar/products/${JAPANESE_PRODUCT.slug}`]) {
    test(`${path} fits the screen width`, async ({ page, visit }) => {
      await visit(path);
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(widths[0]).toBe(widths[1]);
    });
  }
});
