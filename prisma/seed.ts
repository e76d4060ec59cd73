/**
 * The deterministic demo catalogue: sellers, categories, products with translations
 * and variants, and the shipped FX snapshot. Same input, same rows. Markets are not
 * rows: they are code (lib/domain/markets), which the proxy reads synchronously.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { readSnapshot, storeRates } from "@/lib/server/fx/snapshot";
import { refreshRates } from "@/lib/server/fx/refresh";
import { CATEGORIES, PRODUCTS, SELLERS, type SeedProduct, type SeedSeller } from "./seed-data";
import { SELLER_LEGAL } from "./seed-data/seller-legal";
import { seedDemoAccounts, type DemoAccount } from "./seed-accounts";
import { parseEnv } from "@/lib/env";
import { refreshDerivedColumns, translationSearchText } from "@/lib/server/catalogue/derived";
import { getStorage, type Storage } from "@/lib/server/storage";
import { createHash } from "node:crypto";
import { refreshSalesWeeks } from "@/lib/server/analytics/refresh";
import { recomputeForecasts } from "@/lib/server/analytics/forecasts";
import { ensureNightlyAnalytics } from "@/lib/server/analytics/jobs";

/** A fixed clock so "newest" ordering is the same on every machine. */
const EPOCH = Date.parse("2026-01-05T09:00:00Z");

export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.product.count()) > 0;
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
type Db = PrismaClient | Tx;

/**
 * Writes products with their translations and variants: the one path every catalogue
 * loader takes (the demo seed and the large generated catalogue), so the derived
 * columns are filled the same way. `index` orders `createdAt` ("newest") after the
 * products already written. Call `refreshDerivedColumns` once the batch is in.
 */
export async function insertProducts(db: Db, products: readonly SeedProduct[], currencyOf: ReadonlyMap<string, string>, index = 0): Promise<void> {
  await db.product.createMany({
    data: products.map((p, i) => {
      const currency = currencyOf.get(p.sellerId);
      if (!currency) throw new Error(`Product ${p.id} names unknown seller ${p.sellerId}`);
      return {
        id: p.id,
        sellerId: p.sellerId,
        categoryId: p.categoryId,
        slug: p.slug,
        kind: p.kind,
        taxCategory: p.taxCategory,
        hsCode: p.hsCode ?? null,
        originCountry: p.originCountry,
        originalLocale: p.originalLocale,
        weightGrams: p.weightGrams ?? null,
        lengthMm: p.dimensionsMm?.length ?? null,
        widthMm: p.dimensionsMm?.width ?? null,
        heightMm: p.dimensionsMm?.height ?? null,
        featured: p.featured ?? false,
        imageCount: 3,
        fromPriceMinor: Math.min(...p.variants.map((v) => v.priceMinor)),
        currency,
        createdAt: new Date(EPOCH + (index + i) * 3_600_000),
      };
    }),
  });
  await db.productTranslation.createMany({
    data: products.flatMap((p) =>
      Object.entries(p.translations).map(([locale, t]) => ({
        productId: p.id,
        locale,
        title: t.title,
        description: t.description,
        ...translationSearchText(t.title, t.description),
      })),
    ),
  });
  await db.variant.createMany({
    data: products.flatMap((p) =>
      p.variants.map((v, position) => ({
        id: `var_${v.sku.toLowerCase()}`,
        productId: p.id,
        sku: v.sku,
        name: v.name,
        priceMinor: v.priceMinor,
        currency: currencyOf.get(p.sellerId) ?? "",
        stock: v.stock,
        position,
      })),
    ),
  });
}

/** A seller's legal identity and return terms: the demo sellers' own, else a registered name equal to the shop name. */
function legalOf(s: SeedSeller) {
  const legal = SELLER_LEGAL[s.id];
  return legal
    ? { legalName: legal.legalName, legalAddress: legal.address, trader: legal.trader, returnDays: legal.returnDays, returnShippingPaidBy: legal.returnShippingPaidBy }
    : { legalName: s.name, legalAddress: [s.country], trader: true, returnDays: 14, returnShippingPaidBy: "BUYER" };
}

/** Writes sellers (their `createdAt` before the catalogue's epoch, in order). */
export async function insertSellers(db: Db, sellers: readonly SeedSeller[]): Promise<void> {
  await db.seller.createMany({
    data: sellers.map((s, i) => ({
      id: s.id,
      handle: s.handle,
      name: s.name,
      country: s.country,
      currency: s.currency,
      languages: s.languages,
      bio: s.bio,
      incoterm: s.incoterm ?? null,
      ...legalOf(s),
      createdAt: new Date(EPOCH - (sellers.length - i) * 86_400_000),
    })),
  });
}

/**
 * `demoAccounts`: also the demo store's accounts (prisma/seed-accounts.ts); by default when CARAVAN_DEMO=true.
 * `recordFxRefresh`: the snapshot's rates are recorded as a refresh (`fx.refresh`) in the audit log, as on `npm start`.
 */
export async function seed(
  prisma: PrismaClient,
  {
    demoAccounts = parseEnv().CARAVAN_DEMO,
    recordFxRefresh = false,
    history = false,
    historySeed = 1,
  }: { demoAccounts?: boolean; recordFxRefresh?: boolean; history?: boolean; historySeed?: number } = {},
): Promise<{ products: number; sellers: number; accounts: DemoAccount[]; historyOrders: number }> {
  await prisma.$transaction(async (tx) => {
    await insertSellers(tx, SELLERS);
    await tx.category.createMany({ data: CATEGORIES.map((c) => ({ id: c.id, slug: c.slug, position: c.position })) });
    await tx.categoryTranslation.createMany({
      data: CATEGORIES.flatMap((c) => Object.entries(c.names).map(([locale, name]) => ({ categoryId: c.id, locale, name }))),
    });
    await insertProducts(tx, PRODUCTS, new Map(SELLERS.map((s) => [s.id, s.currency])));
  }, { timeout: 60_000 });
  if (recordFxRefresh) await refreshRates(prisma, readSnapshot(), "SNAPSHOT");
  else await storeRates(prisma, readSnapshot());
  await refreshDerivedColumns(prisma);
  await seedDigitalFiles(prisma, PRODUCTS);
  const accounts = demoAccounts ? await seedDemoAccounts(prisma) : [];
  let historyOrders = 0;
  if (history) {
    // Loaded only when asked: it seals demo buyers' emails (lib/server/crypto/pii, server-only),
    // so a process that seeds without history (the test runner) needs no server condition.
    const { writeDemoHistory } = await import("@/lib/server/analytics/history");
    historyOrders = (await writeDemoHistory(prisma, { seed: historySeed })).orders;
    for (const s of SELLERS) {
      await refreshSalesWeeks(prisma, { sellerId: s.id });
      await recomputeForecasts(prisma, s.id);
    }
    await ensureNightlyAnalytics(prisma);
  }
  return { products: PRODUCTS.length, sellers: SELLERS.length, accounts, historyOrders };
}

/**
 * A small demo file for each digital product, kept through the storage interface like a
 * seller's upload, so the demo store can deliver what it sells. Same product, same key
 * and bytes: seeding again rewrites the same object.
 */
export async function seedDigitalFiles(prisma: PrismaClient, products: readonly SeedProduct[], storage: Storage = getStorage()): Promise<number> {
  const digital = products.filter((p) => p.kind === "DIGITAL");
  for (const p of digital) {
    const title = p.translations[p.originalLocale]?.title ?? p.slug;
    const bytes = new TextEncoder().encode(`${title}\n\nA demo file from the Caravan demo store (${p.slug}).\n`);
    const storageKey = `files/demo-${createHash("sha256").update(p.id).digest("hex").slice(0, 32)}`;
    await storage.put(storageKey, bytes, "text/plain");
    await prisma.digitalFile.create({
      data: { productId: p.id, storageKey, fileName: `${p.slug}.txt`, mimeType: "text/plain", byteSize: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), createdAt: new Date(EPOCH) },
    });
  }
  return digital.length;
}
