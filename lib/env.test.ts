import { createHash, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultContractKeyId, defaultEncryptionKeyId, EnvError, parseContractSigningKey, parseEnv } from "./env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

/** A fresh Ed25519 key pair: the private key as PKCS#8 (PEM and base64 DER), the public key as base64 SPKI DER. */
function ed25519() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    pem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    der: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    spki: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
  };
}

const SECRETS = {
  STRIPE_SECRET_KEY: "sk_live_51abcdef",
  STRIPE_WEBHOOK_SECRET: "whsec_abcdef",
  CARAVAN_SESSION_SECRET: "s".repeat(32),
  CARAVAN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  CARAVAN_CONTRACT_SIGNING_KEY: ed25519().der,
};

describe("parseEnv", () => {
  it("gives every variable its documented default", () => {
    expect(parseEnv({})).toEqual({
      CARAVAN_DEMO: false,
      CARAVAN_PG_PORT: 54329,
      PORT: 3000,
      CARAVAN_PUBLIC_URL: "http://localhost:3000",
      CARAVAN_ECB_URL: "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml",
      NEXT_DIST_DIR: ".next",
      CARAVAN_RATE_LIMIT_API: { limit: 120, windowSeconds: 60 },
      CARAVAN_RATE_LIMIT_FORMS: { limit: 30, windowSeconds: 60 },
      CARAVAN_TRUST_PROXY: false,
      CARAVAN_CART_TTL_DAYS: 30,
      CARAVAN_MAX_BODY_BYTES: 65536,
      MAIL_FROM: "Caravan <orders@caravan.localhost>",
      CARAVAN_OUTBOX_DIR: ".data/outbox",
      CARAVAN_STORAGE: "local",
      CARAVAN_STORAGE_DIR: ".data/storage",
      CARAVAN_DOWNLOAD_HOURS: 72,
      CARAVAN_DOWNLOAD_LIMIT: 5,
      STRIPE_SANDBOX_URL: "http://127.0.0.1:12111",
      STRIPE_SANDBOX_SECRET_KEY: "sk_test_sandbox",
      STRIPE_SANDBOX_WEBHOOK_SECRET: "whsec_sandbox",
      CARAVAN_COMMISSION_BPS: 1000,
      CARAVAN_QUOTE_LOCK_MINUTES: 30,
      CARAVAN_FX_MAX_AGE_DAYS: 4,
    });
  });

  it("takes a download link's lifetime and limit in range, and a download secret of at least 32 characters", () => {
    expect(parseEnv({ CARAVAN_DOWNLOAD_HOURS: "24", CARAVAN_DOWNLOAD_LIMIT: "3", CARAVAN_DOWNLOAD_SECRET: "d".repeat(32) })).toMatchObject({ CARAVAN_DOWNLOAD_HOURS: 24, CARAVAN_DOWNLOAD_LIMIT: 3, CARAVAN_DOWNLOAD_SECRET: "d".repeat(32) });
    expect(() => parseEnv({ CARAVAN_DOWNLOAD_HOURS: "0" })).toThrow(/CARAVAN_DOWNLOAD_HOURS/);
    expect(() => parseEnv({ CARAVAN_DOWNLOAD_LIMIT: "101" })).toThrow(/CARAVAN_DOWNLOAD_LIMIT/);
    expect(() => parseEnv({ CARAVAN_DOWNLOAD_SECRET: "short" })).toThrow(/CARAVAN_DOWNLOAD_SECRET/);
  });

  it("accepts valid values and treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/caravan", PORT: "8080", CARAVAN_PUBLIC_URL: "" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://u:p@db:5432/caravan", PORT: 8080, CARAVAN_PUBLIC_URL: "http://localhost:3000" });
  });

  it("checks the payment settings", () => {
    expect(problemsOf({ CARAVAN_COMMISSION_BPS: "5001", CARAVAN_QUOTE_LOCK_MINUTES: "10", STRIPE_SANDBOX_SECRET_KEY: "sk_live_x", STRIPE_SANDBOX_URL: "ftp://x" })).toEqual([
      "STRIPE_SANDBOX_URL: must be an http(s) URL",
      "STRIPE_SANDBOX_SECRET_KEY: must be a test secret key (sk_test_...)",
      "CARAVAN_COMMISSION_BPS: must be basis points (0-5000)",
      "CARAVAN_QUOTE_LOCK_MINUTES: must be minutes (30-1440)",
    ]);
  });

  it("names every malformed variable in one error", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://x", PORT: "eighty", CARAVAN_PUBLIC_URL: "ftp://shop" });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^DATABASE_URL: must be a postgresql:\/\/ connection URL$/);
    expect(problems).toContain("PORT: must be a port number (1-65535)");
    expect(problems.some((p) => p.startsWith("CARAVAN_PUBLIC_URL: must be an http(s) URL"))).toBe(true);
  });
});

describe("rate limits, proxy trust and body size", () => {
  it("reads <requests>/<seconds> limits, the proxy flag and the body cap", () => {
    const env = parseEnv({ CARAVAN_RATE_LIMIT_API: "5/10", CARAVAN_RATE_LIMIT_FORMS: "2/1", CARAVAN_TRUST_PROXY: "true", CARAVAN_MAX_BODY_BYTES: "2048" });
    expect(env).toMatchObject({
      CARAVAN_RATE_LIMIT_API: { limit: 5, windowSeconds: 10 },
      CARAVAN_RATE_LIMIT_FORMS: { limit: 2, windowSeconds: 1 },
      CARAVAN_TRUST_PROXY: true,
      CARAVAN_MAX_BODY_BYTES: 2048,
    });
  });

  it("refuses malformed values, one line each", () => {
    expect(problemsOf({ CARAVAN_RATE_LIMIT_API: "0/60", CARAVAN_RATE_LIMIT_FORMS: "lots", CARAVAN_TRUST_PROXY: "yes", CARAVAN_MAX_BODY_BYTES: "10" })).toEqual([
      "CARAVAN_RATE_LIMIT_API: must be <requests>/<seconds>, e.g. 120/60",
      "CARAVAN_RATE_LIMIT_FORMS: must be <requests>/<seconds>, e.g. 120/60",
      "CARAVAN_TRUST_PROXY: must be true or false",
      "CARAVAN_MAX_BODY_BYTES: must be a number of bytes (1024-10485760)",
    ]);
  });
});

describe("mail", () => {
  it("sends through SMTP only when SMTP_URL is set, from MAIL_FROM, else into the outbox directory", () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    const env = parseEnv({ SMTP_URL: "smtps://orders%40shop.example:p%40ss@smtp.example.com:465", MAIL_FROM: "Caravan Orders <orders@shop.example>", CARAVAN_OUTBOX_DIR: "/var/caravan/outbox" });
    expect(env).toMatchObject({ SMTP_URL: "smtps://orders%40shop.example:p%40ss@smtp.example.com:465", MAIL_FROM: "Caravan Orders <orders@shop.example>", CARAVAN_OUTBOX_DIR: "/var/caravan/outbox" });
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525" }).SMTP_URL).toBe("smtp://127.0.0.1:2525");
  });

  it.each(["orders@shop.example", '"Caravan, Orders" <orders@shop.example>', "Caravan <orders@caravan.localhost>"])("accepts the sender %s", (from) => {
    expect(parseEnv({ MAIL_FROM: from }).MAIL_FROM).toBe(from);
  });

  it.each([
    ["SMTP_URL", "https://smtp.example.com", "must be an smtp:// or smtps:// URL with a host, e.g. smtps://user:password@smtp.example.com:465"],
    ["SMTP_URL", "smtp.example.com:587", "must be an smtp:// or smtps:// URL with a host, e.g. smtps://user:password@smtp.example.com:465"],
    ["SMTP_URL", "smtp://", "must be an smtp:// or smtps:// URL with a host, e.g. smtps://user:password@smtp.example.com:465"],
    ["MAIL_FROM", "Caravan", 'must be one sender address, e.g. orders@example.com or "Caravan <orders@example.com>"'],
    ["MAIL_FROM", "a@shop.example, b@shop.example", 'must be one sender address, e.g. orders@example.com or "Caravan <orders@example.com>"'],
    ["MAIL_FROM", "Caravan <orders@shop.example>\r\nBcc: all@example.com", 'must be one sender address, e.g. orders@example.com or "Caravan <orders@example.com>"'],
  ])("refuses %s=%j with one line", (name, value, message) => {
    expect(problemsOf({ [name]: value })).toEqual([`${name}: ${message}`]);
  });

  it("never repeats the SMTP password in its message", () => {
    const problems = problemsOf({ SMTP_URL: "http://user:hunter2secret@smtp.example.com" });
    expect(problems).toHaveLength(1);
    expect(problems.join("\n")).not.toContain("hunter2secret");
  });
});

const SIGNING_KEY_RULE = "must be an Ed25519 private key: PKCS#8 PEM, or its DER in base64 (openssl genpkey -algorithm ed25519)";

describe("production secrets", () => {
  const production = { NODE_ENV: "production" };

  it("needs none in development, in tests or in demo mode", () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ NODE_ENV: "development" })).toEqual([]);
    expect(problemsOf({ NODE_ENV: "test" })).toEqual([]);
    expect(parseEnv({ ...production, CARAVAN_DEMO: "true" }).CARAVAN_DEMO).toBe(true);
  });

  it("starts a production server that has all five", () => {
    expect(parseEnv({ ...production, ...SECRETS })).toMatchObject({ NODE_ENV: "production", CARAVAN_DEMO: false, ...SECRETS });
  });

  it.each(Object.keys(SECRETS))("names %s on its own line when production lacks it", (name) => {
    const source: Record<string, string> = { ...production, ...SECRETS };
    delete source[name];
    expect(problemsOf(source)).toEqual([`${name}: required in production (or set CARAVAN_DEMO=true for the local demo store)`]);
  });

  it("lists every missing secret at once, beside any malformed variable", () => {
    const problems = problemsOf({ ...production, CARAVAN_DEMO: "false", PORT: "x" });
    expect(problems).toHaveLength(1 + Object.keys(SECRETS).length);
    expect(problems[0]).toBe("PORT: must be a port number (1-65535)");
    expect(problems.slice(1).map((p) => p.split(":")[0])).toEqual(Object.keys(SECRETS));
  });

  it.each([
    ["STRIPE_SECRET_KEY", "pk_live_123", "must be a Stripe secret key (sk_...)"],
    ["STRIPE_WEBHOOK_SECRET", "sk_live_123", "must be a Stripe webhook signing secret (whsec_...)"],
    ["CARAVAN_SESSION_SECRET", "short", "must be at least 32 characters"],
    ["CARAVAN_ENCRYPTION_KEY", Buffer.alloc(16).toString("base64"), "must be 32 bytes in base64 (openssl rand -base64 32)"],
    ["CARAVAN_ENCRYPTION_KEY", "not base64 at all, but forty-four chars long!", "must be 32 bytes in base64 (openssl rand -base64 32)"],
    ["CARAVAN_CONTRACT_SIGNING_KEY", "not a key", SIGNING_KEY_RULE],
    ["CARAVAN_CONTRACT_SIGNING_KEY", ed25519().spki, SIGNING_KEY_RULE],
    ["CARAVAN_CONTRACT_SIGNING_KEY", generateKeyPairSync("x25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString(), SIGNING_KEY_RULE],
  ])("checks the shape of %s whenever it is set", (name, value, message) => {
    expect(problemsOf({ ...production, ...SECRETS, [name]: value })).toEqual([`${name}: ${message}`]);
    expect(problemsOf({ [name]: value })).toEqual([`${name}: ${message}`]);
  });

  it("refuses a demo flag that is not true or false", () => {
    expect(problemsOf({ CARAVAN_DEMO: "1" })).toEqual(["CARAVAN_DEMO: must be true or false"]);
  });
  it("reads the cart lifetime in days and refuses nonsense", () => {
    expect(parseEnv({ CARAVAN_CART_TTL_DAYS: "7" }).CARAVAN_CART_TTL_DAYS).toBe(7);
    for (const bad of ["0", "366", "1.5", "week"]) expect(() => parseEnv({ CARAVAN_CART_TTL_DAYS: bad }), bad).toThrow(/CARAVAN_CART_TTL_DAYS: must be a number of days/);
  });
});

describe("encryption key id and retired keys", () => {
  const key = Buffer.alloc(32, 7).toString("base64");
  const old1 = Buffer.alloc(32, 1).toString("base64");
  const old2 = Buffer.alloc(32, 2).toString("base64");

  it("derives the current key's id from the key when none is set", () => {
    const env = parseEnv({ CARAVAN_ENCRYPTION_KEY: key });
    expect(env.CARAVAN_ENCRYPTION_KEY_ID).toBe(defaultEncryptionKeyId(key));
    expect(env.CARAVAN_ENCRYPTION_KEY_ID).toMatch(/^[0-9a-f]{8}$/);
    expect(defaultEncryptionKeyId(old1)).not.toBe(env.CARAVAN_ENCRYPTION_KEY_ID);
  });

  it("takes a configured id and parses retired keys, decrypt-only", () => {
    const env = parseEnv({ CARAVAN_ENCRYPTION_KEY: key, CARAVAN_ENCRYPTION_KEY_ID: "k2026-12", CARAVAN_ENCRYPTION_OLD_KEYS: ` k2025:${old1} , k_2024:${old2}` });
    expect(env.CARAVAN_ENCRYPTION_KEY_ID).toBe("k2026-12");
    expect(env.CARAVAN_ENCRYPTION_OLD_KEYS).toEqual([{ id: "k2025", key: old1 }, { id: "k_2024", key: old2 }]);
  });

  it("refuses malformed ids and entries without echoing the key", () => {
    expect(problemsOf({ CARAVAN_ENCRYPTION_KEY: key, CARAVAN_ENCRYPTION_KEY_ID: "has.dot" })).toEqual(["CARAVAN_ENCRYPTION_KEY_ID: must be 1-32 letters, digits, '-' or '_'"]);
    const short = Buffer.alloc(16).toString("base64");
    for (const value of [`k1:${short}`, old1, `:${old1}`, `bad id:${old1}`, `k1:${old1},k2`]) {
      const problems = problemsOf({ CARAVAN_ENCRYPTION_KEY: key, CARAVAN_ENCRYPTION_OLD_KEYS: value });
      expect(problems, value).toHaveLength(1);
      expect(problems[0]).toMatch(/^CARAVAN_ENCRYPTION_OLD_KEYS: entry \d must be <id>:<32 bytes in base64>/);
      expect(problems[0]).not.toContain(old1);
    }
  });

  it("refuses an id twice, a retired key under the current key's id, and an id without a key", () => {
    expect(problemsOf({ CARAVAN_ENCRYPTION_KEY: key, CARAVAN_ENCRYPTION_OLD_KEYS: `a:${old1},a:${old2}` })).toEqual(["CARAVAN_ENCRYPTION_OLD_KEYS: names key id a twice"]);
    expect(problemsOf({ CARAVAN_ENCRYPTION_KEY: key, CARAVAN_ENCRYPTION_KEY_ID: "a", CARAVAN_ENCRYPTION_OLD_KEYS: `a:${old1}` })).toEqual([
      "CARAVAN_ENCRYPTION_OLD_KEYS: key id a is the current key's (CARAVAN_ENCRYPTION_KEY)",
    ]);
    expect(problemsOf({ CARAVAN_ENCRYPTION_KEY: key, CARAVAN_ENCRYPTION_OLD_KEYS: `${defaultEncryptionKeyId(key)}:${old1}` })).toHaveLength(1);
    expect(problemsOf({ CARAVAN_ENCRYPTION_KEY_ID: "a" })).toEqual(["CARAVAN_ENCRYPTION_KEY_ID: names the id of CARAVAN_ENCRYPTION_KEY, which is not set"]);
  });

  it("keeps retired keys usable in development, beside the generated key", () => {
    expect(parseEnv({ CARAVAN_ENCRYPTION_OLD_KEYS: `a:${old1}` }).CARAVAN_ENCRYPTION_OLD_KEYS).toEqual([{ id: "a", key: old1 }]);
  });
});

describe("contract signing keys", () => {
  const current = ed25519();
  const old1 = ed25519();
  const old2 = ed25519();

  it("reads the key as PEM, as PEM with \\n for line breaks, or as base64 DER, and keeps it as base64 DER", () => {
    for (const value of [current.pem, current.pem.trim().replace(/\n/g, "\\n"), current.der, ` ${current.der}\n`]) {
      expect(parseEnv({ CARAVAN_CONTRACT_SIGNING_KEY: value }).CARAVAN_CONTRACT_SIGNING_KEY, value.slice(0, 30)).toBe(current.der);
    }
  });

  it("derives the key id from the public key: the first 8 hex digits of the SHA-256 of its SPKI DER", () => {
    const env = parseEnv({ CARAVAN_CONTRACT_SIGNING_KEY: current.pem });
    const expected = createHash("sha256").update(Buffer.from(current.spki, "base64")).digest("hex").slice(0, 8);
    expect(env.CARAVAN_CONTRACT_SIGNING_KEY_ID).toBe(expected);
    expect(defaultContractKeyId(parseContractSigningKey(current.der)!)).toBe(expected);
    expect(parseEnv({ CARAVAN_CONTRACT_SIGNING_KEY: current.der, CARAVAN_CONTRACT_SIGNING_KEY_ID: "c2027" }).CARAVAN_CONTRACT_SIGNING_KEY_ID).toBe("c2027");
  });

  it("parses the public keys of earlier signing keys, also without a current key (development)", () => {
    const env = parseEnv({ CARAVAN_CONTRACT_SIGNING_KEY: current.der, CARAVAN_CONTRACT_VERIFY_KEYS: ` c2025:${old1.spki} , c_2026:${old2.spki}` });
    expect(env.CARAVAN_CONTRACT_VERIFY_KEYS).toEqual([{ id: "c2025", publicKey: old1.spki }, { id: "c_2026", publicKey: old2.spki }]);
    expect(parseEnv({ CARAVAN_CONTRACT_VERIFY_KEYS: `a:${old1.spki}` }).CARAVAN_CONTRACT_VERIFY_KEYS).toEqual([{ id: "a", publicKey: old1.spki }]);
  });

  it("refuses malformed entries, one line, without echoing them", () => {
    const x25519 = generateKeyPairSync("x25519").publicKey.export({ format: "der", type: "spki" }).toString("base64");
    for (const value of [old1.spki, `a:${old1.der}`, `a:${x25519}`, `:${old1.spki}`, `bad id:${old1.spki}`, `a:${old1.spki},b`, "a:not-base64!"]) {
      const problems = problemsOf({ CARAVAN_CONTRACT_VERIFY_KEYS: value });
      expect(problems, value).toHaveLength(1);
      expect(problems[0]).toMatch(/^CARAVAN_CONTRACT_VERIFY_KEYS: entry \d must be <id>:<Ed25519 public key, SPKI DER in base64>/);
      expect(problems[0]).not.toContain(old1.der);
    }
    const problems = problemsOf({ CARAVAN_CONTRACT_SIGNING_KEY: current.der.slice(0, -8) });
    expect(problems).toEqual([`CARAVAN_CONTRACT_SIGNING_KEY: ${SIGNING_KEY_RULE}`]);
    expect(problems[0]).not.toContain(current.der.slice(0, 20));
    expect(problemsOf({ CARAVAN_CONTRACT_SIGNING_KEY: current.der, CARAVAN_CONTRACT_SIGNING_KEY_ID: "has.dot" })).toEqual(["CARAVAN_CONTRACT_SIGNING_KEY_ID: must be 1-32 letters, digits, '-' or '_'"]);
  });

  it("refuses an id twice, an old key under the current key's id, and an id without a key", () => {
    expect(problemsOf({ CARAVAN_CONTRACT_VERIFY_KEYS: `a:${old1.spki},a:${old2.spki}` })).toEqual(["CARAVAN_CONTRACT_VERIFY_KEYS: names key id a twice"]);
    expect(problemsOf({ CARAVAN_CONTRACT_SIGNING_KEY: current.der, CARAVAN_CONTRACT_SIGNING_KEY_ID: "a", CARAVAN_CONTRACT_VERIFY_KEYS: `a:${old1.spki}` })).toEqual([
      "CARAVAN_CONTRACT_VERIFY_KEYS: key id a is the current signing key's (CARAVAN_CONTRACT_SIGNING_KEY)",
    ]);
    const derived = defaultContractKeyId(parseContractSigningKey(current.der)!);
    expect(problemsOf({ CARAVAN_CONTRACT_SIGNING_KEY: current.der, CARAVAN_CONTRACT_VERIFY_KEYS: `${derived}:${old1.spki}` })).toHaveLength(1);
    expect(problemsOf({ CARAVAN_CONTRACT_SIGNING_KEY_ID: "a" })).toEqual(["CARAVAN_CONTRACT_SIGNING_KEY_ID: names the id of CARAVAN_CONTRACT_SIGNING_KEY, which is not set"]);
  });
});

describe("carrier webhooks", () => {
  it("reads one secret per carrier, and the simulator's address", () => {
    const env = parseEnv({ CARAVAN_CARRIER_SECRETS: "simulated=0123456789abcdef,dhl=fedcba9876543210", CARAVAN_CARRIER_SIMULATOR_URL: "http://127.0.0.1:12112" });
    expect(env.CARAVAN_CARRIER_SECRETS).toEqual({ simulated: "0123456789abcdef", dhl: "fedcba9876543210" });
    expect(env.CARAVAN_CARRIER_SIMULATOR_URL).toBe("http://127.0.0.1:12112");
    expect(parseEnv({}).CARAVAN_CARRIER_SECRETS).toBeUndefined();
  });
  it("refuses a short secret, a malformed entry and a simulator that is not an http(s) URL", () => {
    expect(() => parseEnv({ CARAVAN_CARRIER_SECRETS: "dhl=short" })).toThrow(/CARAVAN_CARRIER_SECRETS: the secret of dhl must be at least 16 characters/);
    expect(() => parseEnv({ CARAVAN_CARRIER_SECRETS: "just-a-secret-without-carrier" })).toThrow(/CARAVAN_CARRIER_SECRETS: entry 1 must be <carrier>=<secret>/);
    expect(() => parseEnv({ CARAVAN_CARRIER_SIMULATOR_URL: "ftp://x" })).toThrow(/CARAVAN_CARRIER_SIMULATOR_URL: must be an http\(s\) URL/);
  });
});
