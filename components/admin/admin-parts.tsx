import { getTranslations } from "next-intl/server";
import { diffJson } from "@/lib/domain/operator/diff";
import type { ReconcileState } from "@/lib/domain/operator/reconcile";
import { formatMoney } from "@/lib/domain/money/format";
import { money } from "@/lib/domain/money";
import type { Locale } from "@/lib/domain/markets";

/** A moment as the operator reads it: the page's locale, in UTC (the log's and the provider's clock). */
export function formatWhen(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(at);
}

export function formatMinor(amountMinor: number, currency: string, locale: string): string {
  return formatMoney(money(amountMinor, currency), locale);
}

/** "Consistent", or each discrepancy the reconciler would act on. */
export async function ReconcileBadge({ state, locale }: { state: ReconcileState; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "adminOrders.reconcile" });
  if (state.consistent) {
    return (
      <span className="admin-state ok" data-testid="reconcile-state" data-state="consistent">
        {t("consistent")}
      </span>
    );
  }
  return (
    <span className="admin-state issue" data-testid="reconcile-state" data-state={state.issues.join(" ")}>
      {state.issues.map((code) => t(code)).join("; ")}
    </span>
  );
}

export interface AuditEntryView {
  id: string;
  at: Date;
  actor: { kind: string; id?: string; name: string };
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** Audit entries newest first: who, when, what, the fields that changed (before and after), and why. */
export async function AuditEntries({ entries, locale, headingLevel = 2 }: { entries: AuditEntryView[]; locale: Locale; headingLevel?: 2 | 3 }) {
  const t = await getTranslations({ locale, namespace: "adminAudit" });
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (entries.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <ol className="audit-list" data-testid="audit-entries">
      {entries.map((entry) => {
        const rows = diffJson(entry.before, entry.after);
        return (
          <li key={entry.id} className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
            <Heading className="audit-action">
              <code dir="ltr">{entry.action}</code>
            </Heading>
            <dl className="audit-facts">
              <dt>{t("when")}</dt>
              <dd>
                <time dateTime={entry.at.toISOString()}>{formatWhen(entry.at, locale)}</time>
              </dd>
              <dt>{t("who")}</dt>
              <dd>
                {t(`actorKind.${entry.actor.kind}` as "actorKind.system")}: <bdi>{entry.actor.name}</bdi>
              </dd>
              <dt>{t("subject")}</dt>
              <dd>
                <code dir="ltr">
                  {entry.subjectType} {entry.subjectId}
                </code>
              </dd>
              {entry.reason && (
                <>
                  <dt>{t("reason")}</dt>
                  <dd data-testid="audit-reason">
                    <bdi>{entry.reason}</bdi>
                  </dd>
                </>
              )}
            </dl>
            {rows.length === 0 ? (
              <p className="muted small">{t("diff.none")}</p>
            ) : (
              <div className="table-scroll" tabIndex={0} role="region" aria-label={t("diff.caption", { action: entry.action })}>
                <table className="panel-table audit-diff">
                  <caption className="visually-hidden">{t("diff.caption", { action: entry.action })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("diff.field")}</th>
                      <th scope="col">{t("diff.before")}</th>
                      <th scope="col">{t("diff.after")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.path} data-kind={row.kind}>
                        <th scope="row">
                          <code dir="ltr">{row.path}</code>
                        </th>
                        <td>{row.kind === "added" ? <span className="muted">{t("diff.absent")}</span> : <code dir="ltr">{row.before}</code>}</td>
                        <td>{row.kind === "removed" ? <span className="muted">{t("diff.absent")}</span> : <code dir="ltr">{row.after}</code>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
