import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { parseRenditionPath, RENDITION_CONTENT_TYPES, renditionKey } from "@/lib/domain/images/uploads";
import { getStorage, type Storage } from "@/lib/server/storage";

export type Rendition = { ok: true; bytes: Uint8Array; contentType: string; etag: string } | { ok: false; code: "NOT_FOUND" };

/**
 * A public image rendition, `/media/<image id>/<width>.<webp|avif>`: only of an image
 * that is READY and has that width. Image ids are 128 random bits, so an address is
 * known only from a page that shows the image. The bytes at an address never change
 * (a new photo gets a new id), hence an ETag from the address alone.
 */
export async function findRendition(segments: readonly string[], deps: { db?: PrismaClient; storage?: Storage } = {}): Promise<Rendition> {
  const wanted = parseRenditionPath(segments);
  if (!wanted) return { ok: false, code: "NOT_FOUND" };
  const image = await (deps.db ?? getPrisma()).productImage.findUnique({ where: { storageKey: wanted.storageKey }, select: { status: true, widths: true } });
  if (!image || image.status !== "READY" || !image.widths.includes(wanted.width)) return { ok: false, code: "NOT_FOUND" };
  const stored = await (deps.storage ?? getStorage()).get(renditionKey(wanted.storageKey, wanted.width, wanted.format));
  if (!stored) return { ok: false, code: "NOT_FOUND" };
  return { ok: true, bytes: stored.bytes, contentType: RENDITION_CONTENT_TYPES[wanted.format], etag: `"${wanted.storageKey}-${wanted.width}-${wanted.format}"` };
}
