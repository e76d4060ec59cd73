import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/generated/prisma/client";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";
import { generateCatalogue } from "@/prisma/seed-data/generated";
import { DEFAULT_SEED, seedLarge, type LargeSeedResult } from "@/prisma/seed-large";
import { createDatabase } from "./database";

const TOTAL = 5_000;
const clusterUrl = inject("databaseUrl");
/** A database of its own: the suite's shared one holds only the demo catalogue. */
let url: string;
let prisma: PrismaClient;
let client: pg.Client;
let result: LargeSeedResult;
const lines: string[] = [];

const one = async (sql: string) => (await client.query(sql)).rows[0] as Record<string, string | number | null>;

beforeAll(async () => {
  url = await createDatabase(clusterUrl, `large_catalogue_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  result = await seedLarge(prisma, { products: TOTAL, batchSize: 1_000, log: (line) => lines.push(line) });
  console.log(`Loaded ${TOTAL} products in ${result.seconds.toFixed(1)} s`);
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 180_000);

afterAll(async () => {
  await client?.end();
  await prisma?.$disconnect();
});

describe("a large catalogue on demand", () => {
  it("holds the demo catalogue plus generated products, exactly the size asked for", async () => {
    const generated = generateCatalogue({ count: TOTAL - PRODUCTS.length, seed: DEFAULT_SEED });
    const expected = [...generated.batches()].flat();
    expect(result.products).toBe(TOTAL);
    expect(result.sellers).toBe(SELLERS.length + generated.sellers.length);
    expect(Number((await one(`SELECT COUNT(*)::int AS n FROM "Product"`)).n)).toBe(TOTAL);
    expect(Number((await one(`SELECT COUNT(*)::int AS n FROM "Seller"`)).n)).toBe(result.sellers);
    const translations = PRODUCTS.concat(expected).reduce((n, p) => n + Object.keys(p.translations).length, 0);
    const variants = PRODUCTS.concat(expected).reduce((n, p) => n + p.variants.length, 0);
    expect(Number((await one(`SELECT COUNT(*)::int AS n FROM "ProductTranslation"`)).n)).toBe(translations);
    expect(Number((await one(`SELECT COUNT(*)::int AS n FROM "Variant"`)).n)).toBe(variants);
    for (const p of PRODUCTS.slice(0, 3)) expect(Number((await one(`SELECT COUNT(*)::int AS n FROM "Product" WHERE slug = '${p.slug}'`)).n)).toBe(1);
  });

  it("fills every derived column: search documents, listing flags, sort prices and from-prices", async () => {
    expect(Number((await one(`SELECT COUNT(*)::int AS n FROM "Product" WHERE "searchVector" IS NULL OR NOT listed OR "sortPriceEur" IS NULL`)).n)).toBe(0);
    expect(Number((await one(`SELECT COUNT(*)::int AS n FROM "ProductTranslation" WHERE "searchText" = '' OR "searchTitle" = ''`)).n)).toBe(0);
    const wrong = await one(`
      SELECT COUNT(*)::int AS n FROM "Product" p
       WHERE p."fromPriceMinor" IS DISTINCT FROM (SELECT MIN(v."priceMinor") FROM "Variant" v WHERE v."productId" = p.id)`);
    expect(Number(wrong.n)).toBe(0);
    const found = await one(`SELECT COUNT(*)::int AS n FROM "Product" WHERE "searchVector" @@ to_tsquery('simple', 'tea:*')`);
    expect(Number(found.n)).toBeGreaterThan(50);
  });

  it("orders generated products after the demo catalogue, newest last written", async () => {
    const demoLatest = await one(`SELECT MAX("createdAt") AS t FROM "Product" WHERE id NOT LIKE 'prd_g%'`);
    const generatedFirst = await one(`SELECT MIN("createdAt") AS t FROM "Product" WHERE id LIKE 'prd_g%'`);
    expect(new Date(String(generatedFirst.t)).getTime()).toBeGreaterThan(new Date(String(demoLatest.t)).getTime());
    const distinct = await one(`SELECT COUNT(DISTINCT "createdAt")::int AS n FROM "Product"`);
    expect(Number(distinct.n)).toBe(TOTAL);
  });

  it("vacuums the tables and updates the planner's statistics for the new size", async () => {
    const stats = await one(`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'Product'`);
    expect(Number(stats.n)).toBe(TOTAL);
    for (const table of ["Product", "ProductTranslation", "Variant"]) {
      const row = await one(`SELECT last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = '${table}'`);
      expect(row.last_vacuum, table).not.toBeNull();
      expect(row.last_analyze, table).not.toBeNull();
    }
  });

  it("reports its progress batch by batch", () => {
    expect(lines.filter((l) => / of 5,000 products/.test(l)).length).toBe(Math.ceil((TOTAL - PRODUCTS.length) / 1_000));
    expect(lines.at(-1)).toMatch(/^Done in \d+\.\d s\.$/);
  });

  it("refuses a size smaller than the demo catalogue, and a database that already holds products", async () => {
    await expect(seedLarge(prisma, { products: 10 })).rejects.toThrow(/at least 97/);
    await expect(seedLarge(prisma, { products: TOTAL })).rejects.toThrow(/already holds products/);
    expect(Number((await one(`SELECT COUNT(*)::int AS n FROM "Product"`)).n)).toBe(TOTAL);
  });
});
