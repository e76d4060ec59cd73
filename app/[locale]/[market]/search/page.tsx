import { getTranslations } from "next-intl/server";
import { ProductCard, ProductGrid } from "@/components/catalogue/product-card";
import { searchProducts } from "@/lib/server/catalogue/queries";
import { resolveShop, type ShopParams } from "@/lib/route-params";
import { PAGE_SIZE } from "@/lib/domain/catalogue/query";
import { firstParam, type SearchParamValue } from "@/lib/domain/http/search-params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: SearchParamValue): string {
  return firstParam(value) ?? "";
}

export async function generateMetadata({ params, searchParams }: { params: Promise<ShopParams>; searchParams: SearchParams }) {
  const { locale } = resolveShop(await params);
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("searchTitle", { query: first((await searchParams).q).slice(0, 100) }), robots: { index: false, follow: true } };
}

/** Search is per query and therefore dynamic; its speed is measured in `npm run bench`. */
export default async function SearchPage({ params, searchParams }: { params: Promise<ShopParams>; searchParams: SearchParams }) {
  const { locale, market } = resolveShop(await params);
  const sp = await searchParams;
  const text = first(sp.q).slice(0, 100).trim();
  const pageNumber = Number(first(sp.page));
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 && pageNumber <= 100 ? pageNumber : 1;
  const t = await getTranslations({ locale, namespace: "search" });
  const tc = await getTranslations({ locale, namespace: "catalogue" });
  const result = text ? await searchProducts(locale, market, text, page) : null;
  return (
    <>
      <h1>{text ? t("resultsFor", { query: text }) : t("heading")}</h1>
      <form role="search" action={`/${locale}/search`} method="get" className="search-form large">
        <label htmlFor="search-page-q" className="visually-hidden">
          {t("heading")}
        </label>
        <input id="search-page-q" type="search" name="q" defaultValue={text} maxLength={100} />
        <button type="submit">{t("heading")}</button>
      </form>
      {!result && <p>{t("empty")}</p>}
      {result && (
        <>
          <p className="result-count" aria-live="polite">
            {result.capped ? t("resultCountCapped", { count: result.total }) : t("resultCount", { count: result.total })}
          </p>
          {result.items.length === 0 ? (
            <p>{t("noResults", { query: text })}</p>
          ) : (
            <ProductGrid>
              {result.items.map((item) => (
                <ProductCard key={item.id} product={item} locale={locale} />
              ))}
            </ProductGrid>
          )}
          {result.total > PAGE_SIZE && (
            <nav className="pagination" aria-label={tc("pagination")}>
              {page > 1 && <a href={`/${locale}/search?${new URLSearchParams({ q: text, page: String(page - 1) })}`} rel="prev">{tc("previous")}</a>}
              {page < result.pageCount && <a href={`/${locale}/search?${new URLSearchParams({ q: text, page: String(page + 1) })}`} rel="next">{tc("next")}</a>}
            </nav>
          )}
        </>
      )}
    </>
  );
}
