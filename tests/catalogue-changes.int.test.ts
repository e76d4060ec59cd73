import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";
import { changeSellerStatus, changeTranslation, changeVariant, type Actor } from "@/lib/server/catalogue/changes";
import { CACHE_CHANNEL, publishInvalidation } from "@/lib/server/cache/invalidation";
import { readSnapshot, storeRates } from "@/lib/server/fx/snapshot";
import { CHANNEL, expireTags, shouldStore, startListener } from "@/lib/cache/incremental-cache-handler.mjs";
import tagsManifestModule from "next/dist/server/lib/incremental-cache/tags-manifest.external.js";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The catalogue's change services on a database of their own (they change prices,
 * stock and statuses other suites read): what they write, the cache tags they publish
 * in the same transaction, and what they refuse. Then the page cache's listener:
 * a published invalidation expires the tags in this process.
 */
const { tagsManifest } = tagsManifestModule as unknown as { tagsManifest: Map<string, { stale?: number; expired?: number }> };
const actor: Actor = { kind: "system", name: "test" };
let prisma: PrismaClient;
let url: string;

const product = PRODUCTS.find((p) => p.variants.length > 1)!;
const [cheap, dear] = [...product.variants].sort((a, b) => a.priceMinor - b.priceMinor) as [typeof product.variants[0], typeof product.variants[0]];
const seller = SELLERS.find((s) => s.id === product.sellerId)!;

async function invalidations(): Promise<string[][]> {
  const rows = await prisma.cacheInvalidation.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => r.tags);
}

beforeAll(async () => {
  url = await createDatabase(inject("databaseUrl"), `catalogue_changes_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma);
  await prisma.cacheInvalidation.deleteMany();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("changeVariant", () => {
  it("changes price and stock, recomputes the from-price, and publishes the product's tags", async () => {
    const result = await changeVariant(actor, { sku: dear.sku, priceMinor: cheap.priceMinor - 1, stock: 3 }, prisma);
    expect(result).toMatchObject({ ok: true, data: { priceMinor: cheap.priceMinor - 1, stock: 3, fromPriceMinor: cheap.priceMinor - 1 } });
    const stored = await prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(stored.fromPriceMinor).toBe(cheap.priceMinor - 1);
    expect(await invalidations()).toEqual([[`product:${product.id}`, `seller:${seller.id}`, "catalogue"]]);
  });

  it("refuses bad input with field paths and changes nothing", async () => {
    await prisma.cacheInvalidation.deleteMany();
    const before = await prisma.variant.findUniqueOrThrow({ where: { sku: cheap.sku } });
    for (const input of [
      { sku: cheap.sku, priceMinor: -5 },
      { sku: cheap.sku, priceMinor: 1.5 },
      { sku: cheap.sku, stock: -1 },
      { sku: cheap.sku },
      { sku: "\u0000", stock: 1 },
      { sku: cheap.sku, stock: 1, extra: true },
      "not an object",
    ]) {
      const result = await changeVariant(actor, input, prisma);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    }
    expect(await changeVariant(actor, { sku: "NO-SUCH-SKU", stock: 1 }, prisma)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await changeVariant({ kind: "system", name: "" }, { sku: cheap.sku, stock: 1 }, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await prisma.variant.findUniqueOrThrow({ where: { sku: cheap.sku } })).toEqual(before);
    expect(await invalidations()).toEqual([]);
  });
});

describe("changeTranslation and changeSellerStatus", () => {
  it("rewrites the text and its search index, and publishes the product's tags", async () => {
    await prisma.cacheInvalidation.deleteMany();
    const result = await changeTranslation(actor, { slug: product.slug, locale: "ar", title: "عنوان جديد", description: "وصف" }, prisma);
    expect(result.ok).toBe(true);
    const rows = await prisma.$queryRaw<{ hit: boolean }[]>`
      SELECT "searchVector" @@ to_tsquery('simple', 'عنوان') AS hit FROM "Product" WHERE id = ${product.id}`;
    expect(rows[0]?.hit).toBe(true);
    expect(await invalidations()).toEqual([[`product:${product.id}`, `seller:${seller.id}`, "catalogue"]]);
    expect(await changeTranslation(actor, { slug: product.slug, locale: "xx", title: "t", description: "d" }, prisma)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });

  it("suspends and reactivates a seller, publishing the seller's tags", async () => {
    await prisma.cacheInvalidation.deleteMany();
    expect(await changeSellerStatus(actor, { handle: seller.handle, status: "SUSPENDED" }, prisma)).toMatchObject({ ok: true });
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: seller.id } })).status).toBe("SUSPENDED");
    expect(await changeSellerStatus(actor, { handle: seller.handle, status: "ACTIVE" }, prisma)).toMatchObject({ ok: true });
    expect(await invalidations()).toEqual([[`seller:${seller.id}`, "catalogue"], [`seller:${seller.id}`, "catalogue"]]);
    expect(await changeSellerStatus(actor, { handle: seller.handle, status: "GONE" }, prisma)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });

  it("new FX rates publish the fx tag with them", async () => {
    await prisma.cacheInvalidation.deleteMany();
    await storeRates(prisma, readSnapshot());
    expect(await invalidations()).toEqual([["fx"]]);
  });

  it("a rolled-back change publishes nothing", async () => {
    await prisma.cacheInvalidation.deleteMany();
    await expect(
      prisma.$transaction(async (tx) => {
        await publishInvalidation(tx, ["catalogue"]);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await invalidations()).toEqual([]);
  });
});

describe("the page cache's listener", () => {
  it("listens on the channel the services notify", () => {
    expect(CHANNEL).toBe(CACHE_CHANNEL);
  });

  it("expires published tags in this process, and replays what it missed before it started", async () => {
    const missed = `product:missed-${Date.now()}`;
    const live = `product:live-${Date.now()}`;
    const startedAt = Date.now();
    // Published before the listener runs: replayed on connect.
    await publishInvalidation(prisma, [missed]);
    startListener(url);
    await expect.poll(() => tagsManifest.get(missed)?.expired ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(startedAt - 1000);
    // Published while it listens: expired on the notification.
    const before = Date.now();
    await publishInvalidation(prisma, [live]);
    await expect.poll(() => tagsManifest.get(live)?.expired ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(before - 1000);
  });

  it("never moves an expiry back, and bumps the tag's epoch each time", () => {
    const tag = `seller:epoch-${Date.now()}`;
    expireTags([tag], 2_000);
    expireTags([tag], 1_000);
    expect(tagsManifest.get(tag)).toEqual({ stale: 2_000, expired: 2_000 });
    const state = (globalThis as unknown as Record<symbol, { epochs: Map<string, number> }>)[Symbol.for("caravan.cache")]!;
    expect(state.epochs.get(tag)).toBe(2);
  });
});

describe("what the page cache stores", () => {
  it("stores 200 pages and data, never error pages or listings with typed price bounds", () => {
    expect(shouldStore("/en/us/products/tea", { kind: "APP_PAGE", status: 200 })).toBe(true);
    expect(shouldStore("/en/us/catalogue/category=coffee-tea/page=2", { kind: "APP_PAGE", status: 200 })).toBe(true);
    expect(shouldStore("/en/us/products/nope", { kind: "APP_PAGE", status: 404 })).toBe(false);
    expect(shouldStore("/en/us/missing", { kind: "APP_PAGE", status: 500 })).toBe(false);
    expect(shouldStore("/en/us/catalogue/min=12", { kind: "APP_PAGE", status: 200 })).toBe(false);
    expect(shouldStore("/en/us/catalogue/kind=digital/max=40.5", { kind: "APP_PAGE", status: 200 })).toBe(false);
    expect(shouldStore("fetch-key", { kind: "FETCH" })).toBe(true);
    expect(shouldStore("anything", null)).toBe(true);
  });
});
