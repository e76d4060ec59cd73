/**
 * Where to send the buyer back after a form post: a path on this origin, never another
 * host. Each candidate (the form's `returnTo`, then the Referer) is judged the way a
 * browser will resolve it: parsed as a WHATWG URL against this origin, and kept only when
 * the result is still this origin. Control characters and backslashes are refused before
 * parsing (browsers strip tabs and newlines and read `\` as `/`, which turns
 * `/\t/evil.example` or `/\evil.example` into another host). The answer is the parsed
 * pathname and query: percent-encoded ASCII, safe in a Location header.
 */

const MAX_LENGTH = 2000;
// C0 controls, DEL, C1 controls, and the backslash.
const REFUSED = /[\u0000-\u001f\u007f-\u009f\\]/;

/** `value` as a same-origin path with its query, or null. */
export function sameOriginPath(value: unknown, origin: string, { pathOnly }: { pathOnly: boolean }): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH || REFUSED.test(value)) return null;
  // A form's returnTo is a path; a Referer is always an absolute URL.
  if (pathOnly && !value.startsWith("/")) return null;
  let url: URL;
  try {
    url = pathOnly ? new URL(value, origin) : new URL(value);
  } catch {
    return null;
  }
  if (url.origin !== origin || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  const path = url.pathname + url.search;
  // Dot segments can collapse into "//host" ("/.//evil.example"), which a browser reads as another host.
  if (path.startsWith("//") || path.length > MAX_LENGTH || !/^\/[\x21-\x7e]*$/.test(path)) return null;
  return path;
}

/**
 * The requested path when it is a same-origin path, else the referring page when it is
 * on this origin, else `fallback` (the locale's home page).
 */
export function safeReturnPath(requested: unknown, referer: string | null, origin: string, fallback: string): string {
  return sameOriginPath(requested, origin, { pathOnly: true }) ?? sameOriginPath(referer, origin, { pathOnly: false }) ?? fallback;
}
