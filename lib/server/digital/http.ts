import "server-only";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { currentViewer } from "@/lib/server/auth/viewer";
import { orderAccessKey } from "@/lib/server/checkout/access";
import { readForm } from "@/lib/server/http/form";
import { checkSameOrigin } from "@/lib/server/http/origin";
import { limitRequest } from "@/lib/server/rate-limit";
import { issueNewLink, openDownload } from "./delivery";

/**
 * The two HTTP ends of digital delivery: GET /api/downloads/{token} (the file, or a
 * redirect to the translated "link no longer valid" page) and POST /api/downloads
 * ("New download link" on the order page and on that page).
 */
const NO_STORE = "private, no-store";

const localeOf = (value: string | null): Locale => (isLocale(value) ? value : "en");

/** The order page a guest reaches with the order's key. */
const orderPage = (locale: Locale, orderId: string) => `/${locale}/checkout/complete?${new URLSearchParams({ order: orderId, key: orderAccessKey(orderId) })}`;

export async function handleDownload(request: Request, token: string, now: Date): Promise<Response> {
  const url = new URL(request.url);
  const locale = localeOf(url.searchParams.get("locale"));
  const result = await openDownload(token, request.headers.get("range"), now);
  if (result.ok) {
    const headers: Record<string, string> = {
      "content-type": result.contentType,
      "content-disposition": result.disposition,
      "content-length": String(result.bytes.length),
      "accept-ranges": "bytes",
      "cache-control": NO_STORE,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    };
    if (result.range) headers["content-range"] = `bytes ${result.range.start}-${result.range.end}/${result.size}`;
    // The bytes as a stream: the body is never buffered again on its way out.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(result.bytes));
        controller.close();
      },
    });
    return new Response(body, { status: result.status, headers });
  }
  if (result.code === "UNSATISFIABLE") {
    return new Response(null, { status: 416, headers: { "content-range": `bytes */${result.size}`, "accept-ranges": "bytes", "cache-control": NO_STORE } });
  }
  const params = new URLSearchParams({ reason: result.code });
  if (result.renew) {
    params.set("order", result.renew.orderId);
    params.set("line", result.renew.lineId);
    params.set("key", orderAccessKey(result.renew.orderId));
  }
  return new Response(null, { status: 303, headers: { location: `/${locale}/downloads/expired?${params}`, "cache-control": NO_STORE, "referrer-policy": "no-referrer" } });
}

export async function handleNewLinkPost(request: Request, now: Date): Promise<Response> {
  const form = await readForm(request);
  if (!form.ok) return Response.json({ ok: false, code: "PAYLOAD_TOO_LARGE" }, { status: 413, headers: { "cache-control": NO_STORE } });
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return Response.json({ ok: false, code: "FORBIDDEN_ORIGIN" }, { status: 403, headers: { "cache-control": NO_STORE } });
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return Response.json({ ok: false, code: "RATE_LIMITED" }, { status: 429, headers: { "cache-control": NO_STORE, ...limit.headers } });
  const locale = localeOf(form.field("locale"));
  const viewer = await currentViewer(request.headers);
  const result = await issueNewLink({ orderId: form.field("order"), lineId: form.field("line"), key: form.field("key"), viewer }, now);
  const redirect = (location: string) => new Response(null, { status: 303, headers: { ...limit.headers, location, "cache-control": NO_STORE, "referrer-policy": "no-referrer" } });
  if (!result.ok && result.code === "NOT_FOUND") return redirect(`/${locale}/downloads/expired?reason=INVALID`);
  const orderId = form.field("order")!;
  const back = form.field("return") === "account" ? `/${locale}/account/orders/${encodeURIComponent(orderId)}` : orderPage(locale, orderId);
  return redirect(`${back}#digital-items`);
}
