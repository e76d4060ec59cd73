import "server-only";
import { getPrisma } from "@/lib/db/client";
import { buildFxTable, type EurRate, type FxTable } from "@/lib/domain/fx";
import { isCurrencyCode } from "@/lib/domain/money";
import { FX_TAG } from "@/lib/domain/cache/tags";
import { tagEpoch } from "@/lib/server/cache/epoch";

/**
 * The FX table for a pricing date `asOf` (ISO date; default: the newest rates): per
 * currency, the newest rate published on or before that date; where the store holds
 * none that old, the oldest rate it has, whose later date the quote then shows.
 */
export async function loadFxTable(asOf?: string): Promise<FxTable> {
  const prisma = getPrisma();
  const limit = asOf ? new Date(`${asOf}T00:00:00Z`) : new Date("9999-12-31T00:00:00Z");
  const rows = await prisma.$queryRaw<{ quote: string; rate: string; date: Date; source: "ECB" | "MANUAL" }[]>`
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

const CURRENT_TTL_MS = 60_000;
let current: { table: Promise<FxTable>; until: number; epoch: number } | undefined;

/**
 * The newest rates, shared by the requests of one process for a minute: rates change
 * once a day. New rates (the `fx` tag expiring) drop the shared table at once. A failed
 * load is not kept, so the next request tries again.
 */
export function currentFxTable(now: number = Date.now()): Promise<FxTable> {
  const epoch = tagEpoch(FX_TAG);
  if (!current || current.until < now || current.epoch !== epoch) {
    const table = loadFxTable();
    current = { table, until: now + CURRENT_TTL_MS, epoch };
    table.catch(() => {
      if (current?.table === table) current = undefined;
    });
  }
  return current.table;
}
