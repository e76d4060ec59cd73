import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { test, expect } from "./fixtures";
import { messages } from "./messages";
import { PRODUCTS, SELLERS } from "../prisma/seed-data";

/**
 * A change made through the catalogue service reaches the cached pages at once, in
 * every locale and market, not after their revalidate period (docs/adr/0009). The
 * change is made from this process, like another app server would: the running store
 * hears of it only through PostgreSQL.
 */
const run = promisify(execFile);
const PRODUCT = PRODUCTS.find((p) => p.slug === "the-small-software-business-paperback")!;
const VARIANT = PRODUCT.variants[0]!;

/** Runs the operator command; a refused change exits 1 and still prints its result. */
async function catalogueUpdate(...args: string[]) {
  const stdout = await run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/catalogue-update.ts", ...args], { env: process.env })
    .then((r) => r.stdout)
    .catch((error: { code?: number; stdout?: string }) => {
      if (error.code !== 1 || !error.stdout) throw error;
      return error.stdout;
    });
  return JSON.parse(stdout) as { ok: boolean; code?: string };
}

test.describe.configure({ mode: "serial" });

test("a price and stock change shows on the cached product and catalogue pages at once", async ({ page, context }) => {
  expect(PRODUCT.variants).toHaveLength(1);
  await context.addCookies([{ name: "caravan_market", value: "US", url: test.info().project.use.baseURL! }]);
  const productPath = `/en/products/${PRODUCT.slug}`;
  const listingPath = "/en/catalogue?origin=US&kind=physical";
  const card = page.locator(".product-card", { hasText: PRODUCT.translations.en!.title });

  // Both pages are rendered and cached before the change.
  for (const path of [productPath, listingPath]) {
    await page.goto(path);
    const again = await page.goto(path);
    expect(again!.headers()["x-nextjs-cache"], `${path} is served from the cache`).toBe("HIT");
  }
  await page.goto(productPath);
  await expect(page.getByTestId("stock")).toHaveText(`${VARIANT.stock} in stock`);

  const result = await catalogueUpdate("variant", "--sku", VARIANT.sku, "--price", "3145", "--stock", "0");
  expect(result.ok).toBe(true);

  const en = messages("en") as unknown as { product: { outOfStock: string } };
  await expect(async () => {
    await page.goto(productPath);
    await expect(page.getByTestId("stock")).toHaveText(en.product.outOfStock, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await expect(page.locator(".product-info")).toContainText("$31.45");

  await page.goto(listingPath);
  await expect(card).toContainText("$31.45");
  await expect(card).toContainText(en.product.outOfStock);

  // The same tag reached every locale and market: Japanese, shipped to Japan.
  await context.addCookies([{ name: "caravan_market", value: "JP", url: test.info().project.use.baseURL! }]);
  const ja = messages("ja") as unknown as { product: { outOfStock: string } };
  await page.goto(`/ja/products/${PRODUCT.slug}`);
  await expect(page.getByTestId("stock")).toHaveText(ja.product.outOfStock);

  // Put it back for whoever runs next against this database.
  expect((await catalogueUpdate("variant", "--sku", VARIANT.sku, "--price", String(VARIANT.priceMinor), "--stock", String(VARIANT.stock))).ok).toBe(true);
  await expect(async () => {
    await page.goto(productPath);
    await expect(page.getByTestId("stock")).toHaveText(`${VARIANT.stock} in stock`, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
});

test("a suspended seller's pages and products disappear at once, and come back", async ({ page, context }) => {
  await context.addCookies([{ name: "caravan_market", value: "FR", url: test.info().project.use.baseURL! }]);
  const seller = SELLERS.find((s) => s.country === "MA")!;
  const product = PRODUCTS.find((p) => p.sellerId === seller.id)!;
  const handle = seller.handle;
  const productPath = `/fr/products/${product.slug}`;
  const sellerPath = `/fr/sellers/${handle}`;
  for (const path of [productPath, sellerPath]) {
    await page.goto(path);
    expect((await page.goto(path))!.headers()["x-nextjs-cache"], `${path} is cached`).toBe("HIT");
  }

  expect((await catalogueUpdate("seller", "--handle", handle, "--status", "SUSPENDED")).ok).toBe(true);
  try {
    await expect(async () => {
      expect((await page.goto(productPath))!.status()).toBe(404);
    }).toPass({ timeout: 10_000 });
    expect((await page.goto(sellerPath))!.status()).toBe(404);
  } finally {
    expect((await catalogueUpdate("seller", "--handle", handle, "--status", "ACTIVE")).ok).toBe(true);
  }
  await expect(async () => {
    expect((await page.goto(productPath))!.status()).toBe(200);
  }).toPass({ timeout: 10_000 });
});

test("a refused change says why and changes nothing", async () => {
  expect(await catalogueUpdate("variant", "--sku", VARIANT.sku, "--price=-5")).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  expect(await catalogueUpdate("variant", "--sku", "NO-SUCH-SKU", "--stock", "1")).toMatchObject({ ok: false, code: "NOT_FOUND" });
});
