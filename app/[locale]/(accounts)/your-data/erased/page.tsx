import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, LOCALES } from "@/lib/domain/markets";

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "yourData.erased" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Where an erasure ends: the account is gone, so this page needs no one signed in. */
export default async function YourDataErasedPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "yourData.erased" });
  return (
    <div className="account-area">
      <h1 data-testid="data-erased">{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <a href={`/${locale}`}>{t("home")}</a>
      </p>
    </div>
  );
}
