import fs from "node:fs";
import path from "node:path";
import { expectAccessible, test, expect } from "./fixtures";
import { signIn, DEMO } from "./sign-in";
import { JAPANESE_PRODUCT } from "./catalogue-data";
import { buyAsGuest, query } from "./journeys";
import { messages, text } from "./messages";
import { SELLERS } from "../prisma/seed-data";
import { LOCALES, defaultMarketFor } from "../lib/domain/markets";
import { privacyRegimeFor } from "../lib/domain/privacy";
import { STORE_COOKIES } from "../lib/domain/privacy/notice";

/**
 * Minimisation and masking end to end: the privacy notice is prerendered in every
 * locale, speaks of the law of the buyer's market and names every cookie; a seller whose
 * parcel was delivered longer ago than the returns period sees the buyer's address
 * masked; an operator reveals the buyer's email with a reason, sees it in that answer
 * only, and finds the reveal with its reason in the audit log.
 */
type Manifest = { routes: Record<string, { initialRevalidateSeconds: number | false }> };
const manifest = JSON.parse(fs.readFileSync(path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "prerender-manifest.json"), "utf8")) as Manifest;

const JP_ADDRESS = { name: "Hanako Yamada", line1: "Karasuma-dori Nijo 123", postalCode: "6040000", phone: "090-1234-5678", email: "hanako@example.jp" };
const REASON = "Carrier asks to confirm the recipient's email";
const en = messages("en");
const handle = SELLERS.find((s) => s.id === JAPANESE_PRODUCT.sellerId)!.handle;

test.describe("privacy", () => {
  test("the notice is prerendered in every locale, with the law of the locale's market and every cookie by name", async ({ page, context, visit }) => {
    for (const locale of LOCALES) {
      // A first visit remembers the negotiated market: each locale starts afresh.
      await context.clearCookies();
      const market = defaultMarketFor(locale).country;
      const route = manifest.routes[`/${locale}/${market.toLowerCase()}/privacy`];
      expect(route, `${locale} privacy notice is prerendered`).toBeDefined();
      expect(route!.initialRevalidateSeconds).toBe(false);

      await visit(`/${locale}/privacy`);
      const m = messages(locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(m, "privacy.notice.title"));
      await expect(page.getByTestId("privacy-notice")).toHaveAttribute("data-regime", privacyRegimeFor(market));
      await expect(page.getByTestId("privacy-law")).toContainText(text(m, `privacy.notice.law.${privacyRegimeFor(market)}`).slice(0, 40));
      for (const cookie of STORE_COOKIES) await expect(page.getByTestId("privacy-cookies")).toContainText(cookie.name);
    }
  });

  test("the notice follows the ship-to market and is linked from the footer", async ({ page, shipTo }) => {
    await page.goto("/en");
    await page.getByTestId("footer-privacy").click();
    await expect(page).toHaveURL(/\/en\/privacy$/);
    for (const [country, regime] of [["GB", "UK"], ["CH", "CH"], ["AU", "AU"], ["DE", "EU"]] as const) {
      await shipTo(country);
      await expect(page.getByTestId("privacy-notice")).toHaveAttribute("data-regime", regime);
    }
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/ar/privacy");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  test("a seller sees the buyer's address masked after the returns period; an operator reveals the email with a reason, audited", async ({ page, context, baseURL }) => {
    test.setTimeout(150_000);
    await context.addCookies([{ name: "caravan_market", value: "JP", url: baseURL! }]);
    const { orderId } = await buyAsGuest(page, { slugs: [JAPANESE_PRODUCT.slug], address: JP_ADDRESS });
    const [sub] = await query<{ id: string }>(`SELECT "id" FROM "SubOrder" WHERE "orderId" = $1 AND "sellerId" = $2`, [orderId, JAPANESE_PRODUCT.sellerId]);

    // Paid and undelivered: the seller sees where to ship.
    await context.clearCookies();
    await signIn(page, DEMO.seller(handle), { returnTo: `/en/seller/orders/${sub!.id}` });
    await expect(page.getByTestId("seller-order-ship-to")).toContainText("Karasuma");

    // Delivered longer ago than the seller's returns period: masked.
    await query(
      `UPDATE "SubOrder" s SET "deliveredAt" = now() - (se."returnDays" + 1) * interval '1 day' FROM "Seller" se WHERE se."id" = s."sellerId" AND s."id" = $1`,
      [sub!.id],
    );
    await page.reload();
    await expect(page.getByTestId("seller-order-status")).toHaveText(text(en, "sellerOrders.statuses.DELIVERED"));
    await expect(page.getByTestId("seller-order-ship-to")).toHaveCount(0);
    await expect(page.getByTestId("seller-order-ship-to-masked")).toHaveText("H••• Y•••, Kyoto, JP");
    await expect(page.getByTestId("seller-order-ship-to-window")).toHaveText(text(en, "privacy.seller.masked.EXPIRED"));
    for (const secret of ["Karasuma", "6040000", "1234-5678", "Hanako"]) await expect(page.locator("main")).not.toContainText(secret);
    await expectAccessible(page);

    // The operator: masked by default; a reveal with a reason shows the email in that answer only.
    await context.clearCookies();
    await signIn(page, DEMO.operator, { returnTo: `/en/admin/orders/${orderId}` });
    const email = page.getByTestId("buyer-email");
    await expect(email.getByTestId("buyer-email-masked")).toHaveText("h•••@e•••.jp");
    await expect(page.getByTestId("buyer-address-masked")).toHaveText("Kyoto, JP");
    await expect(page.locator("body")).not.toContainText("hanako@example.jp");
    await expectAccessible(page);
    await email.getByText(text(en, "privacy.operator.reveal"), { exact: true }).click();
    await email.getByLabel(text(en, "privacy.operator.reason")).fill(REASON);
    await email.getByRole("button", { name: text(en, "privacy.operator.submit") }).click();
    await expect(email.getByTestId("buyer-email-value")).toHaveText("hanako@example.jp");
    expect(page.url()).not.toContain("hanako");
    await expectAccessible(page);
    await page.reload();
    await expect(email.getByTestId("buyer-email-masked")).toHaveText("h•••@e•••.jp");
    await expect(page.locator("body")).not.toContainText("hanako@example.jp");

    // The audit log: the reveal with its reason, never the value.
    await page.goto(`/en/admin/audit?action=pii.reveal&subjectId=${orderId}`);
    const entry = page.locator("[data-testid=audit-entry][data-action='pii.reveal']");
    await expect(entry).toHaveCount(1);
    await expect(entry.getByTestId("audit-reason")).toHaveText(REASON);
    await expect(entry).toContainText(DEMO.operator.email);
    await expect(page.locator("body")).not.toContainText("hanako@example.jp");
  });
});
