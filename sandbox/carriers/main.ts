/** `npm run carriers:simulator`: the carrier simulator as a long-running process, configured from the environment. */
import { CARRIER_SIMULATOR_DEFAULTS, createCarrierSimulator } from "./server";

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

const secrets: Record<string, string> = {};
for (const entry of (process.env.CARRIER_SIMULATOR_SECRETS ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
  const eq = entry.indexOf("=");
  if (eq > 0) secrets[entry.slice(0, eq)] = entry.slice(eq + 1);
}
if (Object.keys(secrets).length === 0) {
  console.error("CARRIER_SIMULATOR_SECRETS must name at least one carrier's signing secret, e.g. simulated=<secret>");
  process.exit(1);
}
const hold = process.env.CARRIER_SIMULATOR_CUSTOMS_HOLD;

const simulator = await createCarrierSimulator({
  port: intFrom("CARRIER_SIMULATOR_PORT", CARRIER_SIMULATOR_DEFAULTS.port),
  host: process.env.CARRIER_SIMULATOR_HOST || CARRIER_SIMULATOR_DEFAULTS.host,
  secrets,
  webhookUrl: process.env.CARRIER_SIMULATOR_WEBHOOK_URL || null,
  stepMs: intFrom("CARRIER_SIMULATOR_STEP_MS", CARRIER_SIMULATOR_DEFAULTS.stepMs),
  delayMs: intFrom("CARRIER_SIMULATOR_DELAY_MS", CARRIER_SIMULATOR_DEFAULTS.delayMs),
  customsHold: hold === "true" ? true : hold === "false" ? false : undefined,
  duplicate: process.env.CARRIER_SIMULATOR_DUPLICATE === "true",
  reorder: process.env.CARRIER_SIMULATOR_REORDER === "true",
  log: (line) => console.log(line),
});

console.log(`Carrier simulator ready at ${simulator.url} (carriers: ${Object.keys(secrets).join(", ")})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
