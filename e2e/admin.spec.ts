import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { signIn, DEMO } from "./sign-in";
import { GERMAN_PRODUCT } from "./catalogue-data";
import { messages, text } from "./messages";
import { addToCart } from "./journeys";

/**
 * The operator's panel: orders with their reconcile state, the audit log with the entries
 * the payment flow writes, a hand-set exchange rate, a buyer kept out, and the log in
 * Arabic on a phone.
 */
const en = messages("en");
const ar = messages("ar");
const sandboxOrigin = new URL(process.env.STRIPE_SANDBOX_URL ?? "http://127.0.0.1:12111").origin;

/** A guest buys one German item for Japan and pays with 4242, as e2e/checkout.spec.ts does. */
async function payAnOrder(page: Page): Promise<{ id: string; number: string }> {
  await page.goto(`/en/products/${GERMAN_PRODUCT.slug}`);
  await addToCart(page, page.getByTestId("add-to-cart").getByRole("button", { name: text(en, "product.addToCart") }));
  await page.goto("/en/checkout");
  const select = page.locator("select[name=country]");
  if ((await select.inputValue()) !== "JP") {
    await select.selectOption("JP");
    await page.locator("button[value=update]").click();
    await expect(page.locator("select[name=country]")).toHaveValue("JP");
  }
  const address = { name: "山田 花子", line1: "京都市中京区烏丸通二条下ル 123", postalCode: "6040000", phone: "090-1234-5678", email: "hanako@example.jp" };
  for (const [name, value] of Object.entries(address)) {
    const field = page.locator(`input[name=${name}]`);
    if ((await field.count()) > 0) await field.fill(value);
  }
  await page.locator("select[name=region]").selectOption("26");
  await page.locator("button[value=update]").click();
  await page.getByTestId("accept-terms").check();
  await page.getByTestId("pay").click();
  await expect(page).toHaveURL(new RegExp(`^${sandboxOrigin}/pay/cs_test_`));
  await page.locator("[name=card_number]").fill("4242424242424242");
  await page.locator("[name=card_expiry]").fill("12 / 34");
  await page.locator("[name=card_cvc]").fill("123");
  await page.locator("[name=name]").fill("Test Buyer");
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/en\/checkout\/complete\?order=/);
  await expect(page.getByTestId("order")).toHaveAttribute("data-status", "PAID");
  return { id: (await page.getByTestId("order").getAttribute("data-order-id"))!, number: (await page.getByTestId("order-number").textContent())!.trim() };
}

test.describe("operator panel", () => {
  test("the operator sees a paid order with its reconcile state, and its order.paid and transfer.create entries in the audit log", async ({ page }) => {
    const order = await payAnOrder(page);
    await signIn(page, DEMO.operator, { returnTo: `/en/admin/orders?number=${order.number}` });
    const row = page.locator(`[data-testid=admin-order][data-order-id="${order.id}"]`);
    // Transfers and the confirmation follow the payment within moments.
    await expect(async () => {
      await page.reload();
      await expect(row.getByTestId("reconcile-state")).toHaveAttribute("data-state", "consistent", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(row).toHaveAttribute("data-status", "PAID");
    await expect(row.getByTestId("reconcile-state")).toHaveText(text(en, "adminOrders.reconcile.consistent"));
    await expect(row.getByTestId("admin-order-transfer").first()).toHaveAttribute("data-transfer-status", "TRANSFERRED");

    // The detail: the buyer masked, the order's own entries.
    await row.getByRole("link", { name: order.number }).click();
    await expect(page.getByTestId("admin-order-buyer")).toHaveText("h•••@e•••.jp");
    await expect(page.locator("body")).not.toContainText("hanako@example.jp");
    await expect(page.locator("[data-testid=audit-entry][data-action='order.paid']")).toHaveCount(1);
    await expect(page.locator("[data-testid=audit-entry][data-action='transfer.create']")).toHaveCount(1);

    // The audit log filtered by "order.": the payment; by "transfer.": the seller's transfer.
    await page.goto("/en/admin/audit");
    await page.getByLabel(text(en, "adminAudit.filters.action"), { exact: true }).fill("order.");
    await page.getByLabel(text(en, "adminAudit.filters.subjectId"), { exact: true }).fill(order.id);
    await page.getByRole("button", { name: text(en, "adminAudit.filters.apply") }).click();
    await expect(page).toHaveURL(/action=order\./);
    await expect(page.locator("[data-testid=audit-entry][data-action='order.paid']")).toHaveCount(1);
    await expect(page.getByTestId("audit-entry").first()).toContainText("payments");
    await page.goto(`/en/admin/audit?action=order.`);
    await expect(page.locator("[data-testid=audit-entry][data-action='order.paid']").first()).toBeVisible();
    await page.goto(`/en/admin/audit?action=transfer.create`);
    await expect(page.locator("[data-testid=audit-entry][data-action='transfer.create']").filter({ hasText: order.id }).first()).toBeVisible();
  });

  test("the operator sets a rate by hand with a reason and sees it on the rates page and in the audit log", async ({ page }) => {
    await signIn(page, DEMO.operator, { returnTo: "/en/admin/fx" });
    await expect(page.getByTestId("fx-last-refresh")).toBeVisible();
    // KES: a rate the ECB does not publish and no other test prices with.
    const rate = `${140 + Math.floor(Math.random() * 20)}.${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`.replace(/0+$/, "").replace(/\.$/, "");
    const reason = `Bank quote ${rate}`;
    await page.getByLabel(text(en, "adminFx.override.currency"), { exact: true }).fill("KES");
    await page.getByLabel(text(en, "adminFx.override.rate"), { exact: true }).fill(rate);
    // Without a reason: refused, nothing changed.
    await page.getByRole("button", { name: text(en, "adminFx.override.submit") }).click();
    expect(await page.getByLabel(text(en, "adminFx.override.reason"), { exact: true }).evaluate((field: HTMLTextAreaElement) => field.validity.valueMissing)).toBe(true);
    await expect(page).toHaveURL(/\/en\/admin\/fx$/);
    await page.getByLabel(text(en, "adminFx.override.reason"), { exact: true }).fill(reason);
    await page.getByRole("button", { name: text(en, "adminFx.override.submit") }).click();
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "adminFx.done.overridden"));
    const kes = page.locator("[data-testid=fx-rate][data-currency=KES]");
    await expect(kes.getByTestId("fx-rate-value")).toHaveText(rate);
    await expect(kes).toHaveAttribute("data-source", "MANUAL");
    await expect(kes).toContainText(new Date().toISOString().slice(0, 10));

    await page.goto("/en/admin/audit?action=fx.override&subjectId=EUR%2FKES");
    const entry = page.getByTestId("audit-entry").first();
    await expect(entry).toHaveAttribute("data-action", "fx.override");
    await expect(entry.getByTestId("audit-reason")).toHaveText(reason);
    await expect(entry).toContainText(DEMO.operator.email);
    await expect(entry).toContainText(`"${rate}"`);
  });

  test("a buyer gets the panel's 404 at the orders page", async ({ page }) => {
    await signIn(page, DEMO.buyer);
    const response = await page.goto("/en/admin/orders");
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("admin-orders")).toHaveCount(0);
  });

  test("the audit log in Arabic on a 375 px phone: right to left, nothing wider than the screen", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, DEMO.operator, { locale: "ar", returnTo: "/ar/admin/audit" });
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(ar, "adminAudit.title"));
    // Entries, or the note that there are none yet (the other specs may not have paid anything so far).
    await expect(page.getByTestId("audit-entries").or(page.getByText(text(ar, "adminAudit.empty")))).toBeVisible();
    await expect(page.getByLabel(text(ar, "adminAudit.filters.action"), { exact: true })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
