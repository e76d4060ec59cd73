/**
 * Facts the privacy notice states, kept beside the code they describe so the notice
 * cannot drift from what the store does.
 */
import { LOCALE_COOKIE, MARKET_COOKIE, SESSION_COOKIES } from "@/lib/preferences";

/**
 * Every cookie the store sets, all strictly necessary for a service the visitor asked
 * for (so none needs consent); no analytics or advertising cookie exists. The cart's, the
 * form token's and the address form's names are defined where they are set
 * (lib/server/cart, lib/domain/http/same-origin.ts, lib/server/account/http.ts);
 * tests/privacy-masking.int.test.ts checks they match.
 */
export const STORE_COOKIES = [
  { name: SESSION_COOKIES[0], purpose: "session" },
  { name: "caravan_cart", purpose: "cart" },
  { name: LOCALE_COOKIE, purpose: "locale" },
  { name: MARKET_COOKIE, purpose: "market" },
  { name: "caravan_csrf", purpose: "csrf" },
  { name: "caravan_address_form", purpose: "addressForm" },
] as const;

export type StoreCookiePurpose = (typeof STORE_COOKIES)[number]["purpose"];

/** How long order records are kept: the retention the erasure and the retention job apply (./retention.ts). */
export { RETENTION_YEARS as ORDER_RETENTION_YEARS } from "./retention";
