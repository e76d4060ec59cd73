import { test, expect } from "./fixtures";
import { GERMAN_PRODUCT } from "./catalogue-data";

test.describe("ship-to country sets the currency", () => {
  test("Japan shows yen without decimals, Kuwait dinars with three", async ({ page, visit, shipTo }) => {
    await visit(`/en/products/${GERMAN_PRODUCT.slug}`);
    await shipTo("JP");
    await expect(page).toHaveURL(new RegExp(`/en/products/${GERMAN_PRODUCT.slug}$`));
    const yen = page.locator(".product-price [data-testid=price]");
    await expect(yen).toHaveAttribute("data-currency", "JPY");
    await expect(yen).toHaveText(/^[¥￥][\d,]+$/);
    await shipTo("KW");
    const dinar = page.locator(".product-price [data-testid=price]");
    await expect(dinar).toHaveAttribute("data-currency", "KWD");
    await expect(dinar).toHaveText(/\d\.\d{3}(?!\d)/);
    // The amount can be charged as shown: Stripe needs 3-decimal amounts to end in 0.
    expect(Number(await dinar.getAttribute("data-amount-minor")) % 10).toBe(0);
  });

  test("the choice is remembered across pages and visits", async ({ page, visit, shipTo }) => {
    await visit("/en/catalogue");
    await shipTo("GB");
    await visit("/en");
    await expect(page.locator("[data-testid=price]").first()).toHaveAttribute("data-currency", "GBP");
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "caravan_market")?.value).toBe("GB");
  });

  test("an unknown country changes nothing", async ({ page, visit, request }) => {
    await visit("/en/catalogue");
    const response = await request.post("/api/preferences/market", { form: { country: "ZZ", returnTo: "/en" }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("caravan_market=ZZ");
    await expect(page.locator("#ship-to")).toHaveValue("US");
  });
});
