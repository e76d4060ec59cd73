/**
 * `npm run bench`: load-tests a production build (`next start`) against a throwaway
 * seeded database: a static baseline page (/en/help, same proxy and layout, no data),
 * then home, catalogue, product and search. Prints requests/s, p95 and p99 latency and
 * each page's throughput as a ratio of the baseline's, and checks the targets:
 * catalogue >= 0.8 and product >= 0.85 x baseline requests/s; search p95 < 50 ms.
 *
 * Two phases. Throughput: every page under the same saturating load (--connections),
 * in two interleaved rounds after a warm-up, so drift affects all pages alike. Latency:
 * pages alone at a fixed, sustainable rate (--search-rate requests/s for search), where
 * p95 measures the page itself rather than the queue in front of a saturated server.
 * Options: --duration <s> per page and round (default 6), --connections <n> (default 10),
 * --search-rate <n> (default 25), --no-build.
 *
 * `--products <n>`: the same store at two sizes in one run, the seeded catalogue and a
 * catalogue of n products (prisma/seed-large.ts), each on its own database and build,
 * with a wider page set (see bench/scale.ts) and targets on the large size relative to
 * the seeded one.
 *
 * `npm run bench -- checkout [options]`: the checkout under contention instead, in-process
 * with no Next server (bench/checkout.ts, which lists its options), in a node process of
 * its own so the store's modules load with that run's environment.
 *
 * `npm run bench -- csv-import [--rows n] [--chunk n]`: the seller's catalogue file,
 * imported directly and through the background job (bench/csv-import.ts).
 *
 * `npm run bench -- analytics [--lines n] [--runs n]`: the seller analytics dashboard's read
 * and render for one seller with that many order lines, and the forecasts' accuracy on the
 * seeded demo history (bench/analytics.ts).
 *
 * `npm run bench -- queries [--products n] [--loops n]`: the server work of the search
 * and filtered catalogue pages at the seeded size and at n products, per call and per
 * query plan, without Next (bench/queries.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, type EmbeddedDatabase } from "@/lib/db/embedded";
import { createPrismaClient } from "@/lib/db/client";
import { startTestDatabase } from "@/tests/database";
import { PRODUCTS } from "@/prisma/seed-data";
import { seedLarge } from "@/prisma/seed-large";
import { cannon, summarise, warmUp, type Run, type Target } from "./measure";
import { scaleChecks, scaleTable, scaleTargets, type SizeResults } from "./scale";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg("duration", 6);
const CONNECTIONS = arg("connections", 10);
const SEARCH_RATE = arg("search-rate", 25);
const LARGE = process.argv.includes("--products") ? arg("products", NaN) : undefined;
const ROUNDS = 2;
const DIST = ".next-bench";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
/**
 * The landed-cost API allows 120 requests a minute per client address, and the store
 * takes the address from the socket (a forwarded header cannot fake distinct clients):
 * the scale run lifts both limits so it measures the work, not the limiter.
 */
const UNLIMITED = { CARAVAN_RATE_LIMIT_API: "1000000/60", CARAVAN_RATE_LIMIT_FORMS: "1000000/60" };

const featured = PRODUCTS.filter((p) => p.featured);
const other = PRODUCTS.filter((p) => !p.featured);
const TARGETS: Target[] = [
  { name: "baseline (/en/help)", paths: ["/en/help"] },
  { name: "home", paths: ["/en"] },
  { name: "catalogue", paths: ["/en/catalogue", "/en/catalogue?kind=digital", "/en/catalogue?page=2"] },
  // Prerendered (featured) and first-rendered-on-demand products alike.
  { name: "product", paths: [...featured.slice(0, 2), ...other.slice(0, 2)].map((p) => `/en/products/${p.slug}`) },
  { name: "search", paths: ["/en/search?q=tea", "/en/search?q=kaffee", "/en/search?q=knife", "/en/search?q=ebook"] },
];

function runNode(args: string[], env: NodeJS.ProcessEnv, inherit = true): ChildProcess {
  return spawn(process.execPath, args, { env, stdio: inherit ? "inherit" : "ignore" });
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Builds (timed, unless --no-build finds a build) and starts the store on `db`; returns its base URL, the build's seconds and a stop function. */
async function startStore(db: EmbeddedDatabase, extraEnv: Record<string, string>, options: { reuseBuild: boolean }) {
  const port = await freePort();
  // The demo store: `next build`/`next start` run with NODE_ENV=production and would otherwise need the production secrets.
  const env = { ...process.env, DATABASE_URL: db.url, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1", CARAVAN_DEMO: "true", ...extraEnv };
  let buildSeconds: number | undefined;
  if (!options.reuseBuild || !fs.existsSync(path.join(DIST, "BUILD_ID"))) {
    fs.rmSync(DIST, { recursive: true, force: true });
    const started = performance.now();
    const code = await new Promise<number>((resolve) => runNode([NEXT_BIN, "build"], env).on("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error("next build failed");
    buildSeconds = (performance.now() - started) / 1000;
    console.log(`next build took ${buildSeconds.toFixed(1)} s`);
  }
  // Pages regenerated by an earlier run would be served from the route cache: start clean.
  fs.rmSync(path.join(DIST, "server", "route-cache"), { recursive: true, force: true });
  const server = runNode([NEXT_BIN, "start", "-p", String(port)], env, false);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/en/help`);
  } catch (error) {
    server.kill("SIGTERM");
    throw error;
  }
  return { base, buildSeconds, stop: () => void server.kill("SIGTERM") };
}

/** Warm-up, then the throughput rounds over `targets`; returns each target's runs. */
async function throughput(base: string, targets: Target[]): Promise<Map<string, Run[]>> {
  for (const target of targets) {
    await warmUp(base, target);
    await cannon(base, target, { connections: CONNECTIONS, duration: 2 });
  }
  const runs = new Map<string, Run[]>();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of targets) {
      process.stdout.write(`Round ${round}: ${target.name} for ${DURATION}s... `);
      const run = await cannon(base, target, { connections: CONNECTIONS, duration: DURATION });
      runs.set(target.name, [...(runs.get(target.name) ?? []), run]);
      console.log(`${run.result.requests.average.toFixed(0)} req/s`);
    }
  }
  return runs;
}

async function singleSize(): Promise<boolean> {
  const db = await startTestDatabase({ name: "bench" });
  let store: Awaited<ReturnType<typeof startStore>> | undefined;
  try {
    store = await startStore(db, {}, { reuseBuild: process.argv.includes("--no-build") });
    const { base } = store;
    const runs = await throughput(base, TARGETS);
    const results = TARGETS.map((t) => summarise(t.name, runs.get(t.name) ?? []));
    const searchTarget = TARGETS.find((t) => t.name === "search")!;
    process.stdout.write(`Search latency at ${SEARCH_RATE} req/s for ${DURATION * 2}s... `);
    const searchAtRate = summarise(`search at ${SEARCH_RATE} req/s`, [
      await cannon(base, searchTarget, { connections: 2, duration: DURATION * 2, overallRate: SEARCH_RATE }),
    ]);
    console.log(`p95 ${searchAtRate.p95} ms`);
    const baseline = results[0]!;
    console.log(`\n${ROUNDS} rounds of ${DURATION}s per page at ${CONNECTIONS} connections, then search alone at ${SEARCH_RATE} req/s; next start, seeded catalogue (${PRODUCTS.length} products)\n`);
    console.log("| page | requests/s | p95 ms | p99 ms | ratio to baseline | errors |");
    console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const r of results) {
      console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p95} | ${r.p99} | ${(r.rps / baseline.rps).toFixed(2)} | ${r.errors + r.non2xx} |`);
    }
    console.log(`| ${searchAtRate.name} | ${searchAtRate.rps.toFixed(0)} | ${searchAtRate.p95} | ${searchAtRate.p99} | | ${searchAtRate.errors + searchAtRate.non2xx} |`);
    const byName = (n: string) => results.find((r) => r.name === n)!;
    const checks = [
      { label: "catalogue >= 0.8 x baseline requests/s", ok: byName("catalogue").rps >= 0.8 * baseline.rps },
      { label: "product >= 0.85 x baseline requests/s", ok: byName("product").rps >= 0.85 * baseline.rps },
      { label: `search p95 < 50 ms at ${SEARCH_RATE} req/s`, ok: searchAtRate.p95 < 50 },
      { label: "no errors or non-2xx answers", ok: [...results, searchAtRate].every((r) => r.errors + r.non2xx === 0) },
    ];
    console.log("");
    for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.label}`);
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync("bench/results/latest.json", JSON.stringify({ date: new Date().toISOString(), duration: DURATION, rounds: ROUNDS, connections: CONNECTIONS, searchRate: SEARCH_RATE, results, searchAtRate }, null, 2));
    return checks.every((c) => c.ok);
  } finally {
    store?.stop();
    await db.stop();
  }
}

/** One size of the scale run: its own database, build and server; the page set measured. */
async function measureSize(label: string, products: number | undefined): Promise<SizeResults> {
  console.log(`\n== ${label} catalogue ==`);
  const db = await startTestDatabase({ name: `bench-${label}`, seeded: products === undefined });
  let store: Awaited<ReturnType<typeof startStore>> | undefined;
  try {
    let loadSeconds: number | undefined;
    if (products !== undefined) {
      const prisma = createPrismaClient(db.url);
      try {
        loadSeconds = (await seedLarge(prisma, { products, log: (line) => console.log(`  ${line}`) })).seconds;
      } finally {
        await prisma.$disconnect();
      }
    }
    store = await startStore(db, UNLIMITED, { reuseBuild: false });
    const all = scaleTargets(SEARCH_RATE);
    const targets = all.filter((t) => !t.rate);
    const runs = await throughput(store.base, targets);
    const results = targets.map((t) => summarise(t.name, runs.get(t.name) ?? []));
    for (const t of all.filter((x) => x.rate)) {
      await warmUp(store.base, t, 2);
      process.stdout.write(`${t.name} for ${DURATION * 2}s... `);
      const r = summarise(t.name, [await cannon(store.base, t, { connections: 2, duration: DURATION * 2, overallRate: t.rate })]);
      console.log(`p95 ${r.p95} ms`);
      results.push(r);
    }
    return { label, products: products ?? PRODUCTS.length, buildSeconds: store.buildSeconds ?? NaN, loadSeconds, results };
  } finally {
    store?.stop();
    await db.stop();
  }
}

async function scale(large: number): Promise<boolean> {
  if (!Number.isInteger(large) || large < PRODUCTS.length) throw new Error(`--products needs a whole number of at least ${PRODUCTS.length}`);
  const started = performance.now();
  const seeded = await measureSize("seeded", undefined);
  const big = await measureSize("large", large);
  console.log(
    `\n${ROUNDS} rounds of ${DURATION}s per page at ${CONNECTIONS} connections; latency pages alone at the rate shown for ${DURATION * 2}s; next start. ` +
      `Rate limits lifted for the run (CARAVAN_RATE_LIMIT_API=${UNLIMITED.CARAVAN_RATE_LIMIT_API}, CARAVAN_RATE_LIMIT_FORMS=${UNLIMITED.CARAVAN_RATE_LIMIT_FORMS}): every request comes from one address.\n`,
  );
  for (const line of scaleTable(seeded, big)) console.log(line);
  const checks = scaleChecks(seeded, big, SEARCH_RATE);
  console.log("");
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.label}`);
  console.log(`\nWhole run: ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/scale.json", JSON.stringify({ date: new Date().toISOString(), duration: DURATION, rounds: ROUNDS, connections: CONNECTIONS, seeded, large: big, checks }, null, 2));
  return checks.every((c) => c.ok);
}

/** An in-process benchmark (checkout.ts, csv-import.ts, analytics.ts, queries.ts) in a child node process; its exit code is this one's. */
function inProcess(script: string, args: string[]): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, script), ...args], { stdio: "inherit" });
  const forward = (signal: NodeJS.Signals) => () => void child.kill(signal);
  process.on("SIGINT", forward("SIGINT")).on("SIGTERM", forward("SIGTERM"));
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(error);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[2] === "checkout") process.exit(await inProcess("checkout.ts", process.argv.slice(3)));
if (process.argv[2] === "csv-import") process.exit(await inProcess("csv-import.ts", process.argv.slice(3)));
if (process.argv[2] === "analytics") process.exit(await inProcess("analytics.ts", process.argv.slice(3)));
if (process.argv[2] === "queries") process.exit(await inProcess("queries.ts", process.argv.slice(3)));
const ok = LARGE === undefined ? await singleSize() : await scale(LARGE);
process.exit(ok ? 0 : 1);
