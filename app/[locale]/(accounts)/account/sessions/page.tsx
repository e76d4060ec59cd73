import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AccountForm } from "@/components/account/account-parts";
import { AccountNav } from "@/components/account/account-nav";
import { PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import type { BrowserName, SystemName } from "@/lib/domain/account";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { currentSessionId, listSessions } from "@/lib/server/account/sessions";
import { requestClock } from "@/lib/server/clock";
import { pagePath, signedInViewer } from "@/lib/server/panels/viewer";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "accountPages.sessions" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Product names, written the same in every language. */
const BROWSER_NAMES: Record<BrowserName, string> = { EDGE: "Microsoft Edge", OPERA: "Opera", SAMSUNG: "Samsung Internet", FIREFOX: "Firefox", CHROME: "Chrome", SAFARI: "Safari" };
const SYSTEM_NAMES: Record<SystemName, string> = { WINDOWS: "Windows", MACOS: "macOS", IOS: "iOS", ANDROID: "Android", CHROMEOS: "ChromeOS", LINUX: "Linux" };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** Where the buyer is signed in: each session's browser, when it began and was last active; end one, or all. */
export default async function AccountSessionsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/account/sessions`;
  const viewer = await signedInViewer(locale, pagePath(path, query));
  const currentId = await currentSessionId(await headers());
  const [t, ta, tp, format, sessions] = await Promise.all([
    getTranslations({ locale, namespace: "accountPages.sessions" }),
    getTranslations({ locale, namespace: "auth.account" }),
    getTranslations({ locale, namespace: "panel.error" }),
    getFormatter({ locale }),
    listSessions(viewer, currentId, requestClock()),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const device = (browser: BrowserName | null, system: SystemName | null) =>
    browser && system
      ? t("browserOn", { browser: BROWSER_NAMES[browser], system: SYSTEM_NAMES[system] })
      : browser
        ? BROWSER_NAMES[browser]
        : system
          ? t("unknownOn", { system: SYSTEM_NAMES[system] })
          : t("unknown");
  const error = one(query.error) === "SERVICE_BUSY" || one(query.error) === "RATE_LIMITED" ? (one(query.error) as "SERVICE_BUSY") : null;
  return (
    <div className="account-area">
      <h1>{t("title")}</h1>
      <AccountNav locale={locale} current="sessions" />
      <PanelNotice error={error ? tp(error) : null} done={one(query.done) === "revoked" ? t("revoked") : null} />
      <p className="muted small">{t("intro")}</p>
      <div className="table-scroll">
        <table className="panel-table" data-testid="account-sessions">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("device")}</th>
              <th scope="col">{t("started")}</th>
              <th scope="col">{t("lastActive")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((session) => {
              const name = device(session.browser, session.system);
              return (
                <tr key={session.id} data-testid="account-session" data-current={session.current}>
                  <td>
                    {name}
                    {session.current && (
                      <>
                        {" "}
                        <strong className="badge" data-testid="current-session">
                          {t("current")}
                        </strong>
                      </>
                    )}
                  </td>
                  <td>{when(session.createdAt)}</td>
                  <td>{when(session.lastActiveAt)}</td>
                  <td>
                    <PanelForm action="/api/account/sessions" locale={locale} returnTo={path} className="inline-form">
                      <input type="hidden" name="sessionId" value={session.id} />
                      <button type="submit" className="secondary" aria-label={t("revokeLabel", { device: name, date: when(session.createdAt) })}>
                        {session.current ? t("revokeThis") : t("revoke")}
                      </button>
                    </PanelForm>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="sign-out-everywhere">
        <h2 id="sign-out-everywhere">{ta("signOutEverywhere")}</h2>
        <AccountForm action="sign-out-everywhere" locale={locale}>
          <p className="muted small">{ta("signOutEverywhereHint")}</p>
          <button type="submit">{ta("signOutEverywhere")}</button>
        </AccountForm>
      </section>
    </div>
  );
}
