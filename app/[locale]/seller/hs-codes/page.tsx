import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PanelNotice } from "@/components/panel/panel-parts";
import { HS_QUERY_MAX, type HsText } from "@/lib/domain/hs";
import { isLocale } from "@/lib/domain/markets";
import { searchHsCodes } from "@/lib/server/hs";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";
import { firstParam } from "@/lib/domain/http/search-params";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;


export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "hsCodes" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The seller's HS code finder: a plain GET form (`?q=`) that works without JavaScript,
 * listing the matching chapters and four-digit headings with the code in large type.
 */
export default async function HsCodesPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: SearchParams }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/seller/hs-codes`;
  const viewer = await sellerViewer(locale, pagePath(path, query));
  const [t, tError] = await Promise.all([getTranslations({ locale, namespace: "hsCodes" }), getTranslations({ locale, namespace: "panel.error" })]);
  const q = firstParam(query.q);
  const outcome = q === undefined ? null : searchHsCodes(viewer, locale, q);
  if (outcome && !outcome.ok && (outcome.code === "FORBIDDEN" || outcome.code === "UNAUTHENTICATED")) notFound();
  const text = (description: HsText) => (
    <>
      {description.text}
      {description.english && <span className="muted small"> ({t("englishOnly")})</span>}
    </>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form className="panel-form hs-search" method="get" action={path} role="search">
        <div className="field">
          <label htmlFor="hs-q">{t("label")}</label>
          <input id="hs-q" name="q" type="search" defaultValue={q ?? ""} maxLength={HS_QUERY_MAX} aria-describedby="hs-q-hint" autoComplete="off" />
          <span id="hs-q-hint" className="muted small">
            {t("hint")}
          </span>
        </div>
        <button type="submit">{t("submit")}</button>
      </form>
      {outcome && !outcome.ok && <PanelNotice error={tError(outcome.code as "HS_QUERY_EMPTY")} />}
      {outcome?.ok && (
        <section aria-labelledby="hs-results-heading">
          <h2 id="hs-results-heading">
            {t("results", { count: outcome.results.length, query: outcome.query })}
          </h2>
          {outcome.results.length === 0 ? (
            <p className="muted">{t("noResults")}</p>
          ) : (
            <ol className="hs-results" data-testid="hs-results">
              {outcome.results.map((result) => (
                <li key={result.code} className="hs-result" data-code={result.code}>
                  <p className="hs-code">
                    <span className="visually-hidden">{t("codeLabel")}: </span>
                    <span className="hs-code-digits" dir="ltr" data-testid="hs-code">
                      {result.code}
                    </span>
                    <span className="muted small hs-kind">{t(result.kind === "heading" ? "heading" : "chapterItself")}</span>
                  </p>
                  <p className="hs-description">{text(result.description)}</p>
                  {result.kind === "heading" && (
                    <p className="muted small hs-chapter">
                      {t("chapter", { code: result.chapter.code, description: result.chapter.description.text })}
                      {result.chapter.description.english && ` (${t("englishOnly")})`}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <section aria-labelledby="hs-about-heading" className="hs-about">
        <h2 id="hs-about-heading">{t("about")}</h2>
        <p>{t("international")}</p>
        <p>{t("responsibility")}</p>
        <p className="muted small">{t("source")}</p>
      </section>
    </>
  );
}
