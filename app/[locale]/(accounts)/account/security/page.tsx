import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountNav } from "@/components/account/account-nav";
import { PanelField, PanelForm, PanelNotice } from "@/components/panel/panel-parts";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { isTwoFactorErrorCode } from "@/lib/domain/two-factor";
import { sameOriginPath } from "@/lib/safe-return-path";
import { revealBackupCodes, twoFactorStatus } from "@/lib/server/account/two-factor";
import { pagePath, signedInViewer } from "@/lib/server/panels/viewer";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "twoFactor.page" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const NOTICES = ["started", "enabled", "disabled", "regenerated", "verified"] as const;
type NoticeKey = (typeof NOTICES)[number];
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Two-factor sign-in (README "Two-factor sign-in"): turn it on (password, then the
 * authenticator's key and a first code), see the backup codes once, make new ones, turn
 * it off, or confirm a session begun before it was on. Payouts and the operator's pages
 * send their viewers here (`?required=1&returnTo=`).
 */
export default async function AccountSecurityPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/account/security`;
  const self = pagePath(path, { required: one(query.required), returnTo: one(query.returnTo) });
  const viewer = await signedInViewer(locale, self);
  const [t, td, te, status] = await Promise.all([
    getTranslations({ locale, namespace: "twoFactor.page" }),
    getTranslations({ locale, namespace: "twoFactor.done" }),
    getTranslations({ locale, namespace: "panel.error" }),
    twoFactorStatus(viewer),
  ]);
  const codes = status.enabled ? await revealBackupCodes(viewer, new Date()) : null;
  const error = one(query.error);
  const shownError = isTwoFactorErrorCode(error) ? te(error) : null;
  const done = one(query.done);
  const shownDone = (NOTICES as readonly string[]).includes(done ?? "") ? td(done as NoticeKey) : null;
  const returnTo = sameOriginPath(one(query.returnTo), "http://x.invalid", { pathOnly: true });
  const required = one(query.required) === "1";
  return (
    <div className="account-area two-factor">
      <h1>{t("title")}</h1>
      <AccountNav locale={locale} current="security" />
      <PanelNotice error={shownError} done={shownDone} />
      {required && !status.sessionVerified && (
        <p className="note" data-testid="two-factor-required">
          {status.enabled ? t("requiredSession") : t("required")}
        </p>
      )}
      {returnTo && status.sessionVerified && (
        <p>
          <a href={returnTo} data-testid="two-factor-resume">
            {t("resume")}
          </a>
        </p>
      )}
      <p className="muted small">{t("intro")}</p>
      <p data-testid="two-factor-status" data-on={String(status.enabled)}>
        <strong>{status.enabled ? t("statusOn") : t("statusOff")}</strong>
        {status.enabled && status.backupCodesLeft !== null && <span className="muted small"> {t("backupLeft", { count: status.backupCodesLeft })}</span>}
      </p>

      {codes && (
        <section aria-labelledby="two-factor-codes" className="two-factor-codes">
          <h2 id="two-factor-codes">{t("codesTitle")}</h2>
          <p>{t("codesIntro")}</p>
          <ul data-testid="backup-codes" className="backup-codes">
            {codes.map((code) => (
              <li key={code}>
                <code dir="ltr">{code}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      {!status.enabled && !status.pending && (
        <section aria-labelledby="two-factor-enable">
          <h2 id="two-factor-enable">{t("enableTitle")}</h2>
          <PanelForm action="/api/account/security/enable" locale={locale} returnTo={self} className="account-form">
            <p className="muted small">{t("enableHint")}</p>
            <PanelField id="two-factor-enable-password" label={t("password")} name="password" type="password" autoComplete="current-password" required />
            <button type="submit">{t("enable")}</button>
          </PanelForm>
        </section>
      )}

      {!status.enabled && status.pending && (
        <section aria-labelledby="two-factor-setup">
          <h2 id="two-factor-setup">{t("setupTitle")}</h2>
          <p>{t("setupScan")}</p>
          <dl className="two-factor-secret">
            <dt>{t("secretLabel")}</dt>
            <dd>
              <code dir="ltr" data-testid="totp-secret">
                {status.pending.secret}
              </code>
            </dd>
            <dt>{t("uriLabel")}</dt>
            <dd>
              <a href={status.pending.uri} dir="ltr" className="two-factor-uri" data-testid="totp-uri">
                {status.pending.uri}
              </a>
            </dd>
          </dl>
          <PanelForm action="/api/account/security/confirm" locale={locale} returnTo={self} className="account-form">
            <PanelField id="two-factor-confirm-code" label={t("code")} hint={t("codeHint")} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required />
            <button type="submit">{t("confirm")}</button>
          </PanelForm>
        </section>
      )}

      {status.enabled && !status.sessionVerified && (
        <section aria-labelledby="two-factor-verify">
          <h2 id="two-factor-verify">{t("verifyTitle")}</h2>
          <PanelForm action="/api/account/security/verify-session" locale={locale} returnTo={self} className="account-form">
            <PanelField id="two-factor-verify-code" label={t("code")} name="code" type="text" autoComplete="one-time-code" maxLength={40} required />
            <button type="submit">{t("verify")}</button>
          </PanelForm>
        </section>
      )}

      {status.enabled && status.sessionVerified && (
        <>
          <section aria-labelledby="two-factor-regenerate">
            <h2 id="two-factor-regenerate">{t("regenerateTitle")}</h2>
            <PanelForm action="/api/account/security/backup-codes" locale={locale} returnTo={self} className="account-form">
              <p className="muted small">{t("regenerateHint")}</p>
              <PanelField id="two-factor-regenerate-password" label={t("password")} name="password" type="password" autoComplete="current-password" required />
              <button type="submit" className="secondary">
                {t("regenerate")}
              </button>
            </PanelForm>
          </section>
          <section aria-labelledby="two-factor-disable">
            <h2 id="two-factor-disable">{t("disableTitle")}</h2>
            <PanelForm action="/api/account/security/disable" locale={locale} returnTo={self} className="account-form">
              <p className="muted small">{t("disableHint")}</p>
              <PanelField id="two-factor-disable-password" label={t("password")} name="password" type="password" autoComplete="current-password" required />
              <PanelField id="two-factor-disable-code" label={t("code")} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required />
              <button type="submit" className="secondary">
                {t("disable")}
              </button>
            </PanelForm>
          </section>
        </>
      )}
    </div>
  );
}
