import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountNav } from "@/components/account/account-nav";
import { PanelNotice } from "@/components/panel/panel-parts";
import { EraseForm } from "@/components/privacy/erase-form";
import { firstParam } from "@/lib/domain/http/search-params";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { pagePath, signedInViewer } from "@/lib/server/panels/viewer";

export const dynamic = "force-dynamic";

const ERRORS = ["CONFIRMATION_REQUIRED", "STAFF_ACCOUNT", "ORDERS_IN_PROGRESS", "SERVICE_BUSY"] as const;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "yourData" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The buyer's data: a copy (JSON, or read on the page) and erasure. */
export default async function AccountPrivacyPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/account/privacy`;
  await signedInViewer(locale, pagePath(path, query));
  const [t, tp] = await Promise.all([getTranslations({ locale, namespace: "yourData" }), getTranslations({ locale, namespace: "panel.error" })]);
  const error = ERRORS.find((code) => code === firstParam(query.error));
  return (
    <div className="account-area">
      <h1>{t("title")}</h1>
      <AccountNav locale={locale} current="privacy" />
      <PanelNotice error={error ? tp(error) : null} done={null} />
      <p>{t("intro")}</p>
      <section aria-labelledby="data-export" className="data-rights">
        <h2 id="data-export">{t("export.heading")}</h2>
        <p>{t("export.text")}</p>
        <p className="data-actions">
          <a className="button" href="/api/account/data" download data-testid="data-download">
            {t("export.json")}
          </a>
          <a className="button secondary" href={`/${locale}/account/privacy/data`} data-testid="data-read">
            {t("export.read")}
          </a>
        </p>
      </section>
      <section aria-labelledby="data-erase" className="data-rights">
        <h2 id="data-erase">{t("erase.heading")}</h2>
        <p>{t("erase.text")}</p>
        <p className="muted small">{t("erase.waiting")}</p>
        <EraseForm action="/api/account/data/erase" locale={locale} returnTo={path} confirm={t("erase.confirm")} submit={t("erase.submit")} label={t("erase.heading")} />
      </section>
    </div>
  );
}
