/**
 * Folding for search: lower case, no diacritics, compatibility forms unified
 * ("Crème Brûlée" -> "creme brulee", full-width "ＡＢＣ" -> "abc"). Applied to indexed
 * text and to queries alike, so search is tolerant of accents and case in any script.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Whitespace-separated terms of a folded query, at most `limit`. */
export function searchTerms(query: string, limit = 8): string[] {
  return foldForSearch(query).split(" ").filter(Boolean).slice(0, limit);
}
