import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountForm, Field, Notice } from "@/components/account/account-parts";
import { isLocale } from "@/lib/domain/markets";
import { base32Decode, DEMO_TOTP_SECRET, isTwoFactorErrorCode, totpCode } from "@/lib/domain/two-factor";
import { serverEnv } from "@/lib/env";
import { sameOriginPath } from "@/lib/safe-return-path";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "twoFactor.step" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The second step of sign-in for an account with two-factor on: a code from the authenticator, or a backup code. */
export default async function TwoFactorStepPage({ params, searchParams }: Params) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, te, query] = await Promise.all([getTranslations({ locale, namespace: "twoFactor.step" }), getTranslations({ locale, namespace: "panel.error" }), searchParams]);
  const error = isTwoFactorErrorCode(query.error) ? query.error : null;
  // Only a path is kept: the handler judges it again against the request's origin.
  const returnTo = sameOriginPath(query.returnTo, "http://x.invalid", { pathOnly: true });
  // The demo store's accounts share a published key: the page shows its current code, so a newcomer needs no app.
  const demoCode = serverEnv().CARAVAN_DEMO ? totpCode(base32Decode(DEMO_TOTP_SECRET), new Date()) : null;
  const restart = returnTo ? `/${locale}/sign-in?${new URLSearchParams({ returnTo }).toString()}` : `/${locale}/sign-in`;
  return (
    <>
      <h1>{t("title")}</h1>
      {error && <Notice error text={te(error)} />}
      <AccountForm action="two-factor" locale={locale}>
        {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
        <p className="muted small">{t("intro")}</p>
        {demoCode && (
          <p className="note" data-testid="two-factor-demo-code">
            {t("demoCode", { code: demoCode })}
          </p>
        )}
        <Field id="two-factor-code" label={t("code")} name="code" type="text" autoComplete="one-time-code" autoCapitalize="off" spellCheck={false} maxLength={40} required autoFocus />
        <button type="submit">{t("submit")}</button>
      </AccountForm>
      <p>
        <a href={restart}>{t("restart")}</a>
      </p>
    </>
  );
}
