import { test, expect } from "./fixtures";
import { messages } from "./messages";

const ar = messages("ar");
const de = messages("de");

/** A second server runs the same build against a database that cannot be reached. */
const outage = `http://127.0.0.1:${process.env.E2E_OUTAGE_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1}`;

test.describe("when the database is unreachable", () => {
  test("search answers 503 with a translated 'temporarily unavailable' page", async ({ page }) => {
    const response = await page.goto(`${outage}/de/search?q=tee`);
    expect(response!.status()).toBe(503);
    expect(response!.headers()["retry-after"]).toBe("30");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(de.errors.unavailableTitle);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
  });

  test("in Arabic too", async ({ page }) => {
    expect((await page.goto(`${outage}/ar/search?q=tea`))!.status()).toBe(503);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.errors.unavailableTitle);
    await expect(page.getByText(ar.errors.unavailableBody)).toBeVisible();
  });

  test("a page not in the cache shows the translated error page instead of crashing", async ({ page }) => {
    const response = await page.goto(`${outage}/de/catalogue?kind=digital&sort=newest`);
    expect(response!.status()).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(de.errors.unavailableTitle);
  });

  test("prerendered pages keep being served from the cache", async ({ page }) => {
    const response = await page.goto(`${outage}/en/help`);
    expect(response!.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How Caravan works");
  });
});
