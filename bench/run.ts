/**
 * `npm run bench`: load-tests a production build (`next start`) against a throwaway
 * seeded database: a static baseline page (/en/help, same proxy and layout, no data),
 * then home, catalogue, product and search. Prints requests/s, p95 and p99 latency and
 * each page's throughput as a ratio of the baseline's, and checks the targets:
 * catalogue and product >= 0.7 x baseline requests/s; search p95 < 50 ms.
 * Options: --duration <s> (default 10), --connections <n> (default 10), --no-build.
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
const DURATION = arg("duration", 10);
const CONNECTIONS = arg("connections", 10);
const DIST = ".next-bench";
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

interface Target {
  name: string;
  paths: string[];
}

const featured = PRODUCTS.filter((p) => p.featured);
const TARGETS: Target[] = [
  { name: "baseline (/en/help)", paths: ["/en/help"] },
  { name: "home", paths: ["/en"] },
  { name: "catalogue", paths: ["/en/catalogue", "/en/catalogue?kind=digital", "/en/catalogue?page=2"] },
  { name: "product", paths: featured.slice(0, 4).map((p) => `/en/products/${p.slug}`) },
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

async function load(base: string, target: Target): Promise<Result> {
  const headers = { cookie: "caravan_market=US; NEXT_LOCALE=en", "accept-language": "en-US" };
  for (const p of target.paths) for (let i = 0; i < 5; i++) await fetch(base + p, { headers });
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        headers,
        requests: target.paths.map((p) => ({ method: "GET" as const, path: p })),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    name: target.name,
    rps: result.requests.average,
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const db = await startTestDatabase({ name: "bench" });
let server: ChildProcess | undefined;
let failed = false;
try {
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: db.url, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" };
  if (!process.argv.includes("--no-build") || !fs.existsSync(path.join(DIST, "BUILD_ID"))) {
    const code = await new Promise<number>((resolve) => runNode([NEXT_BIN, "build"], env).on("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error("next build failed");
  }
  server = runNode([NEXT_BIN, "start", "-p", String(port)], env, false);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/en/help`);

  const results: Result[] = [];
  for (const target of TARGETS) {
    process.stdout.write(`Measuring ${target.name} for ${DURATION}s... `);
    const result = await load(base, target);
    results.push(result);
    console.log(`${result.rps.toFixed(0)} req/s`);
  }
  const baseline = results[0]!;
  console.log(`\n${DURATION}s per page, ${CONNECTIONS} connections, next start, seeded catalogue (${PRODUCTS.length} products)\n`);
  console.log("| page | requests/s | p95 ms | p99 ms | ratio to baseline | errors |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p95} | ${r.p99} | ${(r.rps / baseline.rps).toFixed(2)} | ${r.errors + r.non2xx} |`);
  }
  const byName = (n: string) => results.find((r) => r.name === n)!;
  const checks = [
    { label: "catalogue >= 0.7 x baseline requests/s", ok: byName("catalogue").rps >= 0.7 * baseline.rps },
    { label: "product >= 0.7 x baseline requests/s", ok: byName("product").rps >= 0.7 * baseline.rps },
    { label: "search p95 < 50 ms", ok: byName("search").p95 < 50 },
    { label: "no errors or non-2xx answers", ok: results.every((r) => r.errors + r.non2xx === 0) },
  ];
  console.log("");
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.label}`);
  failed = checks.some((c) => !c.ok);
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/latest.json", JSON.stringify({ date: new Date().toISOString(), duration: DURATION, connections: CONNECTIONS, results }, null, 2));
} finally {
  server?.kill("SIGTERM");
  await db.stop();
}
process.exit(failed ? 1 : 0);
