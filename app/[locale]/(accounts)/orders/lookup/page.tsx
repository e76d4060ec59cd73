import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Field, Notice } from "@/components/account/account-parts";
import { CsrfField } from "@/components/forms/csrf-field";
import { ParcelTracking } from "@/components/order/parcel-timeline";
import { countryName } from "@/lib/display-names";
import { isLookupCode, normaliseOrderNumber } from "@/lib/domain/logistics/lookup";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { requestClock } from "@/lib/server/clock";
import { loadLookupView } from "@/lib/server/logistics/lookup";

/** Per guest, never cached. */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "tracking.lookup" });
  // The result's token never leaves the store in a Referer; not "no-referrer", under which the form would post with `Origin: null` and be refused.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * /{locale}/orders/lookup: a guest tracks an order with its number and email. The form
 * posts to /api/orders/lookup, which comes back here with a short-lived token (`t`) on
 * a match, or a refusal code; the email is never in the address.
 */
export default async function OrderLookupPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const [t, to, te, format, query] = await Promise.all([
    getTranslations({ locale, namespace: "tracking.lookup" }),
    getTranslations({ locale, namespace: "tracking" }),
    getTranslations({ locale, namespace: "panel.error" }),
    getFormatter({ locale }),
    searchParams,
  ]);
  const token = one(query.t);
  const found = token ? await loadLookupView(token, requestClock()) : null;

  if (found?.ok) {
    const { view } = found;
    const area = view.shipTo.city ?? (view.shipTo.region ? (locale === "ja" || locale === "zh-CN" ? view.shipTo.region.local : view.shipTo.region.english) : null);
    const place = [area, countryName(view.shipTo.country, locale)].filter(Boolean).join(locale === "ja" || locale === "zh-CN" ? "、" : locale === "ar" ? "، " : ", ");
    return (
      <div className="order-lookup" data-testid="lookup-result">
        <h1>{t("resultHeading", { number: view.number })}</h1>
        <p className="muted small">
          {t("placed", { date: format.dateTime(view.placedAt, { dateStyle: "long", timeZone: "UTC" }) })} · <span data-testid="lookup-ship-to">{t("shipTo", { place })}</span>
        </p>
        {view.parcels.map((parcel, i) => (
          <section key={i} className="cart-parcel" data-testid="lookup-parcel">
            <h2>{t("parcelFrom", { seller: parcel.sellerName, country: countryName(parcel.origin, locale) })}</h2>
            {parcel.digital ? <p className="small">{to("digital")}</p> : <ParcelTracking timeline={parcel.timeline} locale={locale} />}
          </section>
        ))}
        <p className="muted small">{t("privacy")}</p>
        <p>
          <a href={`/${locale}/orders/lookup`}>{t("again")}</a>
        </p>
      </div>
    );
  }

  const code = found && !found.ok ? found.code : one(query.error);
  const error = isLookupCode(code) ? code : null;
  return (
    <div className="order-lookup">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {error && (
        <div data-testid="lookup-error" data-code={error}>
          <Notice error text={te(error)} />
        </div>
      )}
      <form className="account-form" method="post" action="/api/orders/lookup" data-testid="lookup-form">
        <CsrfField />
        <input type="hidden" name="locale" value={locale} />
        <Field
          id="lookup-number"
          label={t("number")}
          hint={t("numberHint")}
          name="number"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
          defaultValue={normaliseOrderNumber(one(query.number))}
          required
          maxLength={40}
        />
        <Field id="lookup-email" label={t("email")} name="email" type="email" autoComplete="email" dir="ltr" required maxLength={254} />
        <button type="submit">{t("submit")}</button>
      </form>
    </div>
  );
}
