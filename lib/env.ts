/**
 * The store's environment variables, parsed and checked in one place. Every variable
 * is optional (README, "Configuration"); a malformed one stops start-up with one line
 * per problem instead of failing later somewhere else.
 */
import { z } from "zod";

const port = z.coerce.number({ error: "must be a port number (1-65535)" }).int("must be a port number (1-65535)").min(1, "must be a port number (1-65535)").max(65535, "must be a port number (1-65535)");

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgresql:// connection URL")
    .optional(),
  CARAVAN_PG_PORT: port.default(54329),
  PORT: port.default(3000),
  CARAVAN_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("http://localhost:3000"),
  CARAVAN_ECB_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .default("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"),
  CARAVAN_CHROMIUM: z.string().min(1).optional(),
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
});

export type Env = z.output<typeof schema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment (default: this process's); empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}
