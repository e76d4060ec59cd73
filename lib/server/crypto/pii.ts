// No `server-only` here: the store's Prisma client (lib/db/personal-data) seals accounts in tsx scripts too.
/**
 * Encryption at rest for personal data (addresses, phone numbers, emails): AES-256-GCM
 * with a random 96-bit IV per value, and the caller's context (`order:ord_123:email`)
 * as additional authenticated data, so a value copied to another row or field does not
 * open there.
 *
 * This module holds the master keys. A person's values are sealed under a data key of their
 * own (`pii2`, lib/server/crypto/subjects) that the master key wraps; the master key seals
 * directly only what belongs to no one person (licence keys, checkout drafts, the wrapped keys).
 *
 * Sealed text: `pii1.<keyId>.<iv>.<ciphertext>.<tag>`, each part base64url. The key id
 * says which key sealed it; retired keys (CARAVAN_ENCRYPTION_OLD_KEYS) still open what
 * they sealed until `reseal` moves it under the current key.
 *
 * Keys: CARAVAN_ENCRYPTION_KEY (required in production). Without one (development,
 * tests, the demo store) a development key is generated on first use and kept in
 * `.data/encryption-key`, so data sealed in one run opens in the next.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { defaultEncryptionKeyId, serverEnv, type Env } from "@/lib/env";

export const PII_ERROR_CODES = ["UNKNOWN_KEY", "TAMPERED", "MALFORMED"] as const;
export type PiiErrorCode = (typeof PII_ERROR_CODES)[number];

/** Why a sealed value did not open. The message never holds the plaintext, the key or the sealed text. */
export class PiiError extends Error {
  constructor(
    readonly code: PiiErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "PiiError";
  }
}

export interface PiiKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export interface Keyring {
  /** Seals, and opens what it sealed. */
  current: PiiKey;
  /** Open only. */
  retired: readonly PiiKey[];
}

const VERSION = "pii1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The file a development key is kept in, inside the data directory. */
export const DEVELOPMENT_KEY_FILE = "encryption-key";

function keyFromBase64(id: string, base64: string): PiiKey {
  const key = Buffer.from(base64, "base64");
  if (!KEY_ID.test(id) || key.length !== KEY_BYTES) throw new Error(`encryption key ${id} is not an id with 32 bytes of key`);
  return { id, key };
}

/**
 * The development key kept in `dataDir` (created there, mode 0600, on first use). Two
 * processes starting together agree on one key: the file appears whole, or not at all.
 */
export function developmentKey(dataDir: string): PiiKey {
  const file = path.join(dataDir, DEVELOPMENT_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const base64 = randomBytes(KEY_BYTES).toString("base64");
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify({ id: defaultEncryptionKeyId(base64), key: base64 })}\n`, { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  let stored: unknown;
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    stored = undefined;
  }
  const { id, key } = (stored ?? {}) as { id?: unknown; key?: unknown };
  if (typeof id !== "string" || typeof key !== "string" || !KEY_ID.test(id) || Buffer.from(key, "base64").length !== KEY_BYTES) {
    throw new Error(`${file} is not a development encryption key ({"id", "key"}); remove it to generate a new one (what the old one sealed will no longer open)`);
  }
  return keyFromBase64(id, key);
}

type KeyEnv = Pick<Env, "NODE_ENV" | "CARAVAN_DEMO" | "CARAVAN_ENCRYPTION_KEY" | "CARAVAN_ENCRYPTION_KEY_ID" | "CARAVAN_ENCRYPTION_OLD_KEYS">;

/** The keys an environment configures; without CARAVAN_ENCRYPTION_KEY, the development key in `dataDir` (default `.data`). */
export function keyringFromEnv(env: KeyEnv, options: { dataDir?: string } = {}): Keyring {
  const retired = (env.CARAVAN_ENCRYPTION_OLD_KEYS ?? []).map((old) => keyFromBase64(old.id, old.key));
  if (env.CARAVAN_ENCRYPTION_KEY) {
    const id = env.CARAVAN_ENCRYPTION_KEY_ID ?? defaultEncryptionKeyId(env.CARAVAN_ENCRYPTION_KEY);
    return { current: keyFromBase64(id, env.CARAVAN_ENCRYPTION_KEY), retired };
  }
  // lib/env refuses to start such a server; this guards against a keyring built by hand.
  if (env.NODE_ENV === "production" && !env.CARAVAN_DEMO) throw new Error("CARAVAN_ENCRYPTION_KEY: required in production (or set CARAVAN_DEMO=true for the local demo store)");
  return { current: developmentKey(options.dataDir ?? path.resolve(".data")), retired };
}

interface Sealed {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function decodePart(part: string): Buffer | undefined {
  if (!BASE64URL.test(part)) return undefined;
  const bytes = Buffer.from(part, "base64url");
  // Only the canonical spelling: no second text for the same bytes.
  return bytes.toString("base64url") === part ? bytes : undefined;
}

function parseSealed(sealed: string, version: string = VERSION): Sealed {
  const parts = typeof sealed === "string" ? sealed.split(".") : [];
  if (parts.length !== 5 || parts[0] !== version || !KEY_ID.test(parts[1]!)) throw new PiiError("MALFORMED", `not a ${version} sealed value`);
  const [iv, ciphertext, tag] = [decodePart(parts[2]!), decodePart(parts[3]!), decodePart(parts[4]!)];
  if (!iv || iv.length !== IV_BYTES || !ciphertext || !tag || tag.length !== TAG_BYTES) throw new PiiError("MALFORMED", `not a ${version} sealed value`);
  return { keyId: parts[1]!, iv, ciphertext, tag };
}

/** The version tag of a sealed value (`pii1`, `pii2`), or undefined when it is not one. */
export function sealedVersion(sealed: unknown): string | undefined {
  if (typeof sealed !== "string") return undefined;
  const version = sealed.slice(0, sealed.indexOf("."));
  return /^pii[0-9]$/.test(version) ? version : undefined;
}

function checkContext(context: string): void {
  if (typeof context !== "string" || context.length === 0 || context.length > 256) {
    throw new TypeError("a sealing context is a non-empty string of at most 256 characters, e.g. order:ord_123:email");
  }
}

/** The id of the key that sealed `sealed` (MALFORMED when it is not a sealed value). */
export function keyIdOf(sealed: string, version: string = VERSION): string {
  return parseSealed(sealed, version).keyId;
}

export interface PiiBox {
  sealText(plain: string, context: string): string;
  openText(sealed: string, context: string): string;
  sealJson(value: unknown, context: string): string;
  openJson<T = unknown>(sealed: string, context: string): T;
  keyIdOf(sealed: string): string;
  /** Whether `sealed` was sealed under a key other than the current one. */
  needsRotation(sealed: string): boolean;
  /** `sealed` under the current key: opened and sealed again, or returned as it is when already current. */
  reseal(sealed: string, context: string): string;
}

/**
 * Sealing and opening with one keyring (the store's default is built from the environment).
 * `version` tags what it seals: `pii1` under a master key, `pii2` under a person's data key
 * (lib/server/crypto/subjects, whose key ids are subject ids).
 */
export function createPiiBox(keyring: Keyring, options: { version?: string } = {}): PiiBox {
  const version = options.version ?? VERSION;
  const keys = new Map<string, Buffer>([...keyring.retired.map((k) => [k.id, k.key] as const), [keyring.current.id, keyring.current.key]]);

  function seal(plain: Buffer, context: string): string {
    checkContext(context);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, "utf8"));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    const parts = [iv, ciphertext, cipher.getAuthTag()].map((bytes) => bytes.toString("base64url"));
    return [version, keyring.current.id, ...parts].join(".");
  }

  function open(sealed: string, context: string): { keyId: string; plain: Buffer } {
    checkContext(context);
    const { keyId, iv, ciphertext, tag } = parseSealed(sealed, version);
    const key = keys.get(keyId);
    if (!key) throw new PiiError("UNKNOWN_KEY", `sealed under key id ${keyId}, which is neither the current key nor a retired one`);
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tag);
      return { keyId, plain: Buffer.concat([decipher.update(ciphertext), decipher.final()]) };
    } catch {
      throw new PiiError("TAMPERED", "does not open under this context: altered, or copied from another record or field");
    }
  }

  function sealText(plain: string, context: string): string {
    if (typeof plain !== "string") throw new TypeError("sealText seals a string");
    return seal(Buffer.from(plain, "utf8"), context);
  }

  function openText(sealed: string, context: string): string {
    return open(sealed, context).plain.toString("utf8");
  }

  return {
    sealText,
    openText,
    sealJson(value, context) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError("sealJson seals a JSON value");
      return sealText(json, context);
    },
    openJson<T>(sealed: string, context: string): T {
      const text = openText(sealed, context);
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new PiiError("MALFORMED", "opened, but is not JSON");
      }
    },
    keyIdOf: (sealed) => keyIdOf(sealed, version),
    needsRotation(sealed) {
      return keyIdOf(sealed, version) !== keyring.current.id;
    },
    reseal(sealed, context) {
      const { keyId, plain } = open(sealed, context);
      try {
        return keyId === keyring.current.id ? sealed : seal(plain, context);
      } finally {
        plain.fill(0);
      }
    },
  };
}

let defaultBox: PiiBox | undefined;

/** The store's master keys, read from the environment once per process. */
export function masterBox(): PiiBox {
  defaultBox ??= createPiiBox(keyringFromEnv(serverEnv()));
  return defaultBox;
}
const box = masterBox;

export function sealText(plain: string, context: string): string {
  return box().sealText(plain, context);
}

export function openText(sealed: string, context: string): string {
  return box().openText(sealed, context);
}

export function sealJson(value: unknown, context: string): string {
  return box().sealJson(value, context);
}

export function openJson<T = unknown>(sealed: string, context: string): T {
  return box().openJson<T>(sealed, context);
}

export function needsRotation(sealed: string): boolean {
  return box().needsRotation(sealed);
}

export function reseal(sealed: string, context: string): string {
  return box().reseal(sealed, context);
}
