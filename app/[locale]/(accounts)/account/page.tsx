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
  const [t, viewer] = await Promise.all([getTranslations({ locale, namespace: "auth.account" }), headers().then(currentViewer)]);
  // The proxy only saw a cookie; an expired or revoked session lands here.
  if (!viewer) redirect(signInPath(locale, `/${locale}/account`));
  return (
    <>
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
      <AccountForm action="sign-out" locale={locale}>
        <button type="submit" className="secondary">
          {t("signOut")}
        </button>
      </AccountForm>
      <AccountForm action="sign-out-everywhere" locale={locale}>
        <p className="muted small">{t("signOutEverywhereHint")}</p>
        <button type="submit">{t("signOutEverywhere")}</button>
      </AccountForm>
    </>
  );
}
