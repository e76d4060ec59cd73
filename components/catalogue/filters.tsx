import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { formatPriceBound, KINDS, SORTS, type CatalogueQuery } from "@/lib/domain/catalogue/query";
import type { Locale, MarketDefinition } from "@/lib/domain/markets";
import type { CategorySummary } from "@/lib/server/catalogue/entities";
import { countryName } from "@/lib/display-names";
import { SORT_LABELS } from "./sort-labels";

/** A plain GET form: works without JavaScript; the proxy normalises what it sends. */
export async function CatalogueFilters(props: {
  locale: Locale;
  market: MarketDefinition;
  query: CatalogueQuery;
  categories: CategorySummary[];
  origins: string[];
}) {
  const { locale, market, query, categories, origins } = props;
  const t = await getTranslations({ locale, namespace: "catalogue" });
  return (
    <form action={`/${locale}/catalogue`} method="get" className="filters" aria-label={t("filters")}>
      <h2 className="visually-hidden">{t("filters")}</h2>
      <label htmlFor="f-category">{t("category")}</label>
      <select id="f-category" name="category" defaultValue={query.category ?? ""}>
        <option value="">{t("allCategories")}</option>
        {categories.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name}
          </option>
        ))}
      </select>
      <label htmlFor="f-origin">{t("origin")}</label>
      <select id="f-origin" name="origin" defaultValue={query.origin ?? ""}>
        <option value="">{t("allOrigins")}</option>
        {origins.map((code) => (
          <option key={code} value={code}>
            {countryName(code, locale)}
          </option>
        ))}
      </select>
      <label htmlFor="f-kind">{t("kind")}</label>
      <select id="f-kind" name="kind" defaultValue={query.kind ?? ""}>
        <option value="">{t("allKinds")}</option>
        {KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(kind)}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{t("priceRange", { currency: market.currency })}</legend>
        <label htmlFor="f-min" className="visually-hidden">
          {t("minPrice")}
        </label>
        <input id="f-min" name="min" inputMode="decimal" placeholder={t("minPrice")} size={8}
          defaultValue={query.minMinor !== undefined ? formatPriceBound(query.minMinor, market.currency) : ""} />
        <label htmlFor="f-max" className="visually-hidden">
          {t("maxPrice")}
        </label>
        <input id="f-max" name="max" inputMode="decimal" placeholder={t("maxPrice")} size={8}
          defaultValue={query.maxMinor !== undefined ? formatPriceBound(query.maxMinor, market.currency) : ""} />
      </fieldset>
      <label htmlFor="f-sort">{t("sort")}</label>
      <select id="f-sort" name="sort" defaultValue={query.sort}>
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(SORT_LABELS[sort])}
          </option>
        ))}
      </select>
      <button type="submit">{t("applyFilters")}</button>
      <Link href="/catalogue" className="small">
        {t("clearFilters")}
      </Link>
    </form>
  );
}
