/**
 * A catalogue of a given total size: the demo catalogue plus generated sellers and
 * products (prisma/seed-data/generated.ts), written through the same row writers as
 * the demo seed, one transaction per batch, with the derived columns filled once at
 * the end, then the tables vacuumed and the planner's statistics refreshed for the new size.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { refreshDerivedColumns } from "@/lib/server/catalogue/derived";
import { generateCatalogue } from "./seed-data/generated";
import { PRODUCTS, SELLERS } from "./seed-data";
import { insertProducts, insertSellers, isSeeded, seed } from "./seed";

export const DEFAULT_SEED = 20260105;
export const DEFAULT_BATCH_SIZE = 2_000;

export interface LargeSeedResult {
  products: number;
  sellers: number;
  seconds: number;
}

export async function seedLarge(
  prisma: PrismaClient,
  options: { products: number; seed?: number; batchSize?: number; log?: (line: string) => void },
): Promise<LargeSeedResult> {
  const { products: total, seed: seedValue = DEFAULT_SEED, batchSize = DEFAULT_BATCH_SIZE, log = () => undefined } = options;
  if (!Number.isInteger(total) || total < PRODUCTS.length) {
    throw new Error(`--products must be a whole number of at least ${PRODUCTS.length} (the demo catalogue), got ${total}`);
  }
  // Adding to a catalogue would collide with its slugs and order it wrongly: start empty.
  if (await isSeeded(prisma)) throw new Error("The database already holds products; load a large catalogue into an empty one.");
  const started = performance.now();
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
  await seed(prisma);
  const generated = generateCatalogue({ count: total - PRODUCTS.length, seed: seedValue, batchSize });
  await prisma.$transaction((tx) => insertSellers(tx, generated.sellers), { timeout: 60_000 });
  log(`Demo catalogue and ${generated.sellers.length} more sellers written (${elapsed()} s).`);

  const currencyOf = new Map([...SELLERS, ...generated.sellers].map((s) => [s.id, s.currency]));
  let written = PRODUCTS.length;
  for (const batch of generated.batches()) {
    // `written` orders each batch's `createdAt` after everything before it.
    await prisma.$transaction((tx) => insertProducts(tx, batch, currencyOf, written), { timeout: 120_000 });
    written += batch.length;
    log(`${written.toLocaleString("en")} of ${total.toLocaleString("en")} products (${elapsed()} s)`);
  }
  log("Filling search vectors and from-prices...");
  await refreshDerivedColumns(prisma);
  log(`Derived columns filled (${elapsed()} s). Vacuuming and updating planner statistics...`);
  // VACUUM as well as ANALYZE: otherwise autovacuum goes through the freshly written
  // tables under the first visitors, and index-only scans wait for the visibility map.
  await prisma.$executeRawUnsafe("VACUUM (ANALYZE)");
  const seconds = (performance.now() - started) / 1000;
  log(`Done in ${seconds.toFixed(1)} s.`);
  return { products: written, sellers: SELLERS.length + generated.sellers.length, seconds };
}
