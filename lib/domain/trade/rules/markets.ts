/**
 * The destinations the engine quotes for: their currency, the customs territory whose
 * regime and tariff apply (the EU is one), and the default incoterm. EU, UK, Australia
 * and the US collect import charges at checkout (DDP) by default; elsewhere the buyer
 * pays the carrier on delivery (DAP) unless the seller overrides it per parcel.
 */
import { COUNTRY_CURRENCIES, type CurrencyCode, type CurrencyCountry } from "@/lib/domain/money";
import { EU_MEMBER_STATES, type CountryCode } from "../countries";
import type { Incoterm } from "../types";

export interface TradeMarket {
  readonly country: CountryCode;
  readonly currency: CurrencyCode;
  /** Key of the customs regime and tariff: "EU" for member states, else the country. */
  readonly territory: string;
  readonly defaultIncoterm: Incoterm;
}

const EU_MARKETS: TradeMarket[] = EU_MEMBER_STATES.map((country) => ({
  country,
  currency: COUNTRY_CURRENCIES[country],
  territory: "EU",
  defaultIncoterm: "DDP",
}));

function market(country: CurrencyCountry, defaultIncoterm: Incoterm): TradeMarket {
  return { country, currency: COUNTRY_CURRENCIES[country], territory: country, defaultIncoterm };
}

export const TRADE_MARKETS: readonly TradeMarket[] = [
  ...EU_MARKETS,
  market("GB", "DDP"),
  market("US", "DDP"),
  market("AU", "DDP"),
  market("JP", "DAP"),
  market("CN", "DAP"),
  market("CA", "DAP"),
  market("CH", "DAP"),
  market("BR", "DAP"),
  market("IN", "DAP"),
  market("KR", "DAP"),
  market("AE", "DAP"),
  market("KW", "DAP"),
  market("KE", "DAP"),
  market("MX", "DAP"),
  market("MA", "DAP"),
];

const BY_COUNTRY = new Map(TRADE_MARKETS.map((m) => [m.country, m]));

export const SUPPORTED_DESTINATIONS: readonly CountryCode[] = TRADE_MARKETS.map((m) => m.country);

export function findTradeMarket(country: CountryCode): TradeMarket | undefined {
  return BY_COUNTRY.get(country);
}
