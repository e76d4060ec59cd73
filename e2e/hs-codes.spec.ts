import { test, expect } from "./fixtures";
import { DEMO, signIn } from "./sign-in";
import { messages, text } from "./messages";

/** The seller's HS code finder: found by the seller's own words, for seller members only, right to left without JavaScript. */

test.describe("hs codes", () => {
  test("a demo seller searches “Messer” in German and sees heading 8211 with its chapter", async ({ page }) => {
    await signIn(page, DEMO.seller("hollerbach-solingen"), { locale: "de", returnTo: "/de/seller/hs-codes" });
    await page.getByLabel(text(messages("de"), "hsCodes.label")).fill("Messer");
    await page.getByRole("button", { name: text(messages("de"), "hsCodes.submit") }).click();
    await expect(page).toHaveURL(/\/de\/seller\/hs-codes\?q=Messer$/);
    const first = page.getByTestId("hs-results").locator("li").first();
    await expect(first).toHaveAttribute("data-code", "8211");
    await expect(first.getByTestId("hs-code")).toHaveText("8211");
    await expect(first).toContainText("Messer");
    await expect(first).toContainText("Kapitel 82");
  });

  test("the API answers a seller member, and refuses a visitor (401) and a bad query (400)", async ({ page, playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get("/api/seller/hs?q=Messer&locale=de")).status()).toBe(401);
    await anonymous.dispose();
    await signIn(page, DEMO.seller("hollerbach-solingen"), { locale: "en", returnTo: "/en/seller/hs-codes" });
    const ok = await page.request.get("/api/seller/hs?q=%E8%8C%B6&locale=ja");
    expect(ok.status()).toBe(200);
    const body = (await ok.json()) as { ok: boolean; results: { code: string }[] };
    expect(body.results.map((r) => r.code)).toContain("0902");
    const bad = await page.request.get("/api/seller/hs?q=&locale=en");
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({ ok: false, code: "HS_QUERY_EMPTY" });
  });

  test("a buyer gets 404 at the page and 403 at the API", async ({ page }) => {
    await signIn(page, DEMO.buyer, { locale: "de" });
    const api = await page.request.get("/api/seller/hs?q=Messer&locale=de");
    expect(api.status()).toBe(403);
    const response = await page.goto("/de/seller/hs-codes?q=Messer");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("hs-results")).toHaveCount(0);
  });

  test.describe("without JavaScript, in Arabic", () => {
    test.use({ javaScriptEnabled: false });
    test("the search form works right to left", async ({ page }) => {
      await signIn(page, DEMO.seller("hollerbach-solingen"), { locale: "ar", returnTo: "/ar/seller/hs-codes" });
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await page.locator("#hs-q").fill("سكين");
      await page.locator("form.hs-search button[type=submit]").click();
      await expect(page).toHaveURL(/\/ar\/seller\/hs-codes\?q=/);
      await expect(page.locator('[data-code="8211"]')).toBeVisible();
      await expect(page.locator('[data-code="8211"]')).toContainText("سكاكين");
      await page.goto("/ar/seller/hs-codes?q=");
      await expect(page.getByTestId("panel-error")).toHaveText(text(messages("ar"), "panel.error.HS_QUERY_EMPTY"));
    });
  });
});
