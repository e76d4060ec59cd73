// No `server-only` here: the seed and the catalogue generator (tsx) run it too.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Recomputes the columns derived from a product's rows, for the given products or the
 * whole catalogue, in set-based SQL: the search vector of each translation (from its
 * folded `searchText`) and the product's from-price (its cheapest variant). Every
 * writer of catalogue rows calls it after writing (the seed, the generator, the
 * change services), so the derived columns never drift from their sources.
 */
export async function refreshDerivedColumns(db: Db, options: { productIds?: readonly string[] } = {}): Promise<void> {
  const only = options.productIds;
  const where = (column: Prisma.Sql) => (only ? Prisma.sql`WHERE ${column} = ANY(${[...only]}::text[])` : Prisma.empty);
  await db.$executeRaw`UPDATE "ProductTranslation" t SET "searchVector" = to_tsvector('simple', t."searchText") ${where(Prisma.sql`t."productId"`)}`;
  await db.$executeRaw`
    UPDATE "Product" p SET "fromPriceMinor" = v.cheapest
      FROM (SELECT "productId", MIN("priceMinor") AS cheapest FROM "Variant" GROUP BY "productId") v
     WHERE v."productId" = p.id AND p."fromPriceMinor" IS DISTINCT FROM v.cheapest
       ${only ? Prisma.sql`AND p.id = ANY(${[...only]}::text[])` : Prisma.empty}`;
}
