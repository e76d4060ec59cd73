import { cookies, headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { PriceTag } from "@/components/price/price-tag";
import { CsrfField } from "@/components/forms/csrf-field";
import { CART_ERROR_CODES, MAX_QUANTITY, type CartErrorCode, type LineChange } from "@/lib/domain/cart";
import { formatMoney } from "@/lib/domain/money/format";
import { textDirection, type Locale } from "@/lib/domain/markets";
import type { Money } from "@/lib/domain/money";
import type { ParcelQuote } from "@/lib/domain/trade";
import { countryName } from "@/lib/display-names";
import { resolveShop, type ShopParams } from "@/lib/route-params";
import { CART_COOKIE, loadCart, type CartLineView } from "@/lib/server/cart";
import { requestClock } from "@/lib/server/clock";
import { usableCartId } from "@/lib/server/cart/owner";

/** The cart is per buyer: rendered on every request, never cached (docs/adr/0008). */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<ShopParams> }) {
  const { locale } = resolveShop(await params);
  const t = await getTranslations({ locale, namespace: "cart" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

function errorCode(raw: string | string[] | undefined): CartErrorCode | null {
  return typeof raw === "string" && (CART_ERROR_CODES as readonly string[]).includes(raw) ? (raw as CartErrorCode) : null;
}

export default async function CartPage({ params, searchParams }: { params: Promise<ShopParams>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, market } = resolveShop(await params);
  const [t, tt, format, jar, query] = await Promise.all([
    getTranslations({ locale, namespace: "cart" }),
    getTranslations({ locale, namespace: "trade" }),
    getFormatter({ locale }),
    cookies(),
    searchParams,
  ]);
  const cart = await loadCart(await usableCartId(jar.get(CART_COOKIE)?.value, await headers()), locale, market, requestClock());
  const error = errorCode(query.error);
  const destination = countryName(market.country, locale);
  const amount = (m: Money) => formatMoney(m, locale);

  const changeText = (change: LineChange) => {
    switch (change.kind) {
      case "PRICE_CHANGED":
      case "DISPLAY_PRICE_CHANGED":
        return t(`change.${change.kind}`, { from: amount(change.from), to: amount(change.to) });
      case "STOCK_REDUCED":
        return t("change.STOCK_REDUCED", { available: change.available });
      default:
        return t(`change.${change.kind}`);
    }
  };

  return (
    <div className="cart-page">
      <h1>{t("title")}</h1>
      {error && (
        <p className="note error" role="alert" data-testid="cart-error">
          {t(`error.${error}`)}
        </p>
      )}
      {!cart || cart.parcels.length === 0 ? (
        <p>
          {t("empty")} <Link href="/catalogue">{t("continueShopping")}</Link>
        </p>
      ) : (
        <>
          {cart.needsAcknowledgement && (
            <form action="/api/cart" method="post" className="note" role="alert" data-testid="cart-changes">
              <p>{t("changesNotice")}</p>
              <input type="hidden" name="action" value="acknowledge" />
              <input type="hidden" name="locale" value={locale} />
              <CsrfField />
              <button type="submit">{t("acknowledge")}</button>
            </form>
          )}
          {cart.parcels.map((parcel) => {
            const quoted: ParcelQuote | undefined = parcel.quoteIndex === null ? undefined : cart.quote?.parcels[parcel.quoteIndex];
            return (
              <section key={parcel.seller.id} className="cart-parcel" aria-labelledby={`parcel-${parcel.seller.id}`} data-testid="cart-parcel">
                <h2 id={`parcel-${parcel.seller.id}`}>{t("parcelFrom", { seller: parcel.seller.name, country: countryName(parcel.seller.country, locale) })}</h2>
                {quoted && <p className="muted small" data-testid="parcel-regime">{tt(`regime.${quoted.regime}`)}</p>}
                <ul className="cart-lines">
                  {parcel.lines.map((line) => (
                    <CartLine key={line.id} line={line} locale={locale} t={t} changeText={changeText} />
                  ))}
                </ul>
                {quoted && (
                  <dl className="details cart-amounts" data-testid="parcel-amounts">
                    <dt>{tt("goods")}</dt>
                    <dd>{amount(quoted.goods)}</dd>
                    <dt>{tt("shippingEstimate")}</dt>
                    <dd>{amount(quoted.shipping)}</dd>
                    <dt>{tt("duty")}</dt>
                    <dd>{amount(quoted.duty)}</dd>
                    <dt>{tt("tax")}</dt>
                    <dd>{amount(quoted.tax)}</dd>
                    {quoted.fees.amountMinor > 0 && (
                      <>
                        <dt>{tt("fees")}</dt>
                        <dd>{amount(quoted.fees)}</dd>
                      </>
                    )}
                    <dt>{t("parcelTotal")}</dt>
                    <dd data-testid="parcel-total">{amount(quoted.total)}</dd>
                  </dl>
                )}
              </section>
            );
          })}
          {cart.quote ? (
            <section className="cart-summary" aria-label={t("total")} data-testid="cart-summary">
              {cart.quote.restrictions.map((r) => (
                <p key={`${r.parcelIndex}-${r.itemIndex}`} className="note error" role="alert" data-testid="cart-restriction">
                  {t("cannotShip", { country: destination, reason: tt(r.reason.replace(/^trade\./, "") as Parameters<typeof tt>[0]) })}
                </p>
              ))}
              <dl className="details">
                <dt>{t("total")}</dt>
                <dd data-testid="cart-total" data-currency={cart.quote.total.currency} data-amount-minor={cart.quote.total.amountMinor}>
                  {amount(cart.quote.total)}
                </dd>
                <dt>{t("dueNow")}</dt>
                <dd data-testid="cart-due-now">{amount(cart.quote.dueAtCheckout)}</dd>
                {cart.quote.dueOnDelivery.amountMinor > 0 && (
                  <>
                    <dt>{t("dueOnDelivery")}</dt>
                    <dd data-testid="cart-due-on-delivery">{amount(cart.quote.dueOnDelivery)}</dd>
                  </>
                )}
              </dl>
              <p className="muted small">{t("pricingNote", { date: format.dateTime(new Date(`${cart.pricingDate}T00:00:00Z`), { dateStyle: "long" }) })}</p>
              {!cart.needsAcknowledgement && cart.quote.restrictions.length === 0 && (
                <p>
                  <a href={`/${locale}/checkout`} className="button primary" data-testid="go-to-checkout">
                    {t("checkout")}
                  </a>
                </p>
              )}
            </section>
          ) : (
            cart.quoteError && <p className="note">{t("notQuoted", { country: destination })}</p>
          )}
        </>
      )}
    </div>
  );
}

function CartLine({
  line,
  locale,
  t,
  changeText,
}: {
  line: CartLineView;
  locale: Locale;
  t: Awaited<ReturnType<typeof getTranslations<"cart">>>;
  changeText: (change: LineChange) => string;
}) {
  const max = line.product.kind === "DIGITAL" ? MAX_QUANTITY : Math.max(1, Math.min(MAX_QUANTITY, line.stock));
  return (
    <li className="cart-line" data-testid="cart-line" data-sku={line.sku}>
      <div>
        <Link href={`/products/${line.product.slug}`} lang={line.product.contentLocale} dir={textDirection(line.product.contentLocale)}>
          {line.product.title}
        </Link>
        {line.variantName && <span className="muted small"> · {line.variantName}</span>}
        <div className="small">
          <PriceTag price={line.unitPrice} locale={locale} />
        </div>
        {line.changes.map((change) => (
          <p key={change.kind} className="note small" data-testid="line-change" data-change={change.kind}>
            {changeText(change)}
          </p>
        ))}
      </div>
      <form action="/api/cart" method="post" className="cart-line-form">
        <input type="hidden" name="lineId" value={line.id} />
        <input type="hidden" name="locale" value={locale} />
        <CsrfField />
        <label>
          {t("quantity")}
          <input type="number" name="quantity" defaultValue={line.quantity} min={1} max={max} step={1} inputMode="numeric" required />
        </label>
        <button type="submit" name="action" value="update">
          {t("update")}
        </button>
        <button type="submit" name="action" value="remove" formNoValidate>
          {t("remove")}
        </button>
      </form>
    </li>
  );
}
