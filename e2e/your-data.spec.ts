import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { JAPANESE_PRODUCT } from "./catalogue-data";
import { DEMO, signIn } from "./sign-in";
import { buyAsGuest, OUTBOX, query } from "./journeys";
import { messages, text } from "./messages";

/**
 * A person's data, as they would ask for it: a guest asks by email in Arabic on a phone,
 * opens the link from the outbox, reads everything held about them and downloads it as
 * JSON; erasure waits until the parcel is delivered, then leaves the order unreadable and
 * the link spent. A signed-in buyer downloads their own copy from the account.
 */
const ar = messages("ar");
const say = (key: string): string => text(ar, key);

/** The last privacy link mailed to `email`. */
async function linkFor(email: string, since: number): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const files = fs.existsSync(OUTBOX) ? fs.readdirSync(OUTBOX).filter((f) => f.endsWith(".eml")).sort() : [];
    for (const file of files.reverse()) {
      if (fs.statSync(path.join(OUTBOX, file)).mtimeMs < since) continue;
      const mail = await simpleParser(fs.readFileSync(path.join(OUTBOX, file)));
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
      const link = /https?:\/\/[^\s"<>]+\/your-data\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")?.[0];
      if (to?.value[0]?.address === email && link) return new URL(link).pathname;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no privacy link mailed to ${email}`);
}

async function ask(page: Page, email: string, kind: "export" | "erase"): Promise<string> {
  const since = Date.now() - 1000;
  await page.goto("/ar/your-data");
  await page.getByLabel(say("yourData.request.email")).fill(email);
  await page.locator(`input[name=kind][value=${kind}]`).check();
  await page.getByTestId("data-request").click();
  await expect(page.getByTestId("panel-done")).toHaveText(say("yourData.request.sent"));
  return linkFor(email, since);
}

test.describe("your data", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("a guest reads and downloads their data in Arabic, and erases it once the parcel is delivered", async ({ page }) => {
    const email = `guest-data-${Date.now()}@example.ae`;
    const name = "ليلى الحسيني";
    const street = "شارع الوصل 17";
    const { orderId, number } = await buyAsGuest(page, { locale: "ar", slugs: [JAPANESE_PRODUCT.slug], address: { name, line1: street, postalCode: "6040000", phone: "090-2222-3333", email } });

    // An address the store holds nothing for gets the same answer, and no link.
    await page.goto("/ar/your-data");
    await page.getByLabel(say("yourData.request.email")).fill("nobody-at-all@example.ae");
    await page.getByTestId("data-request").click();
    await expect(page.getByTestId("panel-done")).toHaveText(say("yourData.request.sent"));

    const exportLink = await ask(page, email, "export");
    await page.goto(exportLink);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const summary = page.getByTestId("data-summary");
    await expect(summary).toContainText(email);
    await expect(summary).toContainText(name);
    await expect(summary).toContainText(street);
    await expect(summary.getByTestId("data-order")).toContainText(number);
    await page.screenshot({ path: ".data/test-results/your-data-ar-phone.png", fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("data-download").click()]);
    const json = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as { emails: string[]; orders: { number: string; shipTo: { lines: string[] } }[] };
    expect(json.emails).toEqual([email]);
    expect(json.orders.map((o) => o.number)).toEqual([number]);
    expect(json.orders[0]!.shipTo.lines.join(" ")).toContain(street);

    // Erasure waits while the parcel is on its way.
    const eraseLink = await ask(page, email, "erase");
    await page.goto(eraseLink);
    await page.locator("#erase-confirm").check();
    await page.getByTestId("data-erase").click();
    await expect(page.getByTestId("panel-error")).toHaveText(say("panel.error.ORDERS_IN_PROGRESS"));

    await query(`UPDATE "SubOrder" SET "deliveredAt" = now() WHERE "orderId" = $1`, [orderId]);
    await page.goto(eraseLink);
    await page.locator("#erase-confirm").check();
    await page.getByTestId("data-erase").click();
    await expect(page).toHaveURL(/\/ar\/your-data\/erased$/);
    await expect(page.getByTestId("data-erased")).toHaveText(say("yourData.erased.title"));

    // The order stays for the law, unreadable; both links are spent.
    const [order] = await query<{ subjectId: string; wrappedKey: string | null }>(`SELECT o."subjectId", s."wrappedKey" FROM "Order" o JOIN "DataSubject" s ON s.id = o."subjectId" WHERE o.id = $1`, [orderId]);
    expect(order).toMatchObject({ wrappedKey: null });
    const rows = await query<{ row: string }>(`SELECT row_to_json(o)::text AS row FROM "Order" o WHERE o.id = $1`, [orderId]);
    expect(rows[0]!.row).not.toContain(street);
    for (const link of [exportLink, eraseLink]) {
      await page.goto(link);
      await expect(page.getByTestId("data-link-expired")).toHaveText(say("yourData.link.expired"));
    }
    const api = await page.request.get(`/api${exportLink.replace(/^\/ar/, "")}`);
    expect(api.status()).toBe(404);
  });

  test("a signed-in buyer downloads their own data from the account", async ({ page }) => {
    await signIn(page, DEMO.buyer, { locale: "en", returnTo: "/en/account/privacy" });
    await expect(page).toHaveURL(/\/en\/account\/privacy$/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("data-download").click()]);
    const json = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as { format: string; account: { email: string } };
    expect(json).toMatchObject({ format: "caravan-personal-data/1", account: { email: DEMO.buyer.email } });
    await page.getByTestId("data-read").click();
    await expect(page.getByTestId("data-summary")).toContainText(DEMO.buyer.email);
    // Erasure asks for the box to be ticked (the browser asks first; without it the server does).
    await page.goto("/en/account/privacy");
    await page.locator("#erase-confirm").evaluate((box) => box.removeAttribute("required"));
    await page.getByTestId("data-erase").click();
    await expect(page.getByTestId("panel-error")).toHaveText(text(messages("en"), "panel.error.CONFIRMATION_REQUIRED"));
  });

  test("a visitor who is not signed in gets no one's data", async ({ page }) => {
    const response = await page.request.get("/api/account/data");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ ok: false, code: "SIGN_IN_REQUIRED" });
    expect((await page.request.get(`/api/your-data/${"a".repeat(43)}`)).status()).toBe(404);
  });
});
