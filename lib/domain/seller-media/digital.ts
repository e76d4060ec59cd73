/**
 * What a digital product delivers, without I/O: the file's limits and the name it is
 * kept under, and the licence keys a seller pastes (one per line).
 */

/** The largest file a digital product may deliver. */
export const DIGITAL_FILE_MAX_BYTES = 50 * 1024 * 1024;
/** Keys one paste may add; more lines are refused as a whole. */
export const LICENCE_KEYS_PER_PASTE = 1000;
export const LICENCE_KEY_MAX = 200;

export type DigitalFileRefusal = "MEDIA_FILE_MISSING" | "DIGITAL_FILE_TOO_LARGE";
export type LicenceKeyRefusal = "LICENCE_KEYS_EMPTY" | "LICENCE_KEYS_TOO_MANY" | "LICENCE_KEY_INVALID";

export function checkDigitalFile(file: { name: string; declaredType: string; bytes: Uint8Array } | null):
  | { ok: true; fileName: string; mimeType: string; byteSize: number }
  | { ok: false; code: DigitalFileRefusal } {
  if (!file || file.bytes.length === 0) return { ok: false, code: "MEDIA_FILE_MISSING" };
  if (file.bytes.length > DIGITAL_FILE_MAX_BYTES) return { ok: false, code: "DIGITAL_FILE_TOO_LARGE" };
  return { ok: true, fileName: safeFileName(file.name), mimeType: safeMediaType(file.declaredType), byteSize: file.bytes.length };
}

/**
 * The name a buyer's download is offered under: the last part of what the browser sent,
 * without control characters, quotes or path separators, at most 200 characters.
 */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? "";
  const cleaned = last.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim().replace(/^\.+/, "");
  return cleaned.slice(0, 200) || "download";
}

/** The declared type when it looks like one (`type/subtype`), else a generic one: it only labels the download. */
export function safeMediaType(declared: string): string {
  const type = declared.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(type) ? type : "application/octet-stream";
}

/**
 * The keys of a paste: one per line, trimmed, blank lines skipped, repeats within the
 * paste kept once (first seen). A key longer than LICENCE_KEY_MAX or with a control
 * character refuses the whole paste, so nothing is half added.
 */
export function parseLicenceKeys(text: string | null): { ok: true; keys: string[] } | { ok: false; code: LicenceKeyRefusal } {
  const lines = (text ?? "").split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return { ok: false, code: "LICENCE_KEYS_EMPTY" };
  if (lines.length > LICENCE_KEYS_PER_PASTE) return { ok: false, code: "LICENCE_KEYS_TOO_MANY" };
  if (lines.some((key) => key.length > LICENCE_KEY_MAX || /[\u0000-\u001f\u007f]/.test(key))) return { ok: false, code: "LICENCE_KEY_INVALID" };
  return { ok: true, keys: [...new Set(lines)] };
}

/** The sealing context of a product's licence keys: a key sealed for one product does not open as another's. */
export const licenceKeyContext = (productId: string) => `product:${productId}:licence-key`;
