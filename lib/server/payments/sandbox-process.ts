// No `server-only` here: `npm start` (tsx) runs this to start the local payment sandbox.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

/** Whether something accepts connections on host:port. */
export function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * The local Stripe sandbox as a child process of `npm start` (its own program under
 * sandbox/stripe, reached only through the Stripe SDK), sending its webhooks to the
 * store. A sandbox already listening at that address (`npm run stripe:sandbox`) is used
 * as it is. Resolves once it accepts connections.
 */
export async function startSandbox(options: { url: string; webhookUrl: string; dataDir: string; secretKey: string; webhookSecret: string; log: (line: string) => void }): Promise<{ stop(): void }> {
  const { hostname, port } = new URL(options.url);
  const portNumber = Number(port || 80);
  if (await listening(hostname, portNumber)) {
    options.log(`Using the Stripe sandbox already running at ${options.url}.`);
    return { stop: () => undefined };
  }
  const child: ChildProcess = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "sandbox/stripe/main.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      STRIPE_SANDBOX_HOST: hostname,
      STRIPE_SANDBOX_PORT: String(portNumber),
      STRIPE_SANDBOX_SECRET_KEY: options.secretKey,
      STRIPE_SANDBOX_WEBHOOK_SECRET: options.webhookSecret,
      STRIPE_SANDBOX_WEBHOOK_URL: options.webhookUrl,
      STRIPE_SANDBOX_DATA: options.dataDir,
      STRIPE_SANDBOX_WEBHOOK_RETRY_MS: process.env.STRIPE_SANDBOX_WEBHOOK_RETRY_MS ?? "5000",
    },
  });
  for (let i = 0; i < 100; i++) {
    if (await listening(hostname, portNumber)) {
      options.log(`Stripe sandbox (test mode) at ${options.url}; webhooks to ${options.webhookUrl}.`);
      return { stop: () => void child.kill("SIGTERM") };
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGTERM");
  throw new Error(`The Stripe sandbox did not start at ${options.url}.`);
}
