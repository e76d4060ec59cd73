/**
 * Terms of sale as versioned documents: one version per jurisdiction and effective
 * date, one text per locale. A text is a small Markdown subset the renderer fills
 * (`parseTerms`); a version is in force from its effective date (a UTC calendar day)
 * until the next version of the same jurisdiction (`pickVersion`).
 *
 * The Markdown subset, line by line:
 * - `# Title` once, first;
 * - `## Heading` starts a section, `### Heading` a sub-heading inside it;
 * - `- text` a list item;
 * - no `> ` quotes: the renderer quotes each seller's return policy with them;
 * - `{{name}}` alone on a line: a block the renderer fills for the order (see PLACEHOLDERS);
 * - any other line: paragraph text; consecutive lines form one paragraph (kept as lines);
 * - blank lines separate blocks.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/domain/markets";
import type { Jurisdiction } from "./jurisdiction";
import { normalizeDocument } from "./text";

/** The blocks the renderer fills, each required exactly once in every text. */
export const PLACEHOLDERS = ["parties", "withdrawal", "returnPolicies"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type TermsBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "item"; text: string }
  | { kind: "subheading"; text: string }
  /** Someone else's words quoted as they wrote them (a seller's return policy). */
  | { kind: "quote"; text: string }
  | { kind: "placeholder"; name: Placeholder };

export interface TermsSection {
  heading: string;
  blocks: TermsBlock[];
}

export interface ParsedTerms {
  title: string;
  /** Blocks between the title and the first section. */
  preamble: TermsBlock[];
  sections: TermsSection[];
}

/** A text that breaks the rules above; `problems` has one line per problem. */
export class TermsFormatError extends Error {
  constructor(
    readonly problems: readonly string[],
    where = "terms",
  ) {
    super(`${where}: ${problems.join("; ")}`);
    this.name = "TermsFormatError";
  }
}

const PLACEHOLDER_LINE = /^\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}$/;
const ANY_PLACEHOLDER = /\{\{[^}]*\}\}/;

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * Parses one text. Throws `TermsFormatError` listing every problem: no title, a
 * placeholder inside a sentence, an unknown, missing or repeated placeholder.
 */
export function parseTerms(source: string, where?: string): ParsedTerms {
  const lines = normalizeDocument(source).split("\n");
  const problems: string[] = [];
  const seen = new Map<Placeholder, number>();
  let title: string | undefined;
  const preamble: TermsBlock[] = [];
  const sections: TermsSection[] = [];
  let paragraph: string[] = [];

  const target = () => sections.at(-1)?.blocks ?? preamble;
  const flush = () => {
    if (paragraph.length) target().push({ kind: "paragraph", text: paragraph.join("\n") });
    paragraph = [];
  };

  lines.forEach((line, index) => {
    const at = `line ${index + 1}`;
    if (line.trim() === "") return flush();
    if (title === undefined) {
      title = line.startsWith("# ") ? line.slice(2).trim() : "";
      if (!title) problems.push(`${at}: the text must start with a "# " title`);
      return;
    }
    const placeholder = PLACEHOLDER_LINE.exec(line.trim());
    if (placeholder) {
      flush();
      const name = placeholder[1]!;
      if (!isPlaceholder(name)) problems.push(`${at}: unknown placeholder {{${name}}} (known: ${PLACEHOLDERS.join(", ")})`);
      else {
        seen.set(name, (seen.get(name) ?? 0) + 1);
        target().push({ kind: "placeholder", name });
      }
      return;
    }
    if (ANY_PLACEHOLDER.test(line)) problems.push(`${at}: a placeholder must stand alone on its line`);
    if (line.startsWith("## ")) {
      flush();
      sections.push({ heading: line.slice(3).trim(), blocks: [] });
    } else if (line.startsWith("### ")) {
      flush();
      target().push({ kind: "subheading", text: line.slice(4).trim() });
    } else if (line.startsWith("# ")) {
      problems.push(`${at}: only one "# " title`);
    } else if (line.startsWith("- ")) {
      flush();
      target().push({ kind: "item", text: line.slice(2).trim() });
    } else if (line === ">" || line.startsWith("> ")) {
      problems.push(`${at}: "> " quotes are for sellers' own words, written by the renderer`);
    } else {
      paragraph.push(line.trim());
    }
  });
  flush();

  if (title === undefined) problems.push("the text is empty");
  for (const name of PLACEHOLDERS) {
    const count = seen.get(name) ?? 0;
    if (count === 0) problems.push(`placeholder {{${name}}} is missing`);
    if (count > 1) problems.push(`placeholder {{${name}}} appears ${count} times`);
  }
  if (problems.length) throw new TermsFormatError(problems, where);
  return { title: title!, preamble, sections };
}

/** The placeholders a text uses, in the order they appear. */
export function placeholdersOf(source: string): string[] {
  return normalizeDocument(source)
    .split("\n")
    .map((line) => PLACEHOLDER_LINE.exec(line.trim())?.[1])
    .filter((name): name is string => name !== undefined);
}

/** One version of a jurisdiction's terms: the source text of each locale. */
export interface TermsVersion {
  /** "EU-2026-12-01" */
  id: string;
  jurisdiction: Jurisdiction;
  /** UTC calendar day (YYYY-MM-DD) from which the version is in force. */
  effective: string;
  texts: Partial<Record<Locale, string>>;
}

/** The text of one version in one locale, as the renderer takes it. */
export interface TermsText {
  id: string;
  jurisdiction: Jurisdiction;
  effective: string;
  /** The language of `source`: the buyer's, or English when the version has no text in theirs. */
  locale: Locale;
  /** The buyer's locale the text was picked for. */
  requestedLocale: Locale;
  /** True when `source` is the English text standing in for the buyer's language. */
  fallback: boolean;
  /** The version's text exactly as published (normalised: NFC, "\n"). */
  source: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD string that names a real calendar day. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The UTC calendar day of an instant, or a YYYY-MM-DD day as given. */
function calendarDay(date: Date | string): string {
  if (typeof date === "string") {
    if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    return date;
  }
  if (Number.isNaN(date.getTime())) throw new RangeError("invalid date");
  return date.toISOString().slice(0, 10);
}

/** The version of `jurisdiction` in force on `date` (the latest effective on or before it), if any. */
export function versionInForce<V extends Pick<TermsVersion, "jurisdiction" | "effective">>(
  versions: readonly V[],
  jurisdiction: Jurisdiction,
  date: Date | string,
): V | undefined {
  const day = calendarDay(date);
  let best: V | undefined;
  for (const version of versions) {
    if (version.jurisdiction !== jurisdiction || version.effective > day) continue;
    if (!best || version.effective > best.effective) best = version;
  }
  return best;
}

/** A version's text in `locale`, else its English text marked `fallback`. Undefined when it has neither. */
export function textOf(version: TermsVersion, locale: Locale): TermsText | undefined {
  const own = version.texts[locale];
  const source = own ?? version.texts[DEFAULT_LOCALE];
  if (source === undefined) return undefined;
  return {
    id: version.id,
    jurisdiction: version.jurisdiction,
    effective: version.effective,
    locale: own !== undefined ? locale : DEFAULT_LOCALE,
    requestedLocale: locale,
    fallback: own === undefined,
    source: normalizeDocument(source),
  };
}

/**
 * The terms in force on `date` (an instant, read as its UTC day, or a YYYY-MM-DD day) for
 * `jurisdiction`, in `locale` or else in English marked `fallback: true`. Undefined when
 * no version is in force yet.
 */
export function pickVersion(
  versions: readonly TermsVersion[],
  jurisdiction: Jurisdiction,
  locale: Locale,
  date: Date | string,
): TermsText | undefined {
  const version = versionInForce(versions, jurisdiction, date);
  return version && textOf(version, locale);
}

/**
 * Checks a set of versions as published: ids unique and prefixed by their jurisdiction,
 * one version per jurisdiction and day, every locale present, every text well formed,
 * the same placeholders in every locale of a version. Throws `TermsFormatError` listing
 * every problem.
 */
export function checkVersions(versions: readonly TermsVersion[]): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  const days = new Set<string>();
  for (const version of versions) {
    const where = version.id;
    if (ids.has(version.id)) problems.push(`${where}: the id is used twice`);
    ids.add(version.id);
    if (!version.id.startsWith(`${version.jurisdiction}-`)) problems.push(`${where}: the id must start with "${version.jurisdiction}-"`);
    if (!isIsoDate(version.effective)) problems.push(`${where}: effective "${version.effective}" is not a YYYY-MM-DD date`);
    const day = `${version.jurisdiction} ${version.effective}`;
    if (days.has(day)) problems.push(`${where}: another ${version.jurisdiction} version takes effect on ${version.effective}`);
    days.add(day);

    const reference = version.texts[DEFAULT_LOCALE];
    const expected = reference === undefined ? undefined : placeholdersOf(reference).join(",");
    for (const locale of LOCALES) {
      const text = version.texts[locale];
      if (text === undefined) {
        problems.push(`${where}: no ${locale} text`);
        continue;
      }
      try {
        parseTerms(text, `${where}/${locale}`);
      } catch (error) {
        if (error instanceof TermsFormatError) problems.push(error.message);
        else throw error;
      }
      const used = placeholdersOf(text).join(",");
      if (expected !== undefined && used !== expected) {
        problems.push(`${where}/${locale}: placeholders ${used || "(none)"} differ from English's ${expected || "(none)"}`);
      }
    }
  }
  if (problems.length) throw new TermsFormatError(problems, "terms");
}
