/** Parsing the internal `[locale]/[market]` route segments the proxy writes. */
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { findMarket, isLocale, type Locale, type MarketDefinition } from "@/lib/domain/markets";

export interface ShopParams {
  locale: string;
  market: string;
}

export interface Shop {
  locale: Locale;
  market: MarketDefinition;
}

/** Validates the segments (404 otherwise) and fixes the request locale for next-intl. */
export function resolveShop(params: ShopParams): Shop {
  const { locale } = params;
  const market = findMarket(params.market);
  if (!isLocale(locale) || !market || params.market !== market.country.toLowerCase()) notFound();
  setRequestLocale(locale);
  return { locale, market };
}

export function marketSegment(market: MarketDefinition): string {
  return market.country.toLowerCase();
}
