import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { TwoFactorNeeded } from "@/components/account/two-factor-needed";
import { PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import { noticeTexts } from "@/components/sellers/notice";
import { isLocale } from "@/lib/domain/markets";
import { signedInViewer } from "@/lib/server/panels/viewer";
import { sellerOverview } from "@/lib/server/sellers/shop";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "onboarding.overview" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The seller panel's first page: the shop at a glance for a member; for anyone else signed in, how to open one. */
export default async function SellerOverviewPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const path = `/${locale}/seller`;
  const viewer = await signedInViewer(locale, path);
  const [t, format, query] = await Promise.all([getTranslations({ locale, namespace: "onboarding.overview" }), getFormatter({ locale }), searchParams]);
  const result = viewer.seller ? await sellerOverview(viewer) : null;
  if (!result?.ok) {
    return (
      <>
        <h1>{t("introTitle")}</h1>
        <p>{t("intro")}</p>
        <p>
          <a className="button" href={`/${locale}/seller/onboarding`}>
            {t("start")}
          </a>
        </p>
      </>
    );
  }
  const shop = result.overview;
  const notice = await noticeTexts(locale, query, "onboarding");
  return (
    <>
      <h1>{shop.name}</h1>
      <PanelNotice error={notice.error} done={notice.done} />
      <section aria-labelledby="seller-status" className="seller-card">
        <h2 id="seller-status">{t("status")}</h2>
        <p>
          <strong className={`seller-status seller-status-${shop.status.toLowerCase()}`} data-testid="seller-status" data-status={shop.status}>
            {t(`statusName.${shop.status}`)}
          </strong>
        </p>
        <p>{t(`statusText.${shop.status}`)}</p>
        {shop.status === "ACTIVE" && (
          <p>
            <a href={`/${locale}/sellers/${shop.handle}`}>{t("viewShop")}</a>
          </p>
        )}
      </section>
      <section aria-labelledby="seller-payouts" className="seller-card">
        <h2 id="seller-payouts">{t("payouts")}</h2>
        <p data-testid="seller-payouts" data-ready={String(shop.payoutsReady)}>
          {shop.payoutsReady ? t("payoutsReady") : t("payoutsMissing")}
        </p>
        {!shop.payoutsReady && viewer.secondFactor !== "passed" && <TwoFactorNeeded locale={locale} returnTo={`/${locale}/seller`} />}
        {!shop.payoutsReady && viewer.secondFactor === "passed" && (
          <PanelForm action="/api/seller/payouts" locale={locale} returnTo={`/${locale}/seller/settings`} label={t("connect")}>
            <button type="submit">{t("connect")}</button>
          </PanelForm>
        )}
      </section>
      <section aria-labelledby="seller-counts" className="seller-card">
        <h2 id="seller-counts">{t("products")}</h2>
        <dl className="seller-facts">
          {(["ACTIVE", "DRAFT", "ARCHIVED"] as const).map((status) => (
            <div key={status}>
              <dt>{t(`productStatus.${status}`)}</dt>
              <dd data-testid={`seller-products-${status.toLowerCase()}`}>{format.number(shop.products[status])}</dd>
            </div>
          ))}
          <div>
            <dt>{t("awaitingShipment")}</dt>
            <dd data-testid="seller-awaiting-shipment">{format.number(shop.awaitingShipment)}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
