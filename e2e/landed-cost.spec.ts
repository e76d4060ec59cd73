import { test, expect } from "./fixtures";
import { JAPANESE_PRODUCT } from "./catalogue-data";
import { PRODUCTS, SELLERS } from "../prisma/seed-data";

test.describe("landed cost", () => {
  test("Germany and the United States see different delivered prices, with the regime named", async ({ page, visit, shipTo }) => {
    await visit(`/en/products/${JAPANESE_PRODUCT.slug}`);
    await shipTo("DE");
    const landed = page.getByTestId("landed-cost");
    await expect(landed).toHaveAttribute("data-regime", "EU_IOSS");
    await expect(landed.getByTestId("regime")).toHaveText(/EU import up to €150/);
    await expect(landed.getByTestId("incoterm-badge")).toHaveText("Duties and taxes included");
    const germany = await landed.getByTestId("landed-total").textContent();
    expect(germany).toMatch(/€/);

    await shipTo("US");
    await expect(landed).toHaveAttribute("data-regime", "US_IMPORT");
    await expect(landed.getByTestId("regime")).toHaveText(/US import/);
    const america = await landed.getByTestId("landed-total").textContent();
    expect(america).toMatch(/\$/);
    expect(america).not.toBe(germany);

    await landed.getByText("Price breakdown").click();
    await expect(landed.getByTestId("duty")).toBeVisible();
  });

  test("a seller who ships DAP shows import charges as due on delivery", async ({ page, visit, shipTo }) => {
    const dapSeller = SELLERS.find((s) => s.incoterm === "DAP")!;
    const coffee = PRODUCTS.find((p) => p.sellerId === dapSeller.id && p.kind === "PHYSICAL")!;
    await visit(`/en/products/${coffee.slug}`);
    await shipTo("DE");
    const landed = page.getByTestId("landed-cost");
    await expect(landed).toHaveAttribute("data-incoterm", "DAP");
    await expect(landed.getByTestId("incoterm-badge")).toHaveText("Import charges paid on delivery");
    await landed.getByText("Price breakdown").click();
    await expect(landed.getByText("Paid on delivery (estimate)")).toBeVisible();
  });

  test("a product that cannot enter the buyer's country says so", async ({ page, visit, shipTo }) => {
    const seeds = PRODUCTS.find((p) => p.hsCode?.startsWith("1209"))!;
    await visit(`/en/products/${seeds.slug}`);
    await shipTo("AU");
    await expect(page.getByTestId("cannot-ship")).toContainText("cannot be shipped to Australia");
    await expect(page.getByTestId("landed-cost")).toHaveCount(0);
  });

  test("in Arabic, right to left, with the breakdown translated", async ({ page, visit }) => {
    await visit(`/ar/products/${JAPANESE_PRODUCT.slug}`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByTestId("landed-cost")).toHaveAttribute("data-regime", /IMPORT|DOMESTIC|IOSS|POINT/);
    await expect(page.getByTestId("landed-cost")).not.toContainText("Delivered to");
  });

  test("the public API answers JSON, and 400 for bad input", async ({ request }) => {
    const ok = await request.post("/api/v1/landed-cost", {
      data: {
        destination: "DE",
        date: "2026-08-01",
        currency: "EUR",
        parcels: [{ origin: "JP", shipping: { amountMinor: 1500, currency: "JPY" }, items: [{ hsCode: "090210", kind: "physical", quantity: 2, unitPrice: { amountMinor: 2000, currency: "JPY" } }] }],
      },
    });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).parcels[0].regime).toBe("EU_IOSS");
    const bad = await request.post("/api/v1/landed-cost", { data: { destination: "ZZ", parcels: [] } });
    expect(bad.status()).toBe(400);
    const body = await bad.json();
    expect(body.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual(["destination"]);
    const notJson = await request.post("/api/v1/landed-cost", { data: "{not json", headers: { "content-type": "application/json" } });
    expect(notJson.status()).toBe(400);
    const openapi = await request.get("/api/v1/openapi.json");
    expect(openapi.status()).toBe(200);
    expect((await openapi.json()).paths["/api/v1/landed-cost"].post).toBeTruthy();
  });
});
