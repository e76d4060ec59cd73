import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/domain/markets";
import type { Money } from "@/lib/domain/money";
import { formatMoney } from "@/lib/domain/money/format";
import type { PayoutRow } from "@/lib/domain/payouts";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";
import { listSellerPayouts, PAYOUT_ROWS_LIMIT } from "@/lib/server/seller/orders";

/**
 * What each paid sub-order earned the seller, in the order currency (what they are
 * settled in) and in their own at the order's quoted rate, with totals by month (UTC)
 * and the same rows as CSV. `?sub=` shows one sub-order.
 */
export const dynamic = "force-dynamic";

/** The stored rate ("160.0000000000") without its trailing zeros, exactly: no float in between. */
const trimRate = (rate: string) => (rate.includes(".") ? rate.replace(/0+$/, "").replace(/\.$/, "") : rate);

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sellerPayouts" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function SellerPayoutsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/seller/payouts`;
  const viewer = await sellerViewer(locale, pagePath(path, query), { payouts: true });
  const sub = typeof query.sub === "string" ? query.sub : undefined;
  const [t, format, result] = await Promise.all([getTranslations({ locale, namespace: "sellerPayouts" }), getFormatter({ locale }), listSellerPayouts(viewer, { subOrderId: sub })]);
  if (!result.ok) notFound();
  const amount = (m: Money) => formatMoney(m, locale);
  const rateText = (row: PayoutRow) =>
    row.rate
      ? t("rate", { from: row.rate.from, to: row.rate.to, rate: trimRate(row.rate.rate), date: row.rate.rateDate })
      : row.seller
        ? t("sameCurrency")
        : t("noRate");
  const month = (key: string) => format.dateTime(new Date(`${key}-01T00:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" });
  const csv = `/api/seller/payouts/csv?locale=${locale}${sub ? `&sub=${encodeURIComponent(sub)}` : ""}`;
  return (
    <div className="seller-payouts">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { currency: result.currency })}</p>
      {sub && (
        <p>
          {t("oneOrder")} <a href={path}>{t("allOrders")}</a>
        </p>
      )}
      {result.limited && <p className="note">{t("limited", { count: PAYOUT_ROWS_LIMIT })}</p>}
      {result.rows.length === 0 ? (
        <p data-testid="payouts-empty">{t("empty")}</p>
      ) : (
        <>
          <p>
            <a className="button" href={csv} data-testid="payouts-csv" download>
              {t("csv")}
            </a>
          </p>
          <section aria-labelledby="months-heading">
            <h2 id="months-heading">{t("months")}</h2>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="months-heading">
              <table className="panel-table">
                <thead>
                  <tr>
                    <th scope="col">{t("monthColumns.month")}</th>
                    <th scope="col" className="num">
                      {t("monthColumns.orders")}
                    </th>
                    <th scope="col" className="num">
                      {t("monthColumns.share")}
                    </th>
                    <th scope="col" className="num">
                      {t("monthColumns.reversed")}
                    </th>
                    <th scope="col" className="num">
                      {t("monthColumns.refunded")}
                    </th>
                    <th scope="col" className="num">
                      {t("monthColumns.net")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.months.map((m) => (
                    <tr key={m.month} data-testid="payout-month" data-month={m.month}>
                      <th scope="row">{month(m.month)}</th>
                      <td className="num">{format.number(m.rows)}</td>
                      <td className="num">{amount(m.share)}</td>
                      <td className="num">{amount(m.reversed)}</td>
                      <td className="num">{amount(m.refunded)}</td>
                      <td className="num" data-testid="payout-month-net" data-amount-minor={m.net.amountMinor} data-currency={m.net.currency}>
                        <strong>{amount(m.net)}</strong>
                        {m.unconverted > 0 && <span className="muted small"> {t("unconverted", { count: m.unconverted, currency: result.currency })}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="rows-heading">
            <h2 id="rows-heading">{t("rows")}</h2>
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rows-heading">
              <table className="panel-table">
                <thead>
                  <tr>
                    <th scope="col">{t("columns.order")}</th>
                    <th scope="col">{t("columns.paid")}</th>
                    <th scope="col" className="num">
                      {t("columns.base")}
                    </th>
                    <th scope="col" className="num">
                      {t("columns.commission")}
                    </th>
                    <th scope="col" className="num">
                      {t("columns.share")}
                    </th>
                    <th scope="col">{t("columns.transfer")}</th>
                    <th scope="col" className="num">
                      {t("columns.reversed")}
                    </th>
                    <th scope="col" className="num">
                      {t("columns.refunded")}
                    </th>
                    <th scope="col" className="num">
                      {t("columns.net")}
                    </th>
                    <th scope="col" className="num">
                      {t("columns.converted", { currency: result.currency })}
                    </th>
                    <th scope="col">{t("columns.rate")}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.subOrderId} data-testid="payout-row" data-sub-order-id={row.subOrderId}>
                      <th scope="row">
                        <a href={`/${locale}/seller/orders/${row.subOrderId}`} dir="ltr">
                          {row.orderNumber}
                        </a>
                      </th>
                      <td>
                        <time dateTime={row.paidAt.toISOString()}>{format.dateTime(row.paidAt, { dateStyle: "medium", timeZone: "UTC" })}</time>
                      </td>
                      <td className="num">{amount(row.order.base)}</td>
                      <td className="num" data-testid="payout-commission" data-amount-minor={row.order.commission.amountMinor} data-bps={row.commissionBps}>
                        {t("commission", { amount: amount(row.order.commission), rate: format.number(row.commissionBps / 10_000, { style: "percent", maximumFractionDigits: 2 }) })}
                      </td>
                      <td className="num" data-testid="payout-share" data-amount-minor={row.order.share.amountMinor} data-currency={row.order.share.currency}>
                        {amount(row.order.share)}
                      </td>
                      <td data-testid="payout-transfer" data-status={row.transfer.status}>
                        {t(`transferStatuses.${row.transfer.status}`)}
                        {row.transfer.id && (
                          <>
                            <br />
                            <code dir="ltr" className="small">
                              {row.transfer.id}
                            </code>
                          </>
                        )}
                      </td>
                      <td className="num">{amount(row.order.reversed)}</td>
                      <td className="num">{amount(row.order.refunded)}</td>
                      <td className="num">{amount(row.order.net)}</td>
                      <td className="num" data-testid="payout-converted">
                        {row.seller ? amount(row.seller.net) : "—"}
                      </td>
                      <td className="small">{rateText(row)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
