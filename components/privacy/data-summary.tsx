import { getFormatter, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/domain/money/format";
import { money } from "@/lib/domain/money/money";
import type { Locale } from "@/lib/domain/markets";
import type { PersonalExport } from "@/lib/server/privacy/rights";

/** Everything the store holds about a person, readable in their language (the JSON download holds the same). */
export async function DataSummary({ data, locale }: { data: PersonalExport; locale: Locale }) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "yourData.summary" }), getFormatter({ locale })]);
  const date = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeZone: "UTC" });
  const when = (value: string) => format.dateTime(new Date(value), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const amount = (minor: number, currency: string) => formatMoney(money(minor, currency), locale);
  const orNot = (value: string | null) => value ?? t("notRecorded");
  return (
    <div className="data-summary" data-testid="data-summary">
      <p className="muted small">{t("generated", { date: when(data.generatedAt) })}</p>
      <section aria-labelledby="data-emails">
        <h2 id="data-emails">{t("emails")}</h2>
        <ul>
          {data.emails.map((email) => (
            <li key={email} dir="ltr">
              {email}
            </li>
          ))}
        </ul>
      </section>
      {data.account && (
        <section aria-labelledby="data-account">
          <h2 id="data-account">{t("account")}</h2>
          <dl className="account-facts">
            <dt>{t("name")}</dt>
            <dd>{data.account.name}</dd>
            <dt>{t("email")}</dt>
            <dd dir="ltr">{data.account.email}</dd>
            <dt>{t("created")}</dt>
            <dd>{date(data.account.createdAt)}</dd>
            <dt>{t("verified")}</dt>
            <dd>{data.account.emailVerified ? t("yes") : t("no")}</dd>
          </dl>
          <h3>{t("addresses")}</h3>
          <ul>
            {data.account.addresses.map((a, i) => (
              <li key={i}>
                {Object.values(a.fields).join(", ")} ({a.country}){a.isDefault ? `, ${t("defaultAddress")}` : ""}
              </li>
            ))}
          </ul>
          <h3>{t("sessions")}</h3>
          <ul>
            {data.account.sessions.map((s, i) => (
              <li key={i}>
                {s.userAgent ?? t("unknownBrowser")} · {t("sessionStarted", { date: when(s.createdAt) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="data-orders">
        <h2 id="data-orders">{t("orders")}</h2>
        {data.orders.length === 0 && <p>{t("noOrders")}</p>}
        {data.orders.map((order) => (
          <article key={order.number} className="data-order" data-testid="data-order">
            <h3 dir="ltr">{order.number}</h3>
            <dl className="account-facts">
              <dt>{t("status")}</dt>
              <dd>
                {order.status} · {t("placed", { date: when(order.placedAt) })}
              </dd>
              <dt>{t("email")}</dt>
              <dd dir="ltr">{order.email ?? t("redacted")}</dd>
              {order.shipTo && (
                <>
                  <dt>{t("shipTo")}</dt>
                  <dd>{order.shipTo.lines.join(", ")}</dd>
                  <dt>{t("phone")}</dt>
                  <dd dir="ltr">{orNot(order.shipTo.phone)}</dd>
                </>
              )}
              <dt>{t("total")}</dt>
              <dd>{amount(order.totals.totalMinor, order.currency)}</dd>
            </dl>
            {order.parcels.map((parcel, i) => (
              <div key={i} className="data-parcel">
                <h4>{t("parcel", { seller: parcel.seller.name, country: parcel.seller.country })}</h4>
                <p className="small">{parcel.sharedWithSeller.length > 0 ? t("shared", { seller: parcel.seller.name }) : t("sharedNothing")}</p>
                <ul>
                  {parcel.lines.map((line, j) => (
                    <li key={j}>
                      {line.quantity} × {line.title} ({line.variantName}) · {amount(line.goodsMinor, order.currency)}
                    </li>
                  ))}
                </ul>
                {parcel.deliveredAt && <p className="small">{t("delivered", { date: date(parcel.deliveredAt) })}</p>}
                {parcel.shipments.map((s, j) => (
                  <p key={j} className="small">
                    {t("tracking", { carrier: s.carrier, number: s.trackingNumber })}
                  </p>
                ))}
              </div>
            ))}
            {order.payments.length > 0 && (
              <>
                <h4>{t("payments")}</h4>
                <ul>
                  {order.payments.map((p, j) => (
                    <li key={j}>{t("payment", { amount: amount(p.amountMinor, p.currency), status: p.status, date: when(p.createdAt) })}</li>
                  ))}
                </ul>
              </>
            )}
            {order.withdrawals.length > 0 && (
              <>
                <h4>{t("withdrawals")}</h4>
                <ul>
                  {order.withdrawals.map((w, j) => (
                    <li key={j}>{t("withdrawal", { status: w.status, amount: amount(w.refundMinor, order.currency), date: when(w.createdAt) })}</li>
                  ))}
                </ul>
              </>
            )}
            {order.contract && (
              <>
                <h4>{t("contract")}</h4>
                <p className="small">{t("contractFacts", { date: when(order.contract.acceptedAt), terms: order.contract.termsVersionId, jurisdiction: order.contract.jurisdiction })}</p>
                <dl className="account-facts">
                  <dt>{t("ip")}</dt>
                  <dd dir="ltr">{orNot(order.contract.ipAddress)}</dd>
                  <dt>{t("browser")}</dt>
                  <dd dir="ltr">{orNot(order.contract.userAgent)}</dd>
                </dl>
              </>
            )}
            {order.retainedUntil && <p className="muted small">{t("retained", { date: date(order.retainedUntil) })}</p>}
          </article>
        ))}
      </section>
      {data.requests.length > 0 && (
        <section aria-labelledby="data-requests">
          <h2 id="data-requests">{t("requests")}</h2>
          <ul>
            {data.requests.map((r, i) => (
              <li key={i}>{t("request", { kind: r.kind === "erase" ? t("kinds.erase") : t("kinds.export"), date: when(r.createdAt) })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
