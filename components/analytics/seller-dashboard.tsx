import { useFormatter, useTranslations } from "next-intl";
import { BarChart, LineChart } from "@/components/charts";
import { countryName } from "@/lib/display-names";
import { forecastChart, funnelRates, OTHER_COUNTRIES } from "@/lib/domain/analytics/dashboard";
import type { Locale } from "@/lib/domain/markets";
import { formatMoney } from "@/lib/domain/money/format";
import type { SellerDashboard } from "@/lib/server/analytics/dashboard";

export interface SellerDashboardViewProps {
  readonly locale: Locale;
  /** The dashboard's own path (the forecast picker's form and the product links go there). */
  readonly path: string;
  readonly result: SellerDashboard;
}

/**
 * The seller's analytics dashboard from figures already read (lib/server/analytics/dashboard):
 * totals, revenue and units by week, revenue by country, top products, the funnel from
 * views to carts to orders, returns and withdrawals, and one product's stored forecast.
 * Renders without I/O, so the page and the benchmark draw the same HTML.
 */
export function SellerDashboardView({ locale, path, result }: SellerDashboardViewProps) {
  const t = useTranslations("analytics");
  const format = useFormatter();
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: result.currency }, locale);
  const num = (n: number) => format.number(n);
  const pct = (r: number | null) => (r === null ? t("noRate") : format.number(r, { style: "percent", maximumFractionDigits: 1 }));
  const country = (code: string) => (code === OTHER_COUNTRIES ? t("otherCountries") : countryName(code, locale));
  const sold = result.products.filter((p) => p.units > 0 || p.orders > 0);
  const funnel = result.products.filter((p) => p.views > 0 || p.carts > 0 || p.orders > 0).sort((a, b) => b.views - a.views || b.orders - a.orders || a.title.localeCompare(b.title));
  const funnelTotals = funnel.reduce((s, p) => ({ views: s.views + p.views, carts: s.carts + p.carts, orders: s.orders + p.orders }), { views: 0, carts: 0, orders: 0 });
  const returned = sold.filter((p) => p.withdrawnUnits > 0).sort((a, b) => b.withdrawnUnits - a.withdrawnUnits || a.title.localeCompare(b.title));
  const forecast = result.selected?.forecast ?? null;
  const payload = forecast?.payload ?? null;
  const chart = payload ? forecastChart(payload) : null;
  return (
    <div className="seller-analytics">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { currency: result.currency })}</p>
      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t("totals")}</h2>
        <dl className="analytics-totals" data-testid="analytics-totals">
          <div>
            <dt>{t("revenue")}</dt>
            <dd data-testid="total-revenue" data-amount-minor={result.totals.revenueMinor}>{money(result.totals.revenueMinor)}</dd>
          </div>
          <div>
            <dt>{t("orders")}</dt>
            <dd data-testid="total-orders">{num(result.totals.orders)}</dd>
          </div>
          <div>
            <dt>{t("units")}</dt>
            <dd data-testid="total-units">{num(result.totals.units)}</dd>
          </div>
          <div>
            <dt>{t("withdrawn")}</dt>
            <dd data-testid="total-withdrawn">{num(result.totals.withdrawnUnits)}</dd>
          </div>
        </dl>
      </section>
      {result.totals.orders === 0 && result.totals.units === 0 && <p data-testid="analytics-empty">{t("none")}</p>}
      <section aria-labelledby="weeks-heading" data-testid="revenue-by-week">
        <h2 id="weeks-heading">{t("revenueByWeek")}</h2>
        <LineChart locale={locale} title={t("revenueByWeek")} weeks={result.weeks} series={[{ id: "revenue", label: t("revenue"), values: result.revenue }]} format={{ kind: "money", currency: result.currency }} />
        <LineChart locale={locale} title={t("unitsByWeek")} weeks={result.weeks} series={[{ id: "units", label: t("units"), values: result.units }]} />
      </section>
      <section aria-labelledby="countries-heading" data-testid="revenue-by-country">
        <h2 id="countries-heading">{t("byCountry")}</h2>
        <BarChart
          locale={locale}
          title={t("byCountry")}
          items={result.countries.map((c) => ({ key: c.country, label: country(c.country), value: c.revenueMinor }))}
          categoryLabel={t("country")}
          valueLabel={t("revenue")}
          format={{ kind: "money", currency: result.currency }}
        />
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="countries-table-caption">
          <table className="panel-table">
            <caption id="countries-table-caption">{t("countryTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("country")}</th>
                <th scope="col" className="num">{t("orders")}</th>
                <th scope="col" className="num">{t("units")}</th>
                <th scope="col" className="num">{t("revenue")}</th>
              </tr>
            </thead>
            <tbody>
              {result.countries.map((c) => (
                <tr key={c.country} data-testid="country-row" data-country={c.country}>
                  <th scope="row">{country(c.country)}</th>
                  <td className="num" data-testid="country-orders">{num(c.orders)}</td>
                  <td className="num">{num(c.units)}</td>
                  <td className="num" data-testid="country-revenue" data-amount-minor={c.revenueMinor}>{money(c.revenueMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="products-heading">
        <h2 id="products-heading">{t("topProducts")}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="products-heading">
          <table className="panel-table">
            <thead>
              <tr>
                <th scope="col">{t("product")}</th>
                <th scope="col" className="num">{t("orders")}</th>
                <th scope="col" className="num">{t("units")}</th>
                <th scope="col" className="num">{t("revenue")}</th>
              </tr>
            </thead>
            <tbody>
              {sold.map((p) => (
                <tr key={p.productId} data-testid="product-row" data-product-id={p.productId}>
                  <th scope="row">
                    <a href={`${path}?product=${encodeURIComponent(p.productId)}#forecast-heading`}>{p.title}</a>
                  </th>
                  <td className="num" data-testid="product-orders">{num(p.orders)}</td>
                  <td className="num" data-testid="product-units">{num(p.units)}</td>
                  <td className="num" data-testid="product-revenue" data-amount-minor={p.revenueMinor}>{money(p.revenueMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="funnel-heading" data-testid="funnel">
        <h2 id="funnel-heading">{t("funnel")}</h2>
        <p className="muted small">{t("funnelIntro")}</p>
        <BarChart
          locale={locale}
          title={t("funnelChart")}
          items={[
            { key: "views", label: t("views"), value: funnelTotals.views },
            { key: "carts", label: t("carts"), value: funnelTotals.carts },
            { key: "orders", label: t("orders"), value: funnelTotals.orders },
          ]}
          categoryLabel={t("stage")}
          valueLabel={t("count")}
        />
        {funnel.length === 0 ? (
          <p>{t("noFunnel")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="funnel-table-caption">
            <table className="panel-table">
              <caption id="funnel-table-caption">{t("funnelTable")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("product")}</th>
                  <th scope="col" className="num">{t("views")}</th>
                  <th scope="col" className="num">{t("carts")}</th>
                  <th scope="col" className="num">{t("orders")}</th>
                  <th scope="col" className="num">{t("cartRate")}</th>
                  <th scope="col" className="num">{t("orderRate")}</th>
                  <th scope="col" className="num">{t("viewToOrder")}</th>
                </tr>
              </thead>
              <tbody>
                {funnel.map((p) => (
                  <tr key={p.productId} data-testid="funnel-row" data-product-id={p.productId}>
                    <th scope="row">{p.title}</th>
                    <td className="num" data-testid="product-views">{num(p.views)}</td>
                    <td className="num" data-testid="product-carts">{num(p.carts)}</td>
                    <td className="num" data-testid="funnel-orders">{num(p.orders)}</td>
                    <td className="num">{pct(p.cartRate)}</td>
                    <td className="num">{pct(p.orderRate)}</td>
                    <td className="num">{pct(funnelRates(p).viewToOrder)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="returns-heading" data-testid="returns">
        <h2 id="returns-heading">{t("returns")}</h2>
        <p data-testid="returns-summary">
          {t("returnsSummary", { withdrawn: num(result.totals.withdrawnUnits), units: num(result.totals.units), share: pct(result.totals.units > 0 ? result.totals.withdrawnUnits / result.totals.units : null) })}
        </p>
        {returned.length === 0 ? (
          <p>{t("noReturns")}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="returns-table-caption">
            <table className="panel-table">
              <caption id="returns-table-caption">{t("returnsTable")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("product")}</th>
                  <th scope="col" className="num">{t("units")}</th>
                  <th scope="col" className="num">{t("withdrawn")}</th>
                  <th scope="col" className="num">{t("returnRate")}</th>
                </tr>
              </thead>
              <tbody>
                {returned.map((p) => (
                  <tr key={p.productId} data-testid="returns-row" data-product-id={p.productId}>
                    <th scope="row">{p.title}</th>
                    <td className="num">{num(p.units)}</td>
                    <td className="num" data-testid="product-withdrawn">{num(p.withdrawnUnits)}</td>
                    <td className="num">{pct(p.units > 0 ? p.withdrawnUnits / p.units : null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="forecast-heading" data-testid="forecast">
        <h2 id="forecast-heading">{t("forecastHeading")}</h2>
        <form method="get" action={path} className="panel-form analytics-picker">
          <div className="field">
            <label htmlFor="analytics-product">{t("pick")}</label>
            <select id="analytics-product" name="product" defaultValue={result.selected?.productId ?? ""}>
              {result.products.map((p) => (
                <option key={p.productId} value={p.productId}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("show")}
          </button>
        </form>
        {result.selected && (!forecast || !payload || !chart) && <p data-testid="no-forecast">{t("noForecast")}</p>}
        {result.selected && forecast && payload && chart && (
          <div data-testid="forecast-result" data-method={forecast.method}>
            <LineChart
              locale={locale}
              title={t("forecastOf", { product: result.selected.title })}
              weeks={chart.weeks}
              series={[
                { id: "history", label: t("units"), values: chart.history },
                { id: "forecast", label: t("forecastHeading"), values: chart.mean },
              ]}
              intervals={{ p80: chart.p80, p95: chart.p95 }}
            />
            <p>
              {t("method", { method: t(`methods.${forecast.method}`) })}{" "}
              {t("computedAt", { date: format.dateTime(forecast.computedAt, { dateStyle: "medium", timeZone: "UTC" }) })}
            </p>
            {forecast.mase !== null ? (
              <p data-testid="forecast-mase">
                {t("mase", { ratio: format.number(forecast.mase, { maximumFractionDigits: 2 }) })}
                {forecast.smape !== null && <> {t("smape", { percent: format.number(forecast.smape / 100, { style: "percent", maximumFractionDigits: 1 }) })}</>}
              </p>
            ) : (
              <p>{t("noAccuracy")}</p>
            )}
            <h3>{t("restock")}</h3>
            <p data-testid="restock" data-short={payload.restock.short}>
              {payload.restock.weeksOfCover === null ? t("coverUnknown") : t("cover", { weeks: format.number(payload.restock.weeksOfCover, { maximumFractionDigits: 1 }) })}{" "}
              {payload.restock.short ? <strong>{t("short")}</strong> : t("enough")} {t("suggested", { quantity: num(payload.restock.suggestedQuantity) })}
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
