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

/** What every form post starts with: its fields, checked for size, origin and rate, its locale and where to come back to. */
type FormStart = { form: Extract<Awaited<ReturnType<typeof readUpload>>, { ok: true }>; locale: Locale; back: string; headers: Record<string, string> };

async function startForm(request: Request, maxBytes: number): Promise<FormStart | Response> {
  const form = await readUpload(request, maxBytes);
  if (!form.ok) return json(413, "PAYLOAD_TOO_LARGE");
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return json(403, "FORBIDDEN_ORIGIN");
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return json(429, "RATE_LIMITED", limit.headers);
  const requested = form.field("locale");
  const locale: Locale = isLocale(requested) ? requested : "en";
  const back = sameOriginPath(form.field("returnTo"), requestOrigin(request), { pathOnly: true }) ?? `/${locale}`;
  return { form, locale, back, headers: limit.headers };
}

/** Runs the service and carries its typed result back: a failure it did not expect is SERVICE_BUSY, logged. */
async function finishForm(request: Request, start: FormStart, run: () => Promise<PanelOutcome>, message: string): Promise<Response> {
  let outcome: PanelOutcome;
  try {
    outcome = await run();
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message, path: new URL(request.url).pathname, error: error instanceof Error ? error.message : String(error) }));
    outcome = { ok: false, code: "SERVICE_BUSY" };
  }
  if (!outcome.ok) {
    if (outcome.code === "NOT_FOUND") return json(404, outcome.code, start.headers);
    if (outcome.code === "FORBIDDEN") return json(403, outcome.code, start.headers);
    const fields = Object.entries(outcome.fields ?? {}).map(([name, code]) => `${name}:${code}`).join(",");
    return see(withParams(start.back, fields ? { error: outcome.code, fields } : { error: outcome.code }), start.headers);
  }
  const to = outcome.to ?? start.back;
  return see(outcome.notice ? withParams(to, { done: outcome.notice }) : to, start.headers);
}

export async function handlePanelPost(
  request: Request,
  run: (input: PanelRequest) => Promise<PanelOutcome>,
  options: { maxBytes?: number; twoFactor?: boolean } = {},
): Promise<Response> {
  const start = await startForm(request, options.maxBytes ?? MAX_FORM_BYTES);
  if (start instanceof Response) return start;
  const { form, locale, back, headers } = start;
  const viewer = await currentViewer(request.headers);
  if (!viewer) return see(signInPath(locale, back), headers);
  if ((options.twoFactor || actionNeedsSecondFactor(new URL(request.url).pathname)) && !requireSecondFactor(viewer).ok) return json(403, "TWO_FACTOR_REQUIRED", headers);
  return finishForm(request, start, () => run({ viewer, locale, field: form.field, file: form.file, files: form.files, request }), "panel action failed");
}

/**
 * A form anyone may post (no session needed): the same origin, rate and size checks and the
 * same answers as handlePanelPost, with the viewer when there is one.
 */
export async function handlePublicFormPost(
  request: Request,
  run: (input: Omit<PanelRequest, "viewer"> & { viewer: Viewer | null }) => Promise<PanelOutcome>,
): Promise<Response> {
  const start = await startForm(request, MAX_FORM_BYTES);
  if (start instanceof Response) return start;
  const { form, locale } = start;
  return finishForm(request, start, async () => run({ viewer: await currentViewer(request.headers), locale, field: form.field, file: form.file, files: form.files, request }), "form action failed");
}
