/** Localised names of countries, languages and currencies, from the runtime's CLDR data. */
const cache = new Map<string, Intl.DisplayNames>();

function names(locale: string, type: "region" | "language" | "currency"): Intl.DisplayNames {
  const key = `${locale}|${type}`;
  let value = cache.get(key);
  if (!value) {
    value = new Intl.DisplayNames([locale], { type, fallback: "code" });
    cache.set(key, value);
  }
  return value;
}

export function countryName(code: string, locale: string): string {
  return names(locale, "region").of(code) ?? code;
}

export function languageName(code: string, locale: string): string {
  return names(locale, "language").of(code) ?? code;
}

export function currencyName(code: string, locale: string): string {
  return names(locale, "currency").of(code) ?? code;
}

/** 🇯🇵 from "JP": regional indicator symbols. */
export function flagEmoji(country: string): string {
  return country
    .toUpperCase()
    .replace(/[A-Z]/g, (c) => String.fromCodePoint(0x1f1e6 + c.charCodeAt(0) - 65));
}

const collators = new Map<string, Intl.Collator>();

/** A cached collator: `localeCompare(b, locale)` builds a new one on every call. */
export function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return collator;
}
