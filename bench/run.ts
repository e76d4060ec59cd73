/**
 * `npm run bench`: load-tests a production build (`next start`) against a throwaway
 * seeded database: a static baseline page (/en/help, same proxy and layout, no data),
 * then home, catalogue, product and search. Prints requests/s, p95 and p99 latency and
 * each page's throughput as a ratio of the baseline's, and checks the targets:
 * catalogue >= 0.8 and product >= 0.85 x baseline requests/s; search p95 < 50 ms.
 *
 * Two phases. Throughput: every page under the same saturating load (--connections),
 * in two interleaved rounds after a warm-up, so drift affects all pages alike. Search
 * latency: search alone at a fixed, sustainable rate (--search-rate requests/s), where
 * p95 measures search itself rather than the queue in front of a saturated server.
 * Options: --duration <s> per page and round (default 6), --connections <n> (default 10),
 * --search-rate <n> (default 25), --no-build.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "@/lib/db/embedded";
import { startTestDatabase } from "@/tests/database";
import { PRODUCTS } from "@/prisma/seed-data";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DURATION = arg("duration", 6);
const CONNECTIONS = arg("connections", 10);
const SEARCH_RATE = arg("search-rate", 25);
const ROUNDS = 2;
const DIST = ".next-bench";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

interface Target {
  name: string;
  paths: string[];
}

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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Result {
  name: string;
  rps: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const HEADERS = { cookie: "caravan_market=US; NEXT_LOCALE=en", "accept-language": "en-US" };

function cannon(base: string, target: Target, options: { connections: number; duration: number; overallRate?: number }) {
  const latencies: number[] = [];
  return new Promise<{ result: autocannon.Result; latencies: number[] }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: options.connections,
        duration: options.duration,
        ...(options.overallRate ? { overallRate: options.overallRate } : {}),
        headers: HEADERS,
        requests: target.paths.map((p) => ({ method: "GET" as const, path: p })),
      },
      (error, finished) => (error ? reject(error) : resolve({ result: finished, latencies })),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

function summarise(name: string, runs: { result: autocannon.Result; latencies: number[] }[]): Result {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    name,
    rps: runs.reduce((n, r) => n + r.result.requests.average, 0) / runs.length,
    p95: Math.round(percentile(latencies, 95) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    errors: runs.reduce((n, r) => n + r.result.errors + r.result.timeouts, 0),
    non2xx: runs.reduce((n, r) => n + r.result.non2xx, 0),
  };
}

const db = await startTestDatabase({ name: "bench" });
let server: ChildProcess | undefined;
let failed = false;
try {
  const port = await freePort();
  // The demo store: `next build`/`next start` run with NODE_ENV=production and would otherwise need the production secrets.
  const env = { ...process.env, DATABASE_URL: db.url, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1", CARAVAN_DEMO: "true" };
  if (!process.argv.includes("--no-build") || !fs.existsSync(path.join(DIST, "BUILD_ID"))) {
    fs.rmSync(DIST, { recursive: true, force: true });
    const code = await new Promise<number>((resolve) => runNode([NEXT_BIN, "build"], env).on("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error("next build failed");
  }
  // Pages regenerated by an earlier run would be served from the route cache: start clean.
  fs.rmSync(path.join(DIST, "server", "route-cache"), { recursive: true, force: true });
  server = runNode([NEXT_BIN, "start", "-p", String(port)], env, false);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/en/help`);

  // Warm-up: first renders, caches, JIT.
  for (const target of TARGETS) {
    for (const p of target.paths) for (let i = 0; i < 5; i++) await fetch(base + p, { headers: HEADERS });
    await cannon(base, target, { connections: CONNECTIONS, duration: 2 });
  }
  const runs = new Map<string, { result: autocannon.Result; latencies: number[] }[]>();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of TARGETS) {
      process.stdout.write(`Round ${round}: ${target.name} for ${DURATION}s... `);
      const run = await cannon(base, target, { connections: CONNECTIONS, duration: DURATION });
      runs.set(target.name, [...(runs.get(target.name) ?? []), run]);
      console.log(`${run.result.requests.average.toFixed(0)} req/s`);
    }
  }
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
  failed = checks.some((c) => !c.ok);
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/latest.json", JSON.stringify({ date: new Date().toISOString(), duration: DURATION, rounds: ROUNDS, connections: CONNECTIONS, searchRate: SEARCH_RATE, results, searchAtRate }, null, 2));
} finally {
  server?.kill("SIGTERM");
  await db.stop();
}
process.exit(failed ? 1 : 0);
