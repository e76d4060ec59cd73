// No `server-only` here: the seed and the operator commands (tsx) read rates too.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { buildFxTable, type EurRate, type FxTable } from "@/lib/domain/fx";
import { isCurrencyCode } from "@/lib/domain/money";

/**
 * The FX table for a pricing date `asOf` (ISO date; default: the newest rates): per
 * currency, the newest rate published on or before that date; where the store holds
 * none that old, the oldest rate it has, whose later date the quote then shows.
 */
export async function readFxTable(db: PrismaClient | Prisma.TransactionClient, asOf?: string): Promise<FxTable> {
  const limit = asOf ? new Date(`${asOf}T00:00:00Z`) : new Date("9999-12-31T00:00:00Z");
  const rows = await db.$queryRaw<{ quote: string; rate: string; date: Date; source: "ECB" | "MANUAL" }[]>`
    SELECT DISTINCT ON (quote) quote, rate::text AS rate, date, source::text AS source
      FROM "FxRate" WHERE base = 'EUR'
     ORDER BY quote, (date <= ${limit}) DESC,
              CASE WHEN date <= ${limit} THEN date END DESC,
              date ASC`;
  const rates: EurRate[] = rows
    .filter((row) => isCurrencyCode(row.quote))
    .map((row) => ({
      quote: row.quote as EurRate["quote"],
      rate: row.rate.includes(".") ? row.rate.replace(/0+$/, "").replace(/\.$/, "") : row.rate,
      date: row.date.toISOString().slice(0, 10),
      source: row.source,
    }));
  return buildFxTable(rates);
}
