import { getTranslations, setRequestLocale } from "next-intl/server";
import { hasLocale } from "next-intl";
import { notFound } from "next/navigation";
import { routing } from "@/i18n/routing";

/**
 * The translated page the proxy serves with status 503 while the database is down.
 * Static and outside the shop layout, so it renders without the database.
 */
export const dynamic = "force-static";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "errors" });
  return { title: t("unavailableTitle"), robots: { index: false } };
}

export default async function UnavailablePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "errors" });
  return (
    <main id="main" className="container narrow error-page">
      <h1>{t("unavailableTitle")}</h1>
      <p>{t("unavailableBody")}</p>
      <p>
        <a href={`/${locale}`}>{t("backHome")}</a>
      </p>
    </main>
  );
}
