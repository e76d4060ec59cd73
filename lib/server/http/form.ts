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

export interface UploadedFile {
  name: string;
  /** As the browser declared it: never trusted, the content decides (lib/domain/images). */
  declaredType: string;
  bytes: Uint8Array;
}

export type UploadResult =
  | { ok: true; field: FormFields; file: (name: string) => UploadedFile | null; files: (name: string) => UploadedFile[] }
  | { ok: false; code: "PAYLOAD_TOO_LARGE" };

/**
 * A multipart form with files (image, CSV, digital file uploads), read with a size cap
 * over the whole body. A url-encoded body reads as fields without files.
 */
export async function readUpload(request: Request, maxBytes: number): Promise<UploadResult> {
  const body = await readBoundedBody(request, maxBytes);
  if (!body.ok) return body.code === "PAYLOAD_TOO_LARGE" ? { ok: false, code: "PAYLOAD_TOO_LARGE" } : { ok: true, field: EMPTY, file: () => null, files: () => [] };
  const contentType = request.headers.get("content-type");
  const type = mediaType(contentType)?.type;
  if (type === "application/x-www-form-urlencoded") {
    const params = new URLSearchParams(new TextDecoder().decode(body.bytes));
    return { ok: true, field: (name) => params.get(name), file: () => null, files: () => [] };
  }
  if (type !== "multipart/form-data") return { ok: true, field: EMPTY, file: () => null, files: () => [] };
  const form = await new Response(body.bytes, { headers: { "content-type": contentType! } }).formData().catch(() => null);
  if (!form) return { ok: true, field: EMPTY, file: () => null, files: () => [] };
  const files = new Map<string, UploadedFile[]>();
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" || value.size === 0) continue;
    const list = files.get(name) ?? [];
    list.push({ name: value.name, declaredType: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
    files.set(name, list);
  }
  return {
    ok: true,
    field: (name) => (typeof form.get(name) === "string" ? (form.get(name) as string) : null),
    file: (name) => files.get(name)?.[0] ?? null,
    files: (name) => files.get(name) ?? [],
  };
}
