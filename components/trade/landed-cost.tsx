import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/domain/money/format";
import type { Money } from "@/lib/domain/money";
import type { Locale, MarketDefinition } from "@/lib/domain/markets";
import type { ProductDelivery } from "@/lib/server/trade/product-delivery";
import { countryName } from "@/lib/display-names";

/** "Delivered to {country}: {total}", the DDP/DAP badge, the regime, and an expandable breakdown. */
export async function LandedCost({ delivery, market, locale }: { delivery: ProductDelivery; market: MarketDefinition; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "trade" });
  // Restriction reasons are full message keys, as the quote API reports them.
  const message = await getTranslations({ locale });
  const country = countryName(market.country, locale);
  if (!delivery.ok) {
    return (
      <p className="note" data-testid="landed-cost-unavailable">
        {delivery.code === "UNSUPPORTED_DESTINATION" ? t("notAvailable", { country }) : t("notEstimated")}
      </p>
    );
  }
  const { quote } = delivery;
  const parcel = quote.parcels[0];
  if (!parcel) return null;
  if (quote.restrictions.length > 0) {
    return (
      <div className="note restriction" data-testid="cannot-ship">
        <p>
          <strong>{t("cannotShip", { country })}</strong>
        </p>
        <ul>
          {quote.restrictions.map((r) => (
            <li key={`${r.rule.id}-${r.itemIndex}`}>{message(r.reason)}</li>
          ))}
        </ul>
      </div>
    );
  }
  const fmt = (m: Money) => formatMoney(m, locale);
  const line = parcel.lines[0];
  const ddp = parcel.incoterm === "DDP";
  // Nothing crosses a customs border for a domestic sale or a download: no incoterm to show.
  const importing = parcel.regime !== "DOMESTIC" && parcel.regime !== "DIGITAL";
  return (
    <section className="landed-cost" aria-labelledby="landed-heading" data-testid="landed-cost" data-regime={parcel.regime} data-incoterm={parcel.incoterm}>
      <h2 id="landed-heading">
        {t.rich("deliveredTo", {
          country,
          total: fmt(quote.total),
          amount: (chunks) => <span data-testid="landed-total">{chunks}</span>,
        })}
      </h2>
      <p className="badges">
        {importing ? (
          <span className={`badge ${ddp ? "badge-ddp" : "badge-dap"}`} data-testid="incoterm-badge">
            {t(`badge${parcel.incoterm}`)}
          </span>
        ) : (
          <span className="badge badge-ddp" data-testid="tax-badge">
            {t("badgeTaxIncluded")}
          </span>
        )}{" "}
        <span className="muted small" data-testid="regime">
          {t(`regime.${parcel.regime}`)}
        </span>
      </p>
      {importing && !ddp && quote.dueOnDelivery.amountMinor > 0 && <p className="small">{t("dapHint", { amount: fmt(quote.dueOnDelivery) })}</p>}
      <details>
        <summary>{t("breakdown")}</summary>
        <dl className="details">
          <dt>{t("goods")}</dt>
          <dd>{fmt(parcel.goods)}</dd>
          <dt>{t("shippingEstimate")}</dt>
          <dd>{fmt(parcel.shipping)}</dd>
          <dt>{parcel.estimate ? t("dutyEstimated") : t("duty")}</dt>
          <dd data-testid="duty">{fmt(parcel.duty)}</dd>
          <dt>{line?.taxRate ? t("taxWithRate", { rate: line.taxRate }) : t("tax")}</dt>
          <dd data-testid="tax">{fmt(parcel.tax)}</dd>
          {parcel.fees.amountMinor > 0 && (
            <>
              <dt>{t("fees")}</dt>
              <dd>{fmt(parcel.fees)}</dd>
            </>
          )}
          <dt>{t("total")}</dt>
          <dd>
            <strong>{fmt(parcel.total)}</strong>
          </dd>
          {importing && !ddp && (
            <>
              <dt>{t("dueAtCheckout")}</dt>
              <dd>{fmt(parcel.dueAtCheckout)}</dd>
              <dt>{t("dueOnDelivery")}</dt>
              <dd>{fmt(parcel.dueOnDelivery)}</dd>
            </>
          )}
        </dl>
        {quote.warnings.map((w, i) => (
          <p key={i} className="muted small">
            {t(`warning.${w.code}`)}
          </p>
        ))}
        <p className="muted small">{t("estimateNote")}</p>
        <p className="muted small">
          {t("rulesApplied", { rules: quote.rules.map((r) => `${r.id}@${r.version}`).join(", ") })}
        </p>
      </details>
    </section>
  );
}
