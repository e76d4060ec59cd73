import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { PRODUCTS } from "@/prisma/seed-data";
import type { Viewer } from "@/lib/domain/accounts";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { productTag } from "@/lib/domain/cache/tags";
import { originalKey, renditionKey } from "@/lib/domain/images/uploads";
import { licenceKeyContext } from "@/lib/domain/seller-media/digital";
import { openText } from "@/lib/server/crypto/pii";
import { drainJobs, registerJobHandler } from "@/lib/server/jobs";
import { imageRenditionsHandler } from "@/lib/server/media/renditions";
import { findRendition } from "@/lib/server/media/serve";
import {
  addLicenceKeys,
  deleteProductImage,
  IMAGE_RENDITIONS_JOB,
  moveProductImage,
  productMedia,
  setImageAlt,
  uploadDigitalFile,
  uploadProductImage,
} from "@/lib/server/seller/media";
import { LocalStorage } from "@/lib/server/storage/local";
import { StorageKeyError } from "@/lib/server/storage";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * Product photos, digital files and licence keys on a database and a storage directory
 * of their own: uploads are checked by content (real images made with sharp here),
 * refusals store nothing, the background job makes the renditions and publishes the
 * product's cache tags, and every service keeps to the viewer's own seller.
 */
let prisma: PrismaClient;
let dir: string;
let storage: LocalStorage;
const deps = () => ({ db: prisma, storage });

const SOLINGEN = "sel_de_solingen_knives";
const physical = PRODUCTS.find((p) => p.sellerId === SOLINGEN && p.kind === "PHYSICAL")!;
const digital = PRODUCTS.find((p) => p.kind === "DIGITAL")!;
const otherSellers = PRODUCTS.find((p) => p.sellerId !== SOLINGEN && p.sellerId !== digital.sellerId)!;

const sellerViewer = (sellerId: string): Viewer => ({ userId: `usr_${sellerId}`, email: `${sellerId}@example.test`, role: "BUYER", seller: { id: sellerId, role: "OWNER" } });
const solingen = sellerViewer(SOLINGEN);
const digitalSeller = sellerViewer(digital.sellerId);
const buyer: Viewer = { userId: "usr_buyer", email: "buyer@example.test", role: "BUYER", seller: null };

async function photo(width: number, height: number, format: "png" | "jpeg" | "webp" = "png", options: { orientation?: number } = {}): Promise<Uint8Array> {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 180, g: 90, b: 40 } } });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  const encoded = format === "png" ? image.png() : format === "jpeg" ? image.jpeg() : image.webp();
  return new Uint8Array(await encoded.toBuffer());
}

async function storedFiles(): Promise<string[]> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return files.filter((f) => f.isFile()).map((f) => path.relative(dir, path.join(f.parentPath, f.name))).sort();
}

const imagesOf = (productId: string) => prisma.productImage.findMany({ where: { productId }, orderBy: { position: "asc" } });

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `seller_media_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma);
  // The storefront's read paths use the process's own client: point it at this database.
  process.env.DATABASE_URL = url;
  dir = await mkdtemp(path.join(os.tmpdir(), "caravan-media-"));
  storage = new LocalStorage(dir);
  registerJobHandler(IMAGE_RENDITIONS_JOB, imageRenditionsHandler(() => storage));
});
afterAll(async () => {
  await prisma?.$disconnect();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("image uploads", () => {
  it("refuses what is not an accepted image, too small or too large, and stores nothing", async () => {
    const gif = new Uint8Array(await sharp({ create: { width: 500, height: 500, channels: 3, background: "#fff" } }).gif().toBuffer());
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"></svg>');
    const text = new TextEncoder().encode("just some text, renamed to photo.png");
    const png = await photo(600, 600);
    const truncated = png.slice(0, 60);
    const cases: [Uint8Array, string][] = [
      [gif, "IMAGE_TYPE"],
      [svg, "IMAGE_TYPE"],
      [text, "IMAGE_TYPE"],
      [truncated, "IMAGE_UNREADABLE"],
      [await photo(399, 800), "IMAGE_TOO_SMALL"],
      [await photo(8001, 400, "jpeg"), "IMAGE_TOO_LARGE"],
    ];
    for (const [bytes, code] of cases) {
      expect(await uploadProductImage(solingen, physical.id, { bytes }, deps())).toEqual({ ok: false, code });
    }
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set(png);
    expect(await uploadProductImage(solingen, physical.id, { bytes: huge }, deps())).toEqual({ ok: false, code: "IMAGE_TOO_LARGE" });
    expect(await uploadProductImage(solingen, physical.id, null, deps())).toEqual({ ok: false, code: "MEDIA_FILE_MISSING" });
    expect(await imagesOf(physical.id)).toEqual([]);
    expect(await prisma.job.count({ where: { kind: IMAGE_RENDITIONS_JOB } })).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("refuses another seller's product (NOT_FOUND) and someone who is no seller (FORBIDDEN), storing nothing", async () => {
    const bytes = await photo(800, 600);
    expect(await uploadProductImage(solingen, otherSellers.id, { bytes }, deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await uploadProductImage(solingen, "prd_nowhere", { bytes }, deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await uploadProductImage(buyer, physical.id, { bytes }, deps())).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await productMedia(solingen, otherSellers.id, deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await productMedia(buyer, physical.id, deps())).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await prisma.productImage.count()).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("stores a PNG as PROCESSING at the end; the job makes WebP and AVIF sizes, never enlarged, and publishes the product's tags", async () => {
    const uploaded = await uploadProductImage(solingen, physical.id, { bytes: await photo(1600, 1200) }, deps());
    expect(uploaded.ok).toBe(true);
    const [image] = await imagesOf(physical.id);
    expect(image).toMatchObject({ position: 0, status: "PROCESSING", mimeType: "image/png", width: 1600, height: 1200, widths: [] });
    expect(image!.storageKey).toMatch(/^i[0-9a-f]{32}$/);
    expect(await storage.exists(originalKey(image!.storageKey))).toBe(true);
    expect(await findRendition([image!.storageKey, "320.webp"], deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    const invalidationsBefore = await prisma.cacheInvalidation.count();

    expect(await drainJobs(prisma)).toBe(1);
    const ready = await prisma.productImage.findUniqueOrThrow({ where: { id: image!.id } });
    expect(ready).toMatchObject({ status: "READY", widths: [320, 640, 1280] });
    for (const width of [320, 640, 1280]) {
      const webp = await sharp(Buffer.from((await storage.get(renditionKey(image!.storageKey, width, "webp")))!.bytes)).metadata();
      expect(webp).toMatchObject({ format: "webp", width, height: (width * 3) / 4 });
      const avif = await sharp(Buffer.from((await storage.get(renditionKey(image!.storageKey, width, "avif")))!.bytes)).metadata();
      expect(avif).toMatchObject({ format: "heif", width, height: (width * 3) / 4 });
    }
    expect(await storage.exists(renditionKey(image!.storageKey, 1600, "webp"))).toBe(false);
    const published = await prisma.cacheInvalidation.findMany({ orderBy: { id: "desc" }, take: 1 });
    expect(await prisma.cacheInvalidation.count()).toBe(invalidationsBefore + 1);
    expect(published[0]!.tags).toContain(productTag(physical.id));

    const served = await findRendition([image!.storageKey, "640.avif"], deps());
    expect(served).toMatchObject({ ok: true, contentType: "image/avif" });
    expect(await findRendition([image!.storageKey, "900.webp"], deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await findRendition(["i00000000000000000000000000000000", "640.webp"], deps())).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("turns a JPEG upright by its EXIF orientation, strips its metadata and makes its own width when between two standard ones", async () => {
    // Stored 900 x 600, displayed a quarter turn round: 600 x 900.
    const bytes = await photo(900, 600, "jpeg", { orientation: 6 });
    expect((await uploadProductImage(solingen, physical.id, { bytes }, deps())).ok).toBe(true);
    const image = (await imagesOf(physical.id))[1]!;
    expect(image).toMatchObject({ position: 1, mimeType: "image/jpeg", width: 600, height: 900 });
    await drainJobs(prisma);
    const ready = await prisma.productImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(ready.widths).toEqual([320, 600]);
    const meta = await sharp(Buffer.from((await storage.get(renditionKey(image.storageKey, 600, "webp")))!.bytes)).metadata();
    expect(meta).toMatchObject({ width: 600, height: 900 });
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });

  it("moves, labels and deletes images, only the seller's own", async () => {
    const [first, second] = await imagesOf(physical.id);
    expect(await moveProductImage(solingen, physical.id, second!.id, "up", deps())).toEqual({ ok: true });
    expect((await imagesOf(physical.id)).map((i) => i.id)).toEqual([second!.id, first!.id]);
    expect(await moveProductImage(solingen, physical.id, second!.id, "up", deps())).toEqual({ ok: true });
    expect(await moveProductImage(solingen, physical.id, second!.id, "sideways", deps())).toEqual({ ok: false, code: "INVALID_INPUT" });
    expect(await moveProductImage(sellerViewer(otherSellers.sellerId), physical.id, second!.id, "down", deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await imagesOf(physical.id)).map((i) => i.id)).toEqual([second!.id, first!.id]);

    const alt: Record<string, string> = { "alt-en": "Chef's knife on oak", "alt-de": "Kochmesser auf Eiche", "alt-ja": "" };
    expect(await setImageAlt(solingen, physical.id, first!.id, (locale) => alt[`alt-${locale}`] ?? null, deps())).toEqual({ ok: true });
    expect((await prisma.productImage.findUniqueOrThrow({ where: { id: first!.id } })).alt).toEqual({ en: "Chef's knife on oak", de: "Kochmesser auf Eiche" });
    expect(await setImageAlt(solingen, physical.id, first!.id, () => "two\nlines", deps())).toEqual({ ok: false, code: "ALT_TEXT_INVALID" });
    expect(await setImageAlt(sellerViewer(otherSellers.sellerId), physical.id, first!.id, () => "x", deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await prisma.productImage.findUniqueOrThrow({ where: { id: first!.id } })).alt).toEqual({ en: "Chef's knife on oak", de: "Kochmesser auf Eiche" });

    expect(await deleteProductImage(sellerViewer(otherSellers.sellerId), physical.id, second!.id, deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await deleteProductImage(solingen, physical.id, second!.id, deps())).toEqual({ ok: true });
    expect(await imagesOf(physical.id)).toMatchObject([{ id: first!.id, position: 0 }]);
    expect((await storedFiles()).some((f) => f.includes(second!.storageKey))).toBe(false);
    expect(await storage.exists(originalKey(first!.storageKey))).toBe(true);
  });

  it("shows READY photos on the storefront: one per card (the first), all of them in the product's gallery", async () => {
    const { sellerProducts } = await import("@/lib/server/catalogue/queries");
    const { getProduct } = await import("@/lib/server/catalogue/entities");
    const market = findMarket("DE") as MarketDefinition;
    const [first] = await imagesOf(physical.id);
    const cards = await sellerProducts("en", market, SOLINGEN);
    expect(cards.find((c) => c.id === physical.id)!.image).toEqual({ storageKey: first!.storageKey, width: first!.width, height: first!.height, widths: first!.widths });
    expect(cards.filter((c) => c.id !== physical.id).every((c) => c.image === null)).toBe(true);
    // A photo still PROCESSING is not shown.
    await prisma.productImage.update({ where: { id: first!.id }, data: { status: "PROCESSING" } });
    expect((await sellerProducts("en", market, SOLINGEN)).find((c) => c.id === physical.id)!.image).toBeNull();
    await prisma.productImage.update({ where: { id: first!.id }, data: { status: "READY" } });
    const detail = await getProduct(physical.slug, "de", market);
    expect(detail!.images).toEqual([{ storageKey: first!.storageKey, width: first!.width, height: first!.height, widths: first!.widths, alt: "Kochmesser auf Eiche" }]);
  });

  it("keeps at most 8 images a product", async () => {
    const bytes = await photo(400, 400, "webp");
    for (let i = (await imagesOf(physical.id)).length; i < 8; i++) expect((await uploadProductImage(solingen, physical.id, { bytes }, deps())).ok).toBe(true);
    const files = await storedFiles();
    expect(await uploadProductImage(solingen, physical.id, { bytes }, deps())).toEqual({ ok: false, code: "IMAGE_LIMIT" });
    expect(await imagesOf(physical.id)).toHaveLength(8);
    expect(await storedFiles()).toEqual(files);
    await drainJobs(prisma);
  });
});

describe("digital files", () => {
  it("stores the file privately with its SHA-256, replaces it on re-upload (the old one deleted) and audits both", async () => {
    const first = await uploadDigitalFile(digitalSeller, digital.id, { name: "../guide.pdf", declaredType: "application/pdf", bytes: new TextEncoder().encode("first edition") }, deps());
    expect(first).toEqual({ ok: true, sha256: createHash("sha256").update("first edition").digest("hex") });
    const was = await prisma.digitalFile.findUniqueOrThrow({ where: { productId: digital.id } });
    expect(was).toMatchObject({ fileName: "guide.pdf", mimeType: "application/pdf", byteSize: 13 });
    expect(was.sha256).toBe((first as { sha256: string }).sha256);
    expect(was.storageKey).toMatch(/^files\/f[0-9a-f]{32}$/);
    expect(await storage.exists(was.storageKey)).toBe(true);

    const second = await uploadDigitalFile(digitalSeller, digital.id, { name: "guide-2.zip", declaredType: "application/zip", bytes: new TextEncoder().encode("second edition!") }, deps());
    expect(second.ok).toBe(true);
    const now = await prisma.digitalFile.findUniqueOrThrow({ where: { productId: digital.id } });
    expect(now).toMatchObject({ fileName: "guide-2.zip", byteSize: 15 });
    expect(await storage.exists(was.storageKey)).toBe(false);
    expect(await storage.exists(now.storageKey)).toBe(true);
    // Never servable as a public photo.
    expect(await findRendition(now.storageKey.split("/"), deps())).toEqual({ ok: false, code: "NOT_FOUND" });

    const entries = await prisma.auditEntry.findMany({ where: { action: "product.digital-file", subjectId: digital.id }, orderBy: { id: "asc" } });
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ actorKind: "seller", before: { fileName: "guide.pdf", sha256: was.sha256 }, after: { fileName: "guide-2.zip", sha256: now.sha256 } });
  });

  it("refuses another seller, a physical product, an empty or too large file, changing nothing", async () => {
    const files = await storedFiles();
    const audits = await prisma.auditEntry.count();
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await uploadDigitalFile(solingen, digital.id, { name: "x.bin", declaredType: "", bytes }, deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await uploadDigitalFile(buyer, digital.id, { name: "x.bin", declaredType: "", bytes }, deps())).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await uploadDigitalFile(solingen, physical.id, { name: "x.bin", declaredType: "", bytes }, deps())).toEqual({ ok: false, code: "NOT_DIGITAL" });
    expect(await uploadDigitalFile(digitalSeller, digital.id, { name: "x.bin", declaredType: "", bytes: new Uint8Array() }, deps())).toEqual({ ok: false, code: "MEDIA_FILE_MISSING" });
    expect(await uploadDigitalFile(digitalSeller, digital.id, { name: "x.bin", declaredType: "", bytes: new Uint8Array(50 * 1024 * 1024 + 1) }, deps())).toEqual({ ok: false, code: "DIGITAL_FILE_TOO_LARGE" });
    expect(await storedFiles()).toEqual(files);
    expect(await prisma.auditEntry.count()).toBe(audits);
  });
});

describe("licence keys", () => {
  it("seals each key bound to the product, skips keys already pooled, and audits counts only", async () => {
    const added = await addLicenceKeys(digitalSeller, digital.id, "KEY-AAAA-0001\nKEY-AAAA-0002\n\nKEY-AAAA-0001\n", deps());
    expect(added).toEqual({ ok: true, added: 2, duplicates: 0 });
    const again = await addLicenceKeys(digitalSeller, digital.id, "KEY-AAAA-0002\nKEY-AAAA-0003", deps());
    expect(again).toEqual({ ok: true, added: 1, duplicates: 1 });
    const rows = await prisma.licenceKey.findMany({ where: { productId: digital.id }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.keySealed).not.toContain("KEY-AAAA");
      expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const opened = rows.map((row) => openText(row.keySealed, licenceKeyContext(digital.id))).sort();
    expect(opened).toEqual(["KEY-AAAA-0001", "KEY-AAAA-0002", "KEY-AAAA-0003"]);
    expect(() => openText(rows[0]!.keySealed, licenceKeyContext(physical.id))).toThrow();

    const page = await productMedia(digitalSeller, digital.id, deps());
    expect(page.ok && page.data.keys).toEqual({ available: 3, assigned: 0 });
    expect(JSON.stringify(page)).not.toContain("KEY-AAAA");

    const entries = await prisma.auditEntry.findMany({ where: { action: "product.licence-keys", subjectId: digital.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.after)).toEqual([{ available: 2, assigned: 0, added: 2, duplicates: 0 }, { available: 3, assigned: 0, added: 1, duplicates: 1 }]);
    expect(JSON.stringify(entries.map((e) => [e.before, e.after, e.reason]))).not.toContain("KEY-AAAA");
  });

  it("refuses bad pastes, another seller and a physical product, adding nothing", async () => {
    const count = await prisma.licenceKey.count();
    const audits = await prisma.auditEntry.count();
    expect(await addLicenceKeys(digitalSeller, digital.id, "\n  \n", deps())).toEqual({ ok: false, code: "LICENCE_KEYS_EMPTY" });
    expect(await addLicenceKeys(digitalSeller, digital.id, `GOOD-KEY\n${"x".repeat(201)}`, deps())).toEqual({ ok: false, code: "LICENCE_KEY_INVALID" });
    expect(await addLicenceKeys(solingen, digital.id, "NEW-KEY", deps())).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await addLicenceKeys(buyer, digital.id, "NEW-KEY", deps())).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await addLicenceKeys(solingen, physical.id, "NEW-KEY", deps())).toEqual({ ok: false, code: "NOT_DIGITAL" });
    expect(await prisma.licenceKey.count()).toBe(count);
    expect(await prisma.auditEntry.count()).toBe(audits);
  });
});

describe("storage keys", () => {
  it("refuses keys that would leave the storage directory", async () => {
    const outside = path.join(path.dirname(dir), `outside-${process.pid}.txt`);
    await writeFile(outside, "keep me");
    try {
      const name = path.basename(outside);
      await expect(storage.put(`../${name}`, new Uint8Array([0]), "text/plain")).rejects.toBeInstanceOf(StorageKeyError);
      expect(await storage.get(`../${name}`)).toBeNull();
      await storage.delete(`../${name}`);
      expect(await findRendition(["..", "640.webp"], deps())).toEqual({ ok: false, code: "NOT_FOUND" });
      expect(await readFile(outside, "utf8")).toBe("keep me");
    } finally {
      await rm(outside, { force: true });
    }
  });
});
