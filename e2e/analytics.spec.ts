import { test, expect } from "./fixtures";
import { query } from "./journeys";
import { messages, text } from "./messages";
import { DEMO, signIn } from "./sign-in";
import { formatMoney } from "@/lib/domain/money/format";
import type { CurrencyCode } from "@/lib/domain/money";
import { mondayOf } from "@/lib/domain/analytics/dashboard";

/**
 * The seller's analytics from weekly rows written straight into the store's database
 * (as the analytics job would): revenue by week and by country as the rows say, small
 * countries merged, a product's stored forecast with its accuracy, in Brazilian
 * Portuguese and in Arabic (right to left, without JavaScript); a buyer gets 404.
 */
// A shop whose products no other suite buys: no order of theirs queues a refresh that would rebuild these rows.
const HANDLE = "neelgar-block-prints";
const DAY = 86_400_000;

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

  test("a buyer gets 404", async ({ page }) => {
    await signIn(page, DEMO.buyer);
    const response = await page.goto("/en/seller/analytics");
    expect(response?.status()).toBe(404);
  });
});
