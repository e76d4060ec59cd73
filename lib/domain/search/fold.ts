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

/** Scripts written without spaces between words: indexed as single characters and pairs. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/u;
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/gu;

/**
 * The tokens a text is indexed under: its folded words, with every run of Chinese or
 * Japanese characters also split into single characters and overlapping pairs
 * ("お茶の" -> お, 茶, の, お茶, 茶の). A query of one or two characters is then a
 * lookup in the full-text index, and a longer one the conjunction of its pairs: no
 * substring scan of every translation.
 */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of foldForSearch(text).split(" ").filter(Boolean)) {
    if (!UNSPACED.test(word)) {
      tokens.push(word);
      continue;
    }
    for (const run of word.match(UNSPACED_RUN) ?? []) {
      if (!UNSPACED.test(run)) {
        tokens.push(run);
        continue;
      }
      const chars = [...run];
      tokens.push(...chars);
      for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
    }
  }
  return tokens;
}

/** The text stored for indexing (`to_tsvector('simple', …)` splits it on spaces). */
export function searchDocument(text: string): string {
  return searchTokens(text).join(" ");
}

/**
 * A `to_tsquery('simple', …)` expression for what a buyer typed, or "" when nothing
 * searchable is left: every word must match; Latin-script words as prefixes ("kaf"
 * finds "kaffee"), Chinese and Japanese by their single character or their pairs.
 */
export function searchQuery(query: string, limit = 8): string {
  const parts: string[] = [];
  for (const term of searchTerms(query, limit)) {
    for (const run of term.match(UNSPACED_RUN) ?? []) {
      if (!UNSPACED.test(run)) {
        parts.push(`${run}:*`);
        continue;
      }
      const chars = [...run];
      if (chars.length === 1) parts.push(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) parts.push(chars[i]! + chars[i + 1]!);
    }
  }
  return [...new Set(parts)].join(" & ");
}
