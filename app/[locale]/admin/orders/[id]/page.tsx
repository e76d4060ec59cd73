import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuditEntries, formatMinor, formatWhen, ReconcileBadge } from "@/components/admin/admin-parts";
import { BuyerField } from "@/components/admin/buyer-field";
import { isLocale } from "@/lib/domain/markets";
import { orderDetailFor } from "@/lib/server/operator/orders";
import { operatorViewer } from "@/lib/server/panels/viewer";
import { revealBuyerFieldAction } from "./actions";

/** The refusals a reveal form can show (messages panel.error.*). */
const REVEAL_ERRORS = [
  "REVEAL_FIELD_INVALID",
  "REVEAL_REASON_REQUIRED",
  "REVEAL_REASON_TOO_SHORT",
  "REVEAL_REASON_TOO_LONG",
  "REVEAL_NOT_HELD",
  "REVEAL_REFUSED",
  "INVALID_REASON",
  "RATE_LIMITED",
] as const;

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "adminOrders" });
  return { title: t("detail.title"), robots: { index: false, follow: false } };
}

/** One order as the operator sees it: its sellers' shares, payments and events, transfers, refunds, withdrawals and audit entries. */
export default async function AdminOrderPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const viewer = await operatorViewer(locale, `/${locale}/admin/orders/${encodeURIComponent(id)}`);
  const [t, tp, te, result] = await Promise.all([
    getTranslations({ locale, namespace: "adminOrders" }),
    getTranslations({ locale, namespace: "privacy.operator" }),
    getTranslations({ locale, namespace: "panel.error" }),
    orderDetailFor(viewer, id),
  ]);
  if (!result.ok) notFound();
  const order = result.data;
  const errors = Object.fromEntries(REVEAL_ERRORS.map((code) => [code, te(code)]));
  const m = (minor: number) => formatMinor(minor, order.currency, locale);
  const when = (at: Date | null) => (at ? <time dateTime={at.toISOString()}>{formatWhen(at, locale)}</time> : <span className="muted">{t("detail.never")}</span>);
  return (
    <>
      <p>
        <a href={`/${locale}/admin/orders`}>{t("detail.back")}</a>
      </p>
      <h1 data-testid="admin-order-heading">
        {t("detail.heading")} <bdi dir="ltr">{order.number}</bdi>
      </h1>
      <dl className="admin-facts" data-testid="admin-order-facts">
        <dt>{t("columns.status")}</dt>
        <dd data-testid="admin-order-status">{t(`status.${order.status}` as "status.PAID")}</dd>
        <dt>{t("columns.reconcile")}</dt>
        <dd>
          <ReconcileBadge state={order.reconcile} locale={locale} />
        </dd>
        <dt>{t("columns.created")}</dt>
        <dd>{when(order.createdAt)}</dd>
        <dt>{t("detail.paid")}</dt>
        <dd>{when(order.paidAt)}</dd>
        <dt>{t("columns.destination")}</dt>
        <dd>{order.destination}</dd>
        <dt>{t("detail.buyer")}</dt>
        <dd>
          <bdi dir="ltr" data-testid="admin-order-buyer">
            {order.buyerEmail}
          </bdi>{" "}
          <span className="muted small">({order.guest ? t("detail.guest") : t("detail.account")})</span>
        </dd>
        <dt>{t("detail.goods")}</dt>
        <dd>{m(order.goodsMinor)}</dd>
        <dt>{t("detail.shipping")}</dt>
        <dd>{m(order.shippingMinor)}</dd>
        <dt>{t("detail.duty")}</dt>
        <dd>{m(order.dutyMinor)}</dd>
        <dt>{t("detail.tax")}</dt>
        <dd>{m(order.taxMinor)}</dd>
        <dt>{t("columns.total")}</dt>
        <dd data-testid="admin-order-total">{m(order.totalMinor)}</dd>
        {order.testMode && (
          <>
            <dt>{t("detail.mode")}</dt>
            <dd>{t("detail.testMode")}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="buyer-heading">
        <h2 id="buyer-heading">{tp("heading")}</h2>
        <p className="muted small">{tp("intro")}</p>
        <dl className="admin-facts buyer-fields" data-testid="admin-order-pii">
          {order.buyer.map((b) => (
            <BuyerField
              key={b.field}
              orderId={order.id}
              field={b.field}
              masked={b.masked}
              held={b.held}
              errors={errors}
              action={revealBuyerFieldAction}
              texts={{
                label: tp(`fields.${b.field}`),
                reveal: tp("reveal"),
                reason: tp("reason"),
                reasonHint: tp("reasonHint"),
                submit: tp("submit"),
                revealedNote: tp("revealedNote"),
                notHeld: tp("notHeld"),
              }}
            />
          ))}
        </dl>
      </section>

      <h2 id="order-subOrders">{t("detail.subOrders")}</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="order-subOrders">
        <table className="panel-table" data-testid="admin-suborders">
          <thead>
            <tr>
              <th scope="col">{t("detail.seller")}</th>
              <th scope="col" className="num">{t("detail.goodsShipping")}</th>
              <th scope="col" className="num">{t("detail.commission")}</th>
              <th scope="col" className="num">{t("detail.share")}</th>
              <th scope="col">{t("columns.transfers")}</th>
              <th scope="col" className="num">{t("detail.refunded")}</th>
            </tr>
          </thead>
          <tbody>
            {order.subOrders.map((s) => (
              <tr key={s.id} data-testid="admin-suborder">
                <th scope="row">
                  <bdi>{s.sellerName}</bdi> <span className="muted small" dir="ltr">({s.sellerHandle})</span>
                </th>
                <td className="num">{m(s.goodsMinor + s.shippingMinor)}</td>
                <td className="num">
                  {m(s.commissionMinor)} <span className="muted small">({t("detail.bps", { percent: s.commissionBps / 100 })})</span>
                </td>
                <td className="num">{m(s.sellerShareMinor)}</td>
                <td data-transfer-status={s.transferStatus}>
                  {t(`transfer.${s.transferStatus}` as "transfer.NONE")}
                  {s.transferId && (
                    <>
                      {" "}
                      <code className="small" dir="ltr">{s.transferId}</code>
                    </>
                  )}
                </td>
                <td className="num">
                  {m(s.refundedMinor)}
                  {s.refundId && (
                    <>
                      {" "}
                      <code className="small" dir="ltr">{s.refundId}</code>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="order-payments">{t("detail.payments")}</h2>
      {order.payments.length === 0 ? (
        <p className="muted">{t("detail.none")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="order-payments">
          <table className="panel-table" data-testid="admin-payments">
            <thead>
              <tr>
                <th scope="col">{t("detail.session")}</th>
                <th scope="col">{t("columns.payment")}</th>
                <th scope="col" className="num">{t("detail.amount")}</th>
                <th scope="col" className="num">{t("detail.refunded")}</th>
                <th scope="col">{t("columns.created")}</th>
                <th scope="col">{t("detail.paid")}</th>
              </tr>
            </thead>
            <tbody>
              {order.payments.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <code className="small" dir="ltr">{p.sessionId}</code>
                  </th>
                  <td>{t(`payment.${p.status}` as "payment.PAID")}</td>
                  <td className="num">{formatMinor(p.amountMinor, p.currency, locale)}</td>
                  <td className="num">{formatMinor(p.refundedMinor, p.currency, locale)}</td>
                  <td>{when(p.createdAt)}</td>
                  <td>{when(p.paidAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="order-events">{t("detail.events")}</h2>
      {order.events.length === 0 ? (
        <p className="muted">{t("detail.none")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="order-events">
          <table className="panel-table" data-testid="admin-events">
            <thead>
              <tr>
                <th scope="col">{t("detail.eventType")}</th>
                <th scope="col">{t("detail.received")}</th>
                <th scope="col">{t("detail.processed")}</th>
                <th scope="col" className="num">{t("detail.attempts")}</th>
                <th scope="col">{t("detail.lastError")}</th>
              </tr>
            </thead>
            <tbody>
              {order.events.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <code className="small" dir="ltr">{e.type}</code>
                  </th>
                  <td>{when(e.receivedAt)}</td>
                  <td>{e.processedAt ? when(e.processedAt) : <strong>{t("detail.notProcessed")}</strong>}</td>
                  <td className="num">{e.attempts}</td>
                  <td>{e.lastError ? <code dir="ltr">{e.lastError}</code> : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="order-withdrawals">{t("detail.withdrawals")}</h2>
      {order.withdrawals.length === 0 ? (
        <p className="muted">{t("detail.none")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="order-withdrawals">
          <table className="panel-table" data-testid="admin-withdrawals">
            <thead>
              <tr>
                <th scope="col">{t("columns.created")}</th>
                <th scope="col">{t("detail.seller")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col" className="num">{t("detail.refund")}</th>
                <th scope="col">{t("detail.refundedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {order.withdrawals.map((w) => (
                <tr key={w.id}>
                  <th scope="row">{when(w.createdAt)}</th>
                  <td>
                    <bdi>{order.subOrders.find((s) => s.id === w.subOrderId)?.sellerName ?? ""}</bdi>
                  </td>
                  <td>{t(`withdrawal.${w.status}` as "withdrawal.REQUESTED")}</td>
                  <td className="num">{m(w.refundMinor)}</td>
                  <td>{when(w.refundedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("detail.audit")}</h2>
      <AuditEntries entries={order.audit} locale={locale} headingLevel={3} />
    </>
  );
}
