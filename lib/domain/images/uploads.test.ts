import { describe, expect, it } from "vitest";
import {
  altFor,
  checkImageBytes,
  checkImageDimensions,
  IMAGE_MAX_BYTES,
  orientedSize,
  parseAltTexts,
  parseRenditionPath,
  renditionHeight,
  renditionWidths,
  sniffImageType,
  srcSet,
} from "./uploads";

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);
const ascii = (text: string) => new TextEncoder().encode(text);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const WEBP = new Uint8Array([...ascii("RIFF"), 0x24, 0, 0, 0, ...ascii("WEBPVP8 "), 0, 0, 0, 0]);

describe("sniffImageType", () => {
  it("knows JPEG, PNG and WebP by their first bytes", () => {
    expect(sniffImageType(JPEG)).toBe("image/jpeg");
    expect(sniffImageType(PNG)).toBe("image/png");
    expect(sniffImageType(WEBP)).toBe("image/webp");
  });

  it("refuses GIF, SVG, other RIFF files, text and truncated signatures", () => {
    expect(sniffImageType(ascii("GIF89a\u0001\u0000\u0001\u0000"))).toBeNull();
    expect(sniffImageType(ascii('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
    expect(sniffImageType(ascii("<?xml version=\"1.0\"?><svg/>"))).toBeNull();
    expect(sniffImageType(new Uint8Array([...ascii("RIFF"), 0, 0, 0, 0, ...ascii("WAVEfmt ")]))).toBeNull();
    expect(sniffImageType(ascii("this is not a picture.png"))).toBeNull();
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("checkImageBytes", () => {
  it("accepts up to 10 MB and refuses a byte more, before sniffing", () => {
    const exact = new Uint8Array(IMAGE_MAX_BYTES);
    exact.set(PNG);
    expect(checkImageBytes(exact)).toEqual({ ok: true, type: "image/png" });
    const over = new Uint8Array(IMAGE_MAX_BYTES + 1);
    over.set(PNG);
    expect(checkImageBytes(over)).toEqual({ ok: false, code: "IMAGE_TOO_LARGE" });
  });

  it("refuses content that is no accepted image, whatever its name said", () => {
    expect(checkImageBytes(ascii("hello"))).toEqual({ ok: false, code: "IMAGE_TYPE" });
  });
});

describe("checkImageDimensions", () => {
  it("accepts 400 to 8000 pixels a side", () => {
    expect(checkImageDimensions(400, 400)).toEqual({ ok: true });
    expect(checkImageDimensions(8000, 8000)).toEqual({ ok: true });
    expect(checkImageDimensions(400, 8000)).toEqual({ ok: true });
  });

  it("refuses smaller, larger and nonsensical sizes with their codes", () => {
    expect(checkImageDimensions(399, 1000)).toEqual({ ok: false, code: "IMAGE_TOO_SMALL" });
    expect(checkImageDimensions(1000, 399)).toEqual({ ok: false, code: "IMAGE_TOO_SMALL" });
    expect(checkImageDimensions(8001, 1000)).toEqual({ ok: false, code: "IMAGE_TOO_LARGE" });
    expect(checkImageDimensions(1000, 8001)).toEqual({ ok: false, code: "IMAGE_TOO_LARGE" });
    expect(checkImageDimensions(0, 1000)).toEqual({ ok: false, code: "IMAGE_UNREADABLE" });
    expect(checkImageDimensions(500.5, 1000)).toEqual({ ok: false, code: "IMAGE_UNREADABLE" });
  });
});

describe("orientedSize", () => {
  it("swaps width and height for the quarter-turn EXIF orientations only", () => {
    expect(orientedSize(800, 600, undefined)).toEqual({ width: 800, height: 600 });
    for (const o of [1, 2, 3, 4]) expect(orientedSize(800, 600, o)).toEqual({ width: 800, height: 600 });
    for (const o of [5, 6, 7, 8]) expect(orientedSize(800, 600, o)).toEqual({ width: 600, height: 800 });
  });
});

describe("renditionWidths", () => {
  it("makes the standard widths the original reaches, never enlarging it", () => {
    expect(renditionWidths(4000)).toEqual([320, 640, 1280]);
    expect(renditionWidths(1280)).toEqual([320, 640, 1280]);
    expect(renditionWidths(640)).toEqual([320, 640]);
  });

  it("adds the original's own width between two standard ones", () => {
    expect(renditionWidths(900)).toEqual([320, 640, 900]);
    expect(renditionWidths(400)).toEqual([320, 400]);
  });

  it("keeps the proportions in each rendition's height", () => {
    expect(renditionHeight({ width: 1600, height: 1200 }, 320)).toBe(240);
    expect(renditionHeight({ width: 1000, height: 3000 }, 640)).toBe(1920);
  });
});

describe("rendition addresses", () => {
  const id = "i0123456789abcdef0123456789abcdef";

  it("reads back what the store makes", () => {
    expect(parseRenditionPath([id, "640.webp"])).toEqual({ storageKey: id, width: 640, format: "webp" });
    expect(parseRenditionPath([id, "1280.avif"])).toEqual({ storageKey: id, width: 1280, format: "avif" });
  });

  it("refuses other ids, widths, formats and depths", () => {
    for (const segments of [
      [id, "640.png"], [id, "640.webp.exe"], [id, "0640.webp"], [id, "x.webp"], [id], [id, "640.webp", "x"],
      ["..", "640.webp"], ["I0123456789ABCDEF0123456789ABCDEF", "640.webp"], ["f0123456789abcdef0123456789abcdef", "640.webp"], [`${id}/..`, "640.webp"],
    ]) {
      expect(parseRenditionPath(segments)).toBeNull();
    }
  });

  it("lists every width of a format in a srcset", () => {
    expect(srcSet({ storageKey: id, widths: [320, 640] }, "avif")).toBe(`/media/${id}/320.avif 320w, /media/${id}/640.avif 640w`);
  });
});

describe("alternative text", () => {
  it("keeps the filled locales, trimmed", () => {
    const fields: Record<string, string> = { en: "  A red kettle ", de: "", ja: "赤いやかん" };
    expect(parseAltTexts(["en", "de", "ja", "fr"], (l) => fields[l] ?? null)).toEqual({ ok: true, alt: { en: "A red kettle", ja: "赤いやかん" } });
  });

  it("refuses a text too long or with a line break", () => {
    expect(parseAltTexts(["en"], () => "x".repeat(301))).toEqual({ ok: false, code: "ALT_TEXT_INVALID" });
    expect(parseAltTexts(["en"], () => "two\nlines")).toEqual({ ok: false, code: "ALT_TEXT_INVALID" });
  });

  it("falls back to the original language, else none", () => {
    expect(altFor({ de: "Kessel", en: "Kettle" }, "de", "en")).toBe("Kessel");
    expect(altFor({ en: "Kettle" }, "fr", "en")).toBe("Kettle");
    expect(altFor({}, "fr", "en")).toBe("");
    expect(altFor(null, "fr", "en")).toBe("");
  });
});
