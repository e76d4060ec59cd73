import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BarChart } from "@/components/charts";
import { countryName } from "@/lib/display-names";
import { OTHER_COUNTRIES, type MarketGrowth } from "@/lib/domain/analytics/dashboard";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { operatorDemand } from "@/lib/server/analytics/dashboard";
import { operatorViewer } from "@/lib/server/panels/viewer";

/** The operator's view of demand across the marketplace, from the precomputed weekly sums. */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "analytics.admin" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function AdminAnalyticsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const viewer = await operatorViewer(locale, `/${locale}/admin/analytics`);
  const [t, ta, format, result] = await Promise.all([
    getTranslations({ locale, namespace: "analytics.admin" }),
    getTranslations({ locale, namespace: "analytics" }),
    getFormatter({ locale }),
    operatorDemand(viewer, { locale }),
  ]);
  if (!result.ok) notFound();
  const country = (code: string) => (code === OTHER_COUNTRIES ? ta("otherCountries") : countryName(code, locale));
  const growthTable = (id: string, title: string, rows: MarketGrowth[]) => (
    <section aria-labelledby={id} data-testid={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p>{t("noMarkets")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
          <table className="panel-table">
            <thead>
              <tr>
                <th scope="col">{ta("country")}</th>
                <th scope="col" className="num">{t("recent")}</th>
                <th scope="col" className="num">{t("previous")}</th>
                <th scope="col" className="num">{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 10).map((g) => (
                <tr key={g.market} data-testid="market-row" data-market={g.market}>
                  <th scope="row">{country(g.market)}</th>
                  <td className="num">{format.number(g.recentUnits)}</td>
                  <td className="num">{format.number(g.previousUnits)}</td>
                  <td className="num">{g.change === null ? t("new") : format.number(g.change, { style: "percent", signDisplay: "exceptZero", maximumFractionDigits: 1 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
  return (
    <div className="admin-analytics">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {result.countries.length === 0 && <p>{t("none")}</p>}
      <section aria-labelledby="demand-country-heading" data-testid="demand-by-country">
        <h2 id="demand-country-heading">{t("byCountry")}</h2>
        <BarChart locale={locale} title={t("byCountry")} items={result.countries.map((c) => ({ key: c.key, label: country(c.key), value: c.units }))} categoryLabel={ta("country")} valueLabel={ta("units")} />
      </section>
      <section aria-labelledby="demand-category-heading" data-testid="demand-by-category">
        <h2 id="demand-category-heading">{t("byCategory")}</h2>
        <BarChart
          locale={locale}
          title={t("byCategory")}
          items={result.categories.map((c) => ({ key: c.key, label: c.key === OTHER_COUNTRIES ? t("otherCategories") : c.label, value: c.units }))}
          categoryLabel={t("category")}
          valueLabel={ta("units")}
        />
      </section>
      <section aria-labelledby="growth-heading">
        <h2 id="growth-heading">{t("growing")} · {t("shrinking")}</h2>
        <p className="muted small">{t("growthIntro")}</p>
        {growthTable("growing-markets", t("growing"), result.growing)}
        {growthTable("shrinking-markets", t("shrinking"), result.shrinking)}
      </section>
    </div>
  );
}
