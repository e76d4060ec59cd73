import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";
import { query } from "./journeys";
import { PRODUCTS } from "../prisma/seed-data";
import { defaultMarketFor } from "../lib/domain/markets";

/**
 * Anonymous daily product counts (README "Analytics without cookies"): a product page's
 * beacon adds a view to the product's row for today and the visitor's country, adding
 * to the cart adds a cart; the page itself stays prerendered and the beacon sets no cookie.
 */
type Manifest = { routes: Record<string, { initialRevalidateSeconds: number | false }> };
const manifest = JSON.parse(
  fs.readFileSync(path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "prerender-manifest.json"), "utf8"),
) as Manifest;

const PRODUCT = PRODUCTS.find((p) => p.featured && p.kind !== "DIGITAL" && p.variants.some((v) => v.stock > 5))!;
const COUNTRY = defaultMarketFor("en").country;
const en = JSON.parse(fs.readFileSync(path.resolve("messages", "en.json"), "utf8")) as { product: Record<string, string> };

async function counts(productId: string, country: string): Promise<{ views: number; carts: number }> {
  const rows = await query<{ views: number; carts: number }>(
    `SELECT "views", "carts" FROM "ProductDayStat" WHERE "productId" = $1 AND "country" = $2 AND "day" = (now() AT TIME ZONE 'UTC')::date`,
    [productId, country],
  );
  return rows[0] ?? { views: 0, carts: 0 };
}

test.describe("product counts", () => {
  test("a product view and an add-to-cart are counted for today and the visitor's country, and the page stays prerendered", async ({ page, context, baseURL }) => {
    expect(PRODUCT, "a featured physical product in stock").toBeDefined();
    // The same check as prerender.spec.ts: the build prerendered this product page.
    const route = `/en/${COUNTRY.toLowerCase()}/products/${PRODUCT.slug}`;
    expect(manifest.routes[route], `${route} is prerendered`).toBeDefined();
    expect(manifest.routes[route]!.initialRevalidateSeconds).toBe(300);

    await context.addCookies([{ name: "caravan_market", value: COUNTRY, url: baseURL! }]);
    const before = await counts(PRODUCT.id, COUNTRY);
    const beacon = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/events/view");
    await page.goto(`/en/products/${PRODUCT.slug}`);
    const response = await beacon;
    expect(response.status()).toBe(204);
    expect(await response.headerValue("set-cookie")).toBeNull();
    expect(response.headers()["cache-control"]).toContain("no-store");
    await expect.poll(async () => (await counts(PRODUCT.id, COUNTRY)).views).toBeGreaterThanOrEqual(before.views + 1);

    const form = page.getByTestId("add-to-cart");
    await form.getByRole("button", { name: en.product.addToCart }).click();
    await expect(page.getByTestId("add-to-cart-status")).toContainText(en.product.added!);
    await expect.poll(async () => (await counts(PRODUCT.id, COUNTRY)).carts).toBeGreaterThanOrEqual(before.carts + 1);
  });

  test("the beacon route refuses an unknown product with a code and sets no cookie", async ({ request }) => {
    const response = await request.post("/api/events/view", { data: JSON.stringify({ productId: "no-such-product" }), headers: { "content-type": "application/json" } });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({ ok: false, code: "PRODUCT_NOT_FOUND" });
    expect(response.headers()["set-cookie"]).toBeUndefined();
  });
});
