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

  test("an unknown country changes nothing", async ({ page, visit, request, baseURL }) => {
    await visit("/en/catalogue");
    // Sent as the store's own form would be: from the store's origin.
    const response = await request.post("/api/preferences/market", { form: { country: "ZZ", returnTo: "/en" }, headers: { origin: baseURL! }, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("caravan_market=ZZ");
    await expect(page.locator("#ship-to")).toHaveValue("US");
  });

  test("a post from another site is refused and changes nothing", async ({ request }) => {
    const response = await request.post("/api/preferences/market", {
      form: { country: "JP", returnTo: "/en" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: "FORBIDDEN_ORIGIN" });
    expect(response.headers()["set-cookie"] ?? "").not.toContain("caravan_market");
  });

  test("a crafted return address cannot send the buyer to another site", async ({ request, baseURL }) => {
    for (const returnTo of ["/%09/evil.example", "//evil.example/", "/\\evil.example", "https://evil.example/", "/日本"]) {
      const response = await request.post("/api/preferences/market", { form: { country: "JP", returnTo }, headers: { origin: baseURL! }, maxRedirects: 0 });
      expect(response.status(), returnTo).toBe(303);
      const target = new URL(response.headers()["location"]!, baseURL);
      expect(target.origin, returnTo).toBe(new URL(baseURL!).origin);
    }
  });
});
