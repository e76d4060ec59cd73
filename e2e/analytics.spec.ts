import { test, expect } from "./fixtures";
import { buyAsGuest, query } from "./journeys";
import { messages, text } from "./messages";
import { DEMO, signIn } from "./sign-in";
import { formatMoney } from "@/lib/domain/money/format";
import type { CurrencyCode } from "@/lib/domain/money";
import { mondayOf } from "@/lib/domain/analytics/dashboard";

/**
 * The seller's analytics from weekly rows written straight into the store's database
 * (as the analytics job would): revenue by week and by country as the rows say, small
 * countries merged, a product's stored forecast with its accuracy, in Brazilian
 * Portuguese and in Arabic (right to left, without JavaScript); a buyer gets 404. Then a
 * new order placed through the store shows in another shop's figures once the analytics
 * job the payment queued has run (the server's own job runner), and that shop never sees
 * the first shop's products or figures, not even with one of its product ids in the URL.
 * The operator sees demand with its forecast by country and category.
 */
// A shop whose products no other suite buys: no order of theirs queues a refresh that would rebuild these rows.
const HANDLE = "neelgar-block-prints";
const DAY = 86_400_000;
// A shop no other suite buys from or looks at: the order placed here is the only one in its figures.
const BUYING_HANDLE = "taller-tierra-de-oaxaca";
const BUYING_SLUG = "volcanic-stone-molcajete";
const JP_ADDRESS = { name: "山田 花子", line1: "京都市中京区烏丸通二条下ル 123", postalCode: "6040000", phone: "090-1234-5678", email: "hanako.analytics@example.jp" };

test.describe("seller analytics", () => {
  // One set of rows for the whole suite: its tests share it, in one worker.
  test.describe.configure({ mode: "serial" });
  let sellerId = "";
  let currency: CurrencyCode = "EUR";
  let productId = "";
  const thisWeek = mondayOf(new Date());
  const lastWeek = new Date(Date.parse(`${thisWeek}T00:00:00Z`) - 7 * DAY).toISOString().slice(0, 10);

  test.beforeAll(async () => {
    const [seller] = await query<{ id: string; currency: CurrencyCode }>(`SELECT id, currency FROM "Seller" WHERE handle = $1`, [HANDLE]);
    sellerId = seller!.id;
    currency = seller!.currency;
    const [product] = await query<{ id: string }>(`SELECT id FROM "Product" WHERE "sellerId" = $1 ORDER BY slug LIMIT 1`, [sellerId]);
    productId = product!.id;
    await query(`DELETE FROM "SalesWeek" WHERE "sellerId" = $1`, [sellerId]);
    await query(`DELETE FROM "ForecastResult" WHERE "sellerId" = $1`, [sellerId]);
    const rows: [string, string, number, number, number][] = [
      ["DE", thisWeek, 6, 7, 123_450],
      ["DE", lastWeek, 5, 5, 88_800],
      ["FR", thisWeek, 2, 2, 20_000],
    ];
    for (const [destination, week, orders, units, revenue] of rows) {
      await query(
        `INSERT INTO "SalesWeek" ("sellerId", "productId", destination, week, orders, units, "revenueMinor", currency, "withdrawnUnits") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)`,
        [sellerId, productId, destination, week, orders, units, revenue, currency],
      );
    }
    const next = (n: number) => new Date(Date.parse(`${thisWeek}T00:00:00Z`) + n * 7 * DAY).toISOString().slice(0, 10);
    const payload = {
      weeks: [lastWeek, thisWeek, next(1), next(2)],
      history: [5, 9],
      forecast: { mean: [8, 8], lower80: [6, 6], upper80: [10, 10], lower95: [5, 5], upper95: [11, 11] },
      restock: { weeksOfCover: 2, short: true, suggestedQuantity: 30 },
    };
    await query(
      `INSERT INTO "ForecastResult" ("productId", destination, "sellerId", method, mase, smape, payload, "computedAt") VALUES ($1, 'ZZ', $2, 'seasonal-naive', 0.8, 20, $3, now())`,
      [productId, sellerId, JSON.stringify(payload)],
    );
  });

  test.afterAll(async () => {
    await query(`DELETE FROM "SalesWeek" WHERE "sellerId" = $1`, [sellerId]);
    await query(`DELETE FROM "ForecastResult" WHERE "sellerId" = $1`, [sellerId]);
  });

  test("in Brazilian Portuguese the seller sees revenue by week and country as the rows say, and a forecast with its accuracy", async ({ page }) => {
    const pt = messages("pt-BR");
    await signIn(page, DEMO.seller(HANDLE), { locale: "pt-BR", returnTo: "/pt-BR/seller/analytics" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(pt, "analytics.title"));
    await expect(page.getByTestId("total-revenue")).toHaveAttribute("data-amount-minor", "232250");
    const week = page.getByTestId("revenue-by-week").locator("details.chart-table").first();
    await week.locator("summary").click();
    await expect(week.locator("tr", { hasText: formatMoney({ amountMinor: 143_450, currency }, "pt-BR") })).toHaveCount(1);
    await expect(week.locator("tr", { hasText: formatMoney({ amountMinor: 88_800, currency }, "pt-BR") })).toHaveCount(1);
    const de = page.locator('[data-testid=country-row][data-country="DE"]');
    await expect(de.getByTestId("country-orders")).toHaveText("11");
    await expect(de.getByTestId("country-revenue")).toHaveText(formatMoney({ amountMinor: 212_250, currency }, "pt-BR"));
    await expect(page.locator('[data-testid=country-row][data-country="FR"]')).toHaveCount(0);
    await expect(page.locator('[data-testid=country-row][data-country="other"]')).toContainText(text(pt, "analytics.otherCountries"));
    await page.locator("#analytics-product").selectOption(productId);
    await page.getByRole("button", { name: text(pt, "analytics.show") }).click();
    await expect(page).toHaveURL(new RegExp(`product=${productId}`));
    await expect(page.getByTestId("forecast-result")).toHaveAttribute("data-method", "seasonalNaive");
    await expect(page.getByTestId("forecast-mase")).toContainText("0,8");
    await expect(page.getByTestId("restock")).toHaveAttribute("data-short", "true");
  });

  test.describe("without JavaScript, in Arabic", () => {
    test.use({ javaScriptEnabled: false });
    test("the page reads right to left with the same figures and the forecast", async ({ page }) => {
      const ar = messages("ar");
      await signIn(page, DEMO.seller(HANDLE), { locale: "ar", returnTo: "/ar/seller/analytics" });
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByTestId("total-revenue")).toHaveText(formatMoney({ amountMinor: 232_250, currency }, "ar"));
      await expect(page.locator('[data-testid=country-row][data-country="DE"]').getByTestId("country-revenue")).toHaveText(formatMoney({ amountMinor: 212_250, currency }, "ar"));
      await page.goto(`/ar/seller/analytics?product=${productId}`);
      await expect(page.getByTestId("forecast-result")).toContainText(text(ar, "analytics.methods.seasonalNaive"));
      await expect(page.getByTestId("forecast-mase")).toBeVisible();
    });
  });

  test("a new order placed through the store shows in the seller's figures after the analytics job runs, and no other seller's", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const [shop] = await query<{ id: string; currency: CurrencyCode }>(`SELECT id, currency FROM "Seller" WHERE handle = $1`, [BUYING_HANDLE]);
    const [bought] = await query<{ id: string }>(`SELECT id FROM "Product" WHERE slug = $1`, [BUYING_SLUG]);
    const direct = async () =>
      (
        await query<{ orders: number; units: number; revenue: string }>(
          `SELECT count(DISTINCT o.id)::int AS orders, coalesce(sum(l.quantity), 0)::int AS units, coalesce(sum(l."unitPriceMinor"::bigint * l.quantity), 0)::text AS revenue
           FROM "OrderLine" l JOIN "SubOrder" so ON so.id = l."subOrderId" JOIN "Order" o ON o.id = l."orderId"
           WHERE so."sellerId" = $1 AND o.status = 'PAID' AND o."paidAt" IS NOT NULL`,
          [shop!.id],
        )
      )[0]!;
    const before = await direct();
    const placedAt = new Date(Date.now() - 1_000);

    const buyer = await browser.newContext();
    try {
      await buyAsGuest(await buyer.newPage(), { slugs: [BUYING_SLUG], address: JP_ADDRESS });
    } finally {
      await buyer.close();
    }
    const after = await direct();
    expect(after.orders).toBe(before.orders + 1);
    // The payment queued the shop's analytics.refresh job; the server's runner runs it.
    await expect
      .poll(async () => (await query<{ status: string }>(`SELECT status FROM "Job" WHERE kind = 'analytics.refresh' AND "sellerId" = $1 AND "createdAt" >= $2 ORDER BY "createdAt" DESC LIMIT 1`, [shop!.id, placedAt]))[0]?.status, { timeout: 30_000 })
      .toBe("DONE");

    await signIn(page, DEMO.seller(BUYING_HANDLE), { returnTo: "/en/seller/analytics" });
    await expect(page.getByTestId("total-orders")).toHaveText(String(after.orders));
    await expect(page.getByTestId("total-units")).toHaveText(String(after.units));
    await expect(page.getByTestId("total-revenue")).toHaveAttribute("data-amount-minor", after.revenue);
    const row = page.locator(`[data-testid=product-row][data-product-id="${bought!.id}"]`);
    await expect(row.getByTestId("product-orders")).toHaveText(String(after.orders));
    await expect(page.locator(`[data-testid=funnel-row][data-product-id="${bought!.id}"]`).getByTestId("funnel-orders")).toHaveText(String(after.orders));

    // The first shop's product (with stored weekly rows and a forecast) in this shop's URL: ignored, nothing of it shown.
    const response = await page.goto(`/en/seller/analytics?product=${encodeURIComponent(productId)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("total-orders")).toHaveText(String(after.orders));
    await expect(page.getByTestId("forecast-result")).toHaveCount(0);
    await expect(page.getByTestId("no-forecast")).toHaveCount(0);
    await expect(page.locator(`[data-product-id="${productId}"]`)).toHaveCount(0);
    await expect(page.locator(`#analytics-product option[value="${productId}"]`)).toHaveCount(0);
    const others = await query<{ id: string }>(`SELECT id FROM "Product" WHERE "sellerId" = $1`, [sellerId]);
    const html = await page.content();
    for (const other of others) expect(html, other.id).not.toContain(`value="${other.id}"`);
  });

  test("the operator sees demand by country and by category with the forecast, and the fastest growing and shrinking", async ({ page }) => {
    const en = messages("en");
    await signIn(page, DEMO.operator, { returnTo: "/en/admin/analytics" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(en, "analytics.admin.title"));
    await expect(page.getByTestId("demand-by-week").locator("svg.chart-svg")).toHaveCount(1);
    await expect(page.getByTestId("country-demand").getByRole("columnheader", { name: text(en, "analytics.admin.forecastNext") })).toBeVisible();
    await expect(page.getByTestId("category-demand").getByRole("columnheader", { name: text(en, "analytics.admin.forecastNext") })).toBeVisible();
    await expect(page.getByTestId("country-demand").locator("[data-testid=demand-row]").first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: text(en, "analytics.admin.categoriesHeading") })).toBeVisible();
    await expect(page.getByTestId("growing-categories")).toBeVisible();
  });

  test("a buyer gets 404", async ({ page }) => {
    await signIn(page, DEMO.buyer);
    const response = await page.goto("/en/seller/analytics");
    expect(response?.status()).toBe(404);
  });
});
