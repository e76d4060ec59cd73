import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getFormatter, getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { ImportProgress } from "@/components/seller-imports/import-progress";
import { isLocale } from "@/lib/domain/markets";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";
import { catalogueImport } from "@/lib/server/seller-imports";

export const dynamic = "force-dynamic";

/** Refused rows per page of the results. */
const PAGE_SIZE = 100;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sellerImports" });
  return { title: t("job.title"), robots: { index: false, follow: false } };
}

/** One import: its progress while it runs (it lives in the database, so a reload shows the same job), then its counts and every refused row. */
export default async function SellerImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; jobId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, jobId } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const list = `/${locale}/seller/imports`;
  const path = `${list}/${encodeURIComponent(jobId)}`;
  const viewer = await sellerViewer(locale, pagePath(path, query));
  const found = await catalogueImport(viewer, jobId);
  if (!found.ok) notFound();
  const job = found.data;
  const [t, format, messages] = await Promise.all([getTranslations({ locale, namespace: "sellerImports" }), getFormatter({ locale }), getMessages({ locale })]);
  const running = job.status === "QUEUED" || job.status === "RUNNING";

  const failed = job.result?.failed ?? [];
  const pages = Math.max(1, Math.ceil(failed.length / PAGE_SIZE));
  const requested = Number(typeof query.page === "string" ? query.page : "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= pages ? requested : 1;
  const shown = failed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      {running && (
        // Without JavaScript the page reloads itself while the import runs; with it, ImportProgress polls instead.
        <noscript dangerouslySetInnerHTML={{ __html: '<meta http-equiv="refresh" content="2">' }} />
      )}
      <p>
        <a href={list}>{t("job.back")}</a>
      </p>
      <h1>{job.fileName ? t("job.heading", { fileName: job.fileName }) : t("job.title")}</h1>
      <p className="muted">{t("job.started", { date: format.dateTime(job.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>

      <NextIntlClientProvider messages={{ sellerImports: (messages as Record<string, unknown>).sellerImports } as never}>
        <ImportProgress jobId={job.id} initial={{ status: job.status, done: job.done, total: job.total }} />
      </NextIntlClientProvider>

      {job.status === "FAILED" && (
        <p className="note error" role="alert" data-testid="import-failed">
          {t("job.failed")}
        </p>
      )}

      {job.result && (
        <section aria-labelledby="import-results">
          <h2 id="import-results">{t("job.results")}</h2>
          <dl className="import-counts">
            <dt>{t("job.imported")}</dt>
            <dd data-testid="import-imported">{format.number(job.result.imported)}</dd>
            <dt>{t("job.unchanged")}</dt>
            <dd data-testid="import-unchanged">{format.number(job.result.unchanged)}</dd>
            <dt>{t("job.refused")}</dt>
            <dd data-testid="import-refused">{format.number(failed.length)}</dd>
          </dl>
          {failed.length === 0 ? (
            <p>{t("job.noFailures")}</p>
          ) : (
            <>
              <h3>{t("job.failedHeading")}</h3>
              <div className="table-scroll">
                <table className="panel-table" data-testid="import-failures">
                  <thead>
                    <tr>
                      <th scope="col" className="num">{t("job.line")}</th>
                      <th scope="col">{t("job.column")}</th>
                      <th scope="col">{t("job.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((f, i) => (
                      <tr key={`${f.line}-${f.field}-${i}`} data-line={f.line} data-code={f.code}>
                        <td className="num">{format.number(f.line, { useGrouping: false })}</td>
                        <td>
                          <code>{f.field}</code>
                        </td>
                        <td>{t(`reason.${f.code}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 && (
                <nav className="pagination" aria-label={t("job.pages")}>
                  {page > 1 && <a href={`${path}?page=${page - 1}`}>{t("job.previous")}</a>}
                  <span>{t("job.page", { page, pages })}</span>
                  {page < pages && <a href={`${path}?page=${page + 1}`}>{t("job.next")}</a>}
                </nav>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
