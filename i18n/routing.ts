import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/domain/markets";

/**
 * Locales always appear in the URL (`/de/...`). Negotiation and the market rewrite
 * happen in `proxy.ts`; next-intl provides messages, formatting and links.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "always",
  localeCookie: { name: "NEXT_LOCALE", maxAge: 60 * 60 * 24 * 365 },
});
