import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { TwoFactorNeeded } from "@/components/account/two-factor-needed";
import { PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import { noticeTexts } from "@/components/sellers/notice";
import { SellerProfileForm } from "@/components/sellers/seller-profile-form";
import { isLocale } from "@/lib/domain/markets";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";
import { sellerSettings } from "@/lib/server/sellers/shop";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "onboarding.settings" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The shop's settings (the onboarding details) and connecting payouts. */
export default async function SellerSettingsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const path = `/${locale}/seller/settings`;
  const viewer = await sellerViewer(locale, path);
  const [t, query, result] = await Promise.all([getTranslations({ locale, namespace: "onboarding.settings" }), searchParams, sellerSettings(viewer)]);
  if (!result.ok) notFound();
  const settings = result.settings;
  const notice = await noticeTexts(locale, query, "onboarding");
  return (
    <>
      <h1>{t("title")}</h1>
      <PanelNotice error={notice.error} done={notice.done} />
      <section aria-labelledby="settings-payouts" className="seller-card">
        <h2 id="settings-payouts">{t("payoutsTitle")}</h2>
        <p data-testid="seller-payouts" data-ready={String(settings.payoutsReady)}>
          {settings.payoutsReady ? t("payoutsReady") : t("payoutsMissing")}
        </p>
        {!settings.payoutsReady && viewer.secondFactor !== "passed" && <TwoFactorNeeded locale={locale} returnTo={path} />}
        {!settings.payoutsReady && viewer.secondFactor === "passed" && (
          <PanelForm action="/api/seller/payouts" locale={locale} returnTo={path} label={t("connect")}>
            <p className="muted small">{t("connectHint")}</p>
            <button type="submit">{settings.hasPaymentAccount ? t("continue") : t("connect")}</button>
          </PanelForm>
        )}
      </section>
      <section aria-labelledby="settings-shop">
        <h2 id="settings-shop">{t("shopTitle")}</h2>
        <SellerProfileForm
          locale={locale}
          action="/api/seller/settings"
          returnTo={pagePath(path, query)}
          values={settings}
          currencies={settings.currencies}
          locked={settings.locked}
          submit={t("save")}
          label={t("shopTitle")}
        />
      </section>
    </>
  );
}
