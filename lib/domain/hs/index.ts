/**
 * Harmonized System (HS 2022) look-up without I/O: a seller types words in their own
 * language, or the start of a code, and gets the chapters and four-digit headings that
 * fit, best first. The nomenclature itself is data (data/hs/, see data/hs/SOURCE.md);
 * only chapters and headings are there, never 6-digit subheadings or national codes.
 */
import chaptersJson from "@/data/hs/chapters.json";
import headingsJson from "@/data/hs/headings.json";
import { LOCALES, type Locale } from "@/lib/domain/markets";
import { foldForSearch } from "@/lib/domain/search/fold";

/** One text per store locale; English is always there, the others may be missing. */
export type LocaleTexts = { en: string } & Partial<Record<Exclude<Locale, "en">, string>>;

export interface HsEntry {
  /** "82" for a chapter, "8211" for a heading. */
  code: string;
  description: LocaleTexts;
  /** Everyday search words per locale, space-separated ("messer küchenmesser"). */
  words: Partial<Record<Locale, string>>;
  /** Chapter 77 is reserved for future use and never found. */
  reserved?: boolean;
}

type RawEntry = { code: string; words?: Partial<Record<Locale, string>>; reserved?: boolean } & Partial<Record<Locale, string>>;

function toEntry(raw: RawEntry): HsEntry {
  const description: LocaleTexts = { en: raw.en ?? "" };
  for (const locale of LOCALES) {
    const text = raw[locale];
    if (locale !== "en" && typeof text === "string" && text.length > 0) description[locale] = text;
  }
  return { code: raw.code, description, words: raw.words ?? {}, ...(raw.reserved ? { reserved: true } : {}) };
}

export const HS_CHAPTERS: readonly HsEntry[] = (chaptersJson as RawEntry[]).map(toEntry);
export const HS_HEADINGS: readonly HsEntry[] = (headingsJson as RawEntry[]).map(toEntry);

/** Queries longer than this (in characters, after trimming) are refused. */
export const HS_QUERY_MAX = 80;
/** At most this many results. */
export const HS_RESULTS_MAX = 20;

/** Refusals of a query, translated under messages `panel.error.<code>`. */
export const HS_QUERY_ERRORS = ["HS_QUERY_EMPTY", "HS_QUERY_TOO_LONG", "HS_LOCALE_UNKNOWN"] as const;
export type HsQueryError = Exclude<(typeof HS_QUERY_ERRORS)[number], "HS_LOCALE_UNKNOWN">;

export interface HsText {
  text: string;
  /** True when the locale has no text and this is the English one. */
  english: boolean;
}

export interface HsResult {
  code: string;
  kind: "heading" | "chapter";
  description: HsText;
  chapter: { code: string; description: HsText };
}

export type HsSearchResult = { ok: true; query: string; results: HsResult[] } | { ok: false; code: HsQueryError };

function textIn(entry: HsEntry, locale: Locale): HsText {
  const text = entry.description[locale];
  return text ? { text, english: false } : { text: entry.description.en, english: true };
}

/** Scripts written without spaces between words: matched as substrings. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;

interface Indexed {
  entry: HsEntry;
  kind: "heading" | "chapter";
  /** Folded words and whole folded text, per locale: search words, then description. */
  words: Map<Locale, { words: string[]; text: string }>;
  description: Map<Locale, { words: string[]; text: string }>;
}

function folded(text: string | undefined): { words: string[]; text: string } {
  const f = foldForSearch(text ?? "");
  return { words: f.split(" ").filter(Boolean), text: f };
}

function index(entry: HsEntry, kind: "heading" | "chapter"): Indexed {
  const words = new Map<Locale, { words: string[]; text: string }>();
  const description = new Map<Locale, { words: string[]; text: string }>();
  for (const locale of LOCALES) {
    words.set(locale, folded(entry.words[locale]));
    description.set(locale, folded(entry.description[locale]));
  }
  return { entry, kind, words, description };
}

let indexCache: Indexed[] | null = null;
function allIndexed(): Indexed[] {
  indexCache ??= [
    ...HS_HEADINGS.map((h) => index(h, "heading")),
    ...HS_CHAPTERS.filter((c) => !c.reserved).map((c) => index(c, "chapter")),
  ];
  return indexCache;
}

/**
 * How well one folded term matches one folded text: 3 a whole word, 2 the start of a
 * word ("kaf" in "kaffee"), 1 inside a word of four letters or more ("messer" in
 * "taschenmesser", "سكين" in "السكين"), 0 not at all. Chinese and Japanese terms match
 * anywhere in the text, as those scripts have no spaces between words.
 */
function termScore(term: string, field: { words: string[]; text: string }): number {
  if (field.text.length === 0) return 0;
  if (UNSPACED.test(term)) {
    if (field.words.includes(term)) return 3;
    return field.text.includes(term) ? 2 : 0;
  }
  let best = 0;
  for (const word of field.words) {
    if (word === term) return 3;
    if (word.startsWith(term)) best = Math.max(best, 2);
    else if (term.length >= 4 && word.includes(term)) best = Math.max(best, 1);
  }
  return best;
}

/**
 * One term against one entry: the locale's search words weigh most, then its
 * description, then the English words and description (a seller may type "coffee"
 * in any language).
 */
function entryTermScore(item: Indexed, term: string, locale: Locale): number {
  const own = Math.max(termScore(term, item.words.get(locale)!) * 4, termScore(term, item.description.get(locale)!) * 3);
  if (own > 0 || locale === "en") return own;
  return Math.max(termScore(term, item.words.get("en")!), termScore(term, item.description.get("en")!));
}

const chapterOf = new Map<string, HsEntry>();
function chapterEntry(code: string): HsEntry {
  if (chapterOf.size === 0) for (const c of HS_CHAPTERS) chapterOf.set(c.code, c);
  return chapterOf.get(code.slice(0, 2)) ?? { code: code.slice(0, 2), description: { en: "" }, words: {} };
}

function toResult(item: Indexed, locale: Locale): HsResult {
  const chapter = chapterEntry(item.entry.code);
  return { code: item.entry.code, kind: item.kind, description: textIn(item.entry, locale), chapter: { code: chapter.code, description: textIn(chapter, locale) } };
}

/** A query made only of digits with optional dots or spaces ("8211", "82", "8211.10"). */
const CODE_QUERY = /^\d[\d.\s]*$/;

export function parseHsQuery(query: unknown): { ok: true; query: string } | { ok: false; code: HsQueryError } {
  const trimmed = typeof query === "string" ? query.trim() : "";
  if ([...trimmed].length > HS_QUERY_MAX) return { ok: false, code: "HS_QUERY_TOO_LONG" };
  if (foldForSearch(trimmed).length === 0) return { ok: false, code: "HS_QUERY_EMPTY" };
  return { ok: true, query: trimmed };
}

/**
 * Chapters and headings for what a seller typed, in `locale`:
 *
 * - digits: the code and everything under it ("82" the chapter and its headings,
 *   "8211" or "8211.10" the heading), the exact code first;
 * - words: entries matching every word, headings before chapters, better matches first
 *   (the locale's search words, then its description, then English), then by code.
 *
 * At most HS_RESULTS_MAX results. Empty or over-long queries are refused with a code.
 */
export function searchHs(locale: Locale, query: unknown): HsSearchResult {
  const parsed = parseHsQuery(query);
  if (!parsed.ok) return parsed;
  const items = allIndexed();
  if (CODE_QUERY.test(parsed.query)) {
    const digits = parsed.query.replace(/\D/g, "");
    const heading = digits.slice(0, 4);
    const matches = items
      .filter((item) => (item.kind === "chapter" ? item.entry.code.startsWith(digits.slice(0, 2)) && digits.length <= 2 : item.entry.code.startsWith(heading)))
      .map((item) => ({ item, rank: item.entry.code === heading ? 0 : item.kind === "chapter" ? 1 : 2 }))
      .sort((a, b) => a.rank - b.rank || a.item.entry.code.localeCompare(b.item.entry.code));
    return { ok: true, query: parsed.query, results: matches.slice(0, HS_RESULTS_MAX).map((m) => toResult(m.item, locale)) };
  }
  const terms = [...new Set(foldForSearch(parsed.query).split(" ").filter(Boolean))].slice(0, 8);
  const matches: { item: Indexed; score: number }[] = [];
  for (const item of items) {
    let score = 0;
    for (const term of terms) {
      const one = entryTermScore(item, term, locale);
      if (one === 0) {
        score = 0;
        break;
      }
      score += one;
    }
    if (score > 0) matches.push({ item, score });
  }
  matches.sort(
    (a, b) => (a.item.kind === b.item.kind ? 0 : a.item.kind === "heading" ? -1 : 1) || b.score - a.score || a.item.entry.code.localeCompare(b.item.entry.code),
  );
  return { ok: true, query: parsed.query, results: matches.slice(0, HS_RESULTS_MAX).map((m) => toResult(m.item, locale)) };
}
