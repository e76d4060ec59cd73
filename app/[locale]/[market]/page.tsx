import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { ProductCard, ProductGrid } from "@/components/catalogue/product-card";
import { listCategories, listSellers } from "@/lib/server/catalogue/entities";
import { featuredProducts } from "@/lib/server/catalogue/queries";
import { resolveShop, type ShopParams } from "@/lib/route-params";
import { countryName, flagEmoji } from "@/lib/display-names";
import { alternates } from "@/lib/seo";
import { featuredSellers } from "@/lib/domain/catalogue/sellers";
import { LISTING_TAGS } from "@/lib/domain/cache/tags";
import { tagPage } from "@/lib/server/cache/tag-page";

export const revalidate = 3600;

export async function generateMetadata({ params }: { params: Promise<ShopParams> }) {
  const { locale } = resolveShop(await params);
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: { absolute: t("homeTitle") }, alternates: alternates(locale, "") };
}

export default async function HomePage({ params }: { params: Promise<ShopParams> }) {
  const { locale, market } = resolveShop(await params);
  const t = await getTranslations({ locale, namespace: "home" });
  const [, categories, sellers, featured] = await Promise.all([
    tagPage(LISTING_TAGS),
    listCategories(locale),
    listSellers(locale),
    featuredProducts(locale, market),
  ]);
  const countries = new Set(sellers.map((s) => s.country)).size;
  const byCountry = new Map<string, typeof sellers>();
  for (const seller of featuredSellers(sellers)) byCountry.set(seller.country, [...(byCountry.get(seller.country) ?? []), seller]);
  return (
    <>
      <section className="hero">
        <h1>{t("heading")}</h1>
        <p>{t("intro", { count: countries, currency: market.currency })}</p>
        <Link href="/catalogue" className="button">
          {t("browseCatalogue")}
        </Link>
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">{t("categories")}</h2>
        <ul className="category-list">
          {categories.map((c) => (
            <li key={c.slug}>
              <Link href={{ pathname: "/catalogue", query: { category: c.slug } }}>
                <strong>{c.name}</strong>
                <span className="muted small">{t("categoryCount", { count: c.productCount })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading">{t("featuredProducts")}</h2>
        <ProductGrid>
          {featured.map((p) => (
            <ProductCard key={p.id} product={p} locale={locale} />
          ))}
        </ProductGrid>
      </section>
      <section aria-labelledby="sellers-heading">
        <h2 id="sellers-heading">{t("featuredSellers")}</h2>
        <ul className="seller-list">
          {[...byCountry.entries()].map(([country, list]) => (
            <li key={country}>
              <h3>
                <span aria-hidden="true">{flagEmoji(country)} </span>
                {countryName(country, locale)}
              </h3>
              <ul>
                {list.map((s) => (
                  <li key={s.handle}>
                    <Link href={`/sellers/${s.handle}`}>{s.name}</Link>{" "}
                    <span className="muted small">{t("sellerProducts", { count: s.productCount })}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
