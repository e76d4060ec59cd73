import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { PRODUCTS } from "../prisma/seed-data";
import { addToCart } from "./journeys";

/**
 * Digital delivery end to end: a buyer in Germany pays for the seeded e-book (whose demo
 * file the seed stores) with the consent to immediate supply, finds the download on the
 * order page, downloads it whole and in part, uses the link up, lands on the translated
 * "no longer valid" page and gets a new link from there.
 */
type Messages = Record<string, unknown>;
const en = JSON.parse(fs.readFileSync(path.resolve("messages", "en.json"), "utf8")) as Messages;
const text = (key: string): string => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en) as string;

const EBOOK = PRODUCTS.find((p) => p.kind === "DIGITAL" && p.taxCategory === "EBOOK")!;

async function downloadLink(page: Page): Promise<string> {
  // The return page may come back before the settlement has delivered: look again.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("download-link")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  return (await page.getByTestId("download-link").getAttribute("href"))!;
}

test.describe("digital delivery", () => {
  test("a buyer pays for an e-book with the consent, downloads it whole and in part, uses the link up and gets a new one", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "caravan_market", value: "DE", url: baseURL! }]);
    await page.goto(`/en/products/${EBOOK.slug}`);
    await addToCart(page, page.getByTestId("add-to-cart").getByRole("button", { name: text("product.addToCart") }));
    await page.goto("/en/checkout");
    if ((await page.locator("select[name=country]").inputValue()) !== "DE") {
      await page.locator("select[name=country]").selectOption("DE");
      await page.locator("button[value=update]").click();
    }
    await page.locator("input[name=email]").fill("lena@example.de");
    await page.locator("input[name=phone]").fill("+49 1512 3456789");
    await page.locator("button[value=update]").click();
    await page.getByTestId("accept-terms").check();
    await page.getByTestId("digital-consent").check();
    await page.getByTestId("pay").click();
    await expect(page).toHaveURL(/\/pay\/cs_test_/);
    await page.locator("[name=card_number]").fill("4242424242424242");
    await page.locator("[name=card_expiry]").fill("12 / 34");
    await page.locator("[name=card_cvc]").fill("123");
    await page.locator("[name=name]").fill("Lena Fischer");
    await page.locator("form button[type=submit]").click();
    await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");

    const href = await downloadLink(page);
    expect(href).toMatch(/^\/api\/downloads\/dl_[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\?locale=en$/);
    await expect(page.getByTestId("digital-item")).toHaveAttribute("data-state", "DELIVERED");
    await expect(page.getByTestId("download-terms")).toContainText("5");

    const whole = await page.request.get(href, { maxRedirects: 0 });
    expect(whole.status()).toBe(200);
    expect(whole.headers()["content-disposition"]).toBe(`attachment; filename="${EBOOK.slug}.txt"; filename*=UTF-8''${EBOOK.slug}.txt`);
    expect(whole.headers()["cache-control"]).toBe("private, no-store");
    expect(whole.headers()["accept-ranges"]).toBe("bytes");
    const body = await whole.body();
    expect(body.toString("utf8")).toContain(EBOOK.slug);

    const part = await page.request.get(href, { headers: { range: "bytes=0-3" }, maxRedirects: 0 });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-range"]).toBe(`bytes 0-3/${body.length}`);
    expect((await part.body()).equals(body.subarray(0, 4))).toBe(true);

    // Five downloads in all, then the link is spent.
    for (let i = 0; i < 3; i++) expect((await page.request.get(href, { maxRedirects: 0 })).status()).toBe(200);
    const spent = await page.request.get(href, { maxRedirects: 0 });
    expect(spent.status()).toBe(303);

    await page.goto(href);
    await expect(page).toHaveURL(/\/en\/downloads\/expired\?reason=USED_UP/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("downloads.expired.title"));
    await expect(page.getByTestId("download-expired")).toContainText(text("downloads.expired.USED_UP"));
    await page.getByTestId("download-renew").click();
    await expect(page).toHaveURL(/\/en\/checkout\/complete\?order=/);
    const fresh = (await page.getByTestId("download-link").getAttribute("href"))!;
    expect(fresh).not.toBe(href);
    expect((await page.request.get(fresh, { maxRedirects: 0 })).status()).toBe(200);
  });

  test("a forged link lands on the translated page without a way to renew", async ({ page }) => {
    await page.goto(`/de/downloads/expired?reason=INVALID`);
    const forged = await page.request.get(`/api/downloads/dl_${"A".repeat(22)}.${"B".repeat(43)}?locale=de`, { maxRedirects: 0 });
    expect(forged.status()).toBe(303);
    expect(forged.headers()["location"]).toBe("/de/downloads/expired?reason=INVALID");
    await page.goto(forged.headers()["location"]!);
    await expect(page.getByTestId("download-expired")).toHaveAttribute("data-reason", "INVALID");
    await expect(page.getByTestId("download-renew")).toHaveCount(0);
  });
});
