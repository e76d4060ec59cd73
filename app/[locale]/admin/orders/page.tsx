import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatMinor, formatWhen, ReconcileBadge } from "@/components/admin/admin-parts";
import { PanelNotice } from "@/components/panel/panel-parts";
import { isLocale } from "@/lib/domain/markets";
import { ORDER_STATUSES } from "@/lib/domain/operator/filters";
import { listOrdersFor } from "@/lib/server/operator/orders";
import { operatorViewer, pagePath } from "@/lib/server/panels/viewer";
import { firstParam, type SearchParamValue } from "@/lib/domain/http/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "adminOrders" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const text = (value: SearchParamValue) => firstParam(value) ?? "";

/** Every order in the store, newest first, with its payment, transfers and reconcile state. */
export default async function AdminOrdersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/admin/orders`;
  const viewer = await operatorViewer(locale, pagePath(path, query));
  const [t, tp, result] = await Promise.all([getTranslations({ locale, namespace: "adminOrders" }), getTranslations({ locale, namespace: "panel.error" }), listOrdersFor(viewer, query)]);
  if (!result.ok && result.code === "FORBIDDEN") notFound();
  const filters = Object.fromEntries(Object.entries(query).filter(([name]) => name !== "cursor"));
  const nextHref = result.ok && result.data.nextCursor ? pagePath(path, { ...filters, cursor: result.data.nextCursor }) : null;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form method="get" action={path} className="panel-form admin-filters" aria-label={t("filters.label")} role="search">
        <div className="field">
          <label htmlFor="f-status">{t("filters.status")}</label>
          <select id="f-status" name="status" defaultValue={text(query.status)}>
            <option value="">{t("filters.anyStatus")}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-destination">{t("filters.destination")}</label>
          <input id="f-destination" name="destination" defaultValue={text(query.destination)} maxLength={2} autoComplete="off" dir="ltr" />
        </div>
        <div className="field">
          <label htmlFor="f-number">{t("filters.number")}</label>
          <input id="f-number" name="number" defaultValue={text(query.number)} maxLength={20} autoComplete="off" dir="ltr" />
        </div>
        <div className="field">
          <label htmlFor="f-from">{t("filters.from")}</label>
          <input id="f-from" name="from" type="date" defaultValue={text(query.from)} />
        </div>
        <div className="field">
          <label htmlFor="f-to">{t("filters.to")}</label>
          <input id="f-to" name="to" type="date" defaultValue={text(query.to)} />
        </div>
        <div className="admin-filter-actions">
          <button type="submit">{t("filters.apply")}</button>
          <a href={path}>{t("filters.reset")}</a>
        </div>
      </form>
      {!result.ok ? (
        <PanelNotice error={tp(result.code === "INVALID_CURSOR" ? "INVALID_CURSOR" : "INVALID_FILTER")} />
      ) : result.data.orders.length === 0 ? (
        <p className="muted" data-testid="orders-empty">
          {t("empty")}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="panel-table" data-testid="admin-orders">
            <caption className="visually-hidden">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.number")}</th>
                <th scope="col">{t("columns.created")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.destination")}</th>
                <th scope="col" className="num">
                  {t("columns.total")}
                </th>
                <th scope="col">{t("columns.payment")}</th>
                <th scope="col">{t("columns.transfers")}</th>
                <th scope="col">{t("columns.reconcile")}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.orders.map((order) => (
                <tr key={order.id} data-testid="admin-order" data-order-id={order.id} data-status={order.status}>
                  <th scope="row">
                    <a href={`/${locale}/admin/orders/${order.id}`} dir="ltr">
                      {order.number}
                    </a>
                  </th>
                  <td>
                    <time dateTime={order.createdAt.toISOString()}>{formatWhen(order.createdAt, locale)}</time>
                  </td>
                  <td>{t(`status.${order.status}` as "status.PAID")}</td>
                  <td>{order.destination}</td>
                  <td className="num" data-currency={order.currency} data-amount-minor={order.totalMinor}>
                    {formatMinor(order.totalMinor, order.currency, locale)}
                  </td>
                  <td data-testid="admin-order-payment">{t(`payment.${order.paymentStatus ?? "none"}` as "payment.none")}</td>
                  <td>
                    <ul className="admin-plain-list">
                      {order.subOrders.map((s) => (
                        <li key={s.id} data-testid="admin-order-transfer" data-transfer-status={s.transferStatus}>
                          <bdi>{s.sellerName}</bdi>: {t(`transfer.${s.transferStatus}` as "transfer.NONE")}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <ReconcileBadge state={order.reconcile} locale={locale} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref && (
        <p>
          <a href={nextHref} rel="next">
            {t("next")}
          </a>
        </p>
      )}
    </>
  );
}
