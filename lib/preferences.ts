/** Cookie names for the buyer's remembered choices. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const MARKET_COOKIE = "caravan_market";
export const PREFERENCE_MAX_AGE = 60 * 60 * 24 * 365;
