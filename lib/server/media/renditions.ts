// No `server-only` here: the job runner also starts outside Next (scripts, tests).
import { tagsForChange } from "@/lib/domain/cache/tags";
import { originalKey, RENDITION_FORMATS, renditionKey, renditionWidths } from "@/lib/domain/images/uploads";
import { publishInvalidation } from "@/lib/server/cache/invalidation";
import type { JobHandler } from "@/lib/server/jobs";
import { getStorage, type Storage } from "@/lib/server/storage";
import { storeRenditions } from "./images";

/**
 * The background job `image.renditions` ({ imageId }): makes an uploaded image's WebP
 * and AVIF sizes, then marks it READY and publishes the product's cache tags in the
 * same transaction, so storefront pages show it on their next request. Safe to run
 * again: renditions overwrite their own files, and an image already READY or deleted
 * meanwhile is left as it is.
 */
export function imageRenditionsHandler(storage: () => Storage = getStorage): JobHandler {
  return async (job) => {
    const payload = job.payload as { imageId?: unknown } | null;
    const imageId = typeof payload?.imageId === "string" ? payload.imageId : null;
    if (!imageId) return { ok: false, code: "INVALID_PAYLOAD" };
    const image = await job.db.productImage.findUnique({ where: { id: imageId }, include: { product: { select: { sellerId: true } } } });
    if (!image) return { ok: true, result: { imageId, skipped: "deleted" } };
    if (image.status === "READY") return { ok: true, result: { imageId, skipped: "ready" } };
    const original = await storage().get(originalKey(image.storageKey));
    if (!original) {
      await job.db.productImage.updateMany({ where: { id: imageId }, data: { status: "FAILED" } });
      return { ok: false, code: "ORIGINAL_MISSING" };
    }
    const widths = renditionWidths(image.width);
    await storeRenditions(storage(), image.storageKey, original.bytes, widths);
    await job.progress(1, 1);
    const updated = await job.db.$transaction(async (tx) => {
      const changed = await tx.productImage.updateMany({ where: { id: imageId, status: "PROCESSING" }, data: { status: "READY", widths } });
      if (changed.count > 0) await publishInvalidation(tx, tagsForChange({ kind: "product", productId: image.productId, sellerId: image.product.sellerId }));
      return changed.count;
    });
    // Deleted while its sizes were being made: the delete could not see these files yet.
    if (updated === 0 && !(await job.db.productImage.findUnique({ where: { id: imageId }, select: { id: true } }))) {
      await Promise.all(widths.flatMap((w) => RENDITION_FORMATS.map((f) => storage().delete(renditionKey(image.storageKey, w, f)))));
    }
    return { ok: true, result: { imageId, widths, ready: updated > 0 } };
  };
}
