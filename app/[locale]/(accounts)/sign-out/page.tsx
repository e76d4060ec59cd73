import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountForm } from "@/components/account/account-parts";
import { isLocale } from "@/lib/domain/markets";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "auth.signOut" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Signing out changes state, so it is a POST: this page asks, the form posts. */
export default async function SignOutPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth.signOut" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <AccountForm action="sign-out" locale={locale}>
        <button type="submit">{t("submit")}</button>
      </AccountForm>
    </>
  );
}
