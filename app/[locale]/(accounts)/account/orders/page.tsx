import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccountNav } from "@/components/account/account-nav";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { formatMoney } from "@/lib/domain/money/format";
import { listAccountOrders } from "@/lib/server/account/orders";
import { pagePath, signedInViewer } from "@/lib/server/panels/viewer";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "accountPages.orders" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The signed-in buyer's orders, newest first, a page at a time. */
export default async function AccountOrdersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const viewer = await signedInViewer(locale, pagePath(`/${locale}/account/orders`, query));
  const [t, format, listed] = await Promise.all([getTranslations({ locale, namespace: "accountPages.orders" }), getFormatter({ locale }), listAccountOrders(viewer, query.page)]);
  const { orders, page, pages } = listed.data;
  const link = (to: number) => `/${locale}/account/orders${to > 1 ? `?page=${to}` : ""}`;
  return (
    <div className="account-area">
      <h1>{t("title")}</h1>
      <AccountNav locale={locale} current="orders" />
      {orders.length === 0 ? (
        <p data-testid="orders-empty">{t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="panel-table" data-testid="account-orders">
            <caption className="visually-hidden">{t("caption", { page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("number")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className="num">
                  {t("total")}
                </th>
                <th scope="col" className="num">
                  {t("parcels")}
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id} data-testid="account-order" data-order-id={order.id}>
                  <td>
                    <a href={`/${locale}/account/orders/${order.id}`} dir="ltr">
                      {order.number}
                    </a>
                  </td>
                  <td>{format.dateTime(order.placedAt, { dateStyle: "medium", timeZone: "UTC" })}</td>
                  <td>{t(`statuses.${order.status}`)}</td>
                  <td className="num" data-currency={order.total.currency} data-amount-minor={order.total.amountMinor}>
                    {formatMoney(order.total, locale)}
                  </td>
                  <td className="num">{format.number(order.parcels)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label={t("pagination")}>
          {page > 1 && (
            <a href={link(page - 1)} rel="prev">
              {t("newer")}
            </a>
          )}
          <span>{t("page", { page, pages })}</span>
          {page < pages && (
            <a href={link(page + 1)} rel="next">
              {t("older")}
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
