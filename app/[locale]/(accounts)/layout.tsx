import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/domain/markets";
import { SiteFooter } from "@/components/layout/site-footer";

/** The account pages' own chrome: the brand and nothing else, as at checkout. */
export default async function AccountsLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const nav = await getTranslations({ locale, namespace: "nav" });
  return (
    <>
      <header className="site-header">
        <a className="skip-link" href="#main">
          {nav("skipToContent")}
        </a>
        <div className="container header-row">
          <a href={`/${locale}`} className="brand" aria-label="Caravan">
            <span aria-hidden="true">🐪</span> Caravan
          </a>
        </div>
      </header>
      <main id="main" className="container account-page" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
