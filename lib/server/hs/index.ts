import "server-only";
import { requireSellerMember, type Viewer } from "@/lib/domain/accounts";
import { searchHs, type HsResult } from "@/lib/domain/hs";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { currentViewer } from "@/lib/server/auth/viewer";
import { limitRequest } from "@/lib/server/rate-limit";

export type HsSearchOutcome =
  | { ok: true; query: string; results: HsResult[] }
  | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" | "HS_QUERY_EMPTY" | "HS_QUERY_TOO_LONG" | "HS_LOCALE_UNKNOWN" };

/**
 * The HS code look-up for a seller member (owner or staff) of their own shop; nobody
 * else may use it. Reads only the bundled nomenclature: nothing is loaded or written.
 */
export function searchHsCodes(viewer: Viewer | null, locale: unknown, query: unknown): HsSearchOutcome {
  const guard = requireSellerMember(viewer, viewer?.seller?.id ?? "");
  if (!guard.ok) return guard;
  if (!isLocale(locale)) return { ok: false, code: "HS_LOCALE_UNKNOWN" };
  return searchHs(locale as Locale, query);
}

export type HsSearchHttpResponse = { status: 200 | 400 | 401 | 403 | 429; body: HsSearchOutcome | { ok: false; code: "RATE_LIMITED" }; headers: Record<string, string> };

const STATUS: Record<string, 400 | 401 | 403> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * GET /api/seller/hs?q=&locale=: the client's rate limit (429), then the session (401
 * without one, 403 for anyone who is not a seller member), then the query (400 with a
 * code). `locale` defaults to English.
 */
export async function searchHsCodesHttp(request: Request): Promise<HsSearchHttpResponse> {
  const limit = await limitRequest(request, "api");
  const headers = limit.headers;
  if (!limit.allowed) return { status: 429, body: { ok: false, code: "RATE_LIMITED" }, headers };
  const params = new URL(request.url).searchParams;
  const outcome = searchHsCodes(await currentViewer(request.headers), params.get("locale") ?? "en", params.get("q") ?? "");
  if (outcome.ok) return { status: 200, body: outcome, headers };
  return { status: STATUS[outcome.code] ?? 400, body: outcome, headers };
}
