/**
 * `npm run bench -- queries [--products n] [--loops n]`: the server work of the scale
 * benchmark's slow pages, without Next or a load generator, so it can be measured on a
 * busy machine. Two databases in one persistent cluster (.data/bench-queries, loaded
 * once and kept for the next run): the seeded catalogue and one of n products
 * (prisma/seed-large.ts, default 100,000). For each: the store's own service calls as
 * the search and filtered catalogue pages make them (searchProducts; queryCatalogue with
 * listCategories and listSellers), timed in a loop (median and p95 ms per call), and the
 * page, count and card queries under EXPLAIN (ANALYZE, BUFFERS): execution time and
 * buffers read.
 *
 * Run under node's react-server condition (the store's server modules import
 * `server-only`); the modules read DATABASE_URL once, so each size runs in its own
 * child process. `--keep-running` leaves the cluster up and prints its URLs.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, freePort } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { seedLarge } from "@/prisma/seed-large";
import { filteredCatalogue } from "./scale";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const LARGE = arg("products", 100_000);
const LOOPS = arg("loops", 200);
const CLUSTER = path.resolve(".data", "bench-queries");

async function ensureDatabase(clusterUrl: string, name: string, products: number | undefined): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const prisma = createPrismaClient(url.toString());
  try {
    if ((await prisma.product.count()) === 0) {
      console.log(`Loading ${name}...`);
      if (products === undefined) await seed(prisma);
      else await seedLarge(prisma, { products, log: (line) => console.log(`  ${line}`) });
    }
  } finally {
    await prisma.$disconnect();
  }
  return url.toString();
}

/** The child: one size, the service calls in a loop and the plans. */
async function measure(label: string): Promise<void> {
  const { searchProducts, queryCatalogue, listingPageSql, listingCountSql, listingCardsSql, searchPageSql, cardsByIdSql, getFx } = await import("@/lib/server/catalogue/queries");
  const { listCategories, listSellers, listedCountsSql } = await import("@/lib/server/catalogue/entities");
  const { findMarket } = await import("@/lib/domain/markets");
  const { parseCatalogueQuery } = await import("@/lib/domain/catalogue/query");
  const { searchQuery } = await import("@/lib/domain/search/fold");
  const market = findMarket("US")!;
  const jp = findMarket("JP")!;
  const next = filteredCatalogue();
  const listing = () => parseCatalogueQuery(new URLSearchParams(next().split("?")[1]), market.currency);

  const time = async (name: string, call: () => Promise<unknown>) => {
    for (let i = 0; i < 10; i++) await call();
    const ms: number[] = [];
    for (let i = 0; i < LOOPS; i++) {
      const started = performance.now();
      await call();
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!.toFixed(2);
    console.log(`| ${label} | ${name} | ${ms[0]!.toFixed(2)} | ${at(50)} | ${at(95)} |`);
  };
  console.log(`\n| size | call | min ms | median ms | p95 ms |\n| --- | --- | ---: | ---: | ---: |`);
  for (const [locale, m, text] of [["en", market, "tea"], ["en", market, "knife"], ["de", market, "Messer"], ["ja", jp, "茶"], ["ja", jp, "お茶"], ["ja", jp, "緑茶"]] as const) {
    await time(`search ${locale} "${text}"`, () => searchProducts(locale, m, text, 1));
  }
  // As in the store's server, whose invalidation listener lets a query's ranking be kept (searchProducts).
  (globalThis as Record<symbol, unknown>)[Symbol.for("caravan.cache")] = { listening: true, failing: false, epochs: new Map() };
  for (const [locale, m, text] of [["en", market, "tea"], ["ja", jp, "茶"]] as const) {
    await time(`search ${locale} "${text}", ranking kept`, () => searchProducts(locale, m, text, 1));
  }
  await time("filtered catalogue: queryCatalogue", () => queryCatalogue("en", market, listing()));
  await time("categories (read behind the tagged cache)", () => listCategories("en"));
  await time("sellers (read behind the tagged cache)", () => listSellers("en"));

  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const fx = await getFx();
  // The fastest of a few runs: on a shared machine the others measure the neighbours.
  const explain = async (name: string, query: { text: string; values: unknown[] }) => {
    type Top = { "Execution Time": number; "Planning Time": number; Plan: { "Shared Hit Blocks": number; "Shared Read Blocks": number } };
    const runs: Top[] = [];
    for (let i = 0; i < 7; i++) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, query.values);
      runs.push(rows[0]["QUERY PLAN"][0] as Top);
    }
    const min = (key: "Execution Time" | "Planning Time") => Math.min(...runs.map((r) => r[key])).toFixed(2);
    const top = runs[0]!;
    console.log(`| ${label} | ${name} | ${min("Planning Time")} | ${min("Execution Time")} | ${top.Plan["Shared Hit Blocks"] + top.Plan["Shared Read Blocks"]} |`);
  };
  console.log(`\n| size | query | min planning ms | min execution ms | buffers |\n| --- | --- | ---: | ---: | ---: |`);
  for (const text of ["tea", "messer", "茶", "お茶"]) {
    await explain(`search page "${text}"`, searchPageSql(searchQuery(text), 1) as never);
    const hits = await client.query(searchPageSql(searchQuery(text), 1).text, searchPageSql(searchQuery(text), 1).values);
    await explain(`search cards "${text}"`, cardsByIdSql("en", hits.rows.map((r) => r.id)) as never);
  }
  for (const by of ["categoryId", "sellerId"] as const) await explain(`listed products per ${by}`, listedCountsSql(by) as never);
  const filtered = filteredCatalogue();
  for (let i = 0; i < 48; i += 7) {
    const qs = filtered().split("?")[1]!;
    const q = parseCatalogueQuery(new URLSearchParams(qs), market.currency);
    await explain(`listing page ${qs}`, listingPageSql(q, market, fx) as never);
    await explain(`listing count ${qs}`, listingCountSql(q, market, fx) as never);
    await explain(`listing page and cards ${qs}`, listingCardsSql("en", q, market, fx) as never);
    for (let j = 0; j < 6; j++) filtered();
  }
  await client.end();
}

async function main(): Promise<void> {
  if (process.env.BENCH_QUERIES_CHILD) {
    await measure(process.env.BENCH_QUERIES_CHILD);
    process.exit(0);
  }
  const port = await freePort();
  const db = await startEmbeddedPostgres({ dataDir: CLUSTER, port, database: "postgres" });
  try {
    const sizes: [string, string][] = [
      ["97", await ensureDatabase(db.url, "seeded", undefined)],
      [LARGE.toLocaleString("en"), await ensureDatabase(db.url, `large_${LARGE}`, LARGE)],
    ];
    if (process.argv.includes("--keep-running")) {
      for (const [label, url] of sizes) console.log(`${label}: ${url}`);
      await new Promise(() => undefined);
    }
    for (const [label, url] of sizes) {
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", import.meta.filename, ...process.argv.slice(2)], {
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: url, BENCH_QUERIES_CHILD: label },
      });
      const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
      if (code !== 0) throw new Error(`measuring ${label} failed`);
    }
  } finally {
    await db.stop();
  }
}

await main();
