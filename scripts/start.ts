/**
 * `npm start`: database (DATABASE_URL, else the embedded PostgreSQL), migrations,
 * seed when empty, a production build when the sources changed, then `next start`.
 * `npm run dev`: the same, with `next dev`. Ctrl-C stops the server and the database.
 * Runs the local demo store (CARAVAN_DEMO=true, no payment or session secrets needed)
 * unless CARAVAN_DEMO=false is set; the child `next` process gets the same setting.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { needsBuild, recordBuild } from "@/lib/build-hash";
import { isSeeded, seed } from "@/prisma/seed";
import { seedDemoAccounts } from "@/prisma/seed-accounts";
import { ensureNightlyAnalytics } from "@/lib/server/analytics/jobs";
import { rebuildDerivedColumns } from "@/lib/server/catalogue/derived";
import { EnvError, parseEnv } from "@/lib/env";
import { startSandbox } from "@/lib/server/payments/sandbox-process";
import { simulatedCarrierSecret, startCarrierSimulator } from "@/lib/server/logistics/simulator-process";
import { migratePersonalData } from "@/lib/server/privacy/migrate";
import { ensureRetentionJob } from "@/lib/server/privacy/retention";

const dev = process.argv.includes("--dev");
// `next start` runs with NODE_ENV=production: without demo mode it needs the production secrets.
process.env.CARAVAN_DEMO ||= "true";

let config;
try {
  // Judged as the child will judge it, so a missing secret stops here with one line each.
  config = parseEnv({ ...process.env, NODE_ENV: dev ? "development" : "production" });
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`[caravan] ${error.message}`);
  process.exit(2);
}
const port = String(config.PORT);
const log = (line: string) => console.log(`[caravan] ${line}`);

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [require_next(), ...args], { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

/** A store script that imports server modules (the react-server condition, as inside Next). */
function runServerScript(script: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

function require_next(): string {
  return new URL("../node_modules/next/dist/bin/next", import.meta.url).pathname;
}

const db = await resolveDatabase(log);
let exitCode = 0;
let sandbox: { stop(): void } | undefined;
let carriers: { stop(): void } | undefined;
try {
  const applied = await migrate(db.url, { log });
  log(`Database ready (${applied.applied.length} migration(s) applied).`);
  const prisma = createPrismaClient(db.url);
  try {
    if (!(await isSeeded(prisma))) {
      log("Empty database: loading the demo catalogue.");
      const result = await seed(prisma, { recordFxRefresh: true, history: true });
      log(`Seeded ${result.sellers} sellers and ${result.products} products.`);
    } else if (applied.applied.length > 0) {
      // New migrations may add derived columns: fill them from the rows already there.
      log("Rebuilding search documents and sort prices.");
      await rebuildDerivedColumns(prisma);
    }
    // Personal data sealed the earlier way (or accounts from before keys per person) moves under each person's key.
    const moved = await migratePersonalData(prisma);
    if (Object.values(moved).some((n) => n > 0)) log(`Personal data moved under each person's key: ${JSON.stringify(moved)}.`);
    if (process.env.CARAVAN_DEMO === "true") {
      // A database from before the demo accounts existed (or a seller added since) gets the missing ones.
      const accounts = await seedDemoAccounts(prisma);
      log(`Demo accounts ready: ${accounts.length} (README, "Demo accounts").`);
    }
    // The nightly analytics refresh stays queued (a database seeded before it existed gets one).
    await ensureNightlyAnalytics(prisma);
    // So does the nightly retention run (README, "Your data").
    await ensureRetentionJob(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1" };
  if (!config.STRIPE_SECRET_KEY) {
    // No Stripe key: payments go to the local sandbox (test mode), which sends its webhooks here.
    sandbox = await startSandbox({
      url: config.STRIPE_SANDBOX_URL,
      webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe`,
      dataDir: ".data/stripe-sandbox",
      secretKey: config.STRIPE_SANDBOX_SECRET_KEY,
      webhookSecret: config.STRIPE_SANDBOX_WEBHOOK_SECRET,
      log,
    });
  }
  if (config.CARAVAN_DEMO) {
    // The demo's "simulated" carrier: parcels move on their own and post signed events here.
    const url = config.CARAVAN_CARRIER_SIMULATOR_URL ?? "http://127.0.0.1:12112";
    carriers = await startCarrierSimulator({
      url,
      secret: simulatedCarrierSecret(process.env),
      webhookUrl: `http://127.0.0.1:${port}/api/webhooks/carriers/simulated`,
      stepMs: Number(process.env.CARRIER_SIMULATOR_STEP_MS || 30_000),
      log,
    });
    env.CARAVAN_CARRIER_SIMULATOR_URL = url;
  }
  if ((await runServerScript("scripts/payments-setup.ts", env)) !== 0) log("Some sellers have no payment account yet: they are held back from checkout.");
  if (dev) {
    exitCode = await run(["dev", "-p", port], env);
  } else {
    if (needsBuild(config.NEXT_DIST_DIR)) {
      log("Building the store (first start or sources changed).");
      // A fresh folder: Next keeps regenerated pages in a route cache that a new build does not clear.
      fs.rmSync(config.NEXT_DIST_DIR, { recursive: true, force: true });
      exitCode = await run(["build"], env);
      if (exitCode === 0) recordBuild(config.NEXT_DIST_DIR);
    }
    if (exitCode === 0) {
      log(`Serving on http://localhost:${port}`);
      exitCode = await run(["start", "-p", port], env);
    }
  }
} catch (error) {
  console.error(`[caravan] ${(error as Error).message}`);
  exitCode = 1;
} finally {
  sandbox?.stop();
  carriers?.stop();
  await db.stop();
}
process.exit(exitCode);
