import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuditEntries } from "@/components/admin/admin-parts";
import { PanelNotice } from "@/components/panel/panel-parts";
import { isLocale } from "@/lib/domain/markets";
import { ACTOR_KINDS } from "@/lib/domain/operator/filters";
import { auditPageFor } from "@/lib/server/operator/audit-view";
import { operatorViewer, pagePath } from "@/lib/server/panels/viewer";
import { firstParam, type SearchParamValue } from "@/lib/domain/http/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "adminAudit" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const text = (value: SearchParamValue) => firstParam(value) ?? "";

/** The append-only audit log, newest first, filtered and paged by cursor. */
export default async function AdminAuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/admin/audit`;
  const viewer = await operatorViewer(locale, pagePath(path, query));
  const [t, tp, result] = await Promise.all([getTranslations({ locale, namespace: "adminAudit" }), getTranslations({ locale, namespace: "panel.error" }), auditPageFor(viewer, query)]);
  if (!result.ok && result.code === "FORBIDDEN") notFound();
  const filters = Object.fromEntries(Object.entries(query).filter(([name]) => name !== "cursor"));
  const nextHref = result.ok && result.data.nextCursor ? pagePath(path, { ...filters, cursor: result.data.nextCursor }) : null;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <form method="get" action={path} className="panel-form admin-filters" aria-label={t("filters.label")} role="search">
        <div className="field">
          <label htmlFor="a-action">{t("filters.action")}</label>
          <input id="a-action" name="action" defaultValue={text(query.action)} maxLength={64} autoComplete="off" dir="ltr" aria-describedby="a-action-hint" />
          <span id="a-action-hint" className="muted small">
            {t("filters.actionHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="a-actor">{t("filters.actor")}</label>
          <select id="a-actor" name="actor" defaultValue={text(query.actor)}>
            <option value="">{t("filters.anyActor")}</option>
            {ACTOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`actorKind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-subject-type">{t("filters.subjectType")}</label>
          <input id="a-subject-type" name="subjectType" defaultValue={text(query.subjectType)} maxLength={64} autoComplete="off" dir="ltr" />
        </div>
        <div className="field">
          <label htmlFor="a-subject-id">{t("filters.subjectId")}</label>
          <input id="a-subject-id" name="subjectId" defaultValue={text(query.subjectId)} maxLength={200} autoComplete="off" dir="ltr" />
        </div>
        <div className="field">
          <label htmlFor="a-from">{t("filters.from")}</label>
          <input id="a-from" name="from" type="date" defaultValue={text(query.from)} />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t("filters.to")}</label>
          <input id="a-to" name="to" type="date" defaultValue={text(query.to)} />
        </div>
        <div className="admin-filter-actions">
          <button type="submit">{t("filters.apply")}</button>
          <a href={path}>{t("filters.reset")}</a>
        </div>
      </form>
      {!result.ok ? <PanelNotice error={tp(result.code === "INVALID_CURSOR" ? "INVALID_CURSOR" : "INVALID_FILTER")} /> : <AuditEntries entries={result.data.entries} locale={locale} />}
      <p className="admin-pager">
        {query.cursor && <a href={pagePath(path, filters)}>{t("first")}</a>}
        {nextHref && (
          <a href={nextHref} rel="next" data-testid="audit-next">
            {t("next")}
          </a>
        )}
      </p>
    </>
  );
}
