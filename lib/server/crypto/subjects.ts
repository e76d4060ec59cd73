// No `server-only` here: the store's Prisma client (lib/db/personal-data) seals accounts in tsx scripts too.
/**
 * Envelope encryption per person (ADR 31). Every person the store holds data about is a
 * DataSubject, found by the blind index of their email. Their values (an order's email and
 * address, the contract evidence's IP address and browser, their saved addresses, their
 * account's name and email) are sealed under a 32-byte data key of their own:
 *
 *     pii2.<subjectId>.<iv>.<ciphertext>.<tag>      (AES-256-GCM, the caller's context as AAD)
 *
 * The data key is stored sealed under the master key (`pii1`, lib/server/crypto/pii), so
 * rotating the master key re-wraps one short row per person and re-encrypts nothing else.
 * Erasure destroys the wrapped key: every value sealed for that person stays where it is,
 * and no longer opens (crypto-shredding).
 *
 * The blind index is an HMAC-SHA-256 under an index key of its own, kept in KeyMaterial
 * wrapped by the master key, so a master-key rotation leaves every index as it was.
 *
 * Opened data keys are kept in memory for a few minutes; erasing in this process forgets
 * them at once, another process within KEY_CACHE_MS.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { createPiiBox, masterBox, PiiError, sealedVersion, type PiiBox } from "./pii";

/** A client or a transaction: what this module reads and writes through. */
export type SubjectDb = Pick<PrismaClient, "dataSubject" | "keyMaterial" | "$executeRaw"> | Prisma.TransactionClient;

export const SUBJECT_VERSION = "pii2";
const INDEX_VERSION = "ix1";
const KEY_BYTES = 32;
const KEY_CACHE_MS = 5 * 60_000;
const KEY_CACHE_MAX = 10_000;
const INDEX_KEY_NAME = "email-index";

/** The form an email is indexed in: trimmed, Unicode NFC, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().normalize("NFC").toLowerCase();
}

function keyContext(subjectId: string): string {
  return `subject:${subjectId}:key`;
}

function materialContext(name: string): string {
  return `key-material:${name}`;
}

/** Why a subject's value did not open: their key was destroyed. */
export class ErasedError extends PiiError {
  constructor(readonly subjectId: string) {
    super("UNKNOWN_KEY", `sealed for ${subjectId}, whose key was destroyed (erased)`);
    this.name = "ErasedError";
  }
}

export interface SubjectKeys {
  /** The blind index of an email (`ix1.` + base64url HMAC). */
  emailIndex(db: SubjectDb, email: string): Promise<string>;
  /** The subject of an email: found by its index, or made (with a new data key) when new. */
  subjectForEmail(db: SubjectDb, email: string): Promise<string>;
  /** The subject of an email when there is one; nothing is made. */
  findSubject(db: SubjectDb, email: string): Promise<string | null>;
  sealFor(db: SubjectDb, subjectId: string, plain: string, context: string): Promise<string>;
  sealJsonFor(db: SubjectDb, subjectId: string, value: unknown, context: string): Promise<string>;
  /** Opens a `pii2` value (under its subject's key) or a `pii1` one (under the master key). ErasedError once erased. */
  open(db: SubjectDb, sealed: string, context: string): Promise<string>;
  openJson<T = unknown>(db: SubjectDb, sealed: string, context: string): Promise<T>;
  /** The value, or null when its subject was erased. Other failures (tampering) still throw. */
  openOrNull(db: SubjectDb, sealed: string, context: string): Promise<string | null>;
  /** The subject id a `pii2` value was sealed for (undefined for `pii1`). */
  subjectOf(sealed: string): string | undefined;
  /** Destroys the subject's key and index; what was sealed for them no longer opens anywhere. */
  erase(db: SubjectDb, subjectId: string): Promise<void>;
  /** Re-wraps every data key and stored key under the current master key; returns how many rows changed. */
  rewrap(db: SubjectDb): Promise<{ subjects: number; materials: number }>;
  /** Forgets the keys held in memory (tests, after a rotation). */
  forget(): void;
}

/** The subject keys under `master` (the store's default is under the environment's master keys). */
export function createSubjectKeys(master: () => PiiBox): SubjectKeys {
  const cache = new Map<string, { box: PiiBox; at: number }>();
  let indexKey: Buffer | undefined;

  function remember(subjectId: string, key: Buffer): PiiBox {
    const box = createPiiBox({ current: { id: subjectId, key }, retired: [] }, { version: SUBJECT_VERSION });
    if (cache.size >= KEY_CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(subjectId, { box, at: Date.now() });
    return box;
  }

  async function boxFor(db: SubjectDb, subjectId: string): Promise<PiiBox> {
    const cached = cache.get(subjectId);
    if (cached && Date.now() - cached.at < KEY_CACHE_MS) return cached.box;
    cache.delete(subjectId);
    const row = await db.dataSubject.findUnique({ where: { id: subjectId }, select: { wrappedKey: true } });
    if (!row) throw new PiiError("UNKNOWN_KEY", `sealed for ${subjectId}, which is not a subject of this store`);
    if (!row.wrappedKey) throw new ErasedError(subjectId);
    const key = Buffer.from(master().openText(row.wrappedKey, keyContext(subjectId)), "base64");
    return remember(subjectId, key);
  }

  async function loadIndexKey(db: SubjectDb): Promise<Buffer> {
    if (indexKey) return indexKey;
    const box = master();
    let row = await db.keyMaterial.findUnique({ where: { name: INDEX_KEY_NAME } });
    if (!row) {
      const wrapped = box.sealText(randomBytes(KEY_BYTES).toString("base64"), materialContext(INDEX_KEY_NAME));
      // Two processes starting together agree on the first key written.
      await db.$executeRaw`INSERT INTO "KeyMaterial" ("name", "wrapped", "masterKeyId") VALUES (${INDEX_KEY_NAME}, ${wrapped}, ${box.keyIdOf(wrapped)}) ON CONFLICT ("name") DO NOTHING`;
      row = await db.keyMaterial.findUniqueOrThrow({ where: { name: INDEX_KEY_NAME } });
    }
    indexKey = Buffer.from(box.openText(row.wrapped, materialContext(INDEX_KEY_NAME)), "base64");
    return indexKey;
  }

  async function emailIndex(db: SubjectDb, email: string): Promise<string> {
    const key = await loadIndexKey(db);
    return `${INDEX_VERSION}.${createHmac("sha256", key).update(normaliseEmail(email), "utf8").digest("base64url")}`;
  }

  function subjectOf(sealed: string): string | undefined {
    if (sealedVersion(sealed) !== SUBJECT_VERSION) return undefined;
    return sealed.split(".")[1];
  }

  async function open(db: SubjectDb, sealed: string, context: string): Promise<string> {
    const subjectId = subjectOf(sealed);
    if (subjectId === undefined) return master().openText(sealed, context);
    return (await boxFor(db, subjectId)).openText(sealed, context);
  }

  return {
    emailIndex,
    async findSubject(db, email) {
      const index = await emailIndex(db, email);
      return (await db.dataSubject.findUnique({ where: { emailIndex: index }, select: { id: true } }))?.id ?? null;
    },
    async subjectForEmail(db, email) {
      const index = await emailIndex(db, email);
      const found = await db.dataSubject.findUnique({ where: { emailIndex: index }, select: { id: true } });
      if (found) return found.id;
      const id = `ds_${randomBytes(12).toString("hex")}`;
      const key = randomBytes(KEY_BYTES);
      const box = master();
      const wrapped = box.sealText(key.toString("base64"), keyContext(id));
      const inserted = await db.$executeRaw`INSERT INTO "DataSubject" ("id", "emailIndex", "wrappedKey", "masterKeyId") VALUES (${id}, ${index}, ${wrapped}, ${box.keyIdOf(wrapped)}) ON CONFLICT ("emailIndex") DO NOTHING`;
      if (inserted === 1) {
        remember(id, key);
        return id;
      }
      return (await db.dataSubject.findUniqueOrThrow({ where: { emailIndex: index }, select: { id: true } })).id;
    },
    async sealFor(db, subjectId, plain, context) {
      return (await boxFor(db, subjectId)).sealText(plain, context);
    },
    async sealJsonFor(db, subjectId, value, context) {
      return (await boxFor(db, subjectId)).sealJson(value, context);
    },
    open,
    async openJson<T>(db: SubjectDb, sealed: string, context: string): Promise<T> {
      const text = await open(db, sealed, context);
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new PiiError("MALFORMED", "opened, but is not JSON");
      }
    },
    async openOrNull(db, sealed, context) {
      try {
        return await open(db, sealed, context);
      } catch (error) {
        if (error instanceof ErasedError) return null;
        throw error;
      }
    },
    subjectOf,
    async erase(db, subjectId) {
      cache.delete(subjectId);
      await db.dataSubject.updateMany({ where: { id: subjectId }, data: { wrappedKey: null, emailIndex: null, masterKeyId: null, erasedAt: new Date() } });
      cache.delete(subjectId);
    },
    async rewrap(db) {
      const box = master();
      const current = box.keyIdOf(box.sealText("", "probe"));
      let subjects = 0;
      let materials = 0;
      for (;;) {
        const rows = await db.dataSubject.findMany({
          where: { wrappedKey: { not: null }, OR: [{ masterKeyId: { not: current } }, { masterKeyId: null }] },
          select: { id: true, wrappedKey: true },
          take: 500,
        });
        if (rows.length === 0) break;
        for (const row of rows) {
          const wrappedKey = box.reseal(row.wrappedKey!, keyContext(row.id));
          subjects += await db.dataSubject.updateMany({ where: { id: row.id, wrappedKey: row.wrappedKey }, data: { wrappedKey, masterKeyId: current } }).then((r) => r.count);
        }
      }
      for (const row of await db.keyMaterial.findMany({ where: { masterKeyId: { not: current } } })) {
        const wrapped = box.reseal(row.wrapped, materialContext(row.name));
        materials += await db.keyMaterial.updateMany({ where: { name: row.name, wrapped: row.wrapped }, data: { wrapped, masterKeyId: current } }).then((r) => r.count);
      }
      return { subjects, materials };
    },
    forget() {
      cache.clear();
      indexKey = undefined;
    },
  };
}

const globalForSubjects = globalThis as unknown as { caravanSubjectKeys?: SubjectKeys };

/** The store's subject keys, under the environment's master keys. */
export function subjectKeys(): SubjectKeys {
  globalForSubjects.caravanSubjectKeys ??= createSubjectKeys(masterBox);
  return globalForSubjects.caravanSubjectKeys;
}
