/**
 * What the seller panel accepts as a catalogue file before it queues an import: UTF-8
 * text (a byte-order mark allowed) of at most 10 MB whose first record names the
 * catalogue's columns. Pure: the rows themselves are judged by the import
 * (parseCatalogueCsv), row by row, with line numbers.
 */
import { readCsvRecords } from "@/lib/domain/catalogue/csv";

/** 10 MB: about 20,000 variants with descriptions in several languages. */
export const MAX_CATALOGUE_BYTES = 10 * 1024 * 1024;

export type UploadErrorCode = "IMPORT_FILE_MISSING" | "IMPORT_FILE_TOO_LARGE" | "IMPORT_NOT_UTF8" | "IMPORT_NOT_CSV";
export type UploadCheck = { ok: true; text: string; bytes: number } | { ok: false; code: UploadErrorCode };

/** Control characters no text file holds (NUL and the like): a spreadsheet's binary format, an image. */
const BINARY = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;

export function checkCatalogueUpload(bytes: Uint8Array | null): UploadCheck {
  if (!bytes || bytes.length === 0) return { ok: false, code: "IMPORT_FILE_MISSING" };
  if (bytes.length > MAX_CATALOGUE_BYTES) return { ok: false, code: "IMPORT_FILE_TOO_LARGE" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, code: "IMPORT_NOT_UTF8" };
  }
  if (BINARY.test(text)) return { ok: false, code: "IMPORT_NOT_CSV" };
  // The header alone decides whether this is a catalogue file; only its first line is read.
  const end = text.search(/\r|\n/);
  const header = readCsvRecords(end < 0 ? text : text.slice(0, end)).records[0];
  if (!header || !header.cells.some((c) => c.trim() === "sku")) return { ok: false, code: "IMPORT_NOT_CSV" };
  return { ok: true, text, bytes: bytes.length };
}
