import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, writeCsvRecords } from "./csv";
import { checkCatalogueUpload, MAX_CATALOGUE_BYTES } from "./upload";

const utf8 = (s: string) => new TextEncoder().encode(s);
const file = writeCsvRecords([CSV_COLUMNS, CSV_COLUMNS.map(() => "Größe")]);

describe("checkCatalogueUpload", () => {
  it("accepts a catalogue file in UTF-8, with or without a byte-order mark", () => {
    expect(checkCatalogueUpload(utf8(file))).toEqual({ ok: true, text: file, bytes: utf8(file).length });
    const withBom = checkCatalogueUpload(utf8("\uFEFF" + file));
    expect(withBom.ok && withBom.text.startsWith("\uFEFFsku,")).toBe(true);
  });

  it("refuses no file, an empty one and one over 10 MB", () => {
    expect(checkCatalogueUpload(null)).toEqual({ ok: false, code: "IMPORT_FILE_MISSING" });
    expect(checkCatalogueUpload(new Uint8Array())).toEqual({ ok: false, code: "IMPORT_FILE_MISSING" });
    const big = new Uint8Array(MAX_CATALOGUE_BYTES + 1).fill(0x61);
    expect(checkCatalogueUpload(big)).toEqual({ ok: false, code: "IMPORT_FILE_TOO_LARGE" });
  });

  it("refuses text that is not UTF-8 (Latin-1 from an old spreadsheet)", () => {
    expect(checkCatalogueUpload(new Uint8Array([0x73, 0x6b, 0x75, 0x2c, 0x47, 0x72, 0xf6, 0xdf, 0x65]))).toEqual({ ok: false, code: "IMPORT_NOT_UTF8" });
  });

  it("refuses binary content and text without the catalogue's header", () => {
    // The start of a zip (an .xlsx workbook) is valid UTF-8 but holds control bytes.
    expect(checkCatalogueUpload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ ok: false, code: "IMPORT_NOT_CSV" });
    expect(checkCatalogueUpload(utf8("name,price\r\nKnife,12.00\r\n"))).toEqual({ ok: false, code: "IMPORT_NOT_CSV" });
    expect(checkCatalogueUpload(utf8("Just a letter to the shop."))).toEqual({ ok: false, code: "IMPORT_NOT_CSV" });
  });
});
