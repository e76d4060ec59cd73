import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/display-names";
import { textDirection, type Locale } from "@/lib/domain/markets";
import type { Money } from "@/lib/domain/money";
import { formatMoney } from "@/lib/domain/money/format";
import type { OrderView } from "@/lib/server/checkout/confirmation";
import { DigitalItems } from "./digital-items";
import { ParcelTimeline } from "./parcel-timeline";

/**
 * An order as its buyer sees it: parcels, amounts, ship-to address, the contract with
 * its PDF and the withdrawal entry. The same for a guest holding the confirmation link
 * (checkout/complete) and for the signed-in buyer in their account; `accessKey` is the
 * order's key, which the contract download and the withdrawal form ask for.
 */
export async function OrderDetails({ order, locale, accessKey, heading }: { order: OrderView; locale: Locale; accessKey: string; heading: ReactNode }) {
  const [t, tt, tw, format] = await Promise.all([
    getTranslations({ locale, namespace: "order" }),
    getTranslations({ locale, namespace: "trade" }),
    getTranslations({ locale, namespace: "withdrawal" }),
    getFormatter({ locale }),
  ]);
  const amount = (m: Money) => formatMoney(m, locale);
  return (
    <div className="checkout-page" data-testid="order" data-status={order.status} data-order-id={order.id}>
      {heading}
      {order.testMode && (
        <p className="note" data-testid="test-mode">
          {t("testMode")}
        </p>
      )}
      <p>
        {t("number")} <strong data-testid="order-number" dir="ltr">{order.number}</strong>
      </p>
      <p role="status" data-testid="order-status-text">
        {t(`status.${order.status}`)}
      </p>
      {order.parcels.map((parcel, index) => (
        <section key={index} className="cart-parcel" data-testid="order-parcel">
          <h2>{t("parcelFrom", { seller: parcel.sellerName, country: countryName(parcel.origin, locale) })}</h2>
          <p className="muted small">
            {tt(`regime.${parcel.regime as "DOMESTIC"}`)} · {tt(`badge${parcel.incoterm}`)}
          </p>
          <ul className="cart-lines">
            {parcel.lines.map((line, i) => (
              <li key={i} className="cart-line">
                <span>
                  {line.title}
                  {line.variantName && <span className="muted small"> · {line.variantName}</span>}
                </span>
                <span>
                  {t("quantityTimes", { quantity: line.quantity })} {amount(line.total)}
                </span>
              </li>
            ))}
          </ul>
          <dl className="details cart-amounts">
            <dt>{tt("goods")}</dt>
            <dd>{amount(parcel.goods)}</dd>
            <dt>{t("shipping")}</dt>
            <dd>{amount(parcel.shipping)}</dd>
            <dt>{tt("duty")}</dt>
            <dd data-testid="order-parcel-duty">{amount(parcel.duty)}</dd>
            <dt>{tt("tax")}</dt>
            <dd data-testid="order-parcel-tax">{amount(parcel.tax)}</dd>
            <dt>{t("paid")}</dt>
            <dd>{amount(parcel.dueAtCheckout)}</dd>
            {parcel.dueOnDelivery.amountMinor > 0 && (
              <>
                <dt>{t("dueOnDelivery")}</dt>
                <dd>{amount(parcel.dueOnDelivery)}</dd>
              </>
            )}
          </dl>
          <p className="small" data-testid="order-next">
            {parcel.digital
              ? order.digitalAvailableFrom && order.digitalAvailableFrom > order.placedAt && order.digitalAvailableFrom.getTime() - order.placedAt.getTime() > 86_400_000
                ? t("next.digitalFrom", { date: format.dateTime(order.digitalAvailableFrom, { dateStyle: "long", timeZone: "UTC" }) })
                : t("next.digital")
              : parcel.dueOnDelivery.amountMinor > 0
                ? t("next.dap", { amount: amount(parcel.dueOnDelivery) })
                : t("next.ddp", { min: parcel.deliveryDays?.min ?? 0, max: parcel.deliveryDays?.max ?? 0 })}
          </p>
          <ParcelTimeline orderId={order.id} index={index} locale={locale} />
        </section>
      ))}
      <DigitalItems orderId={order.id} locale={locale} accessKey={accessKey} />
      <div className="cart-summary">
      <dl className="details" data-testid="order-summary">
        {order.totals.rounding.amountMinor !== 0 && (
          <>
            <dt>{t("rounding")}</dt>
            <dd>{amount(order.totals.rounding)}</dd>
          </>
        )}
        <dt>{t("total")}</dt>
        <dd data-testid="order-total" data-currency={order.currency} data-amount-minor={order.totals.charged.amountMinor}>
          {amount(order.totals.charged)}
        </dd>
      </dl>
      </div>
      {order.shipTo && (
        <section>
          <h2>{t("shipTo")}</h2>
          <address data-testid="order-ship-to">
            {order.shipTo.lines.map((line, i) => (
              <span key={i}>
                {line}
                <br />
              </span>
            ))}
          </address>
        </section>
      )}
      {order.contract && (
        <section className="checkout-section" data-testid="order-contract" data-verified={order.contract.verified}>
          <h2>{t("contract.heading")}</h2>
          <p className="small">{t("contract.intro")}</p>
          <p className="small">
            {t("contract.accepted", { date: format.dateTime(order.contract.record.acceptedAt, { dateStyle: "long", timeStyle: "medium", timeZone: "UTC" }), version: order.contract.record.termsVersionId })}
          </p>
          {order.contract.record.consents.digitalImmediateSupply === true && <p className="small">{t("contract.digitalConsent")}</p>}
          {order.contract.record.consents.digitalImmediateSupply === false && <p className="small">{t("contract.digitalNoConsent")}</p>}
          <details>
            <summary>{t("contract.show")}</summary>
            <div className="contract-text" lang={order.contract.record.locale} dir={textDirection(order.contract.record.locale)} data-testid="order-contract-text">
              {order.contract.record.text}
            </div>
          </details>
          <p className="muted small" dir="ltr">
            {t("contract.fingerprint", { hash: order.contract.record.textSha256 })}
          </p>
          <p className={order.contract.verified ? "small" : "note error small"} data-testid="order-contract-verified">
            {order.contract.verified ? t("contract.verified") : t("contract.notVerified")}
          </p>
          <p>
            <a href={`/api/orders/${order.id}/contract?${new URLSearchParams({ key: accessKey, locale })}`} data-testid="contract-pdf">
              {t("contract.download")}
            </a>
          </p>
        </section>
      )}
      {order.withdrawable && order.status === "PAID" && (
        <p>
          <a href={`/${locale}/checkout/withdraw?${new URLSearchParams({ order: order.id, key: accessKey })}`} data-testid="withdraw-link">
            {tw("link")}
          </a>
        </p>
      )}
      <p className="muted small">{t("placed", { date: format.dateTime(order.placedAt, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) })}</p>
      {order.status === "CANCELLED" && (
        <p>
          <a href={`/${locale}/cart`}>{t("backToCart")}</a>
        </p>
      )}
    </div>
  );
}
