import { LOCALES, type Locale } from "@/lib/domain/markets";
import { parseEnv } from "@/lib/env";

export const PUBLIC_URL = parseEnv().CARAVAN_PUBLIC_URL.replace(/\/$/, "");

/** Canonical URL and hreflang alternates for a public path ("" for home, "/products/x"). */
export function alternates(locale: Locale, path: string) {
  const languages: Record<string, string> = {};
  for (const l of LOCALES) languages[l] = `${PUBLIC_URL}/${l}${path}`;
  languages["x-default"] = `${PUBLIC_URL}/en${path}`;
  return { canonical: `${PUBLIC_URL}/${locale}${path}`, languages };
}
