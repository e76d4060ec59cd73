import "server-only";
import { isJurisdiction } from "@/lib/domain/contracts/jurisdiction";
/**
 * The evidence of the electronic contract: what a buyer accepted at checkout (the exact
 * terms text and its SHA-256, the totals they saw, their consents, when, and from which
 * address and browser), kept so that it can be proved years later.
 *
 * Each acceptance is one append-only row (the database refuses UPDATE, DELETE and
 * TRUNCATE) signed with Ed25519 over its canonical serialisation
 * (lib/domain/contracts/acceptance.ts). The trigger stops the application and mistakes;
 * the signature shows a change made by anyone able to get around the trigger, and
 * `verifyAcceptance` names every field that no longer matches.
 *
 * The address and user agent are personal data: sealed (lib/server/crypto/pii) under
 * `acceptance:<id>:ip` and `acceptance:<id>:user-agent`, and signed as sealed.
 *
 * Keys: CARAVAN_CONTRACT_SIGNING_KEY signs (required in production), under
 * CARAVAN_CONTRACT_SIGNING_KEY_ID; CARAVAN_CONTRACT_VERIFY_KEYS keeps the public keys of
 * earlier signing keys, so a rotation leaves old records verifiable. Without a signing
 * key (development, tests, the demo store) one is generated on first use and kept in
 * `.data/contract-signing-key`.
 */
import { createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { canonicalAcceptance, type AcceptanceConsents, type AcceptanceTotals, type SignedAcceptance } from "@/lib/domain/contracts/acceptance";
import { defaultContractKeyId, parseContractSigningKey, parseContractVerifyKey, serverEnv, type Env } from "@/lib/env";
import { sealText } from "@/lib/server/crypto/pii";
import { ErasedError, subjectKeys } from "@/lib/server/crypto/subjects";
import { sha256Hex } from "./terms";

export type { AcceptanceConsents, AcceptanceTotals } from "@/lib/domain/contracts/acceptance";

type Db = PrismaClient | Prisma.TransactionClient;

export interface SigningKeyring {
  /** Signs new acceptances. */
  current: { id: string; privateKey: KeyObject };
  /** Verifies, by key id: the current key's public key and those of earlier keys. */
  verifiers: ReadonlyMap<string, KeyObject>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** The file a development signing key is kept in (PKCS#8 PEM), inside the data directory. */
export const DEVELOPMENT_SIGNING_KEY_FILE = "contract-signing-key";

/**
 * A keyring that signs with `current` (id default: defaultContractKeyId) and also
 * verifies with `earlier` public keys.
 */
export function createSigningKeyring(current: { id?: string; privateKey: KeyObject }, earlier: readonly { id: string; publicKey: KeyObject }[] = []): SigningKeyring {
  if (current.privateKey.type !== "private" || current.privateKey.asymmetricKeyType !== "ed25519") throw new TypeError("a contract signing key is an Ed25519 private key");
  const id = current.id ?? defaultContractKeyId(current.privateKey);
  if (!KEY_ID.test(id)) throw new TypeError("a contract signing key id is 1-32 letters, digits, '-' or '_'");
  const verifiers = new Map<string, KeyObject>();
  for (const old of earlier) {
    if (old.id === id || verifiers.has(old.id)) throw new Error(`contract verify key id ${old.id} is given twice (or is the current signing key's)`);
    if (old.publicKey.asymmetricKeyType !== "ed25519") throw new TypeError(`contract verify key ${old.id} is not an Ed25519 key`);
    verifiers.set(old.id, old.publicKey.type === "private" ? createPublicKey(old.publicKey) : old.publicKey);
  }
  verifiers.set(id, createPublicKey(current.privateKey));
  return { current: { id, privateKey: current.privateKey }, verifiers };
}

/**
 * The development signing key kept in `dataDir` (created there, mode 0600, on first use).
 * Two processes starting together agree on one key: the file appears whole, or not at all.
 */
export function developmentSigningKey(dataDir: string): KeyObject {
  const file = path.join(dataDir, DEVELOPMENT_SIGNING_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const pem = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    fs.writeFileSync(temporary, pem, { mode: 0o600 });
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  const key = parseContractSigningKey(fs.readFileSync(file, "utf8"));
  if (!key) {
    throw new Error(
      `${file} is not an Ed25519 private key (PKCS#8 PEM); remove it to generate a new one (what the old one signed then verifies only with its public key in CARAVAN_CONTRACT_VERIFY_KEYS)`,
    );
  }
  return key;
}

type KeyEnv = Pick<Env, "NODE_ENV" | "CARAVAN_DEMO" | "CARAVAN_CONTRACT_SIGNING_KEY" | "CARAVAN_CONTRACT_SIGNING_KEY_ID" | "CARAVAN_CONTRACT_VERIFY_KEYS">;

/** The keys an environment configures; without CARAVAN_CONTRACT_SIGNING_KEY, the development key in `dataDir` (default `.data`). */
export function signingKeyringFromEnv(env: KeyEnv, options: { dataDir?: string } = {}): SigningKeyring {
  const earlier = (env.CARAVAN_CONTRACT_VERIFY_KEYS ?? []).map((old) => {
    const publicKey = parseContractVerifyKey(old.publicKey);
    if (!publicKey) throw new Error(`CARAVAN_CONTRACT_VERIFY_KEYS: key ${old.id} is not an Ed25519 public key`);
    return { id: old.id, publicKey };
  });
  if (env.CARAVAN_CONTRACT_SIGNING_KEY) {
    const privateKey = parseContractSigningKey(env.CARAVAN_CONTRACT_SIGNING_KEY);
    if (!privateKey) throw new Error("CARAVAN_CONTRACT_SIGNING_KEY: not an Ed25519 private key");
    return createSigningKeyring({ id: env.CARAVAN_CONTRACT_SIGNING_KEY_ID, privateKey }, earlier);
  }
  // lib/env refuses to start such a server; this guards against a keyring built by hand.
  if (env.NODE_ENV === "production" && !env.CARAVAN_DEMO) throw new Error("CARAVAN_CONTRACT_SIGNING_KEY: required in production (or set CARAVAN_DEMO=true for the local demo store)");
  return createSigningKeyring({ privateKey: developmentSigningKey(options.dataDir ?? path.resolve(".data")) }, earlier);
}

/** The keyring's current public key as a CARAVAN_CONTRACT_VERIFY_KEYS entry (`<id>:<base64 SPKI DER>`), to keep it verifying after a rotation. */
export function verifyKeyEntry(keyring: SigningKeyring): string {
  const publicKey = keyring.verifiers.get(keyring.current.id)!;
  return `${keyring.current.id}:${publicKey.export({ format: "der", type: "spki" }).toString("base64")}`;
}

let defaultKeyring: SigningKeyring | undefined;

/** The store's signing keys, read from the environment once per process. */
export function storeSigningKeyring(): SigningKeyring {
  defaultKeyring ??= signingKeyringFromEnv(serverEnv());
  return defaultKeyring;
}

/** The sealing context of a personal field of an acceptance. */
export function acceptanceField(acceptanceId: string, field: "ip" | "user-agent"): string {
  return `acceptance:${acceptanceId}:${field}`;
}

/** Hex SHA-256 of the text, the same function the terms are pinned with. */
export { sha256Hex };

/**
 * Text PostgreSQL gives back byte for byte: no NUL (refused by the database) and no lone
 * surrogate (it would be stored as U+FFFD, and the text would never match its hash again).
 */
const storable = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.isWellFormed() && !value.includes("\u0000"), "holds a NUL or a lone surrogate");

const minor = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const inputSchema = z.object({
  orderId: storable(200).min(1),
  termsVersionId: storable(200).min(1),
  text: storable(2_000_000).min(1),
  locale: z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, "is not a BCP 47 language tag"),
  /** The country (ISO 3166-1 alpha-2), or a subdivision of it (`US-CA`), whose law governs the contract. */
  // The terms' jurisdiction (EU, UK, US, AU, ROW), or a country or subdivision code.
  jurisdiction: z.string().refine((value) => isJurisdiction(value) || /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/.test(value), "is not a jurisdiction, country or subdivision code"),
  acceptedAt: z.date().refine((date) => !Number.isNaN(date.getTime()), "is not a valid date"),
  ip: z
    .string()
    .refine((value) => net.isIP(value) !== 0, "is not an IP address")
    .nullable(),
  userAgent: storable(8192).nullable(),
  totals: z.object({
    currency: z.string().regex(/^[A-Z]{3}$/, "is not an ISO 4217 code"),
    chargedMinor: minor,
    dueOnDeliveryMinor: minor,
  }),
  consents: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "is not a consent name"), z.boolean().nullable())
    .refine((consents) => consents.terms === true, "must hold terms: true"),
});

export interface AcceptanceInput {
  orderId: string;
  /** The version of the terms shown (the text is stored too, so this is a label, not the evidence). */
  termsVersionId: string;
  /** The terms exactly as shown to the buyer. */
  text: string;
  locale: string;
  jurisdiction: string;
  acceptedAt: Date;
  /** The buyer's address as the store saw it; null when unknown. */
  ip: string | null;
  userAgent: string | null;
  totals: AcceptanceTotals;
  consents: AcceptanceConsents;
  /** The person the address and user agent are sealed for (their order's subject); without one, the master key seals them. */
  subjectId?: string;
}

/** Why an acceptance could not be recorded: a field that is not what it must be (never its value). */
export class AcceptanceInputError extends Error {
  constructor(readonly fields: string[]) {
    super(`not a recordable acceptance: ${fields.join(", ")}`);
    this.name = "AcceptanceInputError";
  }
}

/**
 * Records what a buyer accepted: hashes the text, seals the address and user agent,
 * signs every field and inserts the row. Works on the client or inside an interactive
 * transaction (`db.$transaction(async (tx) => recordAcceptance(tx, ...))`), so the order
 * and its evidence are written together or not at all.
 */
export async function recordAcceptance(db: Db, input: AcceptanceInput, options: { keyring?: SigningKeyring } = {}): Promise<{ id: string }> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new AcceptanceInputError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  const value = parsed.data;
  const keyring = options.keyring ?? storeSigningKeyring();
  const id = `acc_${randomBytes(12).toString("base64url")}`;
  const keys = subjectKeys();
  const seal = (plain: string, context: string): Promise<string> | string => (input.subjectId ? keys.sealFor(db, input.subjectId, plain, context) : sealText(plain, context));
  const fields: SignedAcceptance & { totals: AcceptanceTotals; consents: AcceptanceConsents } = {
    id,
    orderId: value.orderId,
    termsVersionId: value.termsVersionId,
    text: value.text,
    textSha256: sha256Hex(value.text),
    locale: value.locale,
    jurisdiction: value.jurisdiction,
    acceptedAt: new Date(value.acceptedAt.getTime()),
    ipSealed: value.ip === null ? null : await seal(value.ip, acceptanceField(id, "ip")),
    userAgentSealed: value.userAgent === null ? null : await seal(value.userAgent, acceptanceField(id, "user-agent")),
    totals: { currency: value.totals.currency, chargedMinor: value.totals.chargedMinor, dueOnDeliveryMinor: value.totals.dueOnDeliveryMinor },
    consents: { ...value.consents },
    signingKeyId: keyring.current.id,
  };
  const signature = sign(null, Buffer.from(canonicalAcceptance(fields), "utf8"), keyring.current.privateKey).toString("base64");
  await db.contractAcceptance.create({
    data: { ...fields, totals: fields.totals as unknown as Prisma.InputJsonObject, consents: fields.consents as Prisma.InputJsonObject, signature },
  });
  return { id };
}

export const ACCEPTANCE_PROBLEMS = ["NOT_FOUND", "TEXT_HASH_MISMATCH", "UNKNOWN_KEY", "SIGNATURE_INVALID", "SEALED_FIELD_UNREADABLE"] as const;
export type AcceptanceProblem = (typeof ACCEPTANCE_PROBLEMS)[number];

/** What an acceptance says, without its personal data (the address and user agent stay sealed). */
export interface AcceptanceRecord {
  id: string;
  orderId: string;
  termsVersionId: string;
  text: string;
  textSha256: string;
  locale: string;
  jurisdiction: string;
  acceptedAt: Date;
  totals: AcceptanceTotals;
  consents: AcceptanceConsents;
  signingKeyId: string;
  ipRecorded: boolean;
  userAgentRecorded: boolean;
  /** The buyer's data was erased: the address and user agent are still there, signed, and no longer open. */
  redacted: boolean;
}

export type VerifyAcceptanceResult =
  | { ok: true; record: AcceptanceRecord }
  /** `record`: what the row says, unproven, when there is a row. */
  | { ok: false; problems: AcceptanceProblem[]; record?: AcceptanceRecord };

const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

async function opens(db: Db, sealed: string | null, context: string): Promise<"OPEN" | "REDACTED" | "UNREADABLE"> {
  if (sealed === null) return "OPEN";
  try {
    await subjectKeys().open(db, sealed, context);
    return "OPEN";
  } catch (error) {
    return error instanceof ErasedError ? "REDACTED" : "UNREADABLE";
  }
}

/**
 * Reads an acceptance again (by its id, `acc_...`, or by its order's id) and checks it:
 * the stored text against its hash, the signature with the key the record names, and
 * that its sealed fields still open. Every problem found is listed, not only the first.
 */
export async function verifyAcceptance(db: Db, idOrOrderId: string, options: { keyring?: SigningKeyring } = {}): Promise<VerifyAcceptanceResult> {
  const row = await db.contractAcceptance.findUnique({ where: idOrOrderId.startsWith("acc_") ? { id: idOrOrderId } : { orderId: idOrOrderId } });
  if (!row) return { ok: false, problems: ["NOT_FOUND"] };
  const keyring = options.keyring ?? storeSigningKeyring();
  const problems = new Set<AcceptanceProblem>();

  if (sha256Hex(row.text) !== row.textSha256) problems.add("TEXT_HASH_MISMATCH");

  const publicKey = keyring.verifiers.get(row.signingKeyId);
  if (!publicKey) problems.add("UNKNOWN_KEY");
  else {
    let valid = false;
    try {
      const signed = Buffer.from(canonicalAcceptance(row), "utf8");
      valid = SIGNATURE.test(row.signature) && verify(null, signed, publicKey, Buffer.from(row.signature, "base64"));
    } catch {
      valid = false;
    }
    if (!valid) problems.add("SIGNATURE_INVALID");
  }

  const sealed = [await opens(db, row.ipSealed, acceptanceField(row.id, "ip")), await opens(db, row.userAgentSealed, acceptanceField(row.id, "user-agent"))];
  if (sealed.includes("UNREADABLE")) problems.add("SEALED_FIELD_UNREADABLE");

  const record: AcceptanceRecord = {
    id: row.id,
    orderId: row.orderId,
    termsVersionId: row.termsVersionId,
    text: row.text,
    textSha256: row.textSha256,
    locale: row.locale,
    jurisdiction: row.jurisdiction,
    acceptedAt: row.acceptedAt,
    // As signed: recordAcceptance checked their shape before signing them.
    totals: row.totals as unknown as AcceptanceTotals,
    consents: row.consents as unknown as AcceptanceConsents,
    signingKeyId: row.signingKeyId,
    ipRecorded: row.ipSealed !== null,
    userAgentRecorded: row.userAgentSealed !== null,
    redacted: sealed.includes("REDACTED"),
  };
  if (problems.size === 0) return { ok: true, record };
  return { ok: false, problems: ACCEPTANCE_PROBLEMS.filter((problem) => problems.has(problem)), record };
}

/**
 * Moves an acceptance's sealed address and user agent under its buyer's own key and signs
 * the row again (`npm run privacy:migrate`), in the caller's transaction. The database lets
 * only this change through (caravan.reseal, set for this transaction alone), and only to
 * the sealed fields and the signature; every other signed field is checked unchanged by
 * the trigger and by the new signature. Answers whether the row changed.
 */
export async function resealAcceptance(tx: Prisma.TransactionClient, orderId: string, subjectId: string, options: { keyring?: SigningKeyring } = {}): Promise<boolean> {
  const row = await tx.contractAcceptance.findUnique({ where: { orderId } });
  if (!row) return false;
  const keys = subjectKeys();
  const move = async (sealed: string | null, context: string) =>
    sealed === null || keys.subjectOf(sealed) === subjectId ? sealed : keys.sealFor(tx, subjectId, await keys.open(tx, sealed, context), context);
  const ipSealed = await move(row.ipSealed, acceptanceField(row.id, "ip"));
  const userAgentSealed = await move(row.userAgentSealed, acceptanceField(row.id, "user-agent"));
  if (ipSealed === row.ipSealed && userAgentSealed === row.userAgentSealed) return false;
  const keyring = options.keyring ?? storeSigningKeyring();
  const fields = { ...row, ipSealed, userAgentSealed, signingKeyId: keyring.current.id };
  const signature = sign(null, Buffer.from(canonicalAcceptance(fields), "utf8"), keyring.current.privateKey).toString("base64");
  await tx.$executeRaw`SELECT set_config('caravan.reseal', 'on', true)`;
  await tx.contractAcceptance.update({ where: { id: row.id }, data: { ipSealed, userAgentSealed, signingKeyId: keyring.current.id, signature } });
  await tx.$executeRaw`SELECT set_config('caravan.reseal', 'off', true)`;
  return true;
}
