import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { createSellerAccount, paymentsConfig, sellerAccountReady, sellerOnboardingLink } from "./index";

export interface SellerAccountsReport {
  created: number;
  onboarded: number;
  ready: number;
  failed: number;
}

/**
 * Connected payment accounts for sellers that have none (or whose account the provider
 * no longer knows). Against the local sandbox, the demo sellers also complete the
 * sandbox's simulated onboarding, as a real seller would on Stripe's page, so the demo
 * store can pay them out. Against Stripe, an account without completed onboarding
 * stays unpaid and its seller is held back from checkout until they finish it. A ready
 * account sets the seller's `payoutsReady`, which the panels show.
 */
export async function ensureSellerAccounts(db: PrismaClient, publicUrl: string): Promise<SellerAccountsReport> {
  const config = paymentsConfig();
  const report: SellerAccountsReport = { created: 0, onboarded: 0, ready: 0, failed: 0 };
  const sellers = await db.seller.findMany({ where: { status: "ACTIVE" }, orderBy: { id: "asc" } });
  for (const seller of sellers) {
    let accountId = seller.paymentAccountId;
    let ready = accountId ? await sellerAccountReady(accountId) : null;
    if (!accountId || (ready && !ready.ok && ready.status === 404)) {
      const created = await createSellerAccount({ sellerId: seller.id, country: seller.country, name: seller.name });
      if (!created.ok) {
        report.failed++;
        continue;
      }
      accountId = created.accountId;
      await db.seller.update({ where: { id: seller.id }, data: { paymentAccountId: accountId } });
      report.created++;
      ready = await sellerAccountReady(accountId);
    }
    if (ready?.ok && ready.ready) {
      if (!seller.payoutsReady) await db.seller.update({ where: { id: seller.id }, data: { payoutsReady: true } });
      report.ready++;
      continue;
    }
    if (!config.sandbox) continue;
    const link = await sellerOnboardingLink(accountId, `${publicUrl}/`, `${publicUrl}/`);
    if (!link.ok) {
      report.failed++;
      continue;
    }
    const submitted = await fetch(link.url, { method: "POST", body: new URLSearchParams({ action: "submit" }), redirect: "manual" }).catch(() => null);
    const after = await sellerAccountReady(accountId);
    if (submitted && after.ok && after.ready) {
      await db.seller.update({ where: { id: seller.id }, data: { payoutsReady: true } });
      report.onboarded++;
      report.ready++;
    } else report.failed++;
  }
  return report;
}
