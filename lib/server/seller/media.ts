// No `server-only` here: the integration tests call these services directly.
import { createHash, randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireSellerMember, type Viewer } from "@/lib/domain/accounts";
import { tagsForChange } from "@/lib/domain/cache/tags";
import {
  IMAGES_PER_PRODUCT,
  originalKey,
  parseAltTexts,
  RENDITION_FORMATS,
  RENDITION_WIDTHS,
  renditionKey,
  type ImageRefusal,
} from "@/lib/domain/images/uploads";
import { checkDigitalFile, licenceKeyContext, parseLicenceKeys, type DigitalFileRefusal, type LicenceKeyRefusal } from "@/lib/domain/seller-media/digital";
import { LOCALES } from "@/lib/domain/markets";
import { recordAudit } from "@/lib/server/audit";
import { publishInvalidation } from "@/lib/server/cache/invalidation";
import { sealText } from "@/lib/server/crypto/pii";
import { enqueueJob } from "@/lib/server/jobs";
import { inspectImage } from "@/lib/server/media/images";
import { actorOf } from "@/lib/server/panels/actor";
import { getStorage, newStorageId, type Storage } from "@/lib/server/storage";

/**
 * A seller's product media: photos (checked by content, stored, made into storefront
 * sizes by a background job), and for digital products the delivered file and the pool
 * of licence keys. Every service authorises the viewer as a member of the seller and
 * finds the product only among that seller's own: another seller's product is
 * NOT_FOUND, someone who works for no seller FORBIDDEN. Changes shoppers see publish
 * the product's cache tags in their transaction; the digital file and the key pool
 * are recorded in the audit log (counts only, never a key).
 */

export const IMAGE_RENDITIONS_JOB = "image.renditions";

export interface MediaDeps {
  db?: PrismaClient;
  storage?: Storage;
}

type Refused<C extends string> = { ok: false; code: C | "NOT_FOUND" | "FORBIDDEN" };
export type MediaResult<T, C extends string = never> = ({ ok: true } & T) | Refused<C>;

interface OwnProduct {
  id: string;
  sellerId: string;
  kind: "PHYSICAL" | "DIGITAL";
}

async function ownProduct(viewer: Viewer, productId: string, db: PrismaClient | Prisma.TransactionClient): Promise<{ ok: true; product: OwnProduct } | Refused<never>> {
  const sellerId = viewer.seller?.id;
  if (!sellerId || !requireSellerMember(viewer, sellerId).ok) return { ok: false, code: "FORBIDDEN" };
  if (typeof productId !== "string" || productId.length === 0 || productId.length > 100) return { ok: false, code: "NOT_FOUND" };
  const product = await db.product.findFirst({ where: { id: productId, sellerId }, select: { id: true, sellerId: true, kind: true } });
  return product ? { ok: true, product } : { ok: false, code: "NOT_FOUND" };
}

/** Locks the product row for the rest of the transaction, so concurrent uploads and moves take turns. */
async function lockProduct(tx: Prisma.TransactionClient, productId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ${productId} FOR UPDATE`;
}

const productTags = (product: OwnProduct) => tagsForChange({ kind: "product", productId: product.id, sellerId: product.sellerId });

// ---------------------------------------------------------------------------------------
// The media page

export interface MediaImageView {
  id: string;
  storageKey: string;
  position: number;
  status: "PROCESSING" | "READY" | "FAILED";
  width: number;
  height: number;
  widths: number[];
  alt: Record<string, string>;
}

export interface MediaPage {
  product: { id: string; slug: string; title: string; kind: "PHYSICAL" | "DIGITAL"; listed: boolean };
  images: MediaImageView[];
  digitalFile: { fileName: string; byteSize: number; sha256: string; createdAt: Date } | null;
  keys: { available: number; assigned: number };
}

function altRecord(value: Prisma.JsonValue): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

async function keyCounts(db: PrismaClient | Prisma.TransactionClient, productId: string): Promise<{ available: number; assigned: number }> {
  const [available, assigned] = await Promise.all([
    db.licenceKey.count({ where: { productId, orderLineId: null } }),
    db.licenceKey.count({ where: { productId, orderLineId: { not: null } } }),
  ]);
  return { available, assigned };
}

export async function productMedia(viewer: Viewer, productId: string, deps: MediaDeps = {}): Promise<MediaResult<{ data: MediaPage }>> {
  const db = deps.db ?? getPrisma();
  const own = await ownProduct(viewer, productId, db);
  if (!own.ok) return own;
  const product = await db.product.findUniqueOrThrow({
    where: { id: own.product.id },
    select: {
      id: true, slug: true, kind: true, listed: true, originalLocale: true,
      translations: { select: { locale: true, title: true } },
      images: { orderBy: { position: "asc" } },
      digitalFile: { select: { fileName: true, byteSize: true, sha256: true, createdAt: true } },
    },
  });
  const title = product.translations.find((t) => t.locale === product.originalLocale)?.title ?? product.translations[0]?.title ?? product.slug;
  return {
    ok: true,
    data: {
      product: { id: product.id, slug: product.slug, title, kind: product.kind, listed: product.listed },
      images: product.images.map((image) => ({
        id: image.id, storageKey: image.storageKey, position: image.position, status: image.status,
        width: image.width, height: image.height, widths: image.widths, alt: altRecord(image.alt),
      })),
      digitalFile: product.digitalFile,
      keys: product.kind === "DIGITAL" ? await keyCounts(db, product.id) : { available: 0, assigned: 0 },
    },
  };
}

// ---------------------------------------------------------------------------------------
// Images

export type UploadImageCode = ImageRefusal | "IMAGE_LIMIT" | "MEDIA_FILE_MISSING";

/**
 * Stores an upload as the product's last image (PROCESSING) and queues its renditions.
 * Refused uploads store nothing: the content is checked before anything is written, and
 * a limit reached meanwhile removes the original again.
 */
export async function uploadProductImage(
  viewer: Viewer,
  productId: string,
  file: { bytes: Uint8Array } | null,
  deps: MediaDeps = {},
): Promise<MediaResult<{ imageId: string; jobId: string }, UploadImageCode>> {
  const db = deps.db ?? getPrisma();
  const storage = deps.storage ?? getStorage();
  const own = await ownProduct(viewer, productId, db);
  if (!own.ok) return own;
  if (!file || file.bytes.length === 0) return { ok: false, code: "MEDIA_FILE_MISSING" };
  if ((await db.productImage.count({ where: { productId: own.product.id } })) >= IMAGES_PER_PRODUCT) return { ok: false, code: "IMAGE_LIMIT" };
  const inspected = await inspectImage(file.bytes);
  if (!inspected.ok) return inspected;
  const storageKey = newStorageId("i");
  await storage.put(originalKey(storageKey), file.bytes, inspected.image.type);
  try {
    const created = await db.$transaction(async (tx) => {
      await lockProduct(tx, own.product.id);
      const count = await tx.productImage.count({ where: { productId: own.product.id } });
      if (count >= IMAGES_PER_PRODUCT) return null;
      const imageId = `img_${randomUUID()}`;
      await tx.productImage.create({
        data: {
          id: imageId, productId: own.product.id, position: count, storageKey, status: "PROCESSING",
          mimeType: inspected.image.type, width: inspected.image.width, height: inspected.image.height, byteSize: file.bytes.length,
        },
      });
      const jobId = await enqueueJob({ kind: IMAGE_RENDITIONS_JOB, payload: { imageId }, sellerId: own.product.sellerId, requestedBy: viewer.userId, total: 1 }, tx);
      return { imageId, jobId };
    });
    if (!created) {
      await storage.delete(originalKey(storageKey));
      return { ok: false, code: "IMAGE_LIMIT" };
    }
    return { ok: true, ...created };
  } catch (error) {
    await storage.delete(originalKey(storageKey));
    throw error;
  }
}

/** Every object an image may have in storage. */
function imageKeys(storageKey: string, widths: readonly number[]): string[] {
  const all = new Set<number>([...RENDITION_WIDTHS, ...widths]);
  return [originalKey(storageKey), ...[...all].flatMap((w) => RENDITION_FORMATS.map((f) => renditionKey(storageKey, w, f)))];
}

export async function deleteProductImage(viewer: Viewer, productId: string, imageId: string, deps: MediaDeps = {}): Promise<MediaResult<object>> {
  const db = deps.db ?? getPrisma();
  const storage = deps.storage ?? getStorage();
  const own = await ownProduct(viewer, productId, db);
  if (!own.ok) return own;
  const removed = await db.$transaction(async (tx) => {
    await lockProduct(tx, own.product.id);
    const image = await tx.productImage.findFirst({ where: { id: imageId, productId: own.product.id } });
    if (!image) return null;
    await tx.productImage.delete({ where: { id: image.id } });
    await tx.productImage.updateMany({ where: { productId: own.product.id, position: { gt: image.position } }, data: { position: { decrement: 1 } } });
    await publishInvalidation(tx, productTags(own.product));
    return image;
  });
  if (!removed) return { ok: false, code: "NOT_FOUND" };
  await Promise.all(imageKeys(removed.storageKey, removed.widths).map((key) => storage.delete(key)));
  return { ok: true };
}

/** Moves an image one place towards the front (`up`) or the back (`down`); at an end nothing changes. */
export async function moveProductImage(viewer: Viewer, productId: string, imageId: string, direction: string | null, deps: MediaDeps = {}): Promise<MediaResult<object, "INVALID_INPUT">> {
  const db = deps.db ?? getPrisma();
  const own = await ownProduct(viewer, productId, db);
  if (!own.ok) return own;
  if (direction !== "up" && direction !== "down") return { ok: false, code: "INVALID_INPUT" };
  return db.$transaction(async (tx) => {
    await lockProduct(tx, own.product.id);
    const images = await tx.productImage.findMany({ where: { productId: own.product.id }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    const at = images.findIndex((image) => image.id === imageId);
    if (at < 0) return { ok: false, code: "NOT_FOUND" } as const;
    const other = images[direction === "up" ? at - 1 : at + 1];
    if (!other) return { ok: true } as const;
    const self = images[at]!;
    await tx.productImage.update({ where: { id: self.id }, data: { position: other.position } });
    await tx.productImage.update({ where: { id: other.id }, data: { position: self.position } });
    await publishInvalidation(tx, productTags(own.product));
    return { ok: true } as const;
  });
}

/** Sets an image's alternative text in every locale at once (`field(locale)`); an empty field removes that locale's. */
export async function setImageAlt(viewer: Viewer, productId: string, imageId: string, field: (locale: string) => string | null, deps: MediaDeps = {}): Promise<MediaResult<object, "ALT_TEXT_INVALID">> {
  const db = deps.db ?? getPrisma();
  const own = await ownProduct(viewer, productId, db);
  if (!own.ok) return own;
  const parsed = parseAltTexts(LOCALES, field);
  if (!parsed.ok) return parsed;
  return db.$transaction(async (tx) => {
    const changed = await tx.productImage.updateMany({ where: { id: imageId, productId: own.product.id }, data: { alt: parsed.alt } });
    if (changed.count === 0) return { ok: false, code: "NOT_FOUND" } as const;
    await publishInvalidation(tx, productTags(own.product));
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------
// Digital products

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

/**
 * The file a digital product delivers, kept privately (under `files/`, which no public
 * route serves) with its SHA-256; a new upload replaces the old file, which is deleted.
 */
export async function uploadDigitalFile(
  viewer: Viewer,
  productId: string,
  file: { name: string; declaredType: string; bytes: Uint8Array } | null,
  deps: MediaDeps = {},
): Promise<MediaResult<{ sha256: string }, DigitalFileRefusal | "NOT_DIGITAL">> {
  const db = deps.db ?? getPrisma();
  const storage = deps.storage ?? getStorage();
  const own = await ownProduct(viewer, productId, db);
  if (!own.ok) return own;
  if (own.product.kind !== "DIGITAL") return { ok: false, code: "NOT_DIGITAL" };
  const checked = checkDigitalFile(file);
  if (!checked.ok) return checked;
  const digest = sha256(file!.bytes);
  const storageKey = `files/${newStorageId("f")}`;
  await storage.put(storageKey, file!.bytes, checked.mimeType);
  let replaced: string | null;
  try {
    replaced = await db.$transaction(async (tx) => {
      await lockProduct(tx, own.product.id);
      const was = await tx.digitalFile.findUnique({ where: { productId: own.product.id } });
      const data = { storageKey, fileName: checked.fileName, mimeType: checked.mimeType, byteSize: checked.byteSize, sha256: digest, createdAt: new Date() };
      await tx.digitalFile.upsert({ where: { productId: own.product.id }, create: { productId: own.product.id, ...data }, update: data });
      await recordAudit(tx, {
        actor: actorOf(viewer), action: "product.digital-file", subjectType: "product", subjectId: own.product.id,
        before: was ? { fileName: was.fileName, byteSize: was.byteSize, sha256: was.sha256 } : {},
        after: { fileName: checked.fileName, byteSize: checked.byteSize, sha256: digest },
      });
      return was?.storageKey ?? null;
    });
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
  if (replaced) await storage.delete(replaced);
  await deliverHeld(own.product.id, db);
  return { ok: true, sha256: digest };
}

/**
 * Adds pasted licence keys to the product's pool, each sealed at rest and bound to the
 * product; a key already pooled (same SHA-256) is skipped. The audit entry holds counts.
 */
export async function addLicenceKeys(
  viewer: Viewer,
  productId: string,
  text: string | null,
  deps: MediaDeps = {},
): Promise<MediaResult<{ added: number; duplicates: number }, LicenceKeyRefusal | "NOT_DIGITAL">> {
  const db = deps.db ?? getPrisma();
  const own = await ownProduct(viewer, productId, db);
  if (!own.ok) return own;
  if (own.product.kind !== "DIGITAL") return { ok: false, code: "NOT_DIGITAL" };
  const parsed = parseLicenceKeys(text);
  if (!parsed.ok) return parsed;
  const context = licenceKeyContext(own.product.id);
  const rows = parsed.keys.map((key) => ({ id: `lk_${randomUUID()}`, productId: own.product.id, keyHash: sha256(key), keySealed: sealText(key, context) }));
  const result = await db.$transaction(async (tx) => {
    await lockProduct(tx, own.product.id);
    const before = await keyCounts(tx, own.product.id);
    const { count: added } = await tx.licenceKey.createMany({ data: rows, skipDuplicates: true });
    const after = { available: before.available + added, assigned: before.assigned };
    const duplicates = rows.length - added;
    await recordAudit(tx, { actor: actorOf(viewer), action: "product.licence-keys", subjectType: "product", subjectId: own.product.id, before, after: { ...after, added, duplicates } });
    return { ok: true, added, duplicates } as const;
  });
  if (result.added > 0) await deliverHeld(own.product.id, db);
  return result;
}

/** Lines held back for want of keys or a file are delivered once the seller has added them. */
async function deliverHeld(productId: string, db: PrismaClient): Promise<void> {
  const { deliverHeldLines } = await import("@/lib/server/digital/delivery");
  await deliverHeldLines(productId, new Date(), db);
}
