import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import { isLocale } from "@/lib/domain/markets";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";
import { listCatalogueImports } from "@/lib/server/seller-imports";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sellerImports" });
  return { title: t("list.title"), robots: { index: false, follow: false } };
}

/** The seller's catalogue file: download it, upload it again, and the recent imports. */
export default async function SellerImportsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/seller/imports`;
  const viewer = await sellerViewer(locale, pagePath(path, query));
  const [t, tError, format, imports] = await Promise.all([
    getTranslations({ locale, namespace: "sellerImports" }),
    getTranslations({ locale, namespace: "panel.error" }),
    getFormatter({ locale }),
    listCatalogueImports(viewer),
  ]);
  if (!imports.ok) notFound();
  const error = typeof query.error === "string" ? (tError.has(query.error as "SERVICE_BUSY") ? tError(query.error as "SERVICE_BUSY") : tError("SERVICE_BUSY")) : null;
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p>{t("list.intro")}</p>
      <PanelNotice error={error} />

      <section aria-labelledby="imports-export">
        <h2 id="imports-export">{t("export.heading")}</h2>
        <p>{t("export.text")}</p>
        <p>
          <a className="button" href="/api/seller/catalogue.csv" download>
            {t("export.link")}
          </a>
        </p>
      </section>

      <section aria-labelledby="imports-upload">
        <h2 id="imports-upload">{t("upload.heading")}</h2>
        <PanelForm action="/api/seller/imports" locale={locale} returnTo={path} upload label={t("upload.heading")}>
          <div className="field">
            <label htmlFor="imports-file">{t("upload.file")}</label>
            <input id="imports-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="imports-file-hint" />
            <span id="imports-file-hint" className="muted small">
              {t("upload.hint")}
            </span>
          </div>
          <button type="submit">{t("upload.submit")}</button>
        </PanelForm>
      </section>

      <section aria-labelledby="imports-recent">
        <h2 id="imports-recent">{t("recent.heading")}</h2>
        {imports.data.length === 0 ? (
          <p className="muted">{t("recent.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="panel-table" data-testid="imports-recent">
              <thead>
                <tr>
                  <th scope="col">{t("recent.file")}</th>
                  <th scope="col">{t("recent.started")}</th>
                  <th scope="col">{t("recent.status")}</th>
                  <th scope="col" className="num">{t("recent.imported")}</th>
                  <th scope="col" className="num">{t("recent.unchanged")}</th>
                  <th scope="col" className="num">{t("recent.failed")}</th>
                </tr>
              </thead>
              <tbody>
                {imports.data.map((job) => (
                  <tr key={job.id}>
                    <td>
                      <a href={`${path}/${job.id}`}>{job.fileName || t("recent.untitled")}</a>
                    </td>
                    <td>{format.dateTime(job.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td>{t(`status.${job.status}`)}</td>
                    <td className="num">{job.imported === null ? "" : format.number(job.imported)}</td>
                    <td className="num">{job.unchanged === null ? "" : format.number(job.unchanged)}</td>
                    <td className="num">{job.failed === null ? "" : format.number(job.failed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
