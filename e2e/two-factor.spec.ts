import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { simpleParser } from "mailparser";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { messages, text } from "./messages";
import { DEMO, DEMO_TOTP, signIn, totp } from "./sign-in";

/**
 * Two-factor sign-in end to end: an operator without it is sent from the operator's
 * pages to set it up (its actions answer 403 TWO_FACTOR_REQUIRED), turns it on with the
 * key and a first code, sees the backup codes once, then signs in with a code (a wrong
 * one refused) and with a backup code (good once). And the second step in Arabic
 * without JavaScript, for a demo seller on the way to payouts.
 */
const en = messages("en");
const ar = messages("ar");
const OUTBOX = path.resolve(".data/outbox");
const PASSWORD = "a-long-enough-password";

async function verificationLink(email: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const files = fs.existsSync(OUTBOX) ? fs.readdirSync(OUTBOX).filter((f) => f.endsWith(".eml")).sort().reverse() : [];
    for (const file of files) {
      const mail = await simpleParser(fs.readFileSync(path.join(OUTBOX, file)));
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      if (to?.value[0]?.address === email) return mail.text!.match(/https?:\/\/\S+/)![0];
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no verification mail to ${email}`);
}

/** A new, verified account, signed in, then made an operator in the database (as the store's operators are). */
async function newOperator(page: Page): Promise<{ email: string; password: string }> {
  const email = `two-factor-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  await page.goto("/en/sign-up");
  await page.locator("#sign-up-email").fill(email);
  await page.locator("#sign-up-password").fill(PASSWORD);
  await page.locator("#sign-up-repeat").fill(PASSWORD);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/en\/sign-in\?sent=1/);
  const link = new URL(await verificationLink(email));
  expect((await page.request.get(link.pathname + link.search, { maxRedirects: 0 })).status()).toBe(302);
  const account = { email, password: PASSWORD };
  await signIn(page, account);
  // The user table keeps only a blind index of the address: the account is found through its session.
  const session = (await page.context().cookies()).find((c) => c.name === "caravan.session_token")!;
  const token = decodeURIComponent(session.value).split(".")[0]!;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const updated = await client.query(`UPDATE "user" SET role = 'OPERATOR' WHERE id = (SELECT "userId" FROM "session" WHERE token = $1)`, [token]);
    expect(updated.rowCount).toBe(1);
  } finally {
    await client.end();
  }
  return account;
}

async function signOut(page: Page) {
  await page.goto("/en/account");
  await page.locator('form[action="/api/account/sign-out"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/en$/);
}

async function passwordStep(page: Page, account: { email: string; password: string }) {
  await page.goto("/en/sign-in");
  await page.locator("input[name=email]").fill(account.email);
  await page.locator("input[name=password]").fill(account.password);
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL(/\/en\/sign-in\/two-factor/);
}

async function secondStep(page: Page, code: string) {
  await page.locator("#two-factor-code").fill(code);
  await page.locator("form button[type=submit]").click();
}

test.describe("two-factor", () => {
  test("an operator turns it on when the operator's pages ask, sees the backup codes once, then signs in with a code or a backup code", async ({ page, baseURL }) => {
    const operator = await newOperator(page);

    // Operator actions and pages need it.
    const action = await page.request.post("/api/admin/fx/override", { form: { locale: "en", returnTo: "/en/admin/fx", currency: "JPY", rate: "150", reason: "two-factor check" }, headers: { origin: baseURL! }, maxRedirects: 0 });
    expect(action.status()).toBe(403);
    expect(await action.json()).toEqual({ ok: false, code: "TWO_FACTOR_REQUIRED" });
    await page.goto("/en/admin/fx");
    await expect(page).toHaveURL((url) => url.pathname === "/en/account/security" && url.searchParams.get("returnTo") === "/en/admin/fx");
    await expect(page.getByTestId("two-factor-required")).toHaveText(text(en, "twoFactor.page.required"));
    await expect(page.getByTestId("two-factor-status")).toHaveAttribute("data-on", "false");

    // Password, then the key and a first code.
    await page.locator("#two-factor-enable-password").fill(PASSWORD);
    await page.getByRole("button", { name: text(en, "twoFactor.page.enable") }).click();
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "twoFactor.done.started"));
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
    await expect(page.getByTestId("totp-uri")).toHaveAttribute("href", new RegExp(`^otpauth://totp/Caravan:.*secret=${secret}`));
    await page.locator("#two-factor-confirm-code").fill("000000");
    await page.getByRole("button", { name: text(en, "twoFactor.page.confirm") }).click();
    await expect(page.getByTestId("panel-error")).toHaveText(text(en, "panel.error.INVALID_TWO_FACTOR_CODE"));
    await page.locator("#two-factor-confirm-code").fill(totp(secret));
    await page.getByRole("button", { name: text(en, "twoFactor.page.confirm") }).click();
    await expect(page.getByTestId("panel-done")).toHaveText(text(en, "twoFactor.done.enabled"));
    await expect(page.getByTestId("two-factor-status")).toHaveAttribute("data-on", "true");
    const codes = (await page.getByTestId("backup-codes").locator("code").allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);
    await expectAccessible(page);

    // Shown once; on to where the operator was going.
    await page.getByTestId("two-factor-resume").click();
    await expect(page).toHaveURL(/\/en\/admin\/fx$/);
    await page.goto("/en/account/security");
    await expect(page.getByTestId("backup-codes")).toHaveCount(0);

    // Signing in: a wrong code is refused, a good one signs in.
    await signOut(page);
    await passwordStep(page, operator);
    await secondStep(page, "000000");
    await expect(page.locator("p.note.error[role=alert]")).toHaveText(text(en, "panel.error.INVALID_TWO_FACTOR_CODE"));
    await secondStep(page, totp(secret));
    await expect(page).toHaveURL(/\/en\/account$/);
    await page.goto("/en/admin/fx");
    await expect(page).toHaveURL(/\/en\/admin\/fx$/);

    // A backup code signs in once.
    await signOut(page);
    await passwordStep(page, operator);
    await secondStep(page, codes[0]!);
    await expect(page).toHaveURL(/\/en\/account$/);
    await signOut(page);
    await passwordStep(page, operator);
    await secondStep(page, codes[0]!);
    await expect(page.locator("p.note.error[role=alert]")).toHaveText(text(en, "panel.error.INVALID_TWO_FACTOR_CODE"));
    await expect(page).toHaveURL(/\/en\/sign-in\/two-factor/);
    await expectAccessible(page);
  });

  test("the demo store shows the demo accounts' current code on the second step, and it signs the demo seller in", async ({ page }) => {
    await passwordStep(page, DEMO.seller("armazem-da-mantiqueira"));
    const shown = (await page.getByTestId("two-factor-demo-code").textContent()) ?? "";
    const code = /\d{6}/.exec(shown)?.[0];
    expect(code).toBeDefined();
    await secondStep(page, code!);
    await expect(page).toHaveURL(/\/en\/account$/);
  });

  test("the second step works in Arabic without JavaScript, on a demo seller's way to payouts", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(`/ar/sign-in?returnTo=${encodeURIComponent("/ar/seller/payouts")}`);
    await page.locator("input[name=email]").fill(DEMO.seller("ujigawa-chaho").email);
    await page.locator("input[name=password]").fill(DEMO.seller("ujigawa-chaho").password);
    await page.locator("form button[type=submit]").click();
    await expect(page).toHaveURL(/\/ar\/sign-in\/two-factor\?returnTo=/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(ar, "twoFactor.step.title"));
    await expect(page.getByLabel(text(ar, "twoFactor.step.code"))).toBeVisible();
    await page.locator("#two-factor-code").fill("12345");
    await page.locator("form button[type=submit]").click();
    await expect(page.locator("p.note.error[role=alert]")).toHaveText(text(ar, "panel.error.INVALID_TWO_FACTOR_CODE"));
    await page.locator("#two-factor-code").fill(totp(DEMO_TOTP));
    await page.locator("form button[type=submit]").click();
    await expect(page).toHaveURL(/\/ar\/seller\/payouts$/);
    await context.close();
  });
});
