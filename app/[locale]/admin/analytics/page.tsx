import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { BarChart, LineChart } from "@/components/charts";
import { countryName } from "@/lib/display-names";
import { OTHER_COUNTRIES } from "@/lib/domain/analytics/dashboard";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { operatorDemand, type DemandRow, type GrowthRow } from "@/lib/server/analytics/dashboard";
import { operatorViewer } from "@/lib/server/panels/viewer";

/**
 * The operator's view of demand across the marketplace, from the precomputed weekly sums
 * and stored forecasts: units by week with the next weeks' forecast, demand by destination
 * country and by category with their forecasts, and the markets and categories growing
 * or shrinking fastest.
 */
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
  const units = (n: number) => format.number(n, { maximumFractionDigits: 0 });
  const categoryLabel = (key: string, label: string) => (key === OTHER_COUNTRIES ? t("otherCategories") : label);
  const demandTable = (id: string, caption: string, keyLabel: string, rows: DemandRow[], label: (row: DemandRow) => string) => (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="panel-table" data-testid={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyLabel}</th>
            <th scope="col" className="num">{ta("orders")}</th>
            <th scope="col" className="num">{ta("units")}</th>
            <th scope="col" className="num">{t("forecastNext")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="demand-row" data-key={r.key}>
              <th scope="row">{label(r)}</th>
              <td className="num">{format.number(r.orders)}</td>
              <td className="num" data-testid="demand-units">{format.number(r.units)}</td>
              <td className="num" data-testid="demand-forecast">{units(r.forecastUnits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const growthTable = (id: string, title: string, keyLabel: string, rows: GrowthRow[], label: (row: GrowthRow) => string, empty: string) => (
    <section aria-labelledby={id} data-testid={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
          <table className="panel-table">
            <thead>
              <tr>
                <th scope="col">{keyLabel}</th>
                <th scope="col" className="num">{t("recent")}</th>
                <th scope="col" className="num">{t("previous")}</th>
                <th scope="col" className="num">{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 10).map((g) => (
                <tr key={g.market} data-testid="market-row" data-market={g.market}>
                  <th scope="row">{label(g)}</th>
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
      <section aria-labelledby="demand-weeks-heading" data-testid="demand-by-week">
        <h2 id="demand-weeks-heading">{t("byWeek")}</h2>
        <p className="muted small">{t("forecastIntro")}</p>
        <LineChart
          locale={locale}
          title={t("forecastChart")}
          weeks={result.weekly.weeks}
          series={[
            { id: "history", label: ta("units"), values: result.weekly.history },
            { id: "forecast", label: t("forecast"), values: result.weekly.forecast },
          ]}
        />
      </section>
      <section aria-labelledby="demand-country-heading" data-testid="demand-by-country">
        <h2 id="demand-country-heading">{t("byCountry")}</h2>
        <BarChart locale={locale} title={t("byCountry")} items={result.countries.map((c) => ({ key: c.key, label: country(c.key), value: c.units }))} categoryLabel={ta("country")} valueLabel={ta("units")} />
        {demandTable("country-demand", t("countryTable"), ta("country"), result.countries, (r) => country(r.key))}
        {result.unallocatedForecast > 0 && <p className="muted small">{t("unallocated", { units: units(result.unallocatedForecast) })}</p>}
      </section>
      <section aria-labelledby="demand-category-heading" data-testid="demand-by-category">
        <h2 id="demand-category-heading">{t("byCategory")}</h2>
        <BarChart
          locale={locale}
          title={t("byCategory")}
          items={result.categories.map((c) => ({ key: c.key, label: categoryLabel(c.key, c.label), value: c.units }))}
          categoryLabel={t("category")}
          valueLabel={ta("units")}
        />
        {demandTable("category-demand", t("categoryTable"), t("category"), result.categories, (r) => categoryLabel(r.key, r.label))}
      </section>
      <section aria-labelledby="growth-heading">
        <h2 id="growth-heading">{t("marketsHeading")}</h2>
        <p className="muted small">{t("growthIntro")}</p>
        {growthTable("growing-markets", t("growing"), ta("country"), result.growing, (g) => country(g.market), t("noMarkets"))}
        {growthTable("shrinking-markets", t("shrinking"), ta("country"), result.shrinking, (g) => country(g.market), t("noMarkets"))}
      </section>
      <section aria-labelledby="category-growth-heading">
        <h2 id="category-growth-heading">{t("categoriesHeading")}</h2>
        <p className="muted small">{t("growthIntro")}</p>
        {growthTable("growing-categories", t("growing"), t("category"), result.categoriesGrowing, (g) => g.label, t("noCategories"))}
        {growthTable("shrinking-categories", t("shrinking"), t("category"), result.categoriesShrinking, (g) => g.label, t("noCategories"))}
      </section>
    </div>
  );
}
