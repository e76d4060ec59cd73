import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ShipmentsSection } from "@/components/seller/shipments-section";
import { countryName } from "@/lib/display-names";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { add, type Money } from "@/lib/domain/money";
import { formatMoney } from "@/lib/domain/money/format";
import { sellerViewer } from "@/lib/server/panels/viewer";
import { loadSellerOrder } from "@/lib/server/seller/orders";

/** One of the seller's parcels: items, landed cost, earnings, and the ship-to while it is theirs to ship. */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sellerOrders" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

export default async function SellerOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale: raw, id } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const viewer = await sellerViewer(locale, `/${locale}/seller/orders/${encodeURIComponent(id)}`);
  const [t, tp, format, result] = await Promise.all([
    getTranslations({ locale, namespace: "sellerOrders" }),
    getTranslations({ locale, namespace: "privacy" }),
    getFormatter({ locale }),
    loadSellerOrder(viewer, id),
  ]);
  if (!result.ok) notFound();
  const order = result.order;
  const amount = (m: Money) => formatMoney(m, locale);
  const date = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" })}</time>;
  const b = order.breakdown;
  const rate = format.number(order.commissionBps / 10_000, { style: "percent", maximumFractionDigits: 2 });
  const physical = order.service !== null;
  return (
    <div className="seller-order" data-testid="seller-order" data-sub-order-id={order.id} data-status={order.status}>
      <p>
        <a href={`/${locale}/seller/orders`}>{t("detail.back")}</a>
      </p>
      <h1>{t("detail.title", { number: order.number })}</h1>
      <dl className="seller-facts">
        <dt>{t("status")}</dt>
        <dd data-testid="seller-order-status">{t(`statuses.${order.status}`)}</dd>
        <dt>{t("detail.placed")}</dt>
        <dd>{date(order.placedAt)}</dd>
        {order.paidAt && (
          <>
            <dt>{t("detail.paid")}</dt>
            <dd>{date(order.paidAt)}</dd>
          </>
        )}
        {order.deliveredAt && (
          <>
            <dt>{t("detail.delivered")}</dt>
            <dd>{date(order.deliveredAt)}</dd>
          </>
        )}
        <dt>{t("destination")}</dt>
        <dd>{countryName(order.destination, locale)}</dd>
        <dt>{t("detail.delivery")}</dt>
        <dd>
          {order.service === "STANDARD" || order.service === "EXPRESS"
            ? order.deliveryDays
              ? t("detail.deliveryDays", { service: t(`detail.services.${order.service}`), min: order.deliveryDays.min, max: order.deliveryDays.max })
              : t(`detail.services.${order.service}`)
            : t("detail.digital")}
        </dd>
      </dl>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t("detail.items")}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="items-heading">
          <table className="panel-table">
            <thead>
              <tr>
                <th scope="col">{t("detail.itemColumns.title")}</th>
                <th scope="col">{t("detail.itemColumns.variant")}</th>
                <th scope="col">{t("detail.itemColumns.sku")}</th>
                <th scope="col" className="num">
                  {t("detail.itemColumns.quantity")}
                </th>
                <th scope="col" className="num">
                  {t("detail.itemColumns.unitPrice")}
                </th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.sku} data-testid="seller-order-line">
                  <td>{line.title}</td>
                  <td>{line.variantName}</td>
                  <td dir="ltr">{line.sku}</td>
                  <td className="num">
                    {format.number(line.quantity)}
                    {line.withdrawn > 0 && <span className="muted small"> {t("detail.withdrawn", { count: line.withdrawn })}</span>}
                  </td>
                  <td className="num">{amount(line.unitPrice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="landed-heading">
        <h2 id="landed-heading">{t("detail.landedCost")}</h2>
        <p className="muted">{t("detail.landedCostIntro", { currency: order.currency })}</p>
        {!b && <p className="note">{t("detail.breakdownMissing")}</p>}
        <dl className="seller-amounts" data-testid="seller-order-breakdown">
          <dt>{t("detail.goods")}</dt>
          <dd>{amount(b?.goods ?? order.goods)}</dd>
          <dt>{t("detail.shipping")}</dt>
          <dd>{amount(b?.shipping ?? order.shipping)}</dd>
          <dt>{t("detail.duty")}</dt>
          <dd>{amount(b?.duty ?? order.duty)}</dd>
          {b && b.fees.amountMinor > 0 && (
            <>
              <dt>{t("detail.fees")}</dt>
              <dd>{amount(b.fees)}</dd>
            </>
          )}
          <dt>{t("detail.tax")}</dt>
          <dd>{amount(b?.tax ?? order.tax)}</dd>
          {b && (
            <>
              <dt>{t("detail.total")}</dt>
              <dd>{amount(b.total)}</dd>
            </>
          )}
          <dt>{t("detail.dueAtCheckout")}</dt>
          <dd>{amount(order.dueAtCheckout)}</dd>
          <dt>{t("detail.dueOnDelivery")}</dt>
          <dd>{amount(order.dueOnDelivery)}</dd>
          <dt>{t("detail.incoterm")}</dt>
          <dd data-testid="seller-order-incoterm" data-incoterm={b?.incoterm ?? order.incoterm}>
            {t(`detail.incoterms.${b?.incoterm ?? order.incoterm}`)}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="earnings-heading">
        <h2 id="earnings-heading">{t("detail.earnings")}</h2>
        <dl className="seller-amounts">
          <dt>{t("detail.base")}</dt>
          <dd>{amount(add(order.goods, order.shipping))}</dd>
          <dt>{t("detail.commission", { rate })}</dt>
          <dd data-testid="seller-order-commission" data-amount-minor={order.commission.amountMinor} data-bps={order.commissionBps}>
            {amount(order.commission)}
          </dd>
          <dt>{t("detail.share")}</dt>
          <dd data-testid="seller-order-share" data-amount-minor={order.share.amountMinor} data-currency={order.share.currency}>
            <strong>{amount(order.share)}</strong>
          </dd>
          {order.refunded.amountMinor > 0 && (
            <>
              <dt>{t("detail.refunded")}</dt>
              <dd>{amount(order.refunded)}</dd>
            </>
          )}
          <dt>{t("detail.transfer")}</dt>
          <dd data-testid="seller-order-transfer" data-status={order.transfer.status}>
            {t(`detail.transferStatuses.${order.transfer.status}`)}
            {order.transfer.id ? (
              <>
                {" · "}
                <code dir="ltr">{order.transfer.id}</code>
              </>
            ) : (
              ` · ${t("detail.noTransfer")}`
            )}
          </dd>
        </dl>
        <p>
          <a href={`/${locale}/seller/payouts?sub=${order.id}`}>{t("detail.payouts")}</a>
        </p>
      </section>

      <section aria-labelledby="ship-heading">
        <h2 id="ship-heading">{t("detail.shipTo")}</h2>
        {!physical ? (
          <p>{t("detail.noAddress")}</p>
        ) : order.shipTo.visible ? (
          <address data-testid="seller-order-ship-to" className="seller-address">
            {order.shipTo.lines.map((line, i) => (
              <span key={i}>
                {line}
                <br />
              </span>
            ))}
            {countryName(order.shipTo.country, locale)}
            {order.shipTo.phone && (
              <>
                <br />
                {/* The number runs left to right inside any language's label. */}
                {t("detail.phone", { phone: `\u2066${order.shipTo.phone}\u2069` })}
              </>
            )}
          </address>
        ) : (
          <p data-testid="seller-order-ship-to-masked">{order.shipTo.masked}</p>
        )}
        {physical && (
          <p className="muted small" data-testid="seller-order-ship-to-window">
            {!order.shipTo.visible
              ? tp(`seller.masked.${order.shipTo.reason}`)
              : order.shipTo.until
                ? tp("seller.visibleUntil", { date: format.dateTime(order.shipTo.until, { dateStyle: "long", timeZone: "UTC" }) })
                : tp("seller.visibleUndelivered", { days: order.seller.returnDays })}
          </p>
        )}
        <p>
          <a className="button" href={`/api/seller/orders/${order.id}/packing-slip`} data-testid="packing-slip" download>
            {t("detail.packingSlip")}
          </a>
        </p>
      </section>

      {physical && <ShipmentsSection viewer={viewer} locale={locale} subOrderId={order.id} query={await searchParams} />}
    </div>
  );
}
