import { expect, type Page } from "@playwright/test";

/** The demo store's accounts (prisma/seed-accounts.ts; README "Demo accounts"). */
export const DEMO = {
  operator: { email: "operator@demo.caravan.localhost", password: "caravan-operator-demo" },
  buyer: { email: "buyer@demo.caravan.localhost", password: "caravan-buyer-demo" },
  seller: (handle: string) => ({ email: `seller+${handle}@demo.caravan.localhost`, password: "caravan-seller-demo" }),
};

/** Signs in through the sign-in page as a visitor does, landing on `returnTo` (default: the account page). */
export async function signIn(page: Page, account: { email: string; password: string }, options: { locale?: string; returnTo?: string } = {}) {
  const locale = options.locale ?? "en";
  const returnTo = options.returnTo ?? `/${locale}/account`;
  await page.goto(`/${locale}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.locator("input[name=email]").fill(account.email);
  await page.locator("input[name=password]").fill(account.password);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === returnTo);
}
