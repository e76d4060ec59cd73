import "server-only";
import { cache } from "react";
import { CATALOGUE_TAG } from "@/lib/domain/cache/tags";
import { sharedCache } from "@/lib/server/cache/shared";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/generated/prisma/client";
import { localizedText, type Locale, type MarketDefinition } from "@/lib/domain/markets";
import { getFx } from "./queries";
import { priceView, type PriceView } from "./pricing";
import { altFor } from "@/lib/domain/images/uploads";

export interface CategorySummary {
  slug: string;
  name: string;
  productCount: number;
}

/**
 * Categories with their product counts. The counts aggregate the whole catalogue, so
 * they are kept across requests under the catalogue tag (any listing change expires
 * them) and deduplicated within one render (React `cache`), as are the reads below.
 */
export const listCategories = cache(sharedCache(async function listCategories(locale: Locale): Promise<CategorySummary[]> {
  const [categories, counts] = await Promise.all([
    getPrisma().category.findMany({ orderBy: { position: "asc" }, include: { translations: { where: { locale } } } }),
    listedCounts("categoryId"),
  ]);
  return categories.map((c) => ({
    slug: c.slug,
    name: c.translations[0]?.name ?? c.slug,
    productCount: counts.get(c.id) ?? 0,
  }));
}, "categories", [CATALOGUE_TAG]));

/**
 * Listed products per category or per seller, in one pass over an index that starts with
 * `listed` and holds the id counted by (schema.prisma: `listed, categoryId, …` and
 * `listed, sellerId`): an index-only scan rather than an aggregate over the table.
 * Exported for the query-plan guard.
 */
export function listedCountsSql(by: "categoryId" | "sellerId"): Prisma.Sql {
  const column = Prisma.raw(by === "categoryId" ? `p."categoryId"` : `p."sellerId"`);
  return Prisma.sql`SELECT ${column} AS id, COUNT(*)::int AS n FROM "Product" p WHERE p.listed GROUP BY ${column}`;
}

async function listedCounts(by: "categoryId" | "sellerId"): Promise<Map<string, number>> {
  const rows = await getPrisma().$queryRaw<{ id: string; n: number }[]>(listedCountsSql(by));
  return new Map(rows.map((r) => [r.id, r.n]));
}

export interface SellerSummary {
  id: string;
  handle: string;
  name: string;
  country: string;
  currency: string;
  languages: string[];
  bio: string;
  productCount: number;
}

function toSellerSummary(
  s: { id: string; handle: string; name: string; country: string; currency: string; languages: string[]; bio: unknown },
  productCount: number,
  locale: Locale,
): SellerSummary {
  return {
    id: s.id,
    handle: s.handle,
    name: s.name,
    country: s.country,
    currency: s.currency,
    languages: s.languages,
    bio: localizedText(s.bio, locale, s.languages[0] ?? "en"),
    productCount,
  };
}

/** Active sellers with their product counts: kept across requests under the catalogue tag. */
export const listSellers = cache(sharedCache(async function listSellers(locale: Locale): Promise<SellerSummary[]> {
  const [sellers, counts] = await Promise.all([
    getPrisma().seller.findMany({ where: { status: "ACTIVE" }, orderBy: [{ country: "asc" }, { name: "asc" }] }),
    listedCounts("sellerId"),
  ]);
  return sellers.map((s) => toSellerSummary(s, counts.get(s.id) ?? 0, locale));
}, "sellers", [CATALOGUE_TAG]));

/**
 * The countries active sellers ship from, sorted: the catalogue's origin filter. Kept
 * under the catalogue tag like the lists above, and small, so a listing rendered on
 * demand reads a few codes from the cache rather than every seller.
 */
export const listOrigins = cache(sharedCache(async function listOrigins(): Promise<string[]> {
  const rows = await getPrisma().seller.findMany({ where: { status: "ACTIVE" }, select: { country: true }, distinct: ["country"], orderBy: { country: "asc" } });
  return rows.map((r) => r.country);
}, "origins", [CATALOGUE_TAG]));

export const getSeller = cache(async function getSeller(handle: string, locale: Locale): Promise<SellerSummary | null> {
  const seller = await getPrisma().seller.findFirst({
    where: { handle, status: "ACTIVE" },
    include: { _count: { select: { products: { where: { listed: true } } } } },
  });
  return seller ? toSellerSummary(seller, seller._count.products, locale) : null;
});

export interface ProductDetail {
  id: string;
  slug: string;
  title: string;
  description: string;
  contentLocale: string;
  isFallback: boolean;
  availableLocales: string[];
  kind: "PHYSICAL" | "DIGITAL";
  taxCategory: "STANDARD" | "BOOK" | "EBOOK";
  hsCode: string | null;
  originCountry: string;
  weightGrams: number | null;
  dimensionsMm: { length: number; width: number; height: number } | null;
  imageCount: number;
  /** The seller's READY photos in their order; empty: the generated art is shown. */
  images: { storageKey: string; width: number; height: number; widths: number[]; alt: string }[];
  createdAt: string;
  category: { slug: string; name: string };
  seller: { id: string; handle: string; name: string; country: string; currency: string; incoterm: "DDP" | "DAP" | null };
  variants: { id: string; sku: string; name: string; stock: number; price: PriceView }[];
  price: PriceView;
}

export const getProduct = cache(async function getProduct(slug: string, locale: Locale, market: MarketDefinition): Promise<ProductDetail | null> {
  const product = await getPrisma().product.findFirst({
    where: { slug, listed: true },
    include: {
      translations: true,
      variants: { orderBy: { position: "asc" } },
      images: { where: { status: "READY" }, orderBy: { position: "asc" }, select: { storageKey: true, width: true, height: true, widths: true, alt: true } },
      seller: true,
      category: { include: { translations: { where: { locale } } } },
    },
  });
  if (!product) return null;
  const fx = await getFx();
  const own = product.translations.find((t) => t.locale === locale);
  const original = product.translations.find((t) => t.locale === product.originalLocale) ?? product.translations[0];
  const content = own ?? original;
  const variants = product.variants.map((v) => ({
    id: v.id,
    sku: v.sku,
    name: localizedText(v.name, locale, product.originalLocale),
    stock: v.stock,
    price: priceView(fx, v.priceMinor, v.currency, market.currency),
  }));
  const dims =
    product.lengthMm && product.widthMm && product.heightMm
      ? { length: product.lengthMm, width: product.widthMm, height: product.heightMm }
      : null;
  return {
    id: product.id,
    slug: product.slug,
    title: content?.title ?? product.slug,
    description: content?.description ?? "",
    contentLocale: content?.locale ?? product.originalLocale,
    isFallback: !own,
    availableLocales: product.translations.map((t) => t.locale).sort(),
    kind: product.kind,
    taxCategory: product.taxCategory,
    hsCode: product.hsCode,
    originCountry: product.originCountry,
    weightGrams: product.weightGrams,
    dimensionsMm: dims,
    imageCount: product.imageCount,
    images: product.images
      .filter((image) => image.widths.length > 0)
      .map((image) => ({ storageKey: image.storageKey, width: image.width, height: image.height, widths: image.widths, alt: altFor(image.alt, locale, product.originalLocale) })),
    createdAt: product.createdAt.toISOString(),
    category: { slug: product.category.slug, name: product.category.translations[0]?.name ?? product.category.slug },
    seller: {
      id: product.seller.id,
      handle: product.seller.handle,
      name: product.seller.name,
      country: product.seller.country,
      currency: product.seller.currency,
      incoterm: product.seller.incoterm,
    },
    variants,
    price: priceView(fx, product.fromPriceMinor, product.currency, market.currency),
  };
});

/**
 * The products the build prerenders per locale (the newest featured ones): a fixed
 * number, so build time does not grow with the catalogue. Every other product page
 * renders on its first visit and is then cached.
 */
export const PRERENDERED_PRODUCTS = 12;

export async function listPrerenderedProductSlugs(): Promise<{ slug: string; updatedAt: Date }[]> {
  const rows = await getPrisma().product.findMany({
    where: { listed: true, featured: true },
    select: { slug: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: PRERENDERED_PRODUCTS,
  });
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.createdAt }));
}

export async function listSellerHandles(): Promise<string[]> {
  const rows = await getPrisma().seller.findMany({ where: { status: "ACTIVE" }, select: { handle: true } });
  return rows.map((r) => r.handle);
}
