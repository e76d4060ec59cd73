import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createSandbox } from "@/sandbox/stripe/server";
import { createCarrierSimulator } from "@/sandbox/carriers/server";
import { startTestDatabase } from "./database";

/**
 * One migrated, seeded throwaway database for the integration suite, and a local
 * Stripe sandbox (its own data folder, a free port, no webhook endpoint: the tests
 * deliver its signed events to the store's handler themselves).
 */
export default async function setup(project: TestProject) {
  const db = await startTestDatabase({ name: "integration" });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-stripe-"));
  const sandbox = await createSandbox({ port: 0, dataDir, webhookUrl: null, sweepIntervalMs: 200 });
  // The carrier simulator: each test names its parcels' webhook; this secret signs the "simulated" carrier's events.
  const carrierSecret = "simulated-carrier-test-secret";
  const carriers = await createCarrierSimulator({ port: 0, secrets: { simulated: carrierSecret }, retryBaseMs: 100 });
  process.env.DATABASE_URL = db.url;
  process.env.STRIPE_SANDBOX_URL = sandbox.url;
  project.provide("databaseUrl", db.url);
  project.provide("stripeSandboxUrl", sandbox.url);
  project.provide("carrierSimulatorUrl", carriers.url);
  project.provide("carrierSecret", carrierSecret);
  return async () => {
    await carriers.close();
    await sandbox.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await db.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    stripeSandboxUrl: string;
    carrierSimulatorUrl: string;
    carrierSecret: string;
  }
}
