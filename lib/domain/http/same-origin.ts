/**
 * Is a state-changing form post from one of the store's own pages? Judged from what the
 * browser sends, in order of strength:
 * 1. `Origin`, when present, must be one of the store's own origins (`null` never is);
 * 2. with no Origin, `Sec-Fetch-Site: same-origin` or `none` (typed or bookmarked);
 * 3. else a double-submit token: the `caravan_csrf` cookie (which another site can
 *    neither read nor set) equal to the form's hidden `csrf` field.
 * Shared by the server check and the form field that fills the token in.
 */

export const CSRF_COOKIE = "caravan_csrf";
export const CSRF_FIELD = "csrf";

export type OriginVerdict = { ok: true } | { ok: false; code: "FORBIDDEN_ORIGIN" };

export interface OriginFacts {
  origin: string | null;
  secFetchSite: string | null;
  /** The origins this request may legitimately come from ("https://shop.example"). */
  ownOrigins: readonly string[];
  cookieToken: string | null;
  formToken: string | null;
}

/** What the form field generates: a UUID, or 32 hex digits where randomUUID is unavailable. */
export function isCsrfToken(value: string | null | undefined): value is string {
  return typeof value === "string" && /^[A-Za-z0-9-]{32,64}$/.test(value);
}

const FORBIDDEN: OriginVerdict = { ok: false, code: "FORBIDDEN_ORIGIN" };

export function judgeSameOrigin(facts: OriginFacts): OriginVerdict {
  if (facts.origin !== null) return facts.ownOrigins.includes(facts.origin) ? { ok: true } : FORBIDDEN;
  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site === "same-origin" || site === "none") return { ok: true };
  if (isCsrfToken(facts.cookieToken) && facts.formToken === facts.cookieToken) return { ok: true };
  return FORBIDDEN;
}
