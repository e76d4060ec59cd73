// No `server-only` here: the operator command `catalogue:update` (tsx) records entries too.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";

/**
 * The audit log: who changed what, when and why. An entry is written inside the
 * transaction of the change it records, so the two commit (or roll back) together;
 * the database refuses to change or remove an entry once written.
 */

/** Who made a change. `id` is the account's id where there is one; `name` is what the log shows. */
export interface AuditActor {
  kind: "operator" | "seller" | "system" | "buyer";
  id?: string;
  name: string;
}

/** A JSON value as stored in `before` and `after`: money in minor units, rates as exact decimal strings. */
export type AuditValue = Prisma.InputJsonValue;

export interface AuditInput {
  actor: AuditActor;
  /** `<subject>.<change>`, e.g. `variant.price`, `seller.suspend`, `fx.override`, `order.refund`. */
  action: string;
  subjectType: string;
  subjectId: string;
  before: AuditValue;
  after: AuditValue;
  reason?: string | null;
}

export interface AuditEntry {
  /** The row id as a decimal string (a bigint does not survive JSON). */
  id: string;
  at: Date;
  actor: AuditActor;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** Writes one entry through `tx`, the transaction client of the change being recorded. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditInput): Promise<void> {
  const actor: Prisma.InputJsonObject = { kind: entry.actor.kind, ...(entry.actor.id !== undefined ? { id: entry.actor.id } : {}), name: entry.actor.name };
  await tx.auditEntry.create({
    data: {
      actor,
      actorKind: entry.actor.kind,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before,
      after: entry.after,
      reason: entry.reason?.trim() || null,
    },
  });
}

/** Writes many entries through `tx` in one statement (the catalogue import's chunks). */
export async function recordAudits(tx: Prisma.TransactionClient, entries: readonly AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEntry.createMany({
    data: entries.map((entry) => ({
      actor: { kind: entry.actor.kind, ...(entry.actor.id !== undefined ? { id: entry.actor.id } : {}), name: entry.actor.name },
      actorKind: entry.actor.kind,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before,
      after: entry.after,
      reason: entry.reason?.trim() || null,
    })),
  });
}

export interface AuditFilter {
  action?: string;
  /** The start of the action, e.g. `order.` for every order entry (ignored when `action` is set). */
  actionPrefix?: string;
  subjectType?: string;
  subjectId?: string;
  actorKind?: AuditActor["kind"];
  /** Inclusive lower bound on `at`. */
  from?: Date;
  /** Exclusive upper bound on `at`. */
  to?: Date;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** 1 to 100; default 50. */
  limit?: number;
}

export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null };
export type ListAuditResult = { ok: true; data: AuditPage } | { ok: false; code: "INVALID_CURSOR" | "INVALID_LIMIT" };

export const AUDIT_PAGE_MAX = 100;

/**
 * Entries newest first (by `at`, then by id for entries of one transaction). The cursor
 * names the last entry of a page, so pages stay stable while new entries arrive.
 */
export async function listAudit(db: PrismaClient | Prisma.TransactionClient, filter: AuditFilter = {}): Promise<ListAuditResult> {
  const limit = filter.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) return { ok: false, code: "INVALID_LIMIT" };
  const after = filter.cursor !== undefined ? decodeCursor(filter.cursor) : undefined;
  if (after === null) return { ok: false, code: "INVALID_CURSOR" };
  const where: Prisma.AuditEntryWhereInput = {
    ...(filter.action !== undefined ? { action: filter.action } : filter.actionPrefix !== undefined ? { action: { startsWith: filter.actionPrefix } } : {}),
    ...(filter.subjectType !== undefined ? { subjectType: filter.subjectType } : {}),
    ...(filter.subjectId !== undefined ? { subjectId: filter.subjectId } : {}),
    ...(filter.actorKind !== undefined ? { actorKind: filter.actorKind } : {}),
    AND: [
      ...(filter.from || filter.to ? [{ at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }] : []),
      ...(after ? [{ OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] }] : []),
    ],
  };
  const rows = await db.auditEntry.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    ok: true,
    data: {
      entries: page.map((row) => ({
        id: row.id.toString(),
        at: row.at,
        actor: row.actor as unknown as AuditActor,
        action: row.action,
        subjectType: row.subjectType,
        subjectId: row.subjectId,
        before: row.before,
        after: row.after,
        reason: row.reason,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.at, last.id) : null,
    },
  };
}

function encodeCursor(at: Date, id: bigint): string {
  return Buffer.from(`${at.toISOString()}|${id.toString()}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: bigint } | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d{1,19})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1] || !match[2]) return null;
  const at = new Date(match[1]);
  return Number.isNaN(at.getTime()) ? null : { at, id: BigInt(match[2]) };
}
