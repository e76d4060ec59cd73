import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/domain/markets";
import { MinimalHeader } from "@/components/layout/minimal-header";
import { SiteFooter } from "@/components/layout/site-footer";

/** The account pages' own chrome: the brand and nothing else, as at checkout. */
export default async function AccountsLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return (
    <>
      <MinimalHeader locale={locale} />
      <main id="main" className="container account-page" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
