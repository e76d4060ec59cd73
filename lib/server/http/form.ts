/**
 * A small form post (application/x-www-form-urlencoded or multipart/form-data), read
 * with a size cap. Other media types read as an empty form: every field is then absent.
 */
import { mediaType, readBoundedBody } from "./body";

/** Far above what the store's own forms send. */
export const MAX_FORM_BYTES = 16 * 1024;

export type FormFields = (name: string) => string | null;
export type FormResult = { ok: true; field: FormFields } | { ok: false; code: "PAYLOAD_TOO_LARGE" };

const EMPTY: FormFields = () => null;

export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormResult> {
  const body = await readBoundedBody(request, maxBytes);
  if (!body.ok) return body.code === "PAYLOAD_TOO_LARGE" ? { ok: false, code: "PAYLOAD_TOO_LARGE" } : { ok: true, field: EMPTY };
  const contentType = request.headers.get("content-type");
  const type = mediaType(contentType)?.type;
  if (type === "application/x-www-form-urlencoded") {
    const params = new URLSearchParams(new TextDecoder().decode(body.bytes));
    return { ok: true, field: (name) => params.get(name) };
  }
  if (type === "multipart/form-data") {
    const form = await new Response(body.bytes, { headers: { "content-type": contentType! } }).formData().catch(() => null);
    return { ok: true, field: (name) => (typeof form?.get(name) === "string" ? (form.get(name) as string) : null) };
  }
  return { ok: true, field: EMPTY };
}
