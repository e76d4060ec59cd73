import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CsrfField } from "@/components/forms/csrf-field";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { money } from "@/lib/domain/money";
import { formatMoney } from "@/lib/domain/money/format";
import { WITHDRAWAL_REFUSALS, type WithdrawalRefusal } from "@/lib/domain/withdrawal";
import { requestClock } from "@/lib/server/clock";
import { parseSelection } from "@/lib/server/contracts/withdrawal-http";
import { withdrawalOptions } from "@/lib/server/contracts/withdrawals";

/** "Withdraw from contract here": per buyer, never cached. */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "withdrawal" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
const ERRORS = [...WITHDRAWAL_REFUSALS, "ORDER_NOT_FOUND", "INVALID_SELECTION"] as const;
type ErrorCode = WithdrawalRefusal | "ORDER_NOT_FOUND" | "INVALID_SELECTION";

export default async function WithdrawPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "withdrawal" }), getFormatter({ locale })]);
  const orderId = one(query.order);
  const key = one(query.key);
  const options = await withdrawalOptions(orderId, key, requestClock());
  const error = (ERRORS as readonly string[]).includes(one(query.error)) ? (one(query.error) as ErrorCode) : null;
  if (!options) {
    return (
      <div className="checkout-page">
        <h1>{t("title")}</h1>
        <p data-testid="withdrawal-error">{t("refusal.ORDER_NOT_FOUND")}</p>
      </div>
    );
  }
  const orderHref = `/${locale}/checkout/complete?${new URLSearchParams({ order: orderId, key })}`;
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="order" value={orderId} />
      <input type="hidden" name="key" value={key} />
      <CsrfField />
    </>
  );
  const items = options.parcels.flatMap((p) => p.items.map((i) => ({ ...i, sellerName: p.sellerName })));
  const ack = one(query.ack);
  const acknowledged = ack ? options.withdrawals.filter((w) => ack.split(",").includes(w.id)) : [];

  if (acknowledged.length > 0) {
    const at = new Date(one(query.at) || acknowledged[0]!.createdAt.toISOString());
    return (
      <div className="checkout-page" data-testid="withdrawal-ack">
        <h1>{t("ackHeading")}</h1>
        <p role="status" data-testid="withdrawal-ack-time">
          {t("ack", { when: format.dateTime(at, { dateStyle: "long", timeStyle: "medium", timeZone: "UTC" }) })}
        </p>
        <ul>
          {acknowledged.flatMap((w) => w.items.map((i, n) => <li key={`${w.id}-${n}`}>{`${i.quantity} × ${i.title}`}</li>))}
        </ul>
        <p>{t("refundNote", { amount: formatMoney(money(acknowledged.reduce((s, w) => s + w.refundMinor, 0), acknowledged[0]!.currency), locale) })}</p>
        <p>
          <a href={orderHref}>{t("backToOrder")}</a>
        </p>
      </div>
    );
  }

  if (one(query.step) === "review") {
    const selection = parseSelection(one(query.sel));
    return (
      <div className="checkout-page">
        <h1>{t("reviewHeading")}</h1>
        <p>{t("reviewIntro")}</p>
        <ul data-testid="withdrawal-review">
          {selection.map((s) => (
            <li key={s.lineId}>{`${s.quantity} × ${items.find((i) => i.lineId === s.lineId)?.title ?? ""}`}</li>
          ))}
        </ul>
        <form action="/api/withdrawals" method="post">
          {hidden}
          <input type="hidden" name="sel" value={one(query.sel)} />
          <input type="hidden" name="token" value={one(query.token)} />
          <button type="submit" name="intent" value="confirm" className="primary" data-testid="confirm-withdrawal">
            {t("confirm")}
          </button>
        </form>
        <p>
          <a href={`/${locale}/checkout/withdraw?${new URLSearchParams({ order: orderId, key })}`}>{t("back")}</a>
        </p>
      </div>
    );
  }

  return (
    <div className="checkout-page">
      <h1>{t("title")}</h1>
      {error && (
        <p className="note error" role="alert" data-testid="withdrawal-error" data-code={error}>
          {t(`refusal.${error}`)}
        </p>
      )}
      {!options.statutory ? (
        <p className="note" data-testid="no-statutory-withdrawal">
          {t("noRight")}
        </p>
      ) : (
        <form action="/api/withdrawals" method="post" className="checkout-form">
          {hidden}
          <input type="hidden" name="lines" value={items.map((i) => i.lineId).join(",")} />
          <p>{t("intro")}</p>
          {items.map((item) => (
            <div key={item.lineId} className="field" data-testid="withdrawable-item">
              <label htmlFor={`qty-${item.lineId}`}>
                {item.title}
                {item.variantName && <span className="muted small"> · {item.variantName}</span>} ({item.sellerName})
              </label>
              {item.window.open ? (
                <>
                  <select id={`qty-${item.lineId}`} name={`qty_${item.lineId}`} defaultValue="0" aria-describedby={`when-${item.lineId}`}>
                    {Array.from({ length: item.remaining + 1 }, (_, n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                  <p id={`when-${item.lineId}`} className="muted small">
                    {item.window.endsAt ? t("until", { date: format.dateTime(item.window.endsAt, { dateStyle: "long", timeZone: "UTC" }) }) : t("notStarted")}
                  </p>
                </>
              ) : (
                <p className="muted small" data-testid="withdrawal-refused" data-code={item.window.reason}>
                  {t(`refusal.${item.window.reason}`)}
                </p>
              )}
            </div>
          ))}
          <button type="submit" name="intent" value="review" className="primary" data-testid="withdrawal-continue">
            {t("continue")}
          </button>
        </form>
      )}
      {options.withdrawals.length > 0 && (
        <section>
          <h2>{t("previous")}</h2>
          <ul data-testid="withdrawal-history">
            {options.withdrawals.map((w) => (
              <li key={w.id} data-status={w.status}>
                {format.dateTime(w.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} · {w.items.map((i) => `${i.quantity} × ${i.title}`).join(", ")} · {t(`status.${w.status as "REQUESTED"}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href={orderHref}>{t("backToOrder")}</a>
      </p>
    </div>
  );
}
