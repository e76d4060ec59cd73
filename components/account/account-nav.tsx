import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";

export const ACCOUNT_SECTIONS = [
  { key: "overview", path: "" },
  { key: "orders", path: "/orders" },
  { key: "addresses", path: "/addresses" },
  { key: "sessions", path: "/sessions" },
  { key: "security", path: "/security" },
  { key: "privacy", path: "/privacy" },
] as const;

export type AccountSection = (typeof ACCOUNT_SECTIONS)[number]["key"];

/** The buyer's account sections, the current one marked for screen readers. */
export async function AccountNav({ locale, current }: { locale: Locale; current: AccountSection }) {
  const t = await getTranslations({ locale, namespace: "accountPages.nav" });
  return (
    <nav className="account-nav" aria-label={t("label")}>
      <ul>
        {ACCOUNT_SECTIONS.map((section) => (
          <li key={section.key}>
            <a href={`/${locale}/account${section.path}`} aria-current={section.key === current ? "page" : undefined}>
              {t(section.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
