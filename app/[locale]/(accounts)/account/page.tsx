import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountForm } from "@/components/account/account-parts";
import { isLocale } from "@/lib/domain/markets";
import { signInPath } from "@/lib/domain/surfaces";
import { currentViewer } from "@/lib/server/auth/viewer";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "auth.account" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, tp, viewer] = await Promise.all([getTranslations({ locale, namespace: "auth.account" }), getTranslations({ locale, namespace: "accountPages.home" }), headers().then(currentViewer)]);
  // The proxy only saw a cookie; an expired or revoked session lands here.
  if (!viewer) redirect(signInPath(locale, `/${locale}/account`));
  return (
    <div className="account-area">
      <h1>{t("title")}</h1>
      <dl className="account-facts">
        <dt>{t("email")}</dt>
        <dd data-testid="account-email">{viewer.email}</dd>
        <dt>{t("role")}</dt>
        <dd data-testid="account-role">{t(`roles.${viewer.role}`)}</dd>
        {viewer.seller && (
          <>
            <dt>{t("seller")}</dt>
            <dd>{t(`sellerRoles.${viewer.seller.role}`)}</dd>
          </>
        )}
      </dl>
      <ul className="account-links" data-testid="account-links">
        <li>
          <a href={`/${locale}/account/orders`}>{tp("orders")}</a>
          <span className="muted small"> {tp("ordersHint")}</span>
        </li>
        <li>
          <a href={`/${locale}/account/addresses`}>{tp("addresses")}</a>
          <span className="muted small"> {tp("addressesHint")}</span>
        </li>
        <li>
          <a href={`/${locale}/account/sessions`}>{tp("sessions")}</a>
          <span className="muted small"> {tp("sessionsHint")}</span>
        </li>
      </ul>
      <AccountForm action="sign-out" locale={locale}>
        <button type="submit" className="secondary">
          {t("signOut")}
        </button>
      </AccountForm>
      <AccountForm action="sign-out-everywhere" locale={locale}>
        <p className="muted small">{t("signOutEverywhereHint")}</p>
        <button type="submit">{t("signOutEverywhere")}</button>
      </AccountForm>
    </div>
  );
}
