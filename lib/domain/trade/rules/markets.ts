/**
 * The destinations the engine quotes for: their currency, the customs territory whose
 * regime and tariff apply (the EU is one), and the default incoterm. EU, UK, Australia
 * and the US collect import charges at checkout (DDP) by default; elsewhere the buyer
 * pays the carrier on delivery (DAP) unless the seller overrides it per parcel.
 */
import type { CurrencyCode } from "@/lib/domain/money";
import { EU_MEMBER_STATES, type CountryCode } from "../countries";
import type { Incoterm } from "../types";

export interface TradeMarket {
  readonly country: CountryCode;
  readonly currency: CurrencyCode;
  /** Key of the customs regime and tariff: "EU" for member states, else the country. */
  readonly territory: string;
  readonly defaultIncoterm: Incoterm;
}

const EU_CURRENCY: Partial<Record<CountryCode, CurrencyCode>> = {
  CZ: "CZK", DK: "DKK", HU: "HUF", PL: "PLN", RO: "RON", SE: "SEK",
};

const EU_MARKETS: TradeMarket[] = EU_MEMBER_STATES.map((country) => ({
  country,
  // Bulgaria uses the euro from 2026-01-01.
  currency: EU_CURRENCY[country] ?? "EUR",
  territory: "EU",
  defaultIncoterm: "DDP",
}));

function market(country: CountryCode, currency: CurrencyCode, defaultIncoterm: Incoterm): TradeMarket {
  return { country, currency, territory: country, defaultIncoterm };
}

export const TRADE_MARKETS: readonly TradeMarket[] = [
  ...EU_MARKETS,
  market("GB", "GBP", "DDP"),
  market("US", "USD", "DDP"),
  market("AU", "AUD", "DDP"),
  market("JP", "JPY", "DAP"),
  market("CN", "CNY", "DAP"),
  market("CA", "CAD", "DAP"),
  market("CH", "CHF", "DAP"),
  market("BR", "BRL", "DAP"),
  market("IN", "INR", "DAP"),
  market("KR", "KRW", "DAP"),
  market("AE", "AED", "DAP"),
  market("KW", "KWD", "DAP"),
  market("KE", "KES", "DAP"),
  market("MX", "MXN", "DAP"),
  market("MA", "MAD", "DAP"),
];

const BY_COUNTRY = new Map(TRADE_MARKETS.map((m) => [m.country, m]));

export const SUPPORTED_DESTINATIONS: readonly CountryCode[] = TRADE_MARKETS.map((m) => m.country);

export function findTradeMarket(country: CountryCode): TradeMarket | undefined {
  return BY_COUNTRY.get(country);
}
