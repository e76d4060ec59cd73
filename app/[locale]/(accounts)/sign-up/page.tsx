import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountForm, Field, Notice } from "@/components/account/account-parts";
import { isAuthErrorCode, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/accounts";
import { isLocale } from "@/lib/domain/markets";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "auth.signUp" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function SignUpPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, te, query] = await Promise.all([getTranslations({ locale, namespace: "auth.signUp" }), getTranslations({ locale, namespace: "auth.error" }), searchParams]);
  const error = isAuthErrorCode(query.error) ? query.error : null;
  return (
    <>
      <h1>{t("title")}</h1>
      {error && <Notice error text={te(error)} />}
      <AccountForm action="sign-up" locale={locale}>
        <Field id="sign-up-email" label={t("email")} name="email" type="email" autoComplete="email" required />
        <Field id="sign-up-password" label={t("password")} hint={t("passwordHint", { min: PASSWORD_MIN })} name="password" type="password" autoComplete="new-password" minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} required />
        <Field id="sign-up-repeat" label={t("repeat")} name="repeat" type="password" autoComplete="new-password" minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} required />
        <button type="submit">{t("submit")}</button>
      </AccountForm>
      <p>
        {t("haveAccount")} <a href={`/${locale}/sign-in`}>{t("signInLink")}</a>
      </p>
    </>
  );
}
