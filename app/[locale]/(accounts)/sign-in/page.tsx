import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountForm, Field, Notice } from "@/components/account/account-parts";
import { isAuthErrorCode } from "@/lib/domain/accounts";
import { isLocale } from "@/lib/domain/markets";
import { sameOriginPath } from "@/lib/safe-return-path";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "auth.signIn" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function SignInPage({ params, searchParams }: Params) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, te, ta, query] = await Promise.all([getTranslations({ locale, namespace: "auth.signIn" }), getTranslations({ locale, namespace: "auth.error" }), getTranslations({ locale, namespace: "auth.account" }), searchParams]);
  const error = isAuthErrorCode(query.error) ? query.error : null;
  // Only a path is kept: the handler judges it again against the request's origin.
  const returnTo = sameOriginPath(query.returnTo, "http://x.invalid", { pathOnly: true });
  const notice = query.verified === "1" ? t("verified") : query.sent === "1" ? t("checkMail") : query.reset === "1" ? t("resetDone") : query.revoked === "1" ? ta("revoked") : null;
  return (
    <>
      <h1>{t("title")}</h1>
      {error && <Notice error text={te(error)} />}
      {!error && notice && <Notice text={notice} />}
      <AccountForm action="sign-in" locale={locale}>
        {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
        <Field id="sign-in-email" label={t("email")} name="email" type="email" autoComplete="email" required />
        <Field id="sign-in-password" label={t("password")} name="password" type="password" autoComplete="current-password" required />
        <button type="submit">{t("submit")}</button>
      </AccountForm>
      <p>
        <a href={`/${locale}/reset-password`}>{t("forgot")}</a>
      </p>
      <p>
        {t("noAccount")} <a href={`/${locale}/sign-up`}>{t("signUpLink")}</a>
      </p>
    </>
  );
}
