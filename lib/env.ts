/**
 * The store's environment variables, parsed and checked in one place (README,
 * "Configuration"); a malformed one stops start-up with one line per problem instead
 * of failing later somewhere else.
 *
 * Everything is optional in development and in the local demo store. A production
 * server (`NODE_ENV=production`) that is not the demo (`CARAVAN_DEMO=true`) needs its
 * payment and session secrets: each one missing is named on its own line.
 */
import { parseCarrierSecrets } from "@/lib/domain/logistics/signature";
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { z } from "zod";
import { parseRateLimitPolicy, type RateLimitPolicy } from "@/lib/domain/rate-limit";

const port = z.coerce.number({ error: "must be a port number (1-65535)" }).int("must be a port number (1-65535)").min(1, "must be a port number (1-65535)").max(65535, "must be a port number (1-65535)");

const flag = z.enum(["true", "false"], { error: "must be true or false" }).transform((value) => value === "true");

const rateLimit = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx): RateLimitPolicy => {
      const policy = parseRateLimitPolicy(value);
      if (policy) return policy;
      ctx.addIssue({ code: "custom", message: "must be <requests>/<seconds>, e.g. 120/60" });
      return z.NEVER;
    });

/** 32 random bytes, written in base64 (`openssl rand -base64 32`). */
function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=?$/.test(value) && Buffer.from(value, "base64").length === 32;
}

const MAIL_ADDRESS = String.raw`[^\s@<>",;]+@[^\s@<>",;.]+(?:\.[^\s@<>",;.]+)*`;
const MAILBOX = new RegExp(String.raw`^(?:${MAIL_ADDRESS}|(?:"[^"\r\n]*" *|[^<>@",;\r\n]*)<${MAIL_ADDRESS}>)$`);

/**
 * One sender as a mail header writes it: `orders@example.com` or `Caravan <orders@example.com>`
 * (a display name with a comma needs quotes). No line breaks: they would start a new header.
 */
function isMailbox(value: string): boolean {
  return !/[\r\n]/.test(value) && MAILBOX.test(value.trim());
}

/** An SMTP server URL (`smtp://` or `smtps://`) with a host; credentials, if any, in the URL. */
function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** A key id as it appears in sealed values (`pii1.<id>....`): no dots, URL-safe. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_ID_RULE = "must be 1-32 letters, digits, '-' or '_'";

/** The id a key gets when none is configured: the first 8 hex digits of the SHA-256 of its 32 bytes. */
export function defaultEncryptionKeyId(base64Key: string): string {
  return createHash("sha256").update(Buffer.from(base64Key, "base64")).digest("hex").slice(0, 8);
}

/** A retired encryption key, kept to open what it sealed until everything is re-sealed. */
export interface RetiredKey {
  id: string;
  /** 32 bytes in base64. */
  key: string;
}

const retiredKeys = z.string().transform((value, ctx): RetiredKey[] => {
  const keys: RetiredKey[] = [];
  for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    const colon = entry.indexOf(":");
    const id = entry.slice(0, colon);
    const key = entry.slice(colon + 1);
    if (colon < 0 || !KEY_ID.test(id) || !isBase64Key(key)) {
      // The entry itself is a secret: name its position, never its text.
      ctx.addIssue({ code: "custom", message: `entry ${keys.length + 1} must be <id>:<32 bytes in base64>, the id of 1-32 letters, digits, '-' or '_'` });
      return z.NEVER;
    }
    if (keys.some((known) => known.id === id)) {
      ctx.addIssue({ code: "custom", message: `names key id ${id} twice` });
      return z.NEVER;
    }
    keys.push({ id, key });
  }
  return keys;
});

/** An Ed25519 key as one line of base64 DER (PKCS#8 for a private key, SPKI for a public one). */
const BASE64_DER = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The Ed25519 private key in `value`: PKCS#8 PEM (its line breaks may be written as
 * `\n`, as one-line env files do), or the PKCS#8 DER in base64. Undefined when it is
 * neither, is encrypted, or is another kind of key.
 */
export function parseContractSigningKey(value: string): KeyObject | undefined {
  const text = value.trim();
  try {
    let key: KeyObject | undefined;
    if (text.startsWith("-----BEGIN")) key = createPrivateKey({ key: text.replace(/\\n/g, "\n"), format: "pem" });
    else if (BASE64_DER.test(text)) key = createPrivateKey({ key: Buffer.from(text, "base64"), format: "der", type: "pkcs8" });
    return key?.asymmetricKeyType === "ed25519" ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The Ed25519 public key in `base64`, SPKI DER in base64; undefined when it is not one. */
export function parseContractVerifyKey(base64: string): KeyObject | undefined {
  if (!BASE64_DER.test(base64)) return undefined;
  try {
    const key = createPublicKey({ key: Buffer.from(base64, "base64"), format: "der", type: "spki" });
    return key.asymmetricKeyType === "ed25519" ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The id a contract signing key gets when none is configured: the first 8 hex digits of
 * the SHA-256 of its public key's SPKI DER (the bytes of a CARAVAN_CONTRACT_VERIFY_KEYS
 * entry), so the id can be recomputed from the public key alone.
 */
export function defaultContractKeyId(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256").update(publicKey.export({ format: "der", type: "spki" })).digest("hex").slice(0, 8);
}

/** A public key that verifies contract acceptances signed in the past (before a rotation). */
export interface ContractVerifyKey {
  id: string;
  /** Ed25519 public key, SPKI DER in base64. */
  publicKey: string;
}

const contractSigningKey = z.string().transform((value, ctx): string => {
  const key = parseContractSigningKey(value);
  if (!key) {
    // Never the value itself: it is the secret.
    ctx.addIssue({ code: "custom", message: "must be an Ed25519 private key: PKCS#8 PEM, or its DER in base64 (openssl genpkey -algorithm ed25519)" });
    return z.NEVER;
  }
  return key.export({ format: "der", type: "pkcs8" }).toString("base64");
});

const contractVerifyKeys = z.string().transform((value, ctx): ContractVerifyKey[] => {
  const keys: ContractVerifyKey[] = [];
  for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    const colon = entry.indexOf(":");
    const id = entry.slice(0, colon);
    const publicKey = entry.slice(colon + 1);
    if (colon < 0 || !KEY_ID.test(id) || !parseContractVerifyKey(publicKey)) {
      ctx.addIssue({ code: "custom", message: `entry ${keys.length + 1} must be <id>:<Ed25519 public key, SPKI DER in base64>, the id of 1-32 letters, digits, '-' or '_'` });
      return z.NEVER;
    }
    if (keys.some((known) => known.id === id)) {
      ctx.addIssue({ code: "custom", message: `names key id ${id} twice` });
      return z.NEVER;
    }
    keys.push({ id, publicKey });
  }
  return keys;
});

/** Needed to run the real store; optional in development and in demo mode. */
const PRODUCTION_SECRETS = ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "CARAVAN_SESSION_SECRET", "CARAVAN_ENCRYPTION_KEY", "CARAVAN_CONTRACT_SIGNING_KEY"] as const;

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).optional(),
    CARAVAN_DEMO: flag.default(false),
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
    CARAVAN_RATE_LIMIT_API: rateLimit("120/60"),
    CARAVAN_RATE_LIMIT_FORMS: rateLimit("30/60"),
    CARAVAN_TRUST_PROXY: flag.default(false),
    CARAVAN_CART_TTL_DAYS: z.coerce
      .number({ error: "must be a number of days (1-365)" })
      .int("must be a number of days (1-365)")
      .min(1, "must be a number of days (1-365)")
      .max(365, "must be a number of days (1-365)")
      .default(30),
    CARAVAN_MAX_BODY_BYTES: z.coerce
      .number({ error: "must be a number of bytes (1024-10485760)" })
      .int("must be a number of bytes (1024-10485760)")
      .min(1024, "must be a number of bytes (1024-10485760)")
      .max(10 * 1024 * 1024, "must be a number of bytes (1024-10485760)")
      .default(64 * 1024),
    SMTP_URL: z.string().refine(isSmtpUrl, "must be an smtp:// or smtps:// URL with a host, e.g. smtps://user:password@smtp.example.com:465").optional(),
    MAIL_FROM: z.string().refine(isMailbox, 'must be one sender address, e.g. orders@example.com or "Caravan <orders@example.com>"').default("Caravan <orders@caravan.localhost>"),
    CARAVAN_OUTBOX_DIR: z.string().min(1).default(".data/outbox"),
    /** Where uploaded images and digital files are kept (lib/server/storage): `local` is the disk under CARAVAN_STORAGE_DIR. */
    CARAVAN_STORAGE: z.enum(["local"], { error: "must be local" }).default("local"),
    CARAVAN_STORAGE_DIR: z.string().min(1).default(".data/storage"),
    /** Digital delivery (lib/server/digital): a download link's lifetime in hours and how often it may be used. */
    CARAVAN_DOWNLOAD_HOURS: z.coerce
      .number({ error: "must be a number of hours (1-8760)" })
      .int("must be a number of hours (1-8760)")
      .min(1, "must be a number of hours (1-8760)")
      .max(8760, "must be a number of hours (1-8760)")
      .default(72),
    CARAVAN_DOWNLOAD_LIMIT: z.coerce
      .number({ error: "must be a number of downloads (1-100)" })
      .int("must be a number of downloads (1-100)")
      .min(1, "must be a number of downloads (1-100)")
      .max(100, "must be a number of downloads (1-100)")
      .default(5),
    /** Signs download links (HMAC-SHA256); default: derived from the session secret. */
    CARAVAN_DOWNLOAD_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    STRIPE_SECRET_KEY: z.string().startsWith("sk_", "must be a Stripe secret key (sk_...)").optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must be a Stripe webhook signing secret (whsec_...)").optional(),
    STRIPE_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    STRIPE_SANDBOX_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("http://127.0.0.1:12111"),
    STRIPE_SANDBOX_SECRET_KEY: z.string().startsWith("sk_test_", "must be a test secret key (sk_test_...)").default("sk_test_sandbox"),
    STRIPE_SANDBOX_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must be a webhook signing secret (whsec_...)").default("whsec_sandbox"),
    /**
     * Carrier webhook secrets, `<carrier>=<secret>` separated by commas (e.g. `simulated=...,dhl-express=...`):
     * POST /api/webhooks/carriers/<carrier> accepts only events signed with that carrier's secret.
     * In demo mode a carrier without one gets a secret derived from the store's secret
     * (CARAVAN_SESSION_SECRET or .data/session-secret), which the carrier simulator is given.
     */
    CARAVAN_CARRIER_SECRETS: z
      .string()
      .transform((value, ctx) => {
        const parsed = parseCarrierSecrets(value);
        if (parsed.ok) return parsed.secrets;
        ctx.addIssue({ code: "custom", message: parsed.problem });
        return z.NEVER;
      })
      .optional(),
    /** The carrier simulator (sandbox/carriers) new "simulated" shipments are registered with; `npm start` in demo mode starts one. */
    CARAVAN_CARRIER_SIMULATOR_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    CARAVAN_COMMISSION_BPS: z.coerce
      .number({ error: "must be basis points (0-5000)" })
      .int("must be basis points (0-5000)")
      .min(0, "must be basis points (0-5000)")
      .max(5000, "must be basis points (0-5000)")
      .default(1000),
    CARAVAN_QUOTE_LOCK_MINUTES: z.coerce
      .number({ error: "must be minutes (30-1440)" })
      .int("must be minutes (30-1440)")
      .min(30, "must be minutes (30-1440)")
      .max(1440, "must be minutes (30-1440)")
      .default(30),
    CARAVAN_FX_MAX_AGE_DAYS: z.coerce
      .number({ error: "must be a number of days (1-30)" })
      .int("must be a number of days (1-30)")
      .min(1, "must be a number of days (1-30)")
      .max(30, "must be a number of days (1-30)")
      .default(4),
    CARAVAN_SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    CARAVAN_ENCRYPTION_KEY: z.string().refine(isBase64Key, "must be 32 bytes in base64 (openssl rand -base64 32)").optional(),
    /** The current key's id in what it seals; default: derived from the key (defaultEncryptionKeyId). */
    CARAVAN_ENCRYPTION_KEY_ID: z.string().regex(KEY_ID, KEY_ID_RULE).optional(),
    /** Retired keys, `<id>:<base64 key>` separated by commas: they open what they sealed, never seal. */
    CARAVAN_ENCRYPTION_OLD_KEYS: retiredKeys.optional(),
    /** Signs contract acceptances (Ed25519); read as PEM or base64 DER, kept as base64 PKCS#8 DER. */
    CARAVAN_CONTRACT_SIGNING_KEY: contractSigningKey.optional(),
    /** The signing key's id in each acceptance; default: derived from its public key (defaultContractKeyId). */
    CARAVAN_CONTRACT_SIGNING_KEY_ID: z.string().regex(KEY_ID, KEY_ID_RULE).optional(),
    /** Public keys of earlier signing keys, `<id>:<base64 SPKI DER>` separated by commas: they verify, never sign. */
    CARAVAN_CONTRACT_VERIFY_KEYS: contractVerifyKeys.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.CARAVAN_ENCRYPTION_KEY_ID !== undefined && env.CARAVAN_ENCRYPTION_KEY === undefined) {
      ctx.addIssue({ code: "custom", path: ["CARAVAN_ENCRYPTION_KEY_ID"], message: "names the id of CARAVAN_ENCRYPTION_KEY, which is not set" });
    }
    const currentId = env.CARAVAN_ENCRYPTION_KEY && (env.CARAVAN_ENCRYPTION_KEY_ID ?? defaultEncryptionKeyId(env.CARAVAN_ENCRYPTION_KEY));
    if (currentId && env.CARAVAN_ENCRYPTION_OLD_KEYS?.some((old) => old.id === currentId)) {
      ctx.addIssue({ code: "custom", path: ["CARAVAN_ENCRYPTION_OLD_KEYS"], message: `key id ${currentId} is the current key's (CARAVAN_ENCRYPTION_KEY)` });
    }
    if (env.CARAVAN_CONTRACT_SIGNING_KEY_ID !== undefined && env.CARAVAN_CONTRACT_SIGNING_KEY === undefined) {
      ctx.addIssue({ code: "custom", path: ["CARAVAN_CONTRACT_SIGNING_KEY_ID"], message: "names the id of CARAVAN_CONTRACT_SIGNING_KEY, which is not set" });
    }
    const signingId = env.CARAVAN_CONTRACT_SIGNING_KEY && (env.CARAVAN_CONTRACT_SIGNING_KEY_ID ?? defaultContractKeyId(parseContractSigningKey(env.CARAVAN_CONTRACT_SIGNING_KEY)!));
    if (signingId && env.CARAVAN_CONTRACT_VERIFY_KEYS?.some((old) => old.id === signingId)) {
      ctx.addIssue({ code: "custom", path: ["CARAVAN_CONTRACT_VERIFY_KEYS"], message: `key id ${signingId} is the current signing key's (CARAVAN_CONTRACT_SIGNING_KEY)` });
    }
  })
  .transform((env) => {
    const ids: { CARAVAN_ENCRYPTION_KEY_ID?: string; CARAVAN_CONTRACT_SIGNING_KEY_ID?: string } = {};
    if (env.CARAVAN_ENCRYPTION_KEY && !env.CARAVAN_ENCRYPTION_KEY_ID) ids.CARAVAN_ENCRYPTION_KEY_ID = defaultEncryptionKeyId(env.CARAVAN_ENCRYPTION_KEY);
    if (env.CARAVAN_CONTRACT_SIGNING_KEY && !env.CARAVAN_CONTRACT_SIGNING_KEY_ID) {
      ids.CARAVAN_CONTRACT_SIGNING_KEY_ID = defaultContractKeyId(parseContractSigningKey(env.CARAVAN_CONTRACT_SIGNING_KEY)!);
    }
    return { ...env, ...ids };
  });

/** The production secrets absent from `present`, one line each (judged even when other variables are malformed). */
function missingSecrets(present: Record<string, string | undefined>): string[] {
  if (present.NODE_ENV !== "production" || present.CARAVAN_DEMO === "true") return [];
  return PRODUCTION_SECRETS.filter((name) => present[name] === undefined).map(
    (name) => `${name}: required in production (or set CARAVAN_DEMO=true for the local demo store)`,
  );
}

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
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)),
    ...missingSecrets(present),
  ];
  if (parsed.success && problems.length === 0) return parsed.data;
  throw new EnvError(problems);
}

let cached: Env | undefined;

/** This process's environment, parsed once: for code that runs on every request. */
export function serverEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
