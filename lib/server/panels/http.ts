import "server-only";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { signInPath } from "@/lib/domain/surfaces";
import { actionNeedsSecondFactor, requireSecondFactor } from "@/lib/domain/two-factor";
import { sameOriginPath } from "@/lib/safe-return-path";
import { currentViewer, type Viewer } from "@/lib/server/auth/viewer";
import { MAX_FORM_BYTES, readUpload, type FormFields, type UploadedFile } from "@/lib/server/http/form";
import { checkSameOrigin, requestOrigin } from "@/lib/server/http/origin";
import { limitRequest } from "@/lib/server/rate-limit";

/**
 * The seller and operator panels' forms, the same with and without JavaScript: a plain
 * POST to a route handler under /api/seller or /api/admin, which checks origin and rate,
 * finds the viewer from the session and runs one service. The service authorises the
 * viewer itself; this only carries its typed result back:
 *
 * - success: 303 to the form's `returnTo` (or the service's own page) with `?done=<notice>`;
 * - a refusal the visitor can fix: 303 back to `returnTo` with `?error=<CODE>`, which the
 *   page translates (messages `panel.error.*`);
 * - NOT_FOUND or FORBIDDEN (another seller's ids, a buyer at a panel): 404 or 403, and
 *   nothing changed;
 * - no session: 303 to sign in, coming back to `returnTo`;
 * - an operator action (/api/admin/...) or one marked `{ twoFactor: true }` (payouts)
 *   from a viewer whose session did not pass two-factor: 403 TWO_FACTOR_REQUIRED, and
 *   nothing ran.
 */
export type PanelOutcome =
  | { ok: true; to?: string; notice?: string }
  /** `fields`: the refusal's code per form field (`?fields=name:CODE,...`), for the page to show beside each. */
  | { ok: false; code: string; fields?: Record<string, string> };

export interface PanelRequest {
  viewer: Viewer;
  locale: Locale;
  field: FormFields;
  file: (name: string) => UploadedFile | null;
  files: (name: string) => UploadedFile[];
  request: Request;
}

const NO_STORE = { "cache-control": "private, no-store" };

function json(status: number, code: string, extra: Record<string, string> = {}): Response {
  return Response.json({ ok: false, code }, { status, headers: { ...NO_STORE, ...extra } });
}

function see(location: string, extra: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { ...NO_STORE, ...extra, location } });
}

export function withParams(path: string, params: Record<string, string>): string {
  const url = new URL(path, "http://panel.invalid");
  for (const name of ["error", "done", "fields"]) url.searchParams.delete(name);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.pathname + url.search;
}

export async function handlePanelPost(
  request: Request,
  run: (input: PanelRequest) => Promise<PanelOutcome>,
  options: { maxBytes?: number; twoFactor?: boolean } = {},
): Promise<Response> {
  const form = await readUpload(request, options.maxBytes ?? MAX_FORM_BYTES);
  if (!form.ok) return json(413, "PAYLOAD_TOO_LARGE");
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return json(403, "FORBIDDEN_ORIGIN");
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return json(429, "RATE_LIMITED", limit.headers);
  const requested = form.field("locale");
  const locale: Locale = isLocale(requested) ? requested : "en";
  const back = sameOriginPath(form.field("returnTo"), requestOrigin(request), { pathOnly: true }) ?? `/${locale}`;
  const viewer = await currentViewer(request.headers);
  if (!viewer) return see(signInPath(locale, back), limit.headers);
  if ((options.twoFactor || actionNeedsSecondFactor(new URL(request.url).pathname)) && !requireSecondFactor(viewer).ok) return json(403, "TWO_FACTOR_REQUIRED", limit.headers);
  let outcome: PanelOutcome;
  try {
    outcome = await run({ viewer, locale, field: form.field, file: form.file, files: form.files, request });
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "panel action failed", path: new URL(request.url).pathname, error: error instanceof Error ? error.message : String(error) }));
    outcome = { ok: false, code: "SERVICE_BUSY" };
  }
  if (!outcome.ok) {
    if (outcome.code === "NOT_FOUND") return json(404, outcome.code, limit.headers);
    if (outcome.code === "FORBIDDEN") return json(403, outcome.code, limit.headers);
    const fields = Object.entries(outcome.fields ?? {}).map(([name, code]) => `${name}:${code}`).join(",");
    return see(withParams(back, fields ? { error: outcome.code, fields } : { error: outcome.code }), limit.headers);
  }
  const to = outcome.to ?? back;
  return see(outcome.notice ? withParams(to, { done: outcome.notice }) : to, limit.headers);
}

/**
 * A form anyone may post (no session needed): the same origin, rate and size checks and the
 * same answers as handlePanelPost, with the viewer when there is one.
 */
export async function handlePublicFormPost(
  request: Request,
  run: (input: Omit<PanelRequest, "viewer"> & { viewer: Viewer | null }) => Promise<PanelOutcome>,
): Promise<Response> {
  const form = await readUpload(request, MAX_FORM_BYTES);
  if (!form.ok) return json(413, "PAYLOAD_TOO_LARGE");
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return json(403, "FORBIDDEN_ORIGIN");
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return json(429, "RATE_LIMITED", limit.headers);
  const requested = form.field("locale");
  const locale: Locale = isLocale(requested) ? requested : "en";
  const back = sameOriginPath(form.field("returnTo"), requestOrigin(request), { pathOnly: true }) ?? `/${locale}`;
  let outcome: PanelOutcome;
  try {
    outcome = await run({ viewer: await currentViewer(request.headers), locale, field: form.field, file: form.file, files: form.files, request });
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "form action failed", path: new URL(request.url).pathname, error: error instanceof Error ? error.message : String(error) }));
    outcome = { ok: false, code: "SERVICE_BUSY" };
  }
  if (!outcome.ok) return see(withParams(back, { error: outcome.code }), limit.headers);
  const to = outcome.to ?? back;
  return see(outcome.notice ? withParams(to, { done: outcome.notice }) : to, limit.headers);
}
