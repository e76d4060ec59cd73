import "server-only";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { signInPath } from "@/lib/domain/surfaces";
import type { SellerFailure } from "./orders";

const NO_STORE = { "cache-control": "private, no-store" };

/**
 * A seller download's refusal: no session goes to sign in (coming back to the download);
 * anything else is 404, so another seller's id and a buyer at a seller URL learn nothing.
 */
export function refusedDownload(request: Request, failure: SellerFailure): Response {
  if (failure.code === "UNAUTHENTICATED") {
    const url = new URL(request.url);
    const requested = url.searchParams.get("locale");
    const locale: Locale = isLocale(requested) ? requested : "en";
    return new Response(null, { status: 303, headers: { ...NO_STORE, location: signInPath(locale, url.pathname + url.search) } });
  }
  return Response.json({ ok: false, code: "NOT_FOUND" }, { status: 404, headers: NO_STORE });
}

export function download(body: BodyInit, type: string, filename: string): Response {
  return new Response(body, { headers: { ...NO_STORE, "content-type": type, "content-disposition": `attachment; filename="${filename}"`, "x-content-type-options": "nosniff" } });
}
