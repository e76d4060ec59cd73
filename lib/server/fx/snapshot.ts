/**
 * Loading FX rates into the database: the ECB reference XML (a shipped snapshot or
 * the live feed) plus hand-entered rates for currencies the ECB does not publish.
 */
import fs from "node:fs";
import path from "node:path";
import { parseEcbXml, type EurRate } from "@/lib/domain/fx";
import { isCurrencyCode, parseRate } from "@/lib/domain/money";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { tagsForChange } from "@/lib/domain/cache/tags";
import { publishInvalidation } from "@/lib/server/cache/invalidation";
import { refreshSortPrices } from "@/lib/server/catalogue/derived";

export const SNAPSHOT_XML = path.resolve("prisma/fx/eurofxref-daily.xml");
export const MANUAL_RATES = path.resolve("prisma/fx/manual-rates.json");

export function readManualRates(file: string = MANUAL_RATES): EurRate[] {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as { date?: unknown; rates?: Record<string, unknown> };
  const date = typeof parsed.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(parsed.date) ? parsed.date : null;
  if (!date) throw new Error(`${file}: missing or bad "date"`);
  return Object.entries(parsed.rates ?? {}).map(([quote, rate]) => {
    if (!isCurrencyCode(quote) || typeof rate !== "string") throw new Error(`${file}: bad rate for ${quote}`);
    parseRate("EUR", quote, rate); // validates
    return { quote, rate, date, source: "MANUAL" as const };
  });
}

export function readSnapshot(): EurRate[] {
  return [...parseEcbXml(fs.readFileSync(SNAPSHOT_XML, "utf8")), ...readManualRates()];
}

/**
 * Upserts rates (one row per base, quote and date) and, in the same transaction,
 * expires every page showing a converted price. `before` runs first in that transaction
 * (an operator's override reads the rate it replaces and records its audit entry there).
 * Returns how many were written.
 */
export async function storeRates(prisma: PrismaClient, rates: readonly EurRate[], before?: (tx: Prisma.TransactionClient) => Promise<void>): Promise<number> {
  await prisma.$transaction(async (tx) => {
    if (before) await before(tx);
    for (const r of rates) {
      await tx.fxRate.upsert({
        where: { base_quote_date: { base: "EUR", quote: r.quote, date: new Date(`${r.date}T00:00:00Z`) } },
        create: { base: "EUR", quote: r.quote, rate: r.rate, date: new Date(`${r.date}T00:00:00Z`), source: r.source },
        update: { rate: r.rate, source: r.source, fetchedAt: new Date() },
      });
    }
    // Listings sort and filter by price in the buyer's currency through the stored euro price.
    await refreshSortPrices(tx);
    await publishInvalidation(tx, tagsForChange({ kind: "fx" }));
  });
  return rates.length;
}
