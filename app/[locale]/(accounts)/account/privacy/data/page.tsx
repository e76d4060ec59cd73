import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountNav } from "@/components/account/account-nav";
import { DataSummary } from "@/components/privacy/data-summary";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { signInPath } from "@/lib/domain/surfaces";
import { currentViewer } from "@/lib/server/auth/viewer";
import { exportForViewer } from "@/lib/server/privacy/rights";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "yourData.link" });
  return { title: t("exportTitle"), robots: { index: false, follow: false } };
}

/** Everything held about the signed-in buyer, to read (the JSON download holds the same). */
export default async function AccountDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const result = await exportForViewer(await currentViewer(await headers()));
  if (!result.ok) redirect(signInPath(locale, `/${locale}/account/privacy/data`));
  const t = await getTranslations({ locale, namespace: "yourData" });
  return (
    <div className="account-area">
      <h1>{t("link.exportTitle")}</h1>
      <AccountNav locale={locale} current="privacy" />
      <p>
        <a className="button" href="/api/account/data" download>
          {t("export.json")}
        </a>
      </p>
      <DataSummary data={result.data} locale={locale} />
    </div>
  );
}
