// No `server-only` here: the seed, the catalogue generator and the operator commands (tsx) run it too.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { scaledRate, type FxTable } from "@/lib/domain/fx";
import { CURRENCY_CODES } from "@/lib/domain/money";
import { searchDocument } from "@/lib/domain/search/fold";
import { readFxTable } from "@/lib/server/fx/load";

type Db = PrismaClient | Prisma.TransactionClient;

/** `sortPriceEur` is in millionths of a euro: fine enough that no two different prices of one currency tie. */
export const SORT_PRICE_DECIMALS = 6;

export interface DerivedScope {
  productIds?: readonly string[];
  sellerIds?: readonly string[];
}

function scope(alias: string, only: DerivedScope): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (only.productIds) conditions.push(Prisma.sql`${Prisma.raw(alias)}.id = ANY(${[...only.productIds]}::text[])`);
  if (only.sellerIds) conditions.push(Prisma.sql`${Prisma.raw(alias)}."sellerId" = ANY(${[...only.sellerIds]}::text[])`);
  return conditions.length ? Prisma.sql`AND (${Prisma.join(conditions, " OR ")})` : Prisma.empty;
}

/** The search text of a translation and of its title: what `to_tsvector('simple', …)` indexes. */
export function translationSearchText(title: string, description: string): { searchText: string; searchTitle: string } {
  return { searchText: searchDocument(`${title} ${description}`), searchTitle: searchDocument(title) };
}

/**
 * Per currency, the exact factor from its minor units to millionths of a euro at the
 * newest rates, as SQL `VALUES (currency, numerator, denominator)`; currencies without a
 * rate are left out (their products sort last and match no price range).
 */
export function eurFactorValues(fx: FxTable): Prisma.Sql | null {
  const rows: Prisma.Sql[] = [];
  for (const currency of CURRENCY_CODES) {
    let factor;
    try {
      factor = scaledRate(fx, currency, "EUR", { to: SORT_PRICE_DECIMALS });
    } catch {
      continue;
    }
    rows.push(Prisma.sql`(${currency}::text, ${factor.numerator.toString()}::numeric, ${factor.denominator.toString()}::numeric)`);
  }
  return rows.length ? Prisma.sql`VALUES ${Prisma.join(rows)}` : null;
}

/**
 * Recomputes the columns derived from a product's rows, for the given products or
 * sellers or the whole catalogue, in set-based SQL:
 * - `fromPriceMinor`, its cheapest variant;
 * - `listed`, ACTIVE and sold by an ACTIVE seller (the only products listings read);
 * - `searchVector`, one document over all its translations, titles weighted A;
 * - `sortPriceEur`, the from-price at the newest rates (see refreshSortPrices).
 * Every writer of catalogue rows calls it after writing (the seed, the generator, the
 * change services), so the derived columns never drift from their sources.
 */
export async function refreshDerivedColumns(db: Db, only: DerivedScope = {}): Promise<void> {
  await db.$executeRaw`
    UPDATE "Product" p SET "fromPriceMinor" = v.cheapest
      FROM (SELECT "productId", MIN("priceMinor") AS cheapest FROM "Variant" GROUP BY "productId") v
     WHERE v."productId" = p.id AND p."fromPriceMinor" IS DISTINCT FROM v.cheapest ${scope("p", only)}`;
  await db.$executeRaw`
    UPDATE "Product" p SET listed = (p.status = 'ACTIVE' AND s.status = 'ACTIVE')
      FROM "Seller" s WHERE s.id = p."sellerId" ${scope("p", only)}`;
  await db.$executeRaw`
    UPDATE "Product" p SET "searchVector" = d.document
      FROM (SELECT t."productId",
                   setweight(to_tsvector('simple', string_agg(t."searchTitle", ' ')), 'A') ||
                   setweight(to_tsvector('simple', string_agg(t."searchText", ' ')), 'B') AS document
              FROM "ProductTranslation" t JOIN "Product" p ON p.id = t."productId"
             WHERE TRUE ${scope("p", only)}
             GROUP BY t."productId") d
     WHERE d."productId" = p.id`;
  await refreshSortPrices(db, only);
}

/**
 * Recomputes `sortPriceEur` from the newest rates: after new rates (storeRates) for the
 * whole catalogue, after a price change for its products. One constant factor per
 * currency, so a sort or a range on the buyer's price follows this column's order.
 */
export async function refreshSortPrices(db: Db, only: DerivedScope = {}): Promise<void> {
  const values = eurFactorValues(await readFxTable(db));
  if (!values) {
    await db.$executeRaw`UPDATE "Product" p SET "sortPriceEur" = NULL WHERE TRUE ${scope("p", only)}`;
    return;
  }
  await db.$executeRaw`
    UPDATE "Product" p SET "sortPriceEur" = f.price
      FROM (SELECT p2.id, ROUND(p2."fromPriceMinor" * fx.num / fx.den)::bigint AS price
              FROM "Product" p2 LEFT JOIN (${values}) AS fx(currency, num, den) ON fx.currency = p2.currency
             WHERE TRUE ${scope("p2", only)}) f
     WHERE f.id = p.id AND p."sortPriceEur" IS DISTINCT FROM f.price`;
}

/**
 * Rebuilds the search text of every translation from its title and description (for
 * a database written before the current search tokens), then every derived column.
 * Idempotent; run by `npm start` and `npm run db:migrate` after migrations were applied.
 */
export async function rebuildDerivedColumns(db: PrismaClient): Promise<void> {
  const BATCH = 2_000;
  let after = { productId: "", locale: "" };
  for (;;) {
    const rows = await db.productTranslation.findMany({
      where: { OR: [{ productId: { gt: after.productId } }, { productId: after.productId, locale: { gt: after.locale } }] },
      orderBy: [{ productId: "asc" }, { locale: "asc" }],
      select: { productId: true, locale: true, title: true, description: true, searchText: true, searchTitle: true },
      take: BATCH,
    });
    if (rows.length === 0) break;
    const changed = rows
      .map((r) => ({ ...r, ...translationSearchText(r.title, r.description), old: r }))
      .filter((r) => r.searchText !== r.old.searchText || r.searchTitle !== r.old.searchTitle);
    if (changed.length) {
      await db.$executeRaw`
        UPDATE "ProductTranslation" t SET "searchText" = c."searchText", "searchTitle" = c."searchTitle"
          FROM (SELECT * FROM UNNEST(${changed.map((c) => c.productId)}::text[], ${changed.map((c) => c.locale)}::text[],
                                     ${changed.map((c) => c.searchText)}::text[], ${changed.map((c) => c.searchTitle)}::text[])
                  AS x("productId", locale, "searchText", "searchTitle")) c
         WHERE t."productId" = c."productId" AND t.locale = c.locale`;
    }
    const last = rows[rows.length - 1]!;
    after = { productId: last.productId, locale: last.locale };
  }
  await refreshDerivedColumns(db);
}
