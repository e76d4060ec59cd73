import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { MARKETS, type Locale, type MarketDefinition } from "@/lib/domain/markets";
import { collatorFor, countryName, flagEmoji } from "@/lib/display-names";
import { LocaleSwitcher } from "./locale-switcher";
import { ReturnToField } from "./return-to-field";
import { CartLink } from "@/components/cart/cart-link";

const sortedMarkets = new Map<string, MarketDefinition[]>();

/** Markets in the alphabetical order of their names in the page's language. */
function marketsByName(locale: Locale): MarketDefinition[] {
  let list = sortedMarkets.get(locale);
  if (!list) {
    const collator = collatorFor(locale);
    list = [...MARKETS].sort((a, b) => collator.compare(countryName(a.country, locale), countryName(b.country, locale)));
    sortedMarkets.set(locale, list);
  }
  return list;
}

export async function SiteHeader({ locale, market }: { locale: Locale; market: MarketDefinition }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  const markets = marketsByName(locale);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <div className="container header-row">
        <Link href="/" className="brand" aria-label="Caravan">
          <span aria-hidden="true">🐪</span> Caravan
        </Link>
        <nav aria-label={t("mainNavigation")} className="main-nav">
          <Link href="/catalogue">{t("catalogue")}</Link>
          <Link href="/help">{t("help")}</Link>
          <CartLink href={`/${locale}/cart`} />
          {/* A plain link: the account surface sends a signed-out visitor to sign in and back, so the cached shell needs no session. */}
          <a href={`/${locale}/account`}>{t("account")}</a>
        </nav>
        <form role="search" action={`/${locale}/search`} method="get" className="search-form">
          <label htmlFor="site-search" className="visually-hidden">
            {t("searchLabel")}
          </label>
          <input id="site-search" type="search" name="q" placeholder={t("searchPlaceholder")} maxLength={100} />
          <button type="submit">{t("searchButton")}</button>
        </form>
        <div className="preferences">
          <LocaleSwitcher current={locale} label={t("language")} />
          <form action="/api/preferences/market" method="post" className="market-form">
            <label htmlFor="ship-to">{t("shipTo")}</label>
            <select id="ship-to" name="country" defaultValue={market.country} data-autosubmit="true">
              {markets.map((m) => (
                <option key={m.country} value={m.country}>
                  {flagEmoji(m.country)} {t("shipToCurrency", { country: countryName(m.country, locale), currency: m.currency })}
                </option>
              ))}
            </select>
            <ReturnToField fallback={`/${locale}`} />
            <button type="submit">{t("apply")}</button>
          </form>
        </div>
      </div>
    </header>
  );
}
