import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { ProductCard, ProductGrid } from "@/components/catalogue/product-card";
import { CatalogueFilters } from "@/components/catalogue/filters";
import { Pagination } from "@/components/catalogue/pagination";
import { listCategories, listOrigins } from "@/lib/server/catalogue/entities";
import { queryCatalogue } from "@/lib/server/catalogue/queries";
import { catalogueQueryEntries, catalogueSearch, decodeQuerySegments } from "@/lib/domain/catalogue/query";
import { resolveShop, type ShopParams } from "@/lib/route-params";
import { alternates } from "@/lib/seo";
import { LISTING_TAGS } from "@/lib/domain/cache/tags";
import { tagPage } from "@/lib/server/cache/tag-page";

type Params = ShopParams & { query?: string[] };

/** Filtered listings are cached per (locale, market, filters) and refreshed hourly; see docs/adr/0004. */
export const revalidate = 3600;

export function generateStaticParams() {
  return [{ query: [] }];
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const p = await params;
  const { locale, market } = resolveShop(p);
  const t = await getTranslations({ locale, namespace: "meta" });
  const query = decodeQuerySegments(p.query, market.currency);
  const filtered = catalogueQueryEntries(query, market.currency).length > 0;
  return {
    title: t("catalogueTitle"),
    alternates: alternates(locale, "/catalogue"),
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export default async function CataloguePage({ params }: { params: Promise<Params> }) {
  const p = await params;
  const { locale, market } = resolveShop(p);
  const query = decodeQuerySegments(p.query, market.currency);
  const t = await getTranslations({ locale, namespace: "catalogue" });
  const [, result, categories, origins] = await Promise.all([
    tagPage(LISTING_TAGS),
    queryCatalogue(locale, market, query),
    listCategories(locale),
    listOrigins(),
  ]);
  // Unknown categories are an uncached 404, and a page past the end (an old link) goes
  // to the last page: the cache holds one page per real listing, not one per value a
  // client makes up.
  if (query.category && !categories.some((c) => c.slug === query.category)) notFound();
  if (query.origin && !origins.includes(query.origin)) notFound();
  if (query.page > result.pageCount) redirect(`/${locale}/catalogue${catalogueSearch({ ...query, page: result.pageCount }, market.currency)}`);
  return (
    <div className="catalogue">
      <h1>{t("heading")}</h1>
      <div className="catalogue-layout">
        <CatalogueFilters locale={locale} market={market} query={query} categories={categories} origins={origins} />
        <section aria-labelledby="results-heading" className="catalogue-results">
          <h2 id="results-heading" className="result-count" aria-live="polite">
            {result.capped ? t("resultCountCapped", { count: result.total }) : t("resultCount", { count: result.total })}
          </h2>
          {result.items.length === 0 ? (
            <p>
              {t("noResults")} <Link href="/catalogue">{t("clearFilters")}</Link>
            </p>
          ) : (
            <ProductGrid>
              {result.items.map((item) => (
                <ProductCard key={item.id} product={item} locale={locale} />
              ))}
            </ProductGrid>
          )}
          <Pagination locale={locale} market={market} query={query} pageCount={result.pageCount} />
        </section>
      </div>
    </div>
  );
}
