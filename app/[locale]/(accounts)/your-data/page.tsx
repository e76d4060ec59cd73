import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountForm } from "@/components/account/account-parts";
import { PanelNotice } from "@/components/panel/panel-parts";
import { firstParam } from "@/lib/domain/http/search-params";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { REQUEST_LINK_HOURS } from "@/lib/server/privacy/rights";

export const dynamic = "force-dynamic";

const ERRORS = ["INVALID_EMAIL", "INVALID_REQUEST", "SERVICE_BUSY"] as const;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "yourData.request" });
  return { title: t("title"), robots: { index: false, follow: true } };
}

/** A guest asks for a copy or erasure of their data: a link goes to the address they used. */
export default async function YourDataRequestPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const [t, tp] = await Promise.all([getTranslations({ locale, namespace: "yourData" }), getTranslations({ locale, namespace: "panel.error" })]);
  const error = ERRORS.find((code) => code === firstParam(query.error));
  return (
    <div className="account-area">
      <h1>{t("request.title")}</h1>
      <PanelNotice error={error ? tp(error) : null} done={firstParam(query.done) === "sent" ? t("request.sent") : null} />
      <p>{t("request.intro", { hours: REQUEST_LINK_HOURS })}</p>
      <AccountForm action="/api/your-data/request" locale={locale}>
        <input type="hidden" name="returnTo" value={`/${locale}/your-data`} />
        <p>
          <label htmlFor="data-email">{t("request.email")}</label>
          <input id="data-email" name="email" type="email" autoComplete="email" required maxLength={254} dir="ltr" />
        </p>
        <fieldset>
          <legend>{t("request.kind")}</legend>
          <p className="checkbox-row">
            <input type="radio" id="kind-export" name="kind" value="export" defaultChecked />
            <label htmlFor="kind-export">{t("request.kindExport")}</label>
          </p>
          <p className="checkbox-row">
            <input type="radio" id="kind-erase" name="kind" value="erase" />
            <label htmlFor="kind-erase">{t("request.kindErase")}</label>
          </p>
        </fieldset>
        <button type="submit" className="button" data-testid="data-request">
          {t("request.submit")}
        </button>
      </AccountForm>
      <p className="muted small">
        {t("request.signedIn")} <a href={`/${locale}/account/privacy`}>{t("request.accountLink")}</a>
      </p>
    </div>
  );
}
