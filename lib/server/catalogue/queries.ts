import "server-only";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/generated/prisma/client";
import { MAX_PAGE, PAGE_SIZE, type CatalogueQuery } from "@/lib/domain/catalogue/query";
import { CURRENCY_CODES, type CurrencyCode } from "@/lib/domain/money";
import { chargeStepMinor } from "@/lib/domain/money/stripe";
import { scaledRate, type FxTable } from "@/lib/domain/fx";
import type { Locale, MarketDefinition } from "@/lib/domain/markets";
import { searchQuery } from "@/lib/domain/search/fold";
import { SORT_PRICE_DECIMALS } from "./derived";
import { currentFxTable } from "./fx";
import { priceView, type PriceView } from "./pricing";
import { CATALOGUE_TAG } from "@/lib/domain/cache/tags";
import { hearsInvalidations, tagEpoch } from "@/lib/server/cache/epoch";

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
  /** The first READY uploaded photo, shown instead of the generated art; null without one. */
  image: CardImage | null;
}

/** A card's photo (lib/domain/images/uploads): its id, pixel size and rendition widths. */
export interface CardImage {
  storageKey: string;
  width: number;
  height: number;
  widths: number[];
}

export interface CataloguePage {
  items: ProductCard[];
  /** How many match, counted up to a cap (COUNT_CAP, SEARCH_CAP). */
  total: number;
  /** More match than `total`: shown as "more than …". */
  capped: boolean;
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
  image: CardImage | null;
}

/**
 * A card's columns for `p` (a listed product) joined to its seller `s` and category `c`:
 * the title in the visitor's locale, falling back to the original (lateral `tt`), total
 * stock and the first READY photo. Few relations, so planning stays cheap.
 */
function cardColumns(locale: Locale): Prisma.Sql {
  return Prisma.sql`
  p.id, p.slug, tt.title, tt.locale AS "contentLocale", p.kind::text AS kind, p."originCountry", p."fromPriceMinor", p.currency,
  (SELECT COALESCE(SUM(v.stock), 0) FROM "Variant" v WHERE v."productId" = p.id) AS stock,
  s.handle AS "sellerHandle", s.name AS "sellerName", s.country AS "sellerCountry",
  c.slug AS "categorySlug",
  COALESCE((SELECT ct.name FROM "CategoryTranslation" ct WHERE ct."categoryId" = c.id AND ct.locale = ${locale}), c.slug) AS "categoryName",
  (SELECT json_build_object('storageKey', i."storageKey", 'width', i.width, 'height', i.height, 'widths', i.widths)
     FROM "ProductImage" i WHERE i."productId" = p.id AND i.status = 'READY'
    ORDER BY i.position LIMIT 1) AS image`;
}

function cardJoins(locale: Locale): Prisma.Sql {
  return Prisma.sql`
    JOIN "Product" p ON p.id = ids.id AND p.listed
    JOIN "Seller" s ON s.id = p."sellerId"
    JOIN "Category" c ON c.id = p."categoryId"
    JOIN LATERAL (SELECT t.title, t.locale FROM "ProductTranslation" t
                   WHERE t."productId" = p.id AND t.locale IN (${locale}, p."originalLocale")
                   ORDER BY t.locale = ${locale} DESC LIMIT 1) tt ON TRUE`;
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
    image: row.image,
  }));
}

/** A listing counts at most this many products: as far as pagination reaches (MAX_PAGE pages). */
export const COUNT_CAP = MAX_PAGE * PAGE_SIZE;
/** Search ranks at most this many matches and says "more than" beyond it. */
export const SEARCH_CAP = 1000;

/**
 * The price bounds of a query, in the buyer's minor units, as ranges of `sortPriceEur`:
 * `lo`/`hi`, wide enough to hold every product whose displayed price can fall inside
 * (one chargeable step and one rounding unit of slack each side), and `safeLo`/`safeHi`,
 * narrow enough that every product within them is inside for certain. The index narrows
 * the rows to the wide range; only those between the two ranges need the exact displayed
 * price (see listingFilters).
 *
 * Why the slack suffices: with x the exact converted price, the stored euro price s is
 * within half a unit of x / g, and the displayed price within half a step of x; so
 * |displayed - s x g| <= g / 2 + step / 2, less than one step plus one unit of s.
 */
function sortPriceRange(fx: FxTable, buyer: CurrencyCode, minMinor?: number, maxMinor?: number): { lo?: bigint; hi?: bigint; safeLo?: bigint; safeHi?: bigint } {
  // buyer minor = sortPriceEur x g, with g = (buyer per EUR) x 10^(decimals(buyer) - SORT_PRICE_DECIMALS).
  const { numerator: gNum, denominator: gDen } = scaledRate(fx, "EUR", buyer, { from: SORT_PRICE_DECIMALS });
  const step = BigInt(chargeStepMinor(buyer));
  const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
  const ceilDiv = (a: bigint, b: bigint) => -floorDiv(-a, b);
  return {
    lo: minMinor === undefined ? undefined : floorDiv((BigInt(minMinor) - step) * gDen, gNum) - 1n,
    hi: maxMinor === undefined ? undefined : ceilDiv((BigInt(maxMinor) + step) * gDen, gNum) + 1n,
    safeLo: minMinor === undefined ? undefined : ceilDiv((BigInt(minMinor) + step) * gDen, gNum) + 1n,
    safeHi: maxMinor === undefined ? undefined : floorDiv((BigInt(maxMinor) - step) * gDen, gNum) - 1n,
  };
}

/**
 * The WHERE clause of a listing over `Product p` alone, with conditions the planner can
 * estimate and indexes serve: the derived `listed` flag, the category's id, the origin,
 * the kind as its enum, and price bounds as a range of the stored euro price narrowed
 * to the exact displayed price. Exported for the query-plan guard (tests).
 */
export function listingFilters(query: CatalogueQuery, market: MarketDefinition, fx: FxTable): Prisma.Sql {
  const filters: Prisma.Sql[] = [Prisma.sql`p.listed`];
  if (query.category) filters.push(Prisma.sql`p."categoryId" = (SELECT c.id FROM "Category" c WHERE c.slug = ${query.category})`);
  if (query.origin) filters.push(Prisma.sql`p."originCountry" = ${query.origin}`);
  if (query.kind) filters.push(Prisma.sql`p.kind = ${query.kind.toUpperCase()}::"ProductKind"`);
  const priced = query.minMinor !== undefined || query.maxMinor !== undefined || query.sort.startsWith("price");
  if (priced) filters.push(Prisma.sql`p."sortPriceEur" IS NOT NULL`);
  if (query.minMinor !== undefined || query.maxMinor !== undefined) {
    let range: ReturnType<typeof sortPriceRange>;
    try {
      range = sortPriceRange(fx, market.currency, query.minMinor, query.maxMinor);
    } catch {
      return Prisma.sql`FALSE`; // no rate for the buyer's currency: nothing can be priced in it
    }
    if (range.lo !== undefined) filters.push(Prisma.sql`p."sortPriceEur" >= ${range.lo.toString()}::bigint`);
    if (range.hi !== undefined) filters.push(Prisma.sql`p."sortPriceEur" <= ${range.hi.toString()}::bigint`);
    // The exact displayed price only where the stored one is too close to a bound to decide.
    const shown = shownPriceSql(fx, market.currency);
    if (query.minMinor !== undefined) filters.push(Prisma.sql`(p."sortPriceEur" >= ${range.safeLo!.toString()}::bigint OR ${shown} >= ${query.minMinor})`);
    if (query.maxMinor !== undefined) filters.push(Prisma.sql`(p."sortPriceEur" <= ${range.safeHi!.toString()}::bigint OR ${shown} <= ${query.maxMinor})`);
  }
  return Prisma.join(filters, " AND ");
}

/**
 * The displayed price of `p` in the buyer's currency, as SQL: the seller's price times
 * the exact factor of its currency, rounded (half away from zero) to the buyer
 * currency's chargeable step, as the page shows it. One CASE over constant factors,
 * evaluated per candidate row; NULL for a currency without a rate.
 */
function shownPriceSql(fx: FxTable, buyer: CurrencyCode): Prisma.Sql {
  const step = chargeStepMinor(buyer);
  const branches: Prisma.Sql[] = [];
  for (const currency of CURRENCY_CODES) {
    try {
      const factor = scaledRate(fx, currency, buyer);
      const den = factor.denominator * BigInt(step);
      branches.push(Prisma.sql`WHEN ${currency} THEN ROUND(p."fromPriceMinor" * ${factor.numerator.toString()}::numeric / ${den.toString()}::numeric) * ${step}`);
    } catch {
      // No rate for this currency: its products match no price range.
    }
  }
  return branches.length ? Prisma.sql`(CASE p.currency ${Prisma.join(branches, " ")} END)` : Prisma.sql`NULL::numeric`;
}

/** ORDER BY matching one index per sort (schema.prisma: Product's `listed, …` indexes). */
function listingOrder(sort: CatalogueQuery["sort"]): Prisma.Sql {
  switch (sort) {
    case "newest":
      return Prisma.sql`ORDER BY p."createdAt" DESC, p.id`;
    case "price-asc":
      return Prisma.sql`ORDER BY p."sortPriceEur" ASC, p.id`;
    case "price-desc":
      return Prisma.sql`ORDER BY p."sortPriceEur" DESC, p.id DESC`;
    default:
      return Prisma.sql`ORDER BY p.featured DESC, p."createdAt" DESC, p.id`;
  }
}

/** The page's ids: from `Product` alone, in index order. Exported for the query-plan guard. */
export function listingPageSql(query: CatalogueQuery, market: MarketDefinition, fx: FxTable): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id FROM "Product" p WHERE ${listingFilters(query, market, fx)}
     ${listingOrder(query.sort)} LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE}`;
}

/**
 * How many products the listing has, counting no further than COUNT_CAP + 1, walking
 * the same index as the page (its order), so a count never reads the table itself.
 * Exported for the query-plan guard.
 */
export function listingCountSql(query: CatalogueQuery, market: MarketDefinition, fx: FxTable): Prisma.Sql {
  return Prisma.sql`
    SELECT COUNT(*) AS total FROM (
      SELECT 1 FROM "Product" p WHERE ${listingFilters(query, market, fx)} ${countOrder(query)} LIMIT ${COUNT_CAP + 1}) counted`;
}

/**
 * The index a count walks: the narrowest one its filters name (the origin, the
 * category, a price range), so it reads only the matching entries and stops at the cap;
 * otherwise (no filter, or only the kind, which half the catalogue shares) the page's
 * own index, where nearly every entry matches.
 */
function countOrder(query: CatalogueQuery): Prisma.Sql {
  // Narrowest first: an origin is a few percent of the catalogue, a category about a
  // tenth; a price range can be most of it, so it comes after them.
  if (query.origin) return Prisma.sql`ORDER BY p."originCountry"`;
  if (query.category) return Prisma.sql`ORDER BY p."categoryId"`;
  if (query.minMinor !== undefined || query.maxMinor !== undefined) return Prisma.sql`ORDER BY p.listed, p."sortPriceEur"`;
  return listingOrder(query.sort);
}

/**
 * The cards of the products `ids` selects (a query returning `id` in page order), in
 * that order: one statement, so the ids cost no round trip of their own.
 */
function cardsSql(locale: Locale, ids: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH ids AS MATERIALIZED (SELECT page.id, row_number() OVER () AS position FROM (${ids}) page)
    SELECT ${cardColumns(locale)}
      FROM ids ${cardJoins(locale)}
     ORDER BY ids.position`;
}

/** The cards of the given products, in the given order. Exported for the query-plan guard. */
export function cardsByIdSql(locale: Locale, ids: string[]): Prisma.Sql {
  return cardsSql(locale, Prisma.sql`SELECT id FROM UNNEST(${ids}::text[]) WITH ORDINALITY AS u(id, n) ORDER BY n`);
}

async function cardsFor(locale: Locale, market: MarketDefinition, fx: FxTable, ids: string[]): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  return toCards(await getPrisma().$queryRaw<CardRow[]>(cardsByIdSql(locale, ids)), fx, market.currency);
}

/**
 * A listing page's cards in one statement: the page's ids from `Product` alone in index
 * order (listingPageSql), then their cards. Exported for the query-plan guard.
 */
export function listingCardsSql(locale: Locale, query: CatalogueQuery, market: MarketDefinition, fx: FxTable): Prisma.Sql {
  return cardsSql(locale, listingPageSql(query, market, fx));
}

/** A listing page: its cards and, on a second connection at the same time, the capped count. */
export async function queryCatalogue(locale: Locale, market: MarketDefinition, query: CatalogueQuery): Promise<CataloguePage> {
  const fx = await getFx();
  const prisma = getPrisma();
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<CardRow[]>(listingCardsSql(locale, query, market, fx)),
    prisma.$queryRaw<{ total: bigint }[]>(listingCountSql(query, market, fx)),
  ]);
  const counted = Number(count?.total ?? 0);
  const total = Math.min(counted, COUNT_CAP);
  return {
    items: toCards(rows, fx, market.currency),
    total,
    capped: counted > COUNT_CAP,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/**
 * Ids of the matching products, best first, one page of them, with the capped number of
 * matches beside each; ranks at most SEARCH_CAP + 1 matches. Exported for the query-plan guard.
 */
export function searchPageSql(tsquery: string, page: number): Prisma.Sql {
  return Prisma.sql`
    WITH matches AS MATERIALIZED (
      SELECT p.id, p.featured, ts_rank(p."searchVector", q) AS rank
        FROM "Product" p, to_tsquery('simple', ${tsquery}) q
       WHERE p.listed AND p."searchVector" @@ q
       LIMIT ${SEARCH_CAP + 1})
    SELECT id, (SELECT COUNT(*) FROM matches) AS total FROM matches
     ORDER BY rank DESC, featured DESC, id LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
}

interface SearchHits {
  ids: string[];
  counted: number;
}

/**
 * Which products a query's page shows, kept per process for up to a minute and at most
 * SEARCH_HITS_KEPT queries, and dropped at once when the catalogue changes (its tag's
 * epoch moves): the ranking reads every match, the cards (prices, stock) are read fresh
 * on every request. Only while this process hears invalidations; otherwise every
 * request ranks again.
 */
const SEARCH_HITS_KEPT = 500;
const SEARCH_HITS_TTL_MS = 60_000;
const searchHits = new Map<string, { hits: SearchHits; until: number; epoch: number }>();

function keptHits(key: string, now: number): SearchHits | undefined {
  if (!hearsInvalidations()) return undefined;
  const kept = searchHits.get(key);
  if (!kept) return undefined;
  if (kept.until < now || kept.epoch !== tagEpoch(CATALOGUE_TAG)) {
    searchHits.delete(key);
    return undefined;
  }
  return kept.hits;
}

function keepHits(key: string, hits: SearchHits, epoch: number, now: number): void {
  if (!hearsInvalidations() || epoch !== tagEpoch(CATALOGUE_TAG)) return;
  searchHits.delete(key);
  searchHits.set(key, { hits, until: now + SEARCH_HITS_TTL_MS, epoch });
  while (searchHits.size > SEARCH_HITS_KEPT) searchHits.delete(searchHits.keys().next().value!);
}

/**
 * Full-text search over one document per product (every translation; titles weighted
 * above descriptions), folded so accents and case do not matter; Latin words match as
 * prefixes, Chinese and Japanese through their characters and pairs (lib/domain/search).
 * Work grows with the page, not with the matches: at most SEARCH_CAP matches are ranked,
 * and the total says "more than" beyond that. A query asked again within a minute, with
 * no catalogue change in between, skips the ranking (see searchHits).
 */
export async function searchProducts(locale: Locale, market: MarketDefinition, text: string, page: number): Promise<CataloguePage> {
  const tsquery = searchQuery(text);
  if (!tsquery) return { items: [], total: 0, capped: false, page: 1, pageCount: 1 };
  const key = `${page} ${tsquery}`;
  const now = Date.now();
  const fx = getFx();
  let hits = keptHits(key, now);
  if (!hits) {
    const epoch = tagEpoch(CATALOGUE_TAG);
    const rows = await getPrisma().$queryRaw<{ id: string; total: bigint }[]>(searchPageSql(tsquery, page));
    hits = { ids: rows.map((r) => r.id), counted: rows.length ? Number(rows[0]!.total) : 0 };
    keepHits(key, hits, epoch, now);
  }
  // No match (the common case for a typo): no cards to plan or load.
  const items = hits.ids.length ? await cardsFor(locale, market, await fx, hits.ids) : [];
  const counted = hits.counted;
  const total = Math.min(counted, SEARCH_CAP);
  return { items, total, capped: counted > SEARCH_CAP, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function featuredProducts(locale: Locale, market: MarketDefinition, limit = 8): Promise<ProductCard[]> {
  const [fx, rows] = await Promise.all([
    getFx(),
    getPrisma().$queryRaw<CardRow[]>(
      cardsSql(locale, Prisma.sql`
        SELECT p.id FROM "Product" p WHERE p.listed AND p.featured
         ORDER BY p.featured DESC, p."createdAt" DESC, p.id LIMIT ${limit}`),
    ),
  ]);
  return toCards(rows, fx, market.currency);
}

/** A seller's storefront: their products, featured first, at most 200. */
export async function sellerProducts(locale: Locale, market: MarketDefinition, sellerId: string): Promise<ProductCard[]> {
  const [fx, rows] = await Promise.all([
    getFx(),
    getPrisma().$queryRaw<CardRow[]>(
      cardsSql(locale, Prisma.sql`
        SELECT p.id FROM "Product" p WHERE p.listed AND p."sellerId" = ${sellerId}
         ORDER BY p.featured DESC, p."createdAt" DESC, p.id LIMIT 200`),
    ),
  ]);
  return toCards(rows, fx, market.currency);
}
