/**
 * A JSON request body, read safely: `application/json` only (a `charset` parameter is
 * allowed if it says UTF-8, the only encoding JSON has), at most `maxBytes`, valid
 * UTF-8, valid JSON. Each refusal is a typed code with its HTTP status.
 */
import { mediaType, readBoundedBody } from "./body";

export type JsonBodyError =
  | { ok: false; status: 415; code: "UNSUPPORTED_MEDIA_TYPE" }
  | { ok: false; status: 413; code: "PAYLOAD_TOO_LARGE" }
  | { ok: false; status: 400; code: "INVALID_JSON" };

export type JsonBodyResult = { ok: true; value: unknown } | JsonBodyError;

export function isJsonContentType(contentType: string | null): boolean {
  const media = mediaType(contentType);
  if (!media || media.type !== "application/json") return false;
  const charset = media.params.get("charset");
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBodyResult> {
  if (!isJsonContentType(request.headers.get("content-type"))) return { ok: false, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" };
  const body = await readBoundedBody(request, maxBytes);
  if (!body.ok) return body.code === "PAYLOAD_TOO_LARGE" ? { ok: false, status: 413, code: "PAYLOAD_TOO_LARGE" } : { ok: false, status: 400, code: "INVALID_JSON" };
  try {
    // fatal: broken UTF-8 is refused rather than turned into U+FFFD; a leading BOM is dropped.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, code: "INVALID_JSON" };
  }
}
