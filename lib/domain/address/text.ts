/**
 * One cleaning for every text a buyer types into an address, a phone or an email:
 * NFC-normalised, trimmed, inner whitespace collapsed to one space, bounded, and
 * refused when it holds characters that have no place in a postal address.
 */

export const ADDRESS_ERROR_CODES = [
  "REQUIRED",
  "TOO_LONG",
  "INVALID_CHARACTERS",
  "INVALID_VALUE",
  "INVALID_POSTAL_CODE",
  "INVALID_REGION",
  "INVALID_PHONE",
  "INVALID_EMAIL",
  "UNSUPPORTED_COUNTRY",
] as const;
export type AddressErrorCode = (typeof ADDRESS_ERROR_CODES)[number];

/** A parsed value, or why it was refused (a code the UI translates: `address.error.<code>`). */
export type FieldResult = { ok: true; value: string } | { ok: false; code: AddressErrorCode };

/**
 * Refused: control characters (C0, DEL, C1) other than the whitespace that collapses
 * below, lone surrogates, line and paragraph separators, and the bidirectional
 * embedding, override and isolate controls (they can make a printed label read
 * differently from what was stored). Joiners (U+200C, U+200D) stay: some scripts need them.
 */
const FORBIDDEN = /[\p{Cc}\p{Cs}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** Invisible marks a keyboard or a copy may add, dropped: zero-width space, byte-order mark, LRM, RLM, ALM. */
const INVISIBLE = /[\u200B\uFEFF\u200E\u200F\u061C]/gu;

/** Tabs and line breaks from a paste count as spaces; they collapse with the rest. */
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085]/g;

/**
 * `raw` as clean text of at most `maxLength` code points; "" when absent or blank.
 * Anything but a string (or undefined/null) is INVALID_VALUE: a form posts strings only.
 */
export function cleanText(raw: unknown, maxLength: number): FieldResult {
  if (raw === undefined || raw === null) return { ok: true, value: "" };
  if (typeof raw !== "string") return { ok: false, code: "INVALID_VALUE" };
  // Refuse the absurd before normalising it; NFC can at most triple a string's length.
  if (raw.length > maxLength * 4 + 64) return { ok: false, code: "TOO_LONG" };
  const text = raw.replace(WHITESPACE_CONTROLS, " ").normalize("NFC");
  if (FORBIDDEN.test(text)) return { ok: false, code: "INVALID_CHARACTERS" };
  const value = text.replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
  if ([...value].length > maxLength) return { ok: false, code: "TOO_LONG" };
  return { ok: true, value };
}

/** A key for matching names loosely: no accents, no case, no spaces or dots ("São Paulo" = "sao paulo"). */
export function looseKey(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[\s.\-'’]/gu, "");
}
