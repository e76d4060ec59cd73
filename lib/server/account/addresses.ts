import "server-only";
import crypto from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import { canAddAddress, defaultAfter, isAddressId } from "@/lib/domain/account";
import { ADDRESS_FIELDS, addressLines, isAddressCountry, parseAddress, type Address, type AddressError, type AddressField } from "@/lib/domain/address";
import { subjectKeys, type SubjectDb } from "@/lib/server/crypto/subjects";

/**
 * The buyer's address book: up to MAX_ADDRESSES addresses, each checked in its
 * country's format exactly as checkout checks it (lib/domain/address parseAddress) and
 * sealed (lib/server/crypto/pii) under a context bound to its row, so a sealed value
 * copied to another row does not open. One address is the default, which checkout
 * offers first. Every query is scoped by the viewer's account: another buyer's address
 * is NOT_FOUND.
 */
export type AddressValues = Partial<Record<AddressField, string>>;

export interface SavedAddress {
  id: string;
  country: string;
  isDefault: boolean;
  /** As the form shows it. */
  values: AddressValues;
  /** As a label prints it. */
  lines: string[];
}

export type AddressOutcome =
  | { ok: true; id: string }
  | { ok: false; code: "NOT_FOUND" | "ADDRESS_LIMIT" | "UNSUPPORTED_COUNTRY" }
  | { ok: false; code: "INVALID_ADDRESS"; errors: AddressError[] };

/** The sealing context of an address: opens only in its own row. */
export const addressContext = (id: string) => `buyer-address:${id}`;

const newAddressId = () => `adr_${crypto.randomBytes(12).toString("base64url")}`;

type Row = { id: string; country: string; sealed: string; isDefault: boolean; createdAt: Date };

async function viewOf(db: SubjectDb, row: Row): Promise<SavedAddress> {
  const address = await subjectKeys().openJson<Address>(db, row.sealed, addressContext(row.id));
  const values: AddressValues = {};
  for (const field of ADDRESS_FIELDS) if (typeof address[field] === "string") values[field] = address[field];
  return { id: row.id, country: row.country, isDefault: row.isDefault, values, lines: addressLines(address) };
}

const ROW = { id: true, country: true, sealed: true, isDefault: true, createdAt: true } as const;

/** The viewer's addresses, the default first, then newest first. */
export async function listAddresses(viewer: Viewer, db: PrismaClient = getPrisma()): Promise<{ ok: true; data: SavedAddress[] }> {
  const rows = await db.buyerAddress.findMany({ where: { userId: viewer.userId }, orderBy: [{ isDefault: "desc" }, { createdAt: "desc" }, { id: "asc" }], select: ROW });
  return { ok: true, data: await Promise.all(rows.map((row) => viewOf(db, row))) };
}

/** One of the viewer's addresses (the edit form). */
export async function loadAddress(viewer: Viewer, id: unknown, db: PrismaClient = getPrisma()): Promise<{ ok: true; data: SavedAddress } | { ok: false; code: "NOT_FOUND" }> {
  if (!isAddressId(id)) return { ok: false, code: "NOT_FOUND" };
  const row = await db.buyerAddress.findFirst({ where: { id, userId: viewer.userId }, select: ROW });
  return row ? { ok: true, data: await viewOf(db, row) } : { ok: false, code: "NOT_FOUND" };
}

/**
 * Adds an address (no `id`) or replaces one of the viewer's (`id`), checked for its
 * country; refused input changes nothing. `makeDefault` makes it the default; the
 * first address of a book is the default anyway.
 */
export async function saveAddress(
  viewer: Viewer,
  input: { id?: unknown; country: unknown; fields: Record<string, unknown>; makeDefault?: boolean },
  db: PrismaClient = getPrisma(),
): Promise<AddressOutcome> {
  const editing = input.id !== undefined && input.id !== null && input.id !== "";
  if (editing && !isAddressId(input.id)) return { ok: false, code: "NOT_FOUND" };
  const country = typeof input.country === "string" ? input.country.trim().toUpperCase() : "";
  if (!isAddressCountry(country)) return { ok: false, code: "UNSUPPORTED_COUNTRY" };
  const parsed = parseAddress(country, input.fields);
  if (!parsed.ok) return { ok: false, code: "INVALID_ADDRESS", errors: parsed.errors };
  return db.$transaction(async (tx) => {
    // The book is read under a lock on the account's row, so two saves at once cannot pass the limit or leave two defaults.
    const [owner] = await tx.$queryRaw<{ subjectId: string | null }[]>`SELECT "subjectId" FROM "user" WHERE id = ${viewer.userId} FOR UPDATE`;
    const subjectId = owner?.subjectId ?? (await subjectKeys().subjectForEmail(tx, viewer.email));
    const seal = (id: string) => subjectKeys().sealJsonFor(tx, subjectId, parsed.address, addressContext(id));
    const book = await tx.buyerAddress.findMany({ where: { userId: viewer.userId }, select: { id: true, createdAt: true, isDefault: true } });
    let id: string;
    if (editing) {
      id = input.id as string;
      if (!book.some((a) => a.id === id)) return { ok: false, code: "NOT_FOUND" } as const;
      await tx.buyerAddress.update({ where: { id }, data: { country, sealed: await seal(id) } });
    } else {
      if (!canAddAddress(book.length)) return { ok: false, code: "ADDRESS_LIMIT" } as const;
      id = newAddressId();
      await tx.buyerAddress.create({ data: { id, userId: viewer.userId, country, sealed: await seal(id) } });
    }
    const chosen = editing ? (input.makeDefault ? defaultAfter(book, { kind: "SET", id }) : (book.find((a) => a.isDefault)?.id ?? id)) : defaultAfter(book, { kind: "ADD", id, makeDefault: input.makeDefault === true });
    await markDefault(tx, viewer.userId, chosen);
    return { ok: true, id } as const;
  });
}

type Tx = Pick<PrismaClient, "buyerAddress">;

async function markDefault(tx: Tx, userId: string, id: string | null): Promise<void> {
  await tx.buyerAddress.updateMany({ where: { userId, isDefault: true, ...(id ? { id: { not: id } } : {}) }, data: { isDefault: false } });
  if (id) await tx.buyerAddress.updateMany({ where: { userId, id }, data: { isDefault: true } });
}

/** Makes one of the viewer's addresses the default. */
export async function setDefaultAddress(viewer: Viewer, id: unknown, db: PrismaClient = getPrisma()): Promise<{ ok: true; id: string } | { ok: false; code: "NOT_FOUND" }> {
  if (!isAddressId(id)) return { ok: false, code: "NOT_FOUND" };
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "user" WHERE id = ${viewer.userId} FOR UPDATE`;
    const book = await tx.buyerAddress.findMany({ where: { userId: viewer.userId }, select: { id: true, createdAt: true, isDefault: true } });
    if (!book.some((a) => a.id === id)) return { ok: false, code: "NOT_FOUND" } as const;
    await markDefault(tx, viewer.userId, defaultAfter(book, { kind: "SET", id }));
    return { ok: true, id } as const;
  });
}

/** Deletes one of the viewer's addresses; if it was the default, the newest remaining one becomes the default. */
export async function deleteAddress(viewer: Viewer, id: unknown, db: PrismaClient = getPrisma()): Promise<{ ok: true; id: string } | { ok: false; code: "NOT_FOUND" }> {
  if (!isAddressId(id)) return { ok: false, code: "NOT_FOUND" };
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "user" WHERE id = ${viewer.userId} FOR UPDATE`;
    const book = await tx.buyerAddress.findMany({ where: { userId: viewer.userId }, select: { id: true, createdAt: true, isDefault: true } });
    if (!book.some((a) => a.id === id)) return { ok: false, code: "NOT_FOUND" } as const;
    await tx.buyerAddress.deleteMany({ where: { id, userId: viewer.userId } });
    await markDefault(tx, viewer.userId, defaultAfter(book, { kind: "DELETE", id }));
    return { ok: true, id } as const;
  });
}

/**
 * What checkout pre-fills for a signed-in buyer who has not typed anything yet: the
 * default address's country and fields, and the account's email.
 */
export async function checkoutPrefill(viewer: Viewer | null, db: PrismaClient = getPrisma()): Promise<{ country: string | null; values: AddressValues & { email?: string } } | null> {
  if (!viewer) return null;
  const row = await db.buyerAddress.findFirst({ where: { userId: viewer.userId, isDefault: true }, select: ROW });
  if (!row) return { country: null, values: { email: viewer.email } };
  const saved = await viewOf(db, row);
  return { country: saved.country, values: { ...saved.values, email: viewer.email } };
}
