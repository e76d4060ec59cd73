import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AddressFields } from "@/components/checkout/address-fields";
import { ContactFields } from "@/components/checkout/contact-fields";
import { CheckoutEnhancer } from "@/components/checkout/checkout-enhancer";
import { CsrfField } from "@/components/forms/csrf-field";
import { isCheckoutErrorCode, type ChargePlan } from "@/lib/domain/checkout";
import { collatorFor, countryName } from "@/lib/display-names";
import { defaultMarketFor, findMarket, isLocale, MARKETS, textDirection, type Locale } from "@/lib/domain/markets";
import type { Money } from "@/lib/domain/money";
import { formatMoney } from "@/lib/domain/money/format";
import type { Quote } from "@/lib/domain/trade";
import { MARKET_COOKIE } from "@/lib/preferences";
import { CART_COOKIE } from "@/lib/server/cart";
import { loadCheckout, type CheckoutView } from "@/lib/server/checkout";
import { requestClock } from "@/lib/server/clock";
import { usableCartId } from "@/lib/server/cart/owner";
import { checkoutPrefill } from "@/lib/server/account/addresses";
import { currentViewer } from "@/lib/server/auth/viewer";

/** Checkout is per buyer: rendered on every request, never cached (docs/adr/0008). */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "checkout" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

type T = Awaited<ReturnType<typeof getTranslations<"checkout">>>;

export default async function CheckoutPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const [t, tt, tp, format, jar, query] = await Promise.all([
    getTranslations({ locale, namespace: "checkout" }),
    getTranslations({ locale, namespace: "trade" }),
    getTranslations({ locale, namespace: "privacy" }),
    getFormatter({ locale }),
    cookies(),
    searchParams,
  ]);
  const fallback = findMarket(jar.get(MARKET_COOKIE)?.value) ?? defaultMarketFor(locale);
  const asked = await headers();
  const prefill = await checkoutPrefill(await currentViewer(asked));
  const view = await loadCheckout(await usableCartId(jar.get(CART_COOKIE)?.value, asked), locale, fallback, requestClock(), undefined, prefill);
  const error = isCheckoutErrorCode(query.error) ? query.error : null;

  if (!view) {
    return (
      <div className="checkout-page">
        <h1>{t("title")}</h1>
        <p data-testid="checkout-empty">
          {t("empty")} <a href={`/${locale}/catalogue`}>{t("continueShopping")}</a>
        </p>
      </div>
    );
  }

  const amount = (m: Money) => formatMoney(m, locale);
  const collator = collatorFor(locale);
  const markets = [...MARKETS].sort((a, b) => collator.compare(countryName(a.country, locale), countryName(b.country, locale)));
  const quote = view.quote;
  const plan = view.plan;
  const sellers = view.cart.parcels.filter((p) => p.quoteIndex !== null).map((p) => p.seller.id);
  const canPay = view.blockers.length === 0 && plan !== null && view.lock !== null;

  return (
    <div className="checkout-page">
      <h1>{t("title")}</h1>
      {view.testMode && (
        <p className="note" data-testid="test-mode">
          {t("testMode")}
        </p>
      )}
      {error && (
        <p className="note error" role="alert" data-testid="checkout-error" data-code={error}>
          {t(`error.${error}`)}
        </p>
      )}
      {query.cancelled === "1" && !error && (
        <p className="note" role="status" data-testid="checkout-cancelled">
          {t("cancelled")}
        </p>
      )}
      {view.lock?.renewed && !error && (
        <p className="note" role="status" data-testid="quote-renewed">
          {t("renewed")}
        </p>
      )}
      <form action="/api/checkout" method="post" className="checkout-form" data-testid="checkout-form" noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="sellers" value={sellers.join(",")} />
        {view.lock && <input type="hidden" name="quote" value={view.lock.token} />}
        <CsrfField />
        <CheckoutEnhancer />

        <section className="checkout-section" aria-labelledby="checkout-contact">
          <h2 id="checkout-contact">{view.needsAddress ? t("shipToHeading") : t("contactHeading")}</h2>
          {!view.needsAddress && <p className="muted small">{t("digitalOnly")}</p>}
          <div className="field">
            <label htmlFor="checkout-country">{view.needsAddress ? t("country") : t("residence")}</label>
            <select id="checkout-country" name="country" defaultValue={view.market.country} autoComplete="country">
              {markets.map((m) => (
                <option key={m.country} value={m.country}>
                  {countryName(m.country, locale)}
                </option>
              ))}
            </select>
            <p className="muted small">{t("countryHint", { currency: view.market.currency })}</p>
          </div>
          {view.needsAddress ? (
            <AddressFields country={view.market.country} values={view.values} errors={view.errors ?? []} />
          ) : (
            <ContactFields values={view.values} errors={view.errors ?? []} />
          )}
          <p className="muted small" data-testid="checkout-privacy">
            {tp.rich("checkoutNote", { link: (chunks) => <a href={`/${locale}/privacy`}>{chunks}</a> })}
          </p>
          <button type="submit" name="intent" value="update" className="secondary">
            {t("update")}
          </button>
        </section>

        <section className="checkout-section" aria-labelledby="checkout-delivery">
          <h2 id="checkout-delivery">{t("deliveryHeading")}</h2>
          {view.cart.parcels.map((parcel) => (
            <fieldset key={parcel.seller.id} className="checkout-parcel" data-testid="checkout-parcel">
              <legend>{t("parcelFrom", { seller: parcel.seller.name, country: countryName(parcel.seller.country, locale) })}</legend>
              {parcel.delivery.options.length === 0 ? (
                <p className="small" data-testid="delivery-digital">
                  {t("byDownload")}
                </p>
              ) : (
                parcel.delivery.options.map((option) => (
                  <label key={option.service} className="radio">
                    <input type="radio" name={`delivery_${parcel.seller.id}`} value={option.service} defaultChecked={parcel.delivery.chosen === option.service} />
                    <span>
                      {t(`service.${option.service}`)} · {t("days", { min: option.days.min, max: option.days.max })} · {amount(option.price)}
                    </span>
                  </label>
                ))
              )}
              {!parcel.seller.paymentAccountId && parcel.quoteIndex !== null && (
                <p className="note error small" data-testid="seller-not-payable">
                  {t("error.SELLER_NOT_PAYABLE")}
                </p>
              )}
            </fieldset>
          ))}
        </section>

        <section className="checkout-section" aria-labelledby="checkout-review">
          <h2 id="checkout-review">{t("reviewHeading")}</h2>
          {quote && plan ? <Review view={view} quote={quote} plan={plan} t={t} tt={tt} amount={amount} /> : <p className="note">{t("error.QUOTE_FAILED")}</p>}
          {view.lock && quote && (
            <p className="small" data-testid="quote-lock">
              {t("lockedUntil", { time: format.dateTime(view.lock.until, { timeStyle: "short", dateStyle: "medium", timeZone: "UTC" }) })}{" "}
              {quote.fxRates.length > 0 && t("ratesOf", { date: format.dateTime(new Date(`${quote.fxRates[0]!.rateDate}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) })}
            </p>
          )}
          {view.fx.stale && view.testMode && <p className="note small">{t("staleRatesTestMode")}</p>}
          {view.blockers.map((code) => (
            <p key={code} className="note error" role="alert" data-testid="checkout-blocker" data-code={code}>
              {t(`error.${code}`)}
            </p>
          ))}
          {view.errors && view.errors.length > 0 && (
            <p className="note error" role="alert" data-testid="checkout-invalid">
              {t("error.INVALID_ADDRESS")}
            </p>
          )}
          {view.contract && (
            <div className="checkout-terms" data-testid="checkout-terms">
              <h3 id="checkout-terms">{t("terms.heading")}</h3>
              <p className="small">{t("terms.intro")}</p>
              {view.contract.rendered.fallback && (
                <p className="note small" data-testid="terms-fallback">
                  {t("terms.fallback")}
                </p>
              )}
              <div
                className="contract-text"
                tabIndex={0}
                role="document"
                aria-labelledby="checkout-terms"
                lang={view.contract.rendered.locale}
                dir={textDirection(view.contract.rendered.locale)}
                data-testid="contract-text"
              >
                {view.contract.rendered.text}
              </div>
              <p className="muted small">
                {t("terms.version", { version: view.contract.rendered.termsVersionId, date: format.dateTime(new Date(`${view.contract.effective}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) })}
              </p>
              <input type="hidden" name="terms" value={view.contract.sha256} />
              <label className="checkbox">
                <input type="checkbox" name="accept" value="yes" required data-testid="accept-terms" />
                <span>{t("terms.accept")}</span>
              </label>
              {view.hasDigital && (
                <>
                  <label className="checkbox">
                    <input type="checkbox" name="digitalConsent" value="yes" data-testid="digital-consent" />
                    <span>{t("terms.digitalConsent")}</span>
                  </label>
                  <p className="muted small">{t("terms.digitalLater")}</p>
                </>
              )}
            </div>
          )}
          <button type="submit" name="intent" value="pay" className="primary pay" disabled={!canPay} data-testid="pay">
            {t("terms.payButton")}
          </button>
          {plan && <p className="small" data-testid="pay-amount">{t("terms.payAmount", { amount: amount(plan.total) })}</p>}
          <p className="muted small">{t("payNote")}</p>
        </section>
      </form>
    </div>
  );
}

function Review({ view, quote, plan, t, tt, amount }: { view: CheckoutView; quote: Quote; plan: ChargePlan; t: T; tt: Awaited<ReturnType<typeof getTranslations<"trade">>>; amount: (m: Money) => string }) {
  return (
    <>
      {view.cart.parcels
        .filter((p) => p.quoteIndex !== null)
        .map((parcel) => {
          const quoted = quote.parcels[parcel.quoteIndex!]!;
          const charge = plan.parcels.find((c) => c.parcelIndex === parcel.quoteIndex)!;
          return (
            <div key={parcel.seller.id} className="checkout-review-parcel" data-testid="review-parcel" data-seller={parcel.seller.handle}>
              <h3>{parcel.seller.name}</h3>
              <p className="muted small" data-testid="review-regime">
                {tt(`regime.${quoted.regime}`)} · {tt(`badge${quoted.incoterm}`)}
              </p>
              <ul className="cart-lines">
                {parcel.quotedLineIds.map((id, index) => {
                  const line = parcel.lines.find((l) => l.id === id)!;
                  const q = quoted.lines.find((l) => l.itemIndex === index)!;
                  const restricted = quote.restrictions.find((r) => r.parcelIndex === quoted.index && r.itemIndex === index);
                  return (
                    <li key={id} className="cart-line" data-testid="review-line">
                      <span lang={line.product.contentLocale} dir={textDirection(line.product.contentLocale)}>
                        {line.product.title}
                        {line.variantName && <span className="muted small"> · {line.variantName}</span>}
                      </span>
                      <span>
                        {t("quantityTimes", { quantity: line.quantity })} {amount(q.goods)}
                      </span>
                      {restricted && (
                        <p className="note error small" data-testid="review-restricted">
                          {tt(restricted.reason.replace(/^trade\./, "") as Parameters<typeof tt>[0])}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
              <dl className="details cart-amounts" data-testid="review-amounts">
                <dt>{tt("goods")}</dt>
                <dd>{amount(charge.goods)}</dd>
                <dt>{t("shipping")}</dt>
                <dd>{amount(charge.shipping)}</dd>
                <dt>{tt("duty")}</dt>
                <dd data-testid="review-duty">{amount(charge.duty)}</dd>
                <dt>{tt("tax")}</dt>
                <dd data-testid="review-tax">{amount(charge.tax)}</dd>
                <dt>{t("parcelDueNow")}</dt>
                <dd data-testid="review-parcel-total">{amount(charge.charged)}</dd>
                {charge.dueOnDelivery.amountMinor > 0 && (
                  <>
                    <dt>{t("dueOnDelivery")}</dt>
                    <dd>{amount(charge.dueOnDelivery)}</dd>
                  </>
                )}
              </dl>
            </div>
          );
        })}
      <div className="cart-summary">
      <dl className="details" data-testid="review-summary">
        {plan.rounding.amountMinor !== 0 && (
          <>
            <dt>{t("rounding")}</dt>
            <dd data-testid="review-rounding">{amount(plan.rounding)}</dd>
          </>
        )}
        <dt>{t("totalNow")}</dt>
        <dd data-testid="review-total" data-currency={plan.total.currency} data-amount-minor={plan.total.amountMinor}>
          {amount(plan.total)}
        </dd>
        {plan.dueOnDelivery.amountMinor > 0 && (
          <>
            <dt>{t("dueOnDelivery")}</dt>
            <dd data-testid="review-due-on-delivery">{amount(plan.dueOnDelivery)}</dd>
          </>
        )}
      </dl>
      </div>
      {quote.fxRates.length > 0 && (
        <ul className="muted small" data-testid="review-rates">
          {quote.fxRates.map((r) => (
            <li key={`${r.from}-${r.to}`}>{t("rate", { from: r.from, to: r.to, rate: r.rate.replace(/0+$/, "").replace(/\.$/, "") })}</li>
          ))}
        </ul>
      )}
    </>
  );
}
