import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatWhen } from "@/components/admin/admin-parts";
import { PanelField, PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import { isLocale } from "@/lib/domain/markets";
import { fxOverviewFor } from "@/lib/server/operator/fx-view";
import { operatorViewer } from "@/lib/server/panels/viewer";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "adminFx" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const ERRORS = new Set(["REASON_REQUIRED", "REASON_TOO_LONG", "INVALID_REASON", "UNKNOWN_CURRENCY", "INVALID_RATE", "SERVICE_BUSY", "RATE_LIMITED"]);

/** Today's rates, their age against the limit checkout applies, the last refresh, and a hand-set rate. */
export default async function AdminFxPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/admin/fx`;
  const viewer = await operatorViewer(locale, path);
  const [t, tp, result] = await Promise.all([getTranslations({ locale, namespace: "adminFx" }), getTranslations({ locale, namespace: "panel.error" }), fxOverviewFor(viewer)]);
  if (!result.ok) notFound();
  const fx = result.data;
  const error = typeof query.error === "string" && ERRORS.has(query.error) ? tp(query.error as "SERVICE_BUSY") : null;
  const done = query.done === "overridden" ? t("done.overridden") : null;
  const last = fx.lastRefresh;
  return (
    <>
      <h1>{t("title")}</h1>
      <PanelNotice error={error} done={done} />
      <p data-testid="fx-age" data-stale={fx.stale ? "true" : "false"}>
        {fx.date && fx.ageDays !== null ? t("summary", { date: fx.date, days: fx.ageDays, max: fx.maxAgeDays }) : t("noRates")}
      </p>
      {fx.stale && (
        <p className="note error" data-testid="fx-stale">
          {t("staleWarning", { max: fx.maxAgeDays })}
        </p>
      )}

      <h2>{t("lastRefresh.heading")}</h2>
      <p data-testid="fx-last-refresh" data-ok={last ? String(last.ok) : undefined}>
        {!last
          ? t("lastRefresh.none")
          : last.ok
            ? t("lastRefresh.ok", { when: formatWhen(last.at, locale), count: last.count, source: t(`refreshSource.${last.source === "SNAPSHOT" ? "SNAPSHOT" : "ECB"}`), date: last.date ?? "" })
            : t("lastRefresh.failed", { when: formatWhen(last.at, locale), reason: t(`failure.${last.code === "FEED_UNREACHABLE" || last.code === "FEED_INVALID" ? last.code : "UNKNOWN"}`) })}
      </p>

      <h2>{t("ratesHeading")}</h2>
      <div className="table-scroll">
        <table className="panel-table" data-testid="fx-rates">
          <thead>
            <tr>
              <th scope="col">{t("columns.currency")}</th>
              <th scope="col" className="num">{t("columns.rate")}</th>
              <th scope="col">{t("columns.date")}</th>
              <th scope="col">{t("columns.source")}</th>
              <th scope="col">{t("columns.age")}</th>
            </tr>
          </thead>
          <tbody>
            {fx.rates.map((r) => (
              <tr key={r.currency} data-testid="fx-rate" data-currency={r.currency} data-source={r.source} data-stale={r.stale ? "true" : "false"}>
                <th scope="row">{r.currency}</th>
                <td className="num">
                  <code dir="ltr" data-testid="fx-rate-value">{r.rate}</code>
                </td>
                <td>
                  <time dateTime={r.date}>{r.date}</time>
                </td>
                <td>{t(`source.${r.source}`)}</td>
                <td>
                  {t("ageDays", { days: r.ageDays })}
                  {r.stale && (
                    <>
                      {" "}
                      <strong>{t("stale")}</strong>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("override.heading")}</h2>
      <p className="muted">{t("override.hint")}</p>
      <PanelForm action="/api/admin/fx/override" locale={locale} returnTo={path} label={t("override.heading")}>
        <PanelField id="fx-currency" name="currency" label={t("override.currency")} hint={t("override.currencyHint")} required maxLength={3} autoComplete="off" dir="ltr" />
        <PanelField id="fx-rate" name="rate" label={t("override.rate")} hint={t("override.rateHint")} required inputMode="decimal" autoComplete="off" dir="ltr" />
        <div className="field">
          <label htmlFor="fx-reason">{t("override.reason")}</label>
          <textarea id="fx-reason" name="reason" required maxLength={1000} rows={3} aria-describedby="fx-reason-hint" />
          <span id="fx-reason-hint" className="muted small">
            {t("override.reasonHint")}
          </span>
        </div>
        <button type="submit">{t("override.submit")}</button>
      </PanelForm>
      <p>
        <a href={`/${locale}/admin/audit?action=fx.`}>{t("auditLink")}</a>
      </p>
    </>
  );
}
