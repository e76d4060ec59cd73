// No `server-only` here: the job runner also starts outside Next (scripts, tests).
import sharp, { type Metadata } from "sharp";
import {
  checkImageBytes,
  checkImageDimensions,
  orientedSize,
  RENDITION_CONTENT_TYPES,
  RENDITION_FORMATS,
  renditionKey,
  type ImageRefusal,
  type ImageType,
  type RenditionFormat,
} from "@/lib/domain/images/uploads";
import type { Storage } from "@/lib/server/storage";

/** Decoding stops here whatever the header claims: 8000 x 8000 and a margin. */
const PIXEL_LIMIT = 8000 * 8000;

export interface InspectedImage {
  type: ImageType;
  /** As displayed, after EXIF orientation. */
  width: number;
  height: number;
}

/**
 * An upload checked by its content: the size and magic bytes first (lib/domain/images),
 * then the decoder's reading of its header for the pixel size, and a full decode so a
 * truncated or corrupt file is refused now rather than in the background job.
 */
export async function inspectImage(bytes: Uint8Array): Promise<{ ok: true; image: InspectedImage } | { ok: false; code: ImageRefusal }> {
  const sniffed = checkImageBytes(bytes);
  if (!sniffed.ok) return sniffed;
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false, failOn: "error" }).metadata();
  } catch {
    return { ok: false, code: "IMAGE_UNREADABLE" };
  }
  const format = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" }[meta.format as string];
  // The decoder must agree with the signature (a PNG signature on something else is refused).
  if (format !== sniffed.type || !meta.width || !meta.height) return { ok: false, code: format ? "IMAGE_UNREADABLE" : "IMAGE_TYPE" };
  if ((meta.pages ?? 1) > 1) return { ok: false, code: "IMAGE_TYPE" }; // animated WebP
  const size = orientedSize(meta.width, meta.height, meta.orientation);
  const dimensions = checkImageDimensions(size.width, size.height);
  if (!dimensions.ok) return dimensions;
  try {
    await sharp(bytes, { limitInputPixels: PIXEL_LIMIT, failOn: "error" }).stats();
  } catch {
    return { ok: false, code: "IMAGE_UNREADABLE" };
  }
  return { ok: true, image: { type: sniffed.type, ...size } };
}

/**
 * One rendition: turned upright by its EXIF orientation, resized to `width` (never
 * enlarged), encoded, with every piece of metadata (EXIF, GPS, ICC beyond sRGB) left out:
 * sharp writes none unless asked to keep it.
 */
export async function renderRendition(original: Uint8Array, width: number, format: RenditionFormat): Promise<Buffer> {
  const pipeline = sharp(original, { limitInputPixels: PIXEL_LIMIT }).autoOrient().resize({ width, withoutEnlargement: true });
  return format === "avif" ? pipeline.avif({ quality: 55, effort: 2 }).toBuffer() : pipeline.webp({ quality: 80 }).toBuffer();
}

/** Makes and stores every rendition of an image (overwriting earlier ones: safe to repeat). */
export async function storeRenditions(storage: Storage, storageKey: string, original: Uint8Array, widths: readonly number[]): Promise<void> {
  for (const width of widths) {
    for (const format of RENDITION_FORMATS) {
      await storage.put(renditionKey(storageKey, width, format), await renderRendition(original, width, format), RENDITION_CONTENT_TYPES[format]);
    }
  }
}
