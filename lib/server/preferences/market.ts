/**
 * POST /api/preferences/market: remember the buyer's ship-to country and send them back
 * to the page they were on. Refused (and nothing remembered) when the post does not come
 * from the store's own pages (403) or the client posts too often (429).
 */
import { findMarket, isLocale, negotiateLocale } from "@/lib/domain/markets";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { LOCALE_COOKIE } from "@/lib/preferences";
import { safeReturnPath } from "@/lib/safe-return-path";
import { readForm } from "@/lib/server/http/form";
import { requestCookie } from "@/lib/server/http/cookies";
import { checkSameOrigin, requestOrigin } from "@/lib/server/http/origin";
import { limitRequest } from "@/lib/server/rate-limit";

type Headers = Record<string, string>;

export type MarketPreferenceResult =
  | { status: 303; location: string; country: string | null; headers: Headers }
  | { status: 403; body: { error: "FORBIDDEN_ORIGIN" }; headers: Headers }
  | { status: 413; body: { error: "PAYLOAD_TOO_LARGE" }; headers: Headers }
  | { status: 429; body: { error: "RATE_LIMITED" }; headers: Headers };

/** The home page of the buyer's language: the remembered locale, else their browser's. */
function localeHome(request: Request): string {
  const remembered = requestCookie(request, LOCALE_COOKIE);
  return `/${isLocale(remembered) ? remembered : negotiateLocale(request.headers.get("accept-language"))}`;
}

export async function setMarketPreference(request: Request): Promise<MarketPreferenceResult> {
  const form = await readForm(request);
  if (!form.ok) return { status: 413, body: { error: "PAYLOAD_TOO_LARGE" }, headers: {} };
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return { status: 403, body: { error: "FORBIDDEN_ORIGIN" }, headers: {} };
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return { status: 429, body: { error: "RATE_LIMITED" }, headers: limit.headers };
  const market = findMarket(form.field("country") ?? "");
  const location = safeReturnPath(form.field("returnTo"), request.headers.get("referer"), requestOrigin(request), localeHome(request));
  return { status: 303, location, country: market?.country ?? null, headers: limit.headers };
}
