import { test, expect } from "./fixtures";
import { messages, text } from "./messages";
import { DEMO, signIn } from "./sign-in";

/** Accounts in the demo store: signed-in surfaces send a visitor to sign in and back; wrong passwords are refused in the visitor's language. */
const en = messages("en");
const ar = messages("ar");

test.describe("accounts", () => {
  test("the account page sends a visitor to sign in; the demo buyer signs in and comes back to it", async ({ page }) => {
    await page.goto("/en/account");
    await expect(page).toHaveURL(/\/en\/sign-in\?returnTo=/);
    await page.locator("input[name=email]").fill("buyer@demo.caravan.localhost");
    await page.locator("input[name=password]").fill("not-the-password");
    await page.locator("form button[type=submit]").click();
    await expect(page.locator("p.note.error[role=alert]")).toBeVisible();
    await page.locator("input[name=email]").fill("buyer@demo.caravan.localhost");
    await page.locator("input[name=password]").fill("caravan-buyer-demo");
    await page.locator("form button[type=submit]").click();
    await expect(page).toHaveURL(/\/en\/account$/);
    await expect(page.getByTestId("account-email")).toHaveText("buyer@demo.caravan.localhost");
    await expect(page.getByTestId("account-role")).toHaveText(text(en, "auth.account.roles.BUYER"));
  });

  test.describe("without JavaScript, in Arabic", () => {
    test.use({ javaScriptEnabled: false });
    test("the sign-in form works right to left and signs the demo seller in", async ({ page }) => {
      await page.goto("/ar/sign-in");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      // The demo seller has two-factor on: signIn answers the second step, still without JavaScript.
      await signIn(page, DEMO.seller("hollerbach-solingen"), { locale: "ar" });
      await page.goto("/ar/account");
      await expect(page.getByTestId("account-email")).toHaveText("seller+hollerbach-solingen@demo.caravan.localhost");
      expect(text(ar, "auth.account.roles.BUYER")).toBeTruthy();
    });
  });
});
