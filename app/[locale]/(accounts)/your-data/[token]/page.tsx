import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PanelNotice } from "@/components/panel/panel-parts";
import { DataSummary } from "@/components/privacy/data-summary";
import { EraseForm } from "@/components/privacy/erase-form";
import { firstParam } from "@/lib/domain/http/search-params";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { exportForToken, openRequest } from "@/lib/server/privacy/rights";

export const dynamic = "force-dynamic";

const ERRORS = ["CONFIRMATION_REQUIRED", "ORDERS_IN_PROGRESS", "STAFF_ACCOUNT", "SERVICE_BUSY"] as const;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "yourData" });
  // The link is the key: it must not be indexed, nor leak to another site through a referrer
  // ("same-origin", not "no-referrer": the page's own forms must still carry their origin).
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" as const };
}

/** What an emailed link opens: the person's data to read and download, or their erasure to confirm. */
export default async function YourDataLinkPage({ params, searchParams }: { params: Promise<{ locale: string; token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw, token } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const [t, tp] = await Promise.all([getTranslations({ locale, namespace: "yourData" }), getTranslations({ locale, namespace: "panel.error" })]);
  const opened = await openRequest(token);
  if (!opened.ok) {
    return (
      <div className="account-area">
        <h1>{t("title")}</h1>
        <p role="alert" data-testid="data-link-expired">
          {t("link.expired")}
        </p>
        <p>
          <a href={`/${locale}/your-data`}>{t("link.again")}</a>
        </p>
      </div>
    );
  }
  if (opened.request.kind === "export") {
    const result = await exportForToken(token);
    if (!result.ok) notFound();
    return (
      <div className="account-area">
        <h1>{t("link.exportTitle")}</h1>
        <p>
          <a className="button" href={`/api/your-data/${encodeURIComponent(token)}`} download data-testid="data-download">
            {t("export.json")}
          </a>
        </p>
        <DataSummary data={result.data} locale={locale} />
      </div>
    );
  }
  const error = ERRORS.find((code) => code === firstParam(query.error));
  return (
    <div className="account-area">
      <h1>{t("link.eraseTitle")}</h1>
      <PanelNotice error={error ? tp(error) : null} done={null} />
      <p>{t("erase.text")}</p>
      <p className="muted small">{t("erase.waiting")}</p>
      <EraseForm action={`/api/your-data/${encodeURIComponent(token)}/erase`} locale={locale} returnTo={`/${locale}/your-data/${token}`} confirm={t("erase.guestConfirm")} submit={t("erase.submit")} />
    </div>
  );
}
