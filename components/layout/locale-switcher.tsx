"use client";

import { useSyncExternalStore } from "react";
import { LOCALES, type Locale } from "@/lib/domain/markets";

/** Native names: a reader finds their language whatever the page's language is. */
const NATIVE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  ja: "日本語",
  "zh-CN": "简体中文",
  ar: "العربية",
  "pt-BR": "Português (Brasil)",
};

const noSubscription = () => () => undefined;

/** The current path after the locale segment, with the query ("/products/x?y=1"). */
function currentRest(): string {
  const path = window.location.pathname.split("/").slice(2).join("/");
  return (path ? `/${path}` : "") + window.location.search;
}

/**
 * Links to the same page in every language. Server-rendered (and without JavaScript)
 * they point at each locale's home page; in the browser at the current page.
 */
export function LocaleSwitcher({ current, label }: { current: Locale; label: string }) {
  const rest = useSyncExternalStore(noSubscription, currentRest, () => "");
  return (
    <details className="locale-switcher">
      <summary>
        <span className="visually-hidden">{label}: </span>
        <span aria-hidden="true">🌐</span> {NATIVE_NAMES[current]}
      </summary>
      <ul>
        {LOCALES.map((locale) => (
          <li key={locale}>
            <a href={`/${locale}${rest}`} hrefLang={locale} lang={locale} aria-current={locale === current ? "true" : undefined}>
              {NATIVE_NAMES[locale]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
