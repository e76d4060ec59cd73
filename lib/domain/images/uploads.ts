/**
 * Sellers' product photos, without I/O: what an upload is (decided by its bytes, never
 * by its name or the type the browser declared), whether its size and pixel dimensions
 * are acceptable, which widths the storefront gets, and how a <picture> names them.
 * Refusals are codes the panel translates (messages `panel.error.*`).
 */

export type ImageType = "image/jpeg" | "image/png" | "image/webp";
export type RenditionFormat = "webp" | "avif";

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_MIN_SIDE = 400;
export const IMAGE_MAX_SIDE = 8000;
/** Images per product, at most. */
export const IMAGES_PER_PRODUCT = 8;
/** The widths made for the storefront, ascending, in CSS pixels of the largest screens that need them. */
export const RENDITION_WIDTHS = [320, 640, 1280] as const;
export const RENDITION_FORMATS: readonly RenditionFormat[] = ["avif", "webp"];

export type ImageRefusal = "IMAGE_TYPE" | "IMAGE_TOO_SMALL" | "IMAGE_TOO_LARGE" | "IMAGE_UNREADABLE";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

/**
 * The image type the bytes begin with: JPEG (FF D8 FF), PNG (its 8-byte signature) or
 * WebP (RIFF....WEBP); null for anything else, GIF and SVG included.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

/** The checks that need no decoding: refused before any decoder sees the bytes. */
export function checkImageBytes(bytes: Uint8Array): { ok: true; type: ImageType } | { ok: false; code: ImageRefusal } {
  if (bytes.length > IMAGE_MAX_BYTES) return { ok: false, code: "IMAGE_TOO_LARGE" };
  const type = sniffImageType(bytes);
  return type ? { ok: true, type } : { ok: false, code: "IMAGE_TYPE" };
}

/** The decoded pixel size (after EXIF orientation) against the limits. */
export function checkImageDimensions(width: number, height: number): { ok: true } | { ok: false; code: ImageRefusal } {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) return { ok: false, code: "IMAGE_UNREADABLE" };
  if (width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE) return { ok: false, code: "IMAGE_TOO_LARGE" };
  if (width < IMAGE_MIN_SIDE || height < IMAGE_MIN_SIDE) return { ok: false, code: "IMAGE_TOO_SMALL" };
  return { ok: true };
}

/** Width and height as displayed: EXIF orientations 5 to 8 turn the image a quarter. */
export function orientedSize(width: number, height: number, orientation: number | undefined): { width: number; height: number } {
  return orientation !== undefined && orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}

/**
 * The widths to make for an original `width` pixels wide: the standard ones it reaches,
 * never enlarged, and the original's own width when it falls between two of them (so a
 * 900-pixel photo is also shown at 900, not only at 640).
 */
export function renditionWidths(width: number): number[] {
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w <= width);
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]!;
  if (width < largest && !widths.includes(width)) widths.push(width);
  return widths;
}

/** The height of a rendition `width` wide, keeping the original's proportions. */
export function renditionHeight(original: { width: number; height: number }, width: number): number {
  return Math.max(1, Math.round((original.height * width) / original.width));
}

export const RENDITION_CONTENT_TYPES: Record<RenditionFormat, string> = { webp: "image/webp", avif: "image/avif" };

/** The storage key of the original and of each rendition under an image's own id. */
export const originalKey = (storageKey: string) => `images/${storageKey}/original`;
export const renditionKey = (storageKey: string, width: number, format: RenditionFormat) => `images/${storageKey}/${width}.${format}`;

/** The public address of a rendition (app/media/[...path]/route.ts). */
export const renditionUrl = (storageKey: string, width: number, format: RenditionFormat) => `/media/${storageKey}/${width}.${format}`;

/** An image's public id: `i` and 32 hex digits (lib/server/storage newStorageId). */
export const IMAGE_STORAGE_ID = /^i[0-9a-f]{32}$/;

/** `/media/<id>/<width>.<format>` read back: null for anything the store would not have made. */
export function parseRenditionPath(segments: readonly string[]): { storageKey: string; width: number; format: RenditionFormat } | null {
  if (segments.length !== 2) return null;
  const [storageKey, file] = segments as [string, string];
  if (!IMAGE_STORAGE_ID.test(storageKey)) return null;
  const match = /^([1-9][0-9]{1,4})\.(webp|avif)$/.exec(file);
  if (!match) return null;
  return { storageKey, width: Number(match[1]), format: match[2] as RenditionFormat };
}

/** A READY image as the storefront renders it. */
export interface ShownImage {
  storageKey: string;
  width: number;
  height: number;
  widths: number[];
  alt: string;
}

/** The `srcset` of one format: every rendition with its width descriptor. */
export function srcSet(image: Pick<ShownImage, "storageKey" | "widths">, format: RenditionFormat): string {
  return image.widths.map((w) => `${renditionUrl(image.storageKey, w, format)} ${w}w`).join(", ");
}

const CONTROL = /[\u0000-\u001f\u007f]/;
export const ALT_MAX = 300;

/**
 * Alternative text per locale from a form: trimmed, empty ones left out, at most
 * ALT_MAX characters and no control characters (line breaks included).
 */
export function parseAltTexts(locales: readonly string[], field: (locale: string) => string | null): { ok: true; alt: Record<string, string> } | { ok: false; code: "ALT_TEXT_INVALID" } {
  const alt: Record<string, string> = {};
  for (const locale of locales) {
    const value = field(locale)?.trim() ?? "";
    if (!value) continue;
    if (value.length > ALT_MAX || CONTROL.test(value)) return { ok: false, code: "ALT_TEXT_INVALID" };
    alt[locale] = value;
  }
  return { ok: true, alt };
}

/** The alternative text for a locale: its own, else the fallback's, else none. */
export function altFor(alt: unknown, locale: string, fallback: string): string {
  if (!alt || typeof alt !== "object" || Array.isArray(alt)) return "";
  const texts = alt as Record<string, unknown>;
  const own = texts[locale] ?? texts[fallback];
  return typeof own === "string" ? own : "";
}
