/**
 * Anonymous product counts: what a view beacon may say and who is not counted. Pure:
 * no I/O. Nothing here reads or keeps anything that identifies a visitor.
 */

export type ViewBodyErrorCode = "INVALID_BODY" | "PRODUCT_NOT_FOUND";
export type ViewBody = { ok: true; productId: string } | { ok: false; code: ViewBodyErrorCode };

/** Product ids: what the store generates; anything else is no such product (and never reaches SQL). */
const PRODUCT_ID = /^[A-Za-z0-9_-]{1,100}$/;
/** A beacon body is a few bytes; anything larger is not ours. */
export const MAX_VIEW_BODY = 512;

/** The beacon's body: `{"productId":"..."}` as JSON, nothing else needed. */
export function parseViewBody(text: string): ViewBody {
  if (text.length === 0 || text.length > MAX_VIEW_BODY) return { ok: false, code: "INVALID_BODY" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: "INVALID_BODY" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, code: "INVALID_BODY" };
  const productId = (value as Record<string, unknown>).productId;
  if (typeof productId !== "string" || !PRODUCT_ID.test(productId)) return { ok: false, code: "PRODUCT_NOT_FOUND" };
  return { ok: true, productId };
}

/** Crawlers that announce themselves. "Headless" alone is not one of them unless asked (see README "Analytics without cookies"). */
const BOT = /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|preview|monitor|curl\/|wget\/|python-requests|httpclient|lighthouse/i;
const HEADLESS = /headless/i;

/** Whether a user agent is an automated client that should not be counted. An absent user agent is one. */
export function isBot(userAgent: string | null | undefined, options: { countHeadless: boolean } = { countHeadless: true }): boolean {
  const agent = (userAgent ?? "").trim();
  if (agent === "") return true;
  if (BOT.test(agent)) return true;
  return !options.countHeadless && HEADLESS.test(agent);
}

/** The visitor asked not to be tracked (`DNT: 1` or Global Privacy Control `Sec-GPC: 1`). */
export function optedOut(headers: Headers): boolean {
  return headers.get("dnt")?.trim() === "1" || headers.get("sec-gpc")?.trim() === "1";
}

/** The UTC calendar day a moment falls on, as midnight UTC (the `day` of a count). */
export function countDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
