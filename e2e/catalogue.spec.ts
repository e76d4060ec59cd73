import { test, expect } from "./fixtures";

test.describe("catalogue", () => {
  test("filters by kind and sorts by price in the buyer's currency", async ({ page, visit }) => {
    await visit("/en/catalogue?kind=digital&sort=price-asc");
    const prices = await page.locator(".product-card [data-testid=price]").evaluateAll((nodes) =>
      nodes.map((n) => Number(n.getAttribute("data-amount-minor"))),
    );
    expect(prices.length).toBeGreaterThan(1);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
    await expect(page.locator(".product-card").filter({ hasText: "Physical product" })).toHaveCount(0);
  });

  test("filters by a price range typed in the buyer's currency", async ({ page, visit }) => {
    await visit("/en/catalogue?min=10&max=30");
    const prices = await page.locator(".product-card [data-testid=price]").evaluateAll((nodes) =>
      nodes.map((n) => Number(n.getAttribute("data-amount-minor"))),
    );
    expect(prices.length).toBeGreaterThan(0);
    for (const p of prices) {
      expect(p).toBeGreaterThanOrEqual(1000);
      expect(p).toBeLessThanOrEqual(3000);
    }
  });

  test("normalises nonsense parameters instead of failing", async ({ page, visit }) => {
    await visit("/en/catalogue?page=-1&min=abc&sort=sideways&kind=liquid");
    await expect(page).toHaveURL(/\/en\/catalogue$/);
    // A page past the end (an old link) lands on the last page.
    await visit("/en/catalogue?page=9999");
    await expect(page).toHaveURL(/\/en\/catalogue\?page=\d+$/);
    await expect(page.getByText(/^Page (\d+) of \1$/)).toBeVisible();
    await visit("/en/catalogue?category=kitchen-knives&kind=digital");
    await expect(page.getByText(/No products match/)).toBeVisible();
  });

  test("paginates", async ({ page, visit }) => {
    await visit("/en/catalogue");
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2$/);
    await expect(page.getByText("Page 2 of")).toBeVisible();
  });

  test("the filter form works", async ({ page, visit }) => {
    await visit("/en/catalogue");
    await page.getByLabel("Type").selectOption("physical");
    await page.getByRole("button", { name: "Show results" }).click();
    await expect(page).toHaveURL(/kind=physical/);
    await expect(page.locator(".product-card").filter({ hasText: "Digital download" })).toHaveCount(0);
  });
});
