import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { parseCatalogueQuery } from "@/lib/domain/catalogue/query";
import { searchQuery } from "@/lib/domain/search/fold";
import { refreshDerivedColumns } from "@/lib/server/catalogue/derived";
import { readFxTable } from "@/lib/server/fx/load";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { FxTable } from "@/lib/domain/fx";
import { createDatabase } from "./database";

/**
 * The guard against listings and search that slow down as the catalogue grows: on a
 * catalogue of tens of thousands of products, the plans of the listing, count and
 * search queries must not read `Product` or `ProductTranslation` sequentially (nor
 * through a whole index with nothing to narrow it), nor
 * spill a sort or hash to disk. Plans, not timings: they do not depend on the machine.
 */
const COPIES = 300; // x 97 seeded products: about 29,000
let prisma: PrismaClient;
let client: pg.Client;
let fx: FxTable;
let sql: typeof import("@/lib/server/catalogue/queries");
let entities: typeof import("@/lib/server/catalogue/entities");

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Cond"?: string;
  "Sort Space Type"?: string;
  "Temp Written Blocks"?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** What is wrong with a query's plan: sequential or whole-index scans of the big tables, anything written to disk. */
async function problems(query: Prisma.Sql): Promise<string[]> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, query.values as unknown[]);
  const plan = (rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
  const found: string[] = [];
  for (const node of nodes(plan)) {
    const big = ["Product", "ProductTranslation"].includes(node["Relation Name"] ?? "");
    if (node["Node Type"] === "Seq Scan" && big) found.push(`sequential scan of ${node["Relation Name"]}`);
    // An index read end to end, with nothing to narrow it, is a sequential scan by another name.
    if (/Index (Only )?Scan$/.test(node["Node Type"]) && big && !node["Index Cond"]) found.push(`full index scan of ${node["Relation Name"]}`);
    if (node["Sort Space Type"] === "Disk") found.push(`${node["Node Type"]} spilled to disk`);
    if ((node["Temp Written Blocks"] ?? 0) > 0) found.push(`${node["Node Type"]} wrote ${node["Temp Written Blocks"]} temporary blocks`);
  }
  return found;
}

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `query_plans_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma);
  // Copies of the seeded catalogue under new ids and slugs, written in SQL: the same
  // shapes and the same value distributions, many times over.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Product" (id, "sellerId", "categoryId", slug, kind, "taxCategory", "hsCode", "originCountry", "originalLocale",
                           "weightGrams", "lengthMm", "widthMm", "heightMm", status, featured, "imageCount", "fromPriceMinor", currency, "createdAt")
    SELECT p.id || '_' || n, p."sellerId", p."categoryId", p.slug || '-' || n, p.kind, p."taxCategory", p."hsCode", p."originCountry", p."originalLocale",
           p."weightGrams", p."lengthMm", p."widthMm", p."heightMm", p.status, p.featured AND n % 50 = 0, p."imageCount",
           p."fromPriceMinor" + (n % 97), p.currency, p."createdAt" + make_interval(mins => n)
      FROM "Product" p CROSS JOIN generate_series(1, ${COPIES}) n`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ProductTranslation" ("productId", locale, title, description, "searchText", "searchTitle")
    SELECT t."productId" || '_' || n, t.locale, t.title, t.description, t."searchText", t."searchTitle"
      FROM "ProductTranslation" t CROSS JOIN generate_series(1, ${COPIES}) n`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Variant" (id, "productId", sku, name, "priceMinor", currency, stock, position)
    SELECT v.id || '_' || n, v."productId" || '_' || n, v.sku || '-' || n, v.name, v."priceMinor" + (n % 97), v.currency, v.stock, v.position
      FROM "Variant" v CROSS JOIN generate_series(1, ${COPIES}) n`);
  await refreshDerivedColumns(prisma);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  // The planner's view of a real catalogue, with the visibility map a live store's
  // autovacuum keeps (as prisma/seed-large.ts leaves it), and the memory a small server gives a sort.
  await client.query(`VACUUM (ANALYZE)`);
  await client.query(`SET work_mem = '4MB'`);
  fx = await readFxTable(prisma);
  // The services below read through the process's one client: point it at this database.
  process.env.DATABASE_URL = url;
  (globalThis as { caravanPrisma?: unknown }).caravanPrisma = prisma;
  sql = await import("@/lib/server/catalogue/queries");
  entities = await import("@/lib/server/catalogue/entities");
}, 300_000);

afterAll(async () => {
  await client?.end();
  await prisma?.$disconnect();
});

const market = (country: string) => findMarket(country) as MarketDefinition;
const listing = (qs: string, country = "US") => parseCatalogueQuery(new URLSearchParams(qs), market(country).currency);

describe("query plans on a catalogue of tens of thousands of products", () => {
  it("has the catalogue it claims", async () => {
    const { rows } = await client.query(`SELECT COUNT(*)::int AS n, COUNT(*) FILTER (WHERE listed)::int AS listed FROM "Product"`);
    expect(rows[0].n).toBe(97 * (COPIES + 1));
    expect(rows[0].listed).toBe(97 * (COPIES + 1));
  });

  const listings = [
    "",
    "page=40",
    "kind=physical",
    "kind=digital&sort=newest",
    "category=coffee-tea",
    "category=kitchen-knives&sort=price-asc",
    "origin=JP&sort=price-desc",
    "sort=price-asc&page=200",
    "min=10&max=40",
    "min=100&sort=price-desc",
    "category=coffee-tea&origin=KE&kind=physical&min=5&max=30&sort=newest",
  ];
  for (const qs of listings) {
    for (const country of ["US", "JP"]) {
      it(`listing "${qs}" in ${country}: page and count read indexes only`, async () => {
        const query = listing(qs, country);
        expect(await problems(sql.listingPageSql(query, market(country), fx)), "page").toEqual([]);
        expect(await problems(sql.listingCountSql(query, market(country), fx)), "count").toEqual([]);
        expect(await problems(sql.listingCardsSql("ja", query, market(country), fx)), "page and cards").toEqual([]);
      });
    }
  }

  for (const text of ["tea", "knife", "kaffee", "messer", "茶", "緑茶", "お茶", "刀", "nothingmatchesthis"]) {
    it(`search "${text}" reads the index only`, async () => {
      expect(await problems(sql.searchPageSql(searchQuery(text), 1))).toEqual([]);
      expect(await problems(sql.searchPageSql(searchQuery(text), 5))).toEqual([]);
      const { rows } = await client.query(sql.searchPageSql(searchQuery(text), 1).text, sql.searchPageSql(searchQuery(text), 1).values as unknown[]);
      expect(await problems(sql.cardsByIdSql("de", rows.map((r) => r.id))), "cards").toEqual([]);
    });
  }

  for (const by of ["categoryId", "sellerId"] as const) {
    it(`counts listed products per ${by} from an index alone`, async () => {
      expect(await problems(entities.listedCountsSql(by))).toEqual([]);
      const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${entities.listedCountsSql(by).text}`);
      const scans = nodes(rows[0]["QUERY PLAN"][0].Plan).filter((n) => n["Relation Name"] === "Product").map((n) => n["Node Type"]);
      expect(scans).toEqual(["Index Only Scan"]);
    });
  }

  it("price bounds keep exactly the products whose displayed price meets them, over thousands of nearby prices", async () => {
    const { priceView } = await import("@/lib/server/catalogue/pricing");
    const { formatPriceBound } = await import("@/lib/domain/catalogue/query");
    const { rows } = await client.query(`SELECT "fromPriceMinor" AS price, currency FROM "Product" WHERE listed`);
    for (const country of ["US", "JP", "KW", "CH"]) {
      const m = market(country);
      const shown = rows.map((r) => priceView(fx, r.price, r.currency, m.currency).display.amountMinor).sort((a, b) => a - b);
      for (const at of [shown[Math.floor(shown.length / 7)]!, shown[Math.floor(shown.length / 2)]! + 1, shown[Math.floor((shown.length * 5) / 6)]! - 1]) {
        for (const [side, expected] of [["min", shown.filter((v) => v >= at).length], ["max", shown.filter((v) => v <= at).length]] as const) {
          const where = sql.listingFilters(listing(`${side}=${formatPriceBound(at, m.currency)}`, country), m, fx);
          const counted = await client.query(`SELECT COUNT(*)::int AS n FROM "Product" p WHERE ${where.text}`, where.values as unknown[]);
          expect(counted.rows[0].n, `${side} ${at} ${m.currency}`).toBe(expected);
        }
      }
    }
  });

  it("a listing's cards come in the page's order, with the page's count", async () => {
    for (const qs of ["origin=JP&sort=price-desc", "kind=digital&sort=newest&page=3", "min=10&max=40&sort=price-asc"]) {
      const query = listing(qs);
      const ids = (await client.query(sql.listingPageSql(query, market("US"), fx).text, sql.listingPageSql(query, market("US"), fx).values as unknown[])).rows.map((r) => r.id);
      const count = (await client.query(sql.listingCountSql(query, market("US"), fx).text, sql.listingCountSql(query, market("US"), fx).values as unknown[])).rows[0].total;
      const page = await sql.queryCatalogue("en", market("US"), query);
      expect(page.items.map((i) => i.id), qs).toEqual(ids);
      expect(page.total + (page.capped ? 1 : 0), qs).toBe(Math.min(Number(count), sql.COUNT_CAP + 1));
    }
  });

  it("the guard itself sees a sequential scan and a sort on disk", async () => {
    const bad = await problems({
      text: `SELECT p.id FROM "Product" p JOIN "ProductTranslation" t ON t."productId" = p.id WHERE p.kind::text = $1 ORDER BY t.description, p.id`,
      values: ["PHYSICAL"],
    } as unknown as Prisma.Sql);
    expect(bad.some((p) => /(sequential|full index) scan of Product$/.test(p))).toBe(true);
    expect(bad.some((p) => /disk|temporary/.test(p))).toBe(true);
  });

  it("counts stop at the cap, and the listing says there are more", async () => {
    const page = await sql.queryCatalogue("en", market("US"), listing(""));
    expect(page.total).toBe(sql.COUNT_CAP);
    expect(page.capped).toBe(true);
    const search = await sql.searchProducts("en", market("US"), "tea", 1);
    expect(search.capped).toBe(true);
    expect(search.total).toBe(sql.SEARCH_CAP);
  });
});
