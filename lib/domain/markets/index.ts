/**
 * Markets: the ship-to country decides the display currency (and, later, tax and
 * duty); the locale in the URL decides only the language. See docs/adr/0002.
 */
import { COUNTRY_CURRENCIES, type CurrencyCode, type CurrencyCountry } from "@/lib/domain/money/currencies";

export const LOCALES = ["en", "de", "fr", "es", "ja", "zh-CN", "ar", "pt-BR"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const RTL_LOCALES: ReadonlySet<Locale> = new Set(["ar"]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}

/**
 * A text stored per locale (`{ "en": "...", "ja": "..." }`, as a seller's bio or a
 * variant's name): the buyer's language, else `fallback` (the seller's), else English,
 * else "".
 */
export function localizedText(value: unknown, locale: Locale, fallback: string): string {
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const text = record[locale] ?? record[fallback] ?? record.en;
    if (typeof text === "string") return text;
  }
  return "";
}

/** The writing direction of text in any language tag (a listing may be in a language the UI does not offer). */
export function textDirection(languageTag: string): "ltr" | "rtl" {
  return /^(ar|he|fa|ur|ps|yi|dv|ckb|sd|ug)(-|$)/i.test(languageTag) ? "rtl" : "ltr";
}

export interface MarketDefinition {
  country: string;
  currency: CurrencyCode;
  defaultLocale: Locale;
}

function market(country: CurrencyCountry, defaultLocale: Locale): MarketDefinition {
  return { country, currency: COUNTRY_CURRENCIES[country], defaultLocale };
}

/** The ship-to countries the store serves, in display order. */
export const MARKETS: readonly MarketDefinition[] = [
  market("US", "en"),
  market("GB", "en"),
  market("DE", "de"),
  market("FR", "fr"),
  market("ES", "es"),
  market("IT", "en"),
  market("NL", "en"),
  market("JP", "ja"),
  market("KR", "en"),
  market("CN", "zh-CN"),
  market("AU", "en"),
  market("BR", "pt-BR"),
  market("MX", "es"),
  market("IN", "en"),
  market("CA", "en"),
  market("CH", "de"),
  market("AE", "ar"),
  market("KW", "ar"),
  market("KE", "en"),
];

const BY_COUNTRY = new Map(MARKETS.map((m) => [m.country, m]));

export function findMarket(country: string | undefined | null): MarketDefinition | undefined {
  return country ? BY_COUNTRY.get(country.toUpperCase()) : undefined;
}

/** The market a locale implies when nothing better is known (no cookie, no region in Accept-Language). */
const LOCALE_DEFAULT_MARKET: Record<Locale, string> = {
  en: "US", de: "DE", fr: "FR", es: "ES", ja: "JP", "zh-CN": "CN", ar: "AE", "pt-BR": "BR",
};

export function defaultMarketFor(locale: Locale): MarketDefinition {
  return BY_COUNTRY.get(LOCALE_DEFAULT_MARKET[locale]) ?? MARKETS[0]!;
}

interface LanguageRange {
  tag: string;
  q: number;
}

/** Parses an Accept-Language header into ranges, best first. Malformed parts are ignored. */
export function parseAcceptLanguage(header: string | null | undefined): LanguageRange[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(r.tag) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag, q }) => ({ tag, q }));
}

/** Picks the best supported locale for an Accept-Language header. */
export function negotiateLocale(header: string | null | undefined): Locale {
  for (const { tag } of parseAcceptLanguage(header)) {
    const lower = tag.toLowerCase();
    const exact = LOCALES.find((l) => l.toLowerCase() === lower);
    if (exact) return exact;
    const language = lower.split("-")[0];
    if (language === "zh") return "zh-CN";
    if (language === "pt") return "pt-BR";
    const byLanguage = LOCALES.find((l) => l.toLowerCase().split("-")[0] === language);
    if (byLanguage) return byLanguage;
  }
  return DEFAULT_LOCALE;
}

/**
 * The ship-to market for a first visit: a region in Accept-Language that is one of our
 * markets ("en-GB" -> GB), else the locale's default market.
 */
export function negotiateMarket(locale: Locale, header: string | null | undefined): MarketDefinition {
  for (const { tag } of parseAcceptLanguage(header)) {
    const region = tag.split("-").find((part, i) => i > 0 && /^[A-Za-z]{2}$/.test(part));
    const language = tag.split("-")[0]?.toLowerCase();
    if (region && language === locale.split("-")[0]?.toLowerCase()) {
      const market = findMarket(region);
      if (market) return market;
    }
  }
  return defaultMarketFor(locale);
}
