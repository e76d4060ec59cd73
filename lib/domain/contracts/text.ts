/**
 * Text normalisation for contract texts. The text a buyer accepts is hashed and kept
 * as evidence, so the same terms and order must give the same bytes on every machine:
 * Unicode NFC, "\n" line endings, no trailing spaces, one final newline.
 */

/** Controls no contract text needs: C0 except tab and newline, DEL and C1. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Explicit directional formatting (embeddings, overrides, isolates, marks). A seller's
 * text must not carry its own: it could reorder the sentence around it. The renderer
 * isolates inserted values itself where the language needs it.
 */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** NFC, "\n" line endings, no BOM, no trailing whitespace on any line, tabs as spaces. */
export function normalizeLines(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    .replace(/\t/g, " ")
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .join("\n");
}

/** A document's text: normalised lines, no leading or trailing blank lines, one final newline. */
export function normalizeDocument(text: string): string {
  return `${normalizeLines(text).replace(/^\n+/, "").replace(/\n+$/, "")}\n`;
}

/**
 * Text someone other than the store wrote (a seller's return policy): normalised, with
 * no control or directional characters, and at most one blank line between paragraphs.
 */
export function cleanForeignText(text: string): string {
  return normalizeLines(text.replace(CONTROLS, (c) => (c === "\r" ? c : "")).replace(BIDI_CONTROLS, ""))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A one-line value (a name, an address line): cleaned as above, every run of whitespace one space. */
export function cleanForeignLine(text: string): string {
  return cleanForeignText(text).replace(/\s+/gu, " ").trim();
}
