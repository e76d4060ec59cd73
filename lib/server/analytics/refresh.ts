import type { PrismaClient } from "@/generated/prisma/client";
import { ISO_DECIMALS } from "@/lib/domain/money/currencies";

/**
 * Rebuilds the weekly sales aggregates (SalesWeek) from paid order lines, one seller at a
 * time in its own transaction: the seller's rows are deleted and inserted anew by one
 * INSERT ... SELECT ... GROUP BY. A week is the Monday (UTC) of the order's payment.
 * Revenue is in the seller's currency: each line's stored unit price (the seller's price
 * in the seller's currency that the order was priced from) times its units; a line priced
 * in another currency is converted with the rate its order's quote stored (minor units
 * scaled by the two currencies' exponents; no stored rate counts 0). Aggregates
 * only: no buyer data is read.
 */
export async function refreshSalesWeeks(db: PrismaClient, { sellerId }: { sellerId?: string } = {}): Promise<{ sellers: number; rows: number }> {
  const sellers = sellerId
    ? await db.seller.findMany({ where: { id: sellerId }, select: { id: true } })
    : await db.seller.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const decimals = JSON.stringify(ISO_DECIMALS);
  let rows = 0;
  for (const seller of sellers) {
    rows += await db.$transaction(async (tx) => {
      await tx.$executeRaw`DELETE FROM "SalesWeek" WHERE "sellerId" = ${seller.id}`;
      return tx.$executeRaw`
        INSERT INTO "SalesWeek" ("sellerId", "productId", destination, week, orders, units, "revenueMinor", currency, "withdrawnUnits")
        SELECT so."sellerId", l."productId", o.destination, date_trunc('week', o."paidAt" AT TIME ZONE 'UTC')::date,
               count(DISTINCT o.id)::int, sum(l.quantity)::int,
               sum(CASE WHEN l."unitCurrency" = s.currency THEN l."unitPriceMinor"::bigint * l.quantity
                        ELSE round(l."unitPriceMinor"::numeric * l.quantity * coalesce(
                          (SELECT (r->>'rate')::numeric FROM jsonb_array_elements(CASE WHEN jsonb_typeof(o.quote->'fxRates') = 'array' THEN o.quote->'fxRates' ELSE '[]'::jsonb END) r
                             WHERE r->>'from' = l."unitCurrency" AND r->>'to' = s.currency LIMIT 1),
                          1 / nullif((SELECT (r->>'rate')::numeric FROM jsonb_array_elements(CASE WHEN jsonb_typeof(o.quote->'fxRates') = 'array' THEN o.quote->'fxRates' ELSE '[]'::jsonb END) r
                             WHERE r->>'from' = s.currency AND r->>'to' = l."unitCurrency" LIMIT 1), 0),
                          0) * power(10::numeric, coalesce((${decimals}::jsonb ->> s.currency)::int, 2) - coalesce((${decimals}::jsonb ->> l."unitCurrency")::int, 2)))::bigint END),
               s.currency, sum(l."withdrawnQuantity")::int
        FROM "OrderLine" l
        JOIN "SubOrder" so ON so.id = l."subOrderId"
        JOIN "Order" o ON o.id = l."orderId"
        JOIN "Seller" s ON s.id = so."sellerId"
        WHERE so."sellerId" = ${seller.id} AND o.status = 'PAID' AND o."paidAt" IS NOT NULL
        GROUP BY so."sellerId", l."productId", o.destination, date_trunc('week', o."paidAt" AT TIME ZONE 'UTC')::date, s.currency`;
    }, { timeout: 60_000 });
  }
  return { sellers: sellers.length, rows };
}
