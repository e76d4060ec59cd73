import "server-only";
import { getPrisma } from "@/lib/db/client";
import { buildFxTable, type EurRate, type FxTable } from "@/lib/domain/fx";
import { isCurrencyCode } from "@/lib/domain/money";

/** The newest rate per currency, as an FX table. Rates change once a day; pages revalidate hourly. */
export async function loadFxTable(): Promise<FxTable> {
  const prisma = getPrisma();
  const rows = await prisma.$queryRaw<{ quote: string; rate: string; date: Date; source: "ECB" | "MANUAL" }[]>`
    SELECT DISTINCT ON (quote) quote, rate::text AS rate, date, source::text AS source
      FROM "FxRate" WHERE base = 'EUR'
     ORDER BY quote, date DESC`;
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
