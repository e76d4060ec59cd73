/**
 * The published terms of sale, read from `terms/<jurisdiction>/<version>/` once per
 * process: `version.json` (`{ "id": "EU-2026-12-01", "effective": "2026-12-01" }`) and
 * one `<locale>.md` per locale. A malformed tree stops the first caller with one line
 * per problem. A published version never changes: its text is the file's bytes, which
 * terms.test.ts pins by SHA-256; new wording is a new version folder with a later
 * effective date.
 */
import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  checkVersions,
  isJurisdiction,
  normalizeDocument,
  pickVersion,
  textOf,
  TermsFormatError,
  type Jurisdiction,
  type TermsText,
  type TermsVersion,
} from "@/lib/domain/contracts";
import { isLocale, LOCALES, type Locale } from "@/lib/domain/markets";

/** Where the published terms live (the project root's `terms/`). */
export const TERMS_ROOT = path.join(process.cwd(), "terms");

const versionFile = z.strictObject({ id: z.string().min(1), effective: z.string() });

/** Hex SHA-256 of the UTF-8 bytes of `text` (what the evidence record keeps as `textSha256`). */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function entries(dir: string): fs.Dirent[] {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Reads and checks every version under `root`. Throws `TermsFormatError` listing every
 * problem: an unknown jurisdiction folder or file, a missing or malformed version.json,
 * a missing locale, a text that is not normalised (NFC, "\n", one final newline) or
 * breaks the terms format, placeholders that differ between locales.
 */
export function loadTermsTree(root: string = TERMS_ROOT): TermsVersion[] {
  if (!fs.existsSync(root)) throw new TermsFormatError([`no terms folder at ${root}`], "terms");
  const problems: string[] = [];
  const versions: TermsVersion[] = [];
  for (const jurisdictionEntry of entries(root)) {
    const jurisdiction = jurisdictionEntry.name;
    if (!jurisdictionEntry.isDirectory() || !isJurisdiction(jurisdiction)) {
      problems.push(`${jurisdiction}: not a jurisdiction folder (EU, UK, US, AU, ROW)`);
      continue;
    }
    for (const versionEntry of entries(path.join(root, jurisdiction))) {
      const where = `${jurisdiction}/${versionEntry.name}`;
      if (!versionEntry.isDirectory()) {
        problems.push(`${where}: not a version folder`);
        continue;
      }
      const dir = path.join(root, jurisdiction, versionEntry.name);
      const version = readVersion(dir, where, jurisdiction, problems);
      if (version) versions.push(version);
    }
  }
  if (problems.length) throw new TermsFormatError(problems, `terms (${root})`);
  try {
    checkVersions(versions);
  } catch (error) {
    if (error instanceof TermsFormatError) throw new TermsFormatError(error.problems, `terms (${root})`);
    throw error;
  }
  return versions;
}

function readVersion(dir: string, where: string, jurisdiction: Jurisdiction, problems: string[]): TermsVersion | undefined {
  let meta: z.infer<typeof versionFile> | undefined;
  try {
    const parsed = versionFile.safeParse(JSON.parse(fs.readFileSync(path.join(dir, "version.json"), "utf8")));
    if (parsed.success) meta = parsed.data;
    else problems.push(`${where}/version.json: expected { "id": string, "effective": "YYYY-MM-DD" } (${parsed.error.issues.map((i) => i.message).join(", ")})`);
  } catch (error) {
    problems.push(`${where}/version.json: ${error instanceof Error ? error.message : String(error)}`);
  }
  const texts: Partial<Record<Locale, string>> = {};
  for (const file of entries(dir)) {
    if (file.name === "version.json") continue;
    const locale = file.name.endsWith(".md") ? file.name.slice(0, -3) : "";
    if (!file.isFile() || !isLocale(locale)) {
      problems.push(`${where}/${file.name}: unexpected file (a version holds version.json and ${LOCALES.map((l) => `${l}.md`).join(", ")})`);
      continue;
    }
    const text = fs.readFileSync(path.join(dir, file.name), "utf8");
    if (text !== normalizeDocument(text)) problems.push(`${where}/${file.name}: not normalised (Unicode NFC, "\\n" line endings, no trailing spaces, one final newline)`);
    texts[locale] = text;
  }
  if (!meta) return undefined;
  return { id: meta.id, jurisdiction, effective: meta.effective, texts };
}

let loaded: readonly TermsVersion[] | undefined;

function versions(): readonly TermsVersion[] {
  loaded ??= Object.freeze(loadTermsTree().map((version) => Object.freeze({ ...version, texts: Object.freeze({ ...version.texts }) })));
  return loaded;
}

/** Every published version, oldest first within each jurisdiction. */
export function termsVersions(): { id: string; jurisdiction: Jurisdiction; effective: string }[] {
  return versions()
    .map(({ id, jurisdiction, effective }) => ({ id, jurisdiction, effective }))
    .sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.effective.localeCompare(b.effective));
}

/** Thrown when no version is in force, or a version id is unknown. */
export class TermsNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TermsNotFoundError";
  }
}

/**
 * The terms in force for `jurisdiction` on `date` (read as a UTC day), in `locale`
 * (English marked `fallback` when the version has no text in it).
 */
export function termsInForce(jurisdiction: Jurisdiction, locale: Locale, date: Date | string = new Date()): TermsText {
  const text = pickVersion(versions(), jurisdiction, locale, date);
  if (!text) throw new TermsNotFoundError(`no ${jurisdiction} terms in force on ${typeof date === "string" ? date : date.toISOString()}`);
  return text;
}

/** One version's text by id ("EU-2026-12-01"), as published: what a buyer accepted under it. */
export function termsVersion(id: string, locale: Locale): TermsText {
  const version = versions().find((candidate) => candidate.id === id);
  const text = version && textOf(version, locale);
  if (!text) throw new TermsNotFoundError(`no terms version ${id}`);
  return text;
}
