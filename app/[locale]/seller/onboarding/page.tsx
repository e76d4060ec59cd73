import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PanelNotice } from "@/components/panel/panel-parts";
import { noticeTexts } from "@/components/sellers/notice";
import { EMPTY_PROFILE, SellerProfileForm } from "@/components/sellers/seller-profile-form";
import { isLocale } from "@/lib/domain/markets";
import { pagePath, signedInViewer } from "@/lib/server/panels/viewer";
import { onboardingOptions } from "@/lib/server/sellers/onboarding";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "onboarding" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Opening a shop: for a signed-in person who works for none yet (a member goes to the shop's overview). */
export default async function OnboardingPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const path = `/${locale}/seller/onboarding`;
  const viewer = await signedInViewer(locale, path);
  if (viewer.seller) redirect(`/${locale}/seller`);
  const [t, query, options] = await Promise.all([getTranslations({ locale, namespace: "onboarding" }), searchParams, onboardingOptions()]);
  const notice = await noticeTexts(locale, query, "onboarding");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <PanelNotice error={notice.error} done={notice.done} />
      <SellerProfileForm
        locale={locale}
        action="/api/seller/onboarding"
        returnTo={pagePath(path, query)}
        values={{ ...EMPTY_PROFILE, languages: [locale], currency: "" }}
        currencies={options.currencies}
        locked={false}
        submit={t("submit")}
        label={t("title")}
      />
    </>
  );
}
