import { getTranslations } from "next-intl/server";
import { countryName } from "@/lib/display-names";
import { privacyRegimeFor } from "@/lib/domain/privacy";
import { ORDER_RETENTION_YEARS, STORE_COOKIES } from "@/lib/domain/privacy/notice";
import { resolveShop, type ShopParams } from "@/lib/route-params";
import { alternates } from "@/lib/seo";

/**
 * The privacy notice, per locale and ship-to market: what the store holds, which of it
 * goes to which seller, why and for how long, its cookies, and the rights the law of the
 * buyer's market gives (lib/domain/privacy). No data: prerendered, never revalidated.
 */
export const dynamic = "force-static";

export async function generateMetadata({ params }: { params: Promise<ShopParams> }) {
  const { locale } = resolveShop(await params);
  const t = await getTranslations({ locale, namespace: "privacy.notice" });
  return { title: t("title"), alternates: alternates(locale, "/privacy") };
}

export default async function PrivacyPage({ params }: { params: Promise<ShopParams> }) {
  const { locale, market } = resolveShop(await params);
  const t = await getTranslations({ locale, namespace: "privacy.notice" });
  const regime = privacyRegimeFor(market.country);
  return (
    <article className="narrow privacy-notice" data-testid="privacy-notice" data-regime={regime}>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>

      <section aria-labelledby="privacy-data">
        <h2 id="privacy-data">{t("dataHeading")}</h2>
        <p>{t("data")}</p>
      </section>

      <section aria-labelledby="privacy-sellers">
        <h2 id="privacy-sellers">{t("sellersHeading")}</h2>
        <p>{t("sellers")}</p>
      </section>

      <section aria-labelledby="privacy-retention">
        <h2 id="privacy-retention">{t("retentionHeading")}</h2>
        <p>{t("retention", { years: ORDER_RETENTION_YEARS })}</p>
        <p>{t("shippingWindow")}</p>
      </section>

      <section aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">{t("rightsHeading")}</h2>
        <p>{t("rights")}</p>
        <p>
          <a href={`/${locale}/your-data`} data-testid="privacy-your-data">
            {t("rightsLink")}
          </a>
        </p>
      </section>

      <section aria-labelledby="privacy-cookies">
        <h2 id="privacy-cookies">{t("cookiesHeading")}</h2>
        <p>{t("cookies")}</p>
        <dl className="privacy-cookies" data-testid="privacy-cookies">
          {STORE_COOKIES.map((cookie) => (
            <div key={cookie.name}>
              <dt>
                <code dir="ltr">{cookie.name}</code>
              </dt>
              <dd>{t(`cookie.${cookie.purpose}`)}</dd>
            </div>
          ))}
        </dl>
        <p>{t("noAnalytics")}</p>
      </section>

      <section aria-labelledby="privacy-law" data-testid="privacy-law">
        <h2 id="privacy-law">{t("lawHeading", { country: countryName(market.country, locale) })}</h2>
        <p>{t(`law.${regime}`)}</p>
      </section>
    </article>
  );
}
