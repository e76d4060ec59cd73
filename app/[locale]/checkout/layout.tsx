import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/domain/markets";
import { MinimalHeader } from "@/components/layout/minimal-header";
import { SiteFooter } from "@/components/layout/site-footer";

/** Checkout's own chrome: the brand, a way back to the cart, nothing that leads away mid-purchase. */
export default async function CheckoutLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = await getTranslations({ locale, namespace: "checkout" });
  return (
    <>
      <MinimalHeader locale={locale}>
        <span className="muted small">{t("secure")}</span>
        <a href={`/${locale}/cart`}>{t("backToCart")}</a>
      </MinimalHeader>
      <main id="main" className="container checkout" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
