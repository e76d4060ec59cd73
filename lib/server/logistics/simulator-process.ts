// No `server-only` here: `npm start` and the test runner (tsx) start the carrier simulator with it.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { demoCarrierSecret, parseCarrierSecrets } from "@/lib/domain/logistics/signature";
import { listening } from "@/lib/server/payments/sandbox-process";

/**
 * The store's secret as lib/server/checkout/access.ts reads it (CARAVAN_SESSION_SECRET,
 * else the one kept in `.data/session-secret`, made here first if need be), for the
 * processes that start the store and its simulator together.
 */
export function storeSecretFromDisk(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CARAVAN_SESSION_SECRET) return env.CARAVAN_SESSION_SECRET;
  const file = path.resolve(".data/session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const made = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, made, { mode: 0o600, flag: "wx" });
      return made;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process made it first
    }
  }
}

/** The secret the simulated carrier signs with: CARAVAN_CARRIER_SECRETS' `simulated`, else the demo store's derived one. */
export function simulatedCarrierSecret(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CARAVAN_CARRIER_SECRETS ? parseCarrierSecrets(env.CARAVAN_CARRIER_SECRETS) : null;
  if (configured?.ok && configured.secrets.simulated) return configured.secrets.simulated;
  return demoCarrierSecret(storeSecretFromDisk(env), "simulated");
}

/**
 * The carrier simulator (sandbox/carriers) as a child process of `npm start`: parcels
 * step on every `stepMs`. One already listening at `url` is used as it is.
 */
export async function startCarrierSimulator(options: { url: string; secret: string; webhookUrl: string; stepMs: number; log: (line: string) => void }): Promise<{ stop(): void }> {
  const { hostname, port } = new URL(options.url);
  const portNumber = Number(port || 80);
  if (await listening(hostname, portNumber)) {
    options.log(`Using the carrier simulator already running at ${options.url}.`);
    return { stop: () => undefined };
  }
  const child: ChildProcess = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "sandbox/carriers/main.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      CARRIER_SIMULATOR_HOST: hostname,
      CARRIER_SIMULATOR_PORT: String(portNumber),
      CARRIER_SIMULATOR_SECRETS: `simulated=${options.secret}`,
      CARRIER_SIMULATOR_STEP_MS: String(options.stepMs),
      CARRIER_SIMULATOR_WEBHOOK_URL: options.webhookUrl,
    },
  });
  for (let i = 0; i < 100; i++) {
    if (await listening(hostname, portNumber)) {
      options.log(`Carrier simulator at ${options.url}: simulated parcels move every ${options.stepMs / 1000} s.`);
      return { stop: () => void child.kill("SIGTERM") };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`The carrier simulator did not start at ${options.url}.`);
}
