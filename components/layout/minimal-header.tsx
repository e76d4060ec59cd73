import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";

/** The header of pages that lead nowhere else mid-task (checkout, accounts): the brand, a skip link, and what the page adds. */
export async function MinimalHeader({ locale, children }: { locale: Locale; children?: ReactNode }) {
  const nav = await getTranslations({ locale, namespace: "nav" });
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {nav("skipToContent")}
      </a>
      <div className="container header-row">
        <a href={`/${locale}`} className="brand" aria-label="Caravan">
          <span aria-hidden="true">🐪</span> Caravan
        </a>
        {children}
      </div>
    </header>
  );
}
