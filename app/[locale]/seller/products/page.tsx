import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProductNotice } from "@/components/seller-products/notice";
import { firstParam } from "@/lib/domain/http/search-params";
import { PRODUCT_STATUSES } from "@/lib/domain/catalogue/editing";
import { isLocale, textDirection } from "@/lib/domain/markets";
import { formatMoney } from "@/lib/domain/money/format";
import { languageName } from "@/lib/display-names";
import { sellerViewer, pagePath } from "@/lib/server/panels/viewer";
import { listSellerProducts } from "@/lib/server/seller/products";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sellerProducts" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The seller's own products: status filter, search over titles and SKUs, pages of twenty. */
export default async function SellerProductsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const search = await searchParams;
  const base = `/${locale}/seller/products`;
  const viewer = await sellerViewer(locale, pagePath(base, search));
  const status = firstParam(search.status) ?? "";
  const q = firstParam(search.q) ?? "";
  const result = await listSellerProducts(viewer, { status, q, page: Number(firstParam(search.page) ?? "1") });
  if (!result.ok) notFound();
  const t = await getTranslations({ locale, namespace: "sellerProducts" });
  const pageLink = (page: number) => pagePath(base, { ...(status ? { status } : {}), ...(q ? { q } : {}), page: String(page) });
  return (
    <>
      <h1>{t("title")}</h1>
      <ProductNotice locale={locale} search={search} />
      <p>
        <a className="button" href={`${base}/new`}>
          {t("newProduct")}
        </a>
      </p>
      <form className="product-filters" method="get" action={base} aria-label={t("filters")}>
        <div className="field">
          <label htmlFor="filter-status">{t("statusFilter")}</label>
          <select id="filter-status" name="status" defaultValue={status}>
            <option value="">{t("allStatuses")}</option>
            {PRODUCT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-q">{t("search")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <button type="submit">{t("apply")}</button>
      </form>
      <p className="muted" data-testid="product-count">
        {t("count", { count: result.total })}
      </p>
      {result.products.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="panel-table" data-testid="seller-products">
            <thead>
              <tr>
                <th scope="col">{t("column.title")}</th>
                <th scope="col">{t("column.status")}</th>
                <th scope="col" className="num">{t("column.variants")}</th>
                <th scope="col" className="num">{t("column.fromPrice")}</th>
                <th scope="col" className="num">{t("column.stock")}</th>
                <th scope="col">{t("column.translations")}</th>
              </tr>
            </thead>
            <tbody>
              {result.products.map((p) => (
                <tr key={p.id} data-slug={p.slug}>
                  <td>
                    <a href={`${base}/${p.id}`} lang={p.title ? p.titleLocale : undefined} dir={p.title ? textDirection(p.titleLocale) : undefined}>
                      {p.title || t("untitled", { language: languageName(p.titleLocale, locale) })}
                    </a>
                    <br />
                    <span className="muted small" dir="ltr">{p.slug}</span>
                  </td>
                  <td>{t(`status.${p.status}`)}</td>
                  <td className="num">{p.variantCount}</td>
                  <td className="num">{p.fromPrice ? formatMoney(p.fromPrice, locale) : "–"}</td>
                  <td className="num">{p.totalStock}</td>
                  <td>
                    {t("languagesDone", { done: p.completeness.done, total: p.completeness.total })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pages > 1 && (
        <nav aria-label={t("pagination")} className="product-pages">
          {result.page > 1 && <a href={pageLink(result.page - 1)}>{t("previous")}</a>}
          <span>{t("pageOf", { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages && <a href={pageLink(result.page + 1)}>{t("next")}</a>}
        </nav>
      )}
    </>
  );
}
