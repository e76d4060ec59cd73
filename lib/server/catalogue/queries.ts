import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/generated/prisma/client";
import { PAGE_SIZE, type CatalogueQuery } from "@/lib/domain/catalogue/query";
import { decimalsOf, CURRENCY_CODES, type CurrencyCode } from "@/lib/domain/money";
import { chargeStepMinor } from "@/lib/domain/money/stripe";
import { crossRate, type FxTable } from "@/lib/domain/fx";
import type { Locale, MarketDefinition } from "@/lib/domain/markets";
import { searchTerms } from "@/lib/domain/search/fold";
import { currentFxTable } from "./fx";
import { priceView, type PriceView } from "./pricing";

export interface ProductCard {
  id: string;
  slug: string;
  title: string;
  /** Locale the title is written in; differs from the page locale when falling back to the original. */
  contentLocale: string;
  kind: "PHYSICAL" | "DIGITAL";
  originCountry: string;
  stock: number;
  price: PriceView;
  seller: { handle: string; name: string; country: string };
  category: { slug: string; name: string };
}

export interface CataloguePage {
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
}

/** The current FX table, once per request (React cache) and shared by a process for a minute. */
export const getFx = cache(currentFxTable);

interface CardRow {
  id: string;
  slug: string;
  title: string;
  contentLocale: string;
  kind: "PHYSICAL" | "DIGITAL";
  originCountry: string;
  fromPriceMinor: number;
  currency: string;
  stock: bigint | number;
  sellerHandle: string;
  sellerName: string;
  sellerCountry: string;
  categorySlug: string;
  categoryName: string;
  total: bigint | number;
}

/**
 * Per-currency factors that turn a seller's minor units into the buyer's, in SQL:
 * buyer_minor = seller_minor * factor, then rounded (half away from zero, as the
 * money module does) to the buyer currency's chargeable step.
 */
function fxValues(fx: FxTable, buyer: CurrencyCode): Prisma.Sql {
  const rows: Prisma.Sql[] = [];
  for (const currency of CURRENCY_CODES) {
    try {
      const { rate } = crossRate(fx, currency, buyer);
      const shift = decimalsOf(buyer) - decimalsOf(currency);
      const num = rate.numerator * (shift > 0 ? 10n ** BigInt(shift) : 1n);
      const den = rate.denominator * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
      rows.push(Prisma.sql`(${currency}::text, ${num.toString()}::numeric, ${den.toString()}::numeric)`);
    } catch {
      // No rate for this currency: its products cannot be price-filtered or price-sorted.
    }
  }
  return Prisma.sql`SELECT * FROM (VALUES ${Prisma.join(rows)}) AS v(currency, num, den)`;
}

/**
 * The product rows a listing starts from, in the visitor's locale. With `pricing`, each
 * row also carries its price in the buyer's currency (for sorting and range filters);
 * listings that need neither skip that work.
 */
function cardSelect(locale: Locale, pricing?: { buyer: CurrencyCode; fx: FxTable }): Prisma.Sql {
  const price = pricing
    ? Prisma.sql`ROUND(p."fromPriceMinor" * fx.num / fx.den / ${chargeStepMinor(pricing.buyer)}) * ${chargeStepMinor(pricing.buyer)}`
    : Prisma.sql`NULL::numeric`;
  return Prisma.sql`
    WITH ${pricing ? Prisma.sql`fx AS (${fxValues(pricing.fx, pricing.buyer)}),` : Prisma.empty}
    base AS (
      SELECT p.id, p.slug, p.kind::text AS kind, p."originCountry", p."fromPriceMinor", p.currency,
             p.featured, p."createdAt", p."categoryId", p."sellerId",
             COALESCE(t.title, o.title) AS title,
             CASE WHEN t.title IS NULL THEN p."originalLocale" ELSE ${locale} END AS "contentLocale",
             ${price} AS "buyerPrice"
        FROM "Product" p
        JOIN "Seller" s ON s.id = p."sellerId" AND s.status = 'ACTIVE'
        LEFT JOIN "ProductTranslation" t ON t."productId" = p.id AND t.locale = ${locale}
        JOIN "ProductTranslation" o ON o."productId" = p.id AND o.locale = p."originalLocale"
        ${pricing ? Prisma.sql`LEFT JOIN fx ON fx.currency = p.currency` : Prisma.empty}
       WHERE p.status = 'ACTIVE'
    )`;
}

const CARD_COLUMNS = Prisma.sql`
  b.id, b.slug, b.title, b."contentLocale", b.kind, b."originCountry", b."fromPriceMinor", b.currency,
  (SELECT COALESCE(SUM(v.stock), 0) FROM "Variant" v WHERE v."productId" = b.id) AS stock,
  s.handle AS "sellerHandle", s.name AS "sellerName", s.country AS "sellerCountry",
  c.slug AS "categorySlug", COALESCE(ct.name, c.slug) AS "categoryName",
  COUNT(*) OVER() AS total`;

function cardJoins(locale: Locale): Prisma.Sql {
  return Prisma.sql`
    JOIN "Seller" s ON s.id = b."sellerId"
    JOIN "Category" c ON c.id = b."categoryId"
    LEFT JOIN "CategoryTranslation" ct ON ct."categoryId" = c.id AND ct.locale = ${locale}`;
}

function toCards(rows: CardRow[], fx: FxTable, buyer: CurrencyCode): ProductCard[] {
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    contentLocale: row.contentLocale,
    kind: row.kind,
    originCountry: row.originCountry,
    stock: Number(row.stock),
    price: priceView(fx, row.fromPriceMinor, row.currency, buyer),
    seller: { handle: row.sellerHandle, name: row.sellerName, country: row.sellerCountry },
    category: { slug: row.categorySlug, name: row.categoryName },
  }));
}

function orderBy(sort: CatalogueQuery["sort"]): Prisma.Sql {
  switch (sort) {
    case "newest":
      return Prisma.sql`ORDER BY b."createdAt" DESC, b.id`;
    case "price-asc":
      return Prisma.sql`ORDER BY b."buyerPrice" ASC NULLS LAST, b.id`;
    case "price-desc":
      return Prisma.sql`ORDER BY b."buyerPrice" DESC NULLS LAST, b.id`;
    default:
      return Prisma.sql`ORDER BY b.featured DESC, b."createdAt" DESC, b.id`;
  }
}

function paged(rows: CardRow[], fx: FxTable, market: MarketDefinition, page: number): CataloguePage {
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return { items: toCards(rows, fx, market.currency), total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function queryCatalogue(locale: Locale, market: MarketDefinition, query: CatalogueQuery): Promise<CataloguePage> {
  const fx = await getFx();
  const filters: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.category) filters.push(Prisma.sql`c.slug = ${query.category}`);
  if (query.origin) filters.push(Prisma.sql`b."originCountry" = ${query.origin}`);
  if (query.kind) filters.push(Prisma.sql`b.kind = ${query.kind.toUpperCase()}`);
  if (query.minMinor !== undefined) filters.push(Prisma.sql`b."buyerPrice" >= ${query.minMinor}`);
  if (query.maxMinor !== undefined) filters.push(Prisma.sql`b."buyerPrice" <= ${query.maxMinor}`);
  const needsPrice = query.sort.startsWith("price") || query.minMinor !== undefined || query.maxMinor !== undefined;
  const rows = await getPrisma().$queryRaw<CardRow[]>`
    ${cardSelect(locale, needsPrice ? { buyer: market.currency, fx } : undefined)}
    SELECT ${CARD_COLUMNS} FROM base b ${cardJoins(locale)}
     WHERE ${Prisma.join(filters, " AND ")}
     ${orderBy(query.sort)}
     LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE}`;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page the window count is not there: count, so the page can send the
    // buyer to the last page instead of showing an empty one.
    const [count] = await getPrisma().$queryRaw<{ total: bigint }[]>`
      ${cardSelect(locale, needsPrice ? { buyer: market.currency, fx } : undefined)}
      SELECT COUNT(*) AS total FROM base b ${cardJoins(locale)} WHERE ${Prisma.join(filters, " AND ")}`;
    const total = Number(count?.total ?? 0);
    return { items: [], total, page: query.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
  }
  return paged(rows, fx, market, query.page);
}

/**
 * Full-text search over every translation of every product: folded (accent- and
 * case-insensitive) terms, prefix-matched against a GIN-indexed tsvector; scripts
 * without spaces (Japanese, Chinese) also match as substrings of the folded text.
 */
export async function searchProducts(locale: Locale, market: MarketDefinition, text: string, page: number): Promise<CataloguePage> {
  const terms = searchTerms(text);
  const tsquery = terms.map((term) => `${term}:*`).join(" & ");
  if (!tsquery) return { items: [], total: 0, page: 1, pageCount: 1 };
  const phrase = terms.join(" ");
  // Japanese and Chinese are written without spaces between words: match substrings too.
  const substring = /[^\u0000-\u007f]/.test(phrase);
  const prisma = getPrisma();
  // Step 1: matching product ids, ranked, one page of them (GIN index; substring match
  // only for queries in scripts without word spacing).
  const hits = await prisma.$queryRaw<{ productId: string; total: bigint }[]>`
    SELECT t."productId", COUNT(*) OVER() AS total
      FROM "ProductTranslation" t
      JOIN "Product" p ON p.id = t."productId" AND p.status = 'ACTIVE'
     WHERE t."searchVector" @@ to_tsquery('simple', ${tsquery})
        OR (${substring} AND t."searchText" LIKE '%' || ${phrase} || '%')
     GROUP BY t."productId", p.featured
     ORDER BY MAX(ts_rank(t."searchVector", to_tsquery('simple', ${tsquery}))) DESC, p.featured DESC, t."productId"
     LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  if (hits.length === 0) return { items: [], total: 0, page, pageCount: 1 };
  // Step 2: the cards for those ids, in rank order.
  const ids = hits.map((h) => h.productId);
  const [fx, rows] = await Promise.all([
    getFx(),
    prisma.$queryRaw<CardRow[]>`
      ${cardSelect(locale)}
      SELECT ${CARD_COLUMNS} FROM base b ${cardJoins(locale)} WHERE b.id IN (${Prisma.join(ids)})`,
  ]);
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const total = Number(hits[0]!.total);
  return { items: toCards(rows, fx, market.currency), total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function featuredProducts(locale: Locale, market: MarketDefinition, limit = 8): Promise<ProductCard[]> {
  const fx = await getFx();
  const rows = await getPrisma().$queryRaw<CardRow[]>`
    ${cardSelect(locale)}
    SELECT ${CARD_COLUMNS} FROM base b ${cardJoins(locale)}
     WHERE b.featured ORDER BY b."createdAt" DESC, b.id LIMIT ${limit}`;
  return toCards(rows, fx, market.currency);
}

export async function sellerProducts(locale: Locale, market: MarketDefinition, sellerId: string): Promise<ProductCard[]> {
  const fx = await getFx();
  const rows = await getPrisma().$queryRaw<CardRow[]>`
    ${cardSelect(locale)}
    SELECT ${CARD_COLUMNS} FROM base b ${cardJoins(locale)}
     WHERE b."sellerId" = ${sellerId} ORDER BY b.featured DESC, b.id LIMIT 200`;
  return toCards(rows, fx, market.currency);
}
