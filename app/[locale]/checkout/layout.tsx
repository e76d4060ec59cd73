import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/domain/markets";
import { SiteFooter } from "@/components/layout/site-footer";

/** Checkout's own chrome: the brand, a way back to the cart, nothing that leads away mid-purchase. */
export default async function CheckoutLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: "checkout" });
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
          <span className="muted small">{t("secure")}</span>
          <a href={`/${locale}/cart`}>{t("backToCart")}</a>
        </div>
      </header>
      <main id="main" className="container checkout" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
