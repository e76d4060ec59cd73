import "server-only";
import type { Clock } from "@/lib/domain/clock";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { readForm } from "@/lib/server/http/form";
import { checkSameOrigin } from "@/lib/server/http/origin";
import { limitRequest } from "@/lib/server/rate-limit";
import { lookupOrder } from "./lookup";

const NO_STORE = { "cache-control": "private, no-store" };

/**
 * POST /api/orders/lookup (order number, email, locale): a plain form. Checked for
 * origin and rate first (403, 429 as JSON, like the other form posts); then 303 to the
 * lookup page, with `?t=<token>` on a match, else `?error=<CODE>` and the number as
 * typed (never the email). A wrong email and an unknown number answer alike.
 */
export async function handleLookupPost(request: Request, clock: Clock): Promise<Response> {
  const form = await readForm(request);
  if (!form.ok) return Response.json({ ok: false, code: form.code }, { status: 413, headers: NO_STORE });
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return Response.json({ ok: false, code: "FORBIDDEN_ORIGIN" }, { status: 403, headers: NO_STORE });
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return Response.json({ ok: false, code: "RATE_LIMITED" }, { status: 429, headers: { ...NO_STORE, ...limit.headers } });
  const requested = form.field("locale");
  const locale: Locale = isLocale(requested) ? requested : "en";
  const result = await lookupOrder({ number: form.field("number"), email: form.field("email") }, clock);
  const query: Record<string, string> = result.ok ? { t: result.token } : { error: result.code, ...(result.number ? { number: result.number } : {}) };
  const location = `/${locale}/orders/lookup?${new URLSearchParams(query)}`;
  return new Response(null, { status: 303, headers: { ...NO_STORE, ...limit.headers, "referrer-policy": "same-origin", location } });
}
