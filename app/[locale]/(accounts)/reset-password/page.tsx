import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountForm, Field, Notice } from "@/components/account/account-parts";
import { isAuthErrorCode, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/accounts";
import { isLocale } from "@/lib/domain/markets";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "auth.reset" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Without a token: ask for the link. With the token from the mailed link: choose the new password. */
export default async function ResetPasswordPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, te, query] = await Promise.all([getTranslations({ locale, namespace: "auth.reset" }), getTranslations({ locale, namespace: "auth.error" }), searchParams]);
  const error = isAuthErrorCode(query.error) ? query.error : null;
  const token = typeof query.token === "string" && /^[A-Za-z0-9_-]{1,200}$/.test(query.token) ? query.token : null;
  return (
    <>
      <h1>{t("title")}</h1>
      {error && <Notice error text={te(error)} />}
      {query.sent === "1" && !error && <Notice text={t("sent")} />}
      {token ? (
        <AccountForm action="reset" locale={locale}>
          <input type="hidden" name="token" value={token} />
          <Field id="reset-password" label={t("newPassword")} name="password" type="password" autoComplete="new-password" minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} required />
          <Field id="reset-repeat" label={t("repeat")} name="repeat" type="password" autoComplete="new-password" minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} required />
          <button type="submit">{t("submit")}</button>
        </AccountForm>
      ) : (
        <AccountForm action="reset-request" locale={locale}>
          <p>{t("requestIntro")}</p>
          <Field id="reset-email" label={t("email")} name="email" type="email" autoComplete="email" required />
          <button type="submit">{t("requestSubmit")}</button>
        </AccountForm>
      )}
    </>
  );
}
