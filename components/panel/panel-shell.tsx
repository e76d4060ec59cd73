import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";
import { MinimalHeader } from "@/components/layout/minimal-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { PanelNavLink } from "./panel-nav-link";

export type PanelKind = "seller" | "admin";

/** Each panel's sections, in the order of its navigation (messages `panel.nav.<panel>.<key>`). */
export const PANEL_SECTIONS = {
  seller: [
    { key: "overview", path: "" },
    { key: "products", path: "/products" },
    { key: "hsCodes", path: "/hs-codes" },
    { key: "imports", path: "/imports" },
    { key: "orders", path: "/orders" },
    { key: "payouts", path: "/payouts" },
    { key: "analytics", path: "/analytics" },
    { key: "settings", path: "/settings" },
  ],
  admin: [
    { key: "sellers", path: "/sellers" },
    { key: "orders", path: "/orders" },
    { key: "fx", path: "/fx" },
    { key: "audit", path: "/audit" },
    { key: "analytics", path: "/analytics" },
  ],
} as const satisfies Record<PanelKind, readonly { key: string; path: string }[]>;

/** A panel's chrome: the brand, the panel's sections and the page. */
export async function PanelShell({ kind, locale, nav, children }: { kind: PanelKind; locale: Locale; nav: boolean; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "panel" });
  return (
    <>
      <MinimalHeader locale={locale}>
        <a href={`/${locale}/account`}>
          {t("account")}
        </a>
      </MinimalHeader>
      <div className="container panel">
        {nav && (
          <nav className="panel-nav" aria-label={t(`nav.${kind}.label`)}>
            <ul>
              {(PANEL_SECTIONS[kind] as readonly { key: string; path: string }[]).map((section) => (
                <li key={section.key}>
                  <PanelNavLink href={`/${locale}/${kind}${section.path}`} exact={section.path === ""}>
                    {t(`nav.${kind}.${section.key}` as "nav.seller.overview")}
                  </PanelNavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" className="panel-main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <SiteFooter locale={locale} />
    </>
  );
}
