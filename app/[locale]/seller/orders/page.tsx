import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { countryName } from "@/lib/display-names";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { formatMoney } from "@/lib/domain/money/format";
import { filtersQuery, parseOrderFilters, SELLER_ORDER_STATUSES } from "@/lib/domain/seller-orders";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";
import { listSellerOrders } from "@/lib/server/seller/orders";

/** The seller's parcels in paid orders: filters by status and destination (a GET form), pages of 20. */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sellerOrders" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function SellerOrdersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/seller/orders`;
  const viewer = await sellerViewer(locale, pagePath(path, query));
  const filters = parseOrderFilters(query);
  const [t, th, format, result] = await Promise.all([
    getTranslations({ locale, namespace: "sellerOrders" }),
    getTranslations({ locale, namespace: "sellerHistory" }),
    getFormatter({ locale }),
    listSellerOrders(viewer, filters),
  ]);
  if (!result.ok) notFound();
  const destinations = filters.destination && !result.destinations.includes(filters.destination) ? [...result.destinations, filters.destination] : result.destinations;
  return (
    <div className="seller-orders">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form method="get" action={path} className="seller-filters" aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="filter-status">{t("status")}</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("anyStatus")}</option>
            {SELLER_ORDER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-destination">{t("destination")}</label>
          <select id="filter-destination" name="destination" defaultValue={filters.destination ?? ""}>
            <option value="">{t("anyDestination")}</option>
            {destinations.map((country) => (
              <option key={country} value={country}>
                {countryName(country, locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("apply")}</button>
      </form>
      <p role="status" data-testid="seller-orders-count">
        {t("count", { count: result.total })}
      </p>
      {result.rows.length === 0 ? (
        <p data-testid="seller-orders-empty">{t("empty")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t("title")}>
          <table className="panel-table">
            <thead>
              <tr>
                <th scope="col">{t("columns.number")}</th>
                <th scope="col">{t("columns.date")}</th>
                <th scope="col">{t("columns.destination")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col" className="num">
                  {t("columns.items")}
                </th>
                <th scope="col" className="num">
                  {t("columns.total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id} data-testid="seller-order-row" data-sub-order-id={row.id} data-status={row.status}>
                  <td>
                    <a href={`${path}/${row.id}`} dir="ltr">
                      {row.number}
                    </a>
                    {row.demo ? (
                      <>
                        {" "}
                        <abbr className="muted" title={th("demoOrderLabel")} data-testid="seller-order-demo">
                          ({th("demoOrder")})
                        </abbr>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <time dateTime={row.placedAt.toISOString()}>{format.dateTime(row.placedAt, { dateStyle: "medium", timeZone: "UTC" })}</time>
                  </td>
                  <td>{countryName(row.destination, locale)}</td>
                  <td>{t(`statuses.${row.status}`)}</td>
                  <td className="num">{format.number(row.items)}</td>
                  <td className="num" data-testid="seller-order-total" data-amount-minor={row.total.amountMinor} data-currency={row.total.currency}>
                    {formatMoney(row.total, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 && (
        <nav className="seller-pages" aria-label={t("pages")}>
          {result.page > 1 && (
            <a href={`${path}${filtersQuery(filters, { page: result.page - 1 })}`} rel="prev">
              {t("previous")}
            </a>
          )}
          <span>{t("pageOf", { page: format.number(result.page), pages: format.number(result.pages) })}</span>
          {result.page < result.pages && (
            <a href={`${path}${filtersQuery(filters, { page: result.page + 1 })}`} rel="next">
              {t("next")}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
