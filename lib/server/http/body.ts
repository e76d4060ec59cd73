/**
 * Request bodies read with a size cap: Content-Length is checked first, then the stream
 * is read only up to the cap and abandoned as soon as it passes it, so an oversized or
 * endless body costs at most `maxBytes` of memory. Route handlers never call
 * `request.json()` or `request.formData()` on an unbounded body.
 */

export type BodyResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; code: "PAYLOAD_TOO_LARGE" | "INVALID_BODY" };

/** The body's bytes, or PAYLOAD_TOO_LARGE beyond `maxBytes` (INVALID_BODY when the stream breaks). */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) return { ok: false, code: "PAYLOAD_TOO_LARGE" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        // Stop reading: the rest of the body is never buffered.
        reader.cancel().catch(() => undefined);
        return { ok: false, code: "PAYLOAD_TOO_LARGE" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, code: "INVALID_BODY" };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The media type of a Content-Type value, lower-cased, and its parameters. */
export function mediaType(contentType: string | null): { type: string; params: Map<string, string> } | null {
  if (!contentType) return null;
  const [type, ...rest] = contentType.split(";");
  const params = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1").toLowerCase());
  }
  return { type: type!.trim().toLowerCase(), params };
}
