import { describe, expect, it } from "vitest";
import { checkDigitalFile, DIGITAL_FILE_MAX_BYTES, licenceKeyContext, parseLicenceKeys, safeFileName, safeMediaType } from "./digital";

describe("checkDigitalFile", () => {
  const file = (size: number, name = "guide.pdf", declaredType = "application/pdf") => ({ name, declaredType, bytes: new Uint8Array(size) });

  it("accepts any type up to 50 MB", () => {
    expect(checkDigitalFile(file(DIGITAL_FILE_MAX_BYTES))).toEqual({ ok: true, fileName: "guide.pdf", mimeType: "application/pdf", byteSize: DIGITAL_FILE_MAX_BYTES });
  });

  it("refuses a missing, empty or larger file", () => {
    expect(checkDigitalFile(null)).toEqual({ ok: false, code: "MEDIA_FILE_MISSING" });
    expect(checkDigitalFile(file(0))).toEqual({ ok: false, code: "MEDIA_FILE_MISSING" });
    expect(checkDigitalFile(file(DIGITAL_FILE_MAX_BYTES + 1))).toEqual({ ok: false, code: "DIGITAL_FILE_TOO_LARGE" });
  });

  it("keeps only a safe last part of the name and a well-formed type", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\me\\Tea guide.pdf")).toBe("Tea guide.pdf");
    expect(safeFileName("..hidden\u0000\".zip")).toBe("hidden.zip");
    expect(safeFileName("")).toBe("download");
    expect(safeMediaType("application/zip")).toBe("application/zip");
    expect(safeMediaType("text/html\r\nX-Evil: 1")).toBe("application/octet-stream");
    expect(safeMediaType("")).toBe("application/octet-stream");
  });
});

describe("parseLicenceKeys", () => {
  it("takes one key a line, trimmed, blank lines skipped, repeats once", () => {
    expect(parseLicenceKeys(" AAAA-1111 \r\n\nBBBB-2222\rAAAA-1111\n")).toEqual({ ok: true, keys: ["AAAA-1111", "BBBB-2222"] });
  });

  it("refuses an empty paste, too many keys, or one bad key (nothing half added)", () => {
    expect(parseLicenceKeys(null)).toEqual({ ok: false, code: "LICENCE_KEYS_EMPTY" });
    expect(parseLicenceKeys(" \n \n")).toEqual({ ok: false, code: "LICENCE_KEYS_EMPTY" });
    expect(parseLicenceKeys(Array.from({ length: 1001 }, (_, i) => `K-${i}`).join("\n"))).toEqual({ ok: false, code: "LICENCE_KEYS_TOO_MANY" });
    expect(parseLicenceKeys(`GOOD\n${"x".repeat(201)}`)).toEqual({ ok: false, code: "LICENCE_KEY_INVALID" });
    expect(parseLicenceKeys("GOOD\nBAD\u0007KEY")).toEqual({ ok: false, code: "LICENCE_KEY_INVALID" });
  });

  it("binds sealed keys to their product", () => {
    expect(licenceKeyContext("prd_a")).not.toBe(licenceKeyContext("prd_b"));
  });
});
