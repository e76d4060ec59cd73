/**
 * The deterministic demo catalogue: sellers, categories, products with translations
 * and variants, and the shipped FX snapshot. Same input, same rows. Markets are not
 * rows: they are code (lib/domain/markets), which the proxy reads synchronously.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { foldForSearch } from "@/lib/domain/search/fold";
import { readSnapshot, storeRates } from "@/lib/server/fx/snapshot";
import { CATEGORIES, PRODUCTS, SELLERS } from "./seed-data";

/** A fixed clock so "newest" ordering is the same on every machine. */
const EPOCH = Date.parse("2026-01-05T09:00:00Z");

export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.product.count()) > 0;
}

export async function seed(prisma: PrismaClient): Promise<{ products: number; sellers: number }> {
  await prisma.$transaction(async (tx) => {
    await tx.seller.createMany({
      data: SELLERS.map((s, i) => ({
        id: s.id,
        handle: s.handle,
        name: s.name,
        country: s.country,
        currency: s.currency,
        languages: s.languages,
        bio: s.bio,
        incoterm: s.incoterm ?? null,
        createdAt: new Date(EPOCH - (SELLERS.length - i) * 86_400_000),
      })),
    });
    await tx.category.createMany({ data: CATEGORIES.map((c) => ({ id: c.id, slug: c.slug, position: c.position })) });
    await tx.categoryTranslation.createMany({
      data: CATEGORIES.flatMap((c) => Object.entries(c.names).map(([locale, name]) => ({ categoryId: c.id, locale, name }))),
    });
    const currencyOf = new Map(SELLERS.map((s) => [s.id, s.currency]));
    await tx.product.createMany({
      data: PRODUCTS.map((p, i) => {
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
          createdAt: new Date(EPOCH + i * 3_600_000),
        };
      }),
    });
    await tx.productTranslation.createMany({
      data: PRODUCTS.flatMap((p) =>
        Object.entries(p.translations).map(([locale, t]) => ({
          productId: p.id,
          locale,
          title: t.title,
          description: t.description,
          searchText: foldForSearch(`${t.title} ${t.description}`),
        })),
      ),
    });
    await tx.variant.createMany({
      data: PRODUCTS.flatMap((p) =>
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
    await tx.$executeRaw`UPDATE "ProductTranslation" SET "searchVector" = to_tsvector('simple', "searchText")`;
  }, { timeout: 60_000 });
  await storeRates(prisma, readSnapshot());
  return { products: PRODUCTS.length, sellers: SELLERS.length };
}
