/**
 * `npm test`: every suite, in order: typecheck, lint, unit, integration (a throwaway
 * embedded PostgreSQL), end-to-end (a production build in Chromium against another
 * throwaway database). Ends with one line, "N passed, N failed, N skipped", summing
 * every suite (typecheck and lint count one each). `--only unit,e2e` runs a subset;
 * `--grep <pattern>` runs only the end-to-end tests whose title matches.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "@/lib/db/embedded";
import { findChromium } from "@/lib/browser";
import { startTestDatabase } from "@/tests/database";
import { createSandbox } from "@/sandbox/stripe/server";
import { createCarrierSimulator } from "@/sandbox/carriers/server";
import { simulatedCarrierSecret } from "@/lib/server/logistics/simulator-process";

type Counts = { passed: number; failed: number; skipped: number };
const RESULTS = path.resolve(".data/test-results");
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const num = (value: unknown) => (typeof value === "number" ? value : 0);

async function single(name: string, command: string, args: string[]): Promise<Counts> {
  console.log(`\n▶ ${name}`);
  const code = await run(command, args);
  return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
}

async function vitest(project: "unit" | "integration"): Promise<Counts> {
  console.log(`\n▶ ${project} tests`);
  const output = path.join(RESULTS, `${project}.json`);
  fs.rmSync(output, { force: true });
  const code = await run(process.execPath, [
    "node_modules/vitest/vitest.mjs", "run", "--project", project,
    "--reporter=default", "--reporter=json", `--outputFile.json=${output}`,
  ]);
  const report = readJson(output);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const counts = {
    passed: num(report.numPassedTests),
    failed: num(report.numFailedTests),
    skipped: num(report.numPendingTests) + num(report.numTodoTests),
  };
  // A suite that failed to load has no failed test but a non-zero exit: count it.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

async function ensureChromium(): Promise<string | null> {
  let browser = await findChromium();
  if (!browser) {
    console.log("No Chromium found; trying `npx playwright install chromium` (needs internet access).");
    spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], { stdio: "inherit" });
    browser = await findChromium();
  }
  return browser?.path ?? null;
}

async function e2e(): Promise<Counts> {
  console.log("\n▶ end-to-end tests");
  const chromium = await ensureChromium();
  if (!chromium) {
    console.log("E2E: no browser. Install one with `apt-get install chromium` (Debian) or `npx playwright install chromium`, then run `npm test` again.");
    return { passed: 0, failed: 1, skipped: 0 };
  }
  console.log(`Using Chromium at ${chromium}`);
  // The end-to-end store runs in demo mode: with the demo accounts of `npm start`.
  const db = await startTestDatabase({ name: "e2e", demoAccounts: true });
  const e2ePort = await freePort();
  // The store's payments go to a local Stripe sandbox of this run, which sends its webhooks to the store under test.
  fs.mkdirSync(".data", { recursive: true });
  const sandboxData = fs.mkdtempSync(path.join(".data", "test-stripe-"));
  const sandbox = await createSandbox({ port: 0, dataDir: sandboxData, webhookUrl: `http://127.0.0.1:${e2ePort}/api/webhooks/stripe`, webhookRetryBaseMs: 1000 });
  // Parcels of the "simulated" carrier step only when a test asks (POST /v1/shipments/{tn}/advance).
  const carriers = await createCarrierSimulator({
    port: 0,
    secrets: { simulated: simulatedCarrierSecret({ ...process.env, CARAVAN_DEMO: "true" }) },
    webhookUrl: `http://127.0.0.1:${e2ePort}/api/webhooks/carriers/simulated`,
    retryBaseMs: 500,
  });
  try {
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      NEXT_DIST_DIR: ".next-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      // `next build` and `next start` run with NODE_ENV=production: the demo store needs no secrets.
      CARAVAN_DEMO: "true",
      // Every browser shares one client address here: limits sized for the whole suite, still enforced.
      CARAVAN_RATE_LIMIT_API: process.env.CARAVAN_RATE_LIMIT_API || "600/60",
      CARAVAN_RATE_LIMIT_FORMS: process.env.CARAVAN_RATE_LIMIT_FORMS || "300/60",
      CARAVAN_CHROMIUM_PATH: chromium,
      E2E_PORT: String(e2ePort),
      STRIPE_SANDBOX_URL: sandbox.url,
      CARAVAN_CARRIER_SIMULATOR_URL: carriers.url,
      E2E_OUTAGE_PORT: String(await freePort()),
      // The store server's log of the run, for the privacy scan (e2e/privacy-scan.spec.ts).
      E2E_SERVER_LOG: path.resolve(RESULTS, "e2e-server.log"),
    };
    if ((await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/payments-setup.ts"], env)) !== 0) {
      console.log("E2E: the sellers' payment accounts could not be set up.");
      return { passed: 0, failed: 1, skipped: 0 };
    }
    fs.rmSync(".next-e2e", { recursive: true, force: true });
    const built = await run(process.execPath, [NEXT_BIN, "build"], env);
    if (built !== 0) {
      console.log("E2E: the production build failed.");
      return { passed: 0, failed: 1, skipped: 0 };
    }
    const output = path.join(RESULTS, "e2e.json");
    fs.rmSync(output, { force: true });
    const grep = process.argv.indexOf("--grep");
    const code = await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...(grep > 0 ? ["--grep", process.argv[grep + 1] ?? ""] : [])], env);
    const stats = (readJson(output)?.stats ?? {}) as Record<string, unknown>;
    const counts = {
      passed: num(stats.expected) + num(stats.flaky),
      failed: num(stats.unexpected),
      skipped: num(stats.skipped),
    };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  } finally {
    await carriers.close();
    await sandbox.close();
    fs.rmSync(sandboxData, { recursive: true, force: true });
    await db.stop();
  }
}

const SUITES: Record<string, () => Promise<Counts>> = {
  typecheck: () => single("typecheck", process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"]),
  lint: () => single("lint", process.execPath, ["node_modules/eslint/bin/eslint.js", "."]),
  unit: () => vitest("unit"),
  integration: () => vitest("integration"),
  e2e,
};

const onlyIndex = process.argv.indexOf("--only");
const selected = onlyIndex > 0 ? (process.argv[onlyIndex + 1] ?? "").split(",") : Object.keys(SUITES);
const unknown = selected.filter((name) => !(name in SUITES));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(", ")}. Known: ${Object.keys(SUITES).join(", ")}.`);
  process.exit(2);
}

fs.mkdirSync(RESULTS, { recursive: true });
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
for (const name of selected) {
  const counts = await SUITES[name]!();
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  lines.push(`  ${name.padEnd(12)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
console.log("\nSummary\n" + lines.join("\n"));
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
