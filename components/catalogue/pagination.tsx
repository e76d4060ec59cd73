import { getTranslations } from "next-intl/server";
import { catalogueSearch, type CatalogueQuery } from "@/lib/domain/catalogue/query";
import type { Locale, MarketDefinition } from "@/lib/domain/markets";

export async function Pagination(props: { locale: Locale; market: MarketDefinition; query: CatalogueQuery; pageCount: number; basePath?: string }) {
  const { locale, market, query, pageCount } = props;
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: "catalogue" });
  const href = (page: number) => `/${locale}${props.basePath ?? "/catalogue"}${catalogueSearch({ ...query, page }, market.currency)}`;
  return (
    <nav aria-label={t("pagination")} className="pagination">
      {query.page > 1 && (
        <a href={href(query.page - 1)} rel="prev">
          {t("previous")}
        </a>
      )}
      <span>{t("pageOf", { page: query.page, pageCount })}</span>
      {query.page < pageCount && (
        <a href={href(query.page + 1)} rel="next">
          {t("next")}
        </a>
      )}
    </nav>
  );
}
