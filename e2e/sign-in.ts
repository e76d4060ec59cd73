import { expect, type Page } from "@playwright/test";
import { base32Decode, DEMO_TOTP_SECRET, totpCode } from "@/lib/domain/two-factor";

/** The demo store's accounts (prisma/seed-accounts.ts; README "Demo accounts"). */
export const DEMO = {
  operator: { email: "operator@demo.caravan.localhost", password: "caravan-operator-demo" },
  buyer: { email: "buyer@demo.caravan.localhost", password: "caravan-buyer-demo" },
  seller: (handle: string) => ({ email: `seller+${handle}@demo.caravan.localhost`, password: "caravan-seller-demo" }),
};

/** The demo operator's and demo sellers' authenticator key (README "Demo accounts"). */
export const DEMO_TOTP = DEMO_TOTP_SECRET;

/** The authenticator's current code for a base32 key (RFC 6238: HMAC-SHA1, 30 s, 6 digits), as an app shows it. */
export function totp(secret: string, at: Date = new Date()): string {
  return totpCode(base32Decode(secret), at);
}

/**
 * Signs in through the sign-in page as a visitor does, landing on `returnTo` (default:
 * the account page). An account with two-factor on gets the second step, answered with
 * the current code for `secret` (default: the demo accounts' key).
 */
export async function signIn(page: Page, account: { email: string; password: string }, options: { locale?: string; returnTo?: string; secret?: string } = {}) {
  const locale = options.locale ?? "en";
  const returnTo = options.returnTo ?? `/${locale}/account`;
  await page.goto(`/${locale}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  await page.locator("input[name=email]").fill(account.email);
  await page.locator("input[name=password]").fill(account.password);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === returnTo || url.pathname === `/${locale}/sign-in/two-factor`);
  if (new URL(page.url()).pathname === `/${locale}/sign-in/two-factor`) {
    await page.locator("input[name=code]").fill(totp(options.secret ?? DEMO_TOTP));
    await page.locator("form button[type=submit]").click();
  }
  await expect(page).toHaveURL((url) => url.pathname + url.search === returnTo);
}

/**
 * On the account's security page (/{locale}/account/security): turns two-factor on with
 * the password and a first code, as a person with an authenticator app does; answers the key.
 */
export async function turnOnTwoFactor(page: Page, password: string): Promise<string> {
  await page.locator("#two-factor-enable-password").fill(password);
  await page.locator('form[action="/api/account/security/enable"] button[type=submit]').click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
  await page.locator("#two-factor-confirm-code").fill(totp(secret));
  await page.locator('form[action="/api/account/security/confirm"] button[type=submit]').click();
  await expect(page.getByTestId("two-factor-status")).toHaveAttribute("data-on", "true");
  return secret;
}
