import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { defaultMarketFor, isLocale } from "@/lib/domain/markets";
import { marketSegment, resolveShop, type ShopParams } from "@/lib/route-params";

/** Each locale's default market is prerendered; other markets render on first visit and are then cached. */
export function generateStaticParams({ params }: { params: { locale: string } }) {
  return isLocale(params.locale) ? [{ market: marketSegment(defaultMarketFor(params.locale)) }] : [];
}

export default async function ShopLayout({ children, params }: { children: ReactNode; params: Promise<ShopParams> }) {
  const { locale, market } = resolveShop(await params);
  return (
    <>
      <SiteHeader locale={locale} market={market} />
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
