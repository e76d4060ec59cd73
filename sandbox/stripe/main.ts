/** `npm run stripe:sandbox`: the sandbox as a long-running process, configured from the environment. */
import { createSandbox, DEFAULTS } from "./server";

function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} must be a non-negative integer, got '${raw}'`);
    process.exit(1);
  }
  return n;
}

const sandbox = await createSandbox({
  port: intFrom("STRIPE_SANDBOX_PORT", DEFAULTS.port),
  host: process.env.STRIPE_SANDBOX_HOST || DEFAULTS.host,
  publicUrl: process.env.STRIPE_SANDBOX_PUBLIC_URL || undefined,
  secretKey: process.env.STRIPE_SANDBOX_SECRET_KEY || DEFAULTS.secretKey,
  webhookSecret: process.env.STRIPE_SANDBOX_WEBHOOK_SECRET || DEFAULTS.webhookSecret,
  webhookUrl: process.env.STRIPE_SANDBOX_WEBHOOK_URL || null,
  dataDir: process.env.STRIPE_SANDBOX_DATA || DEFAULTS.dataDir,
  webhookMaxAttempts: intFrom("STRIPE_SANDBOX_WEBHOOK_MAX_ATTEMPTS", DEFAULTS.webhookMaxAttempts),
  webhookRetryBaseMs: intFrom("STRIPE_SANDBOX_WEBHOOK_RETRY_MS", DEFAULTS.webhookRetryBaseMs),
  asyncSettleSeconds: intFrom("STRIPE_SANDBOX_ASYNC_SETTLE_SECONDS", DEFAULTS.asyncSettleSeconds),
  log: (line) => console.log(line),
});

console.log(`Stripe sandbox ready at ${sandbox.url}`);
console.log(process.env.STRIPE_SANDBOX_WEBHOOK_URL ? `Sending webhooks to ${process.env.STRIPE_SANDBOX_WEBHOOK_URL}` : "No STRIPE_SANDBOX_WEBHOOK_URL: events are recorded but not sent");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
