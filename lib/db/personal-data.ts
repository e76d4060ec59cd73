/**
 * Accounts hold no personal value in plaintext (ADR 31): the user table's `email` column is
 * the blind index of the address, `emailSealed` the address sealed under the person's key,
 * and `name` is sealed too; a session's browser is sealed under its holder's key, and its IP
 * address is not recorded. This extension of the Prisma client makes that invisible to the
 * account library and the store's code: an address in a `where` or `data` becomes its index
 * (and its sealed copy), and every user or session read through the `user` and `session`
 * models comes back opened.
 *
 * A user read through a relation of another model (`member.user.email`) is not opened here:
 * select `emailSealed` and open it with `openUserEmail`.
 *
 * The crypto modules are loaded on first use, so scripts that never touch accounts run
 * without the server condition.
 */
import type { PrismaClient } from "@/generated/prisma/client";

type Row = Record<string, unknown>;
type Keys = import("@/lib/server/crypto/subjects").SubjectKeys;

const USER_EMAIL = "user:email";
const USER_NAME = "user:name";
const SESSION_AGENT = "session:user-agent";
const SEALED = /^pii[0-9]\./;

let keysPromise: Promise<Keys> | undefined;
function keys(): Promise<Keys> {
  keysPromise ??= import("@/lib/server/crypto/subjects").then((m) => m.subjectKeys());
  return keysPromise;
}

function isRow(value: unknown): value is Row {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** A `where` with every email condition turned into its index; partial matches are refused. */
async function indexWhere(base: PrismaClient, where: unknown): Promise<unknown> {
  if (Array.isArray(where)) return Promise.all(where.map((w) => indexWhere(base, w)));
  if (!isRow(where)) return where;
  const out: Row = {};
  for (const [key, value] of Object.entries(where)) {
    if (key === "AND" || key === "OR" || key === "NOT") out[key] = await indexWhere(base, value);
    else if (key === "email") out[key] = await indexCondition(base, value);
    else out[key] = value;
  }
  return out;
}

async function indexCondition(base: PrismaClient, condition: unknown): Promise<unknown> {
  const k = await keys();
  if (typeof condition === "string") return k.emailIndex(base, condition);
  if (!isRow(condition)) return condition;
  const out: Row = {};
  for (const [op, value] of Object.entries(condition)) {
    if (op === "equals" && typeof value === "string") out[op] = await k.emailIndex(base, value);
    else if ((op === "in" || op === "notIn") && Array.isArray(value)) out[op] = await Promise.all(value.map((v: string) => k.emailIndex(base, v)));
    else if (op === "not") out[op] = await indexCondition(base, value);
    else if (op === "mode") continue;
    else throw new Error(`an account's email is matched whole (equals, in, not), never by "${op}": it is stored as a blind index`);
  }
  return out;
}

/** The subject a user's data is sealed for: from the email in `data`, or from the stored user. */
async function userSubject(base: PrismaClient, data: Row, where: unknown): Promise<string | undefined> {
  const k = await keys();
  if (typeof data.email === "string") return k.subjectForEmail(base, data.email);
  if (where === undefined) return undefined;
  const found = await base.user.findFirst({ where: (await indexWhere(base, where)) as never, select: { subjectId: true } });
  return found?.subjectId ?? undefined;
}

async function sealUserData(base: PrismaClient, data: unknown, where?: unknown): Promise<unknown> {
  if (Array.isArray(data)) return Promise.all(data.map((d) => sealUserData(base, d, where)));
  if (!isRow(data) || (typeof data.email !== "string" && typeof data.name !== "string")) return data;
  const k = await keys();
  const subjectId = await userSubject(base, data, where);
  if (!subjectId) throw new Error("a user's name is sealed for their subject, and this user has none");
  const out: Row = { ...data };
  if (typeof data.email === "string") {
    out.email = await k.emailIndex(base, data.email);
    out.emailSealed = await k.sealFor(base, subjectId, data.email, USER_EMAIL);
    out.subjectId = subjectId;
  }
  if (typeof data.name === "string") out.name = await k.sealFor(base, subjectId, data.name, USER_NAME);
  return out;
}

/** Opens a user row's sealed fields in place (an erased person's read as empty). */
async function openUser(base: PrismaClient, row: unknown): Promise<void> {
  if (!isRow(row)) return;
  const k = await keys();
  if (typeof row.emailSealed === "string") row.email = (await k.openOrNull(base, row.emailSealed, USER_EMAIL)) ?? "";
  if (typeof row.name === "string" && SEALED.test(row.name)) row.name = (await k.openOrNull(base, row.name, USER_NAME)) ?? "";
  if (Array.isArray(row.sessions)) for (const session of row.sessions) await openSession(base, session);
}

async function openSession(base: PrismaClient, row: unknown): Promise<void> {
  if (!isRow(row)) return;
  const k = await keys();
  if (typeof row.userAgent === "string" && SEALED.test(row.userAgent)) row.userAgent = await k.openOrNull(base, row.userAgent, SESSION_AGENT);
  if (isRow(row.user)) await openUser(base, row.user);
}

async function sealSessionData(base: PrismaClient, data: unknown, where?: unknown): Promise<unknown> {
  if (Array.isArray(data)) return Promise.all(data.map((d) => sealSessionData(base, d, where)));
  if (!isRow(data)) return data;
  const out: Row = { ...data };
  if ("ipAddress" in out) out.ipAddress = null;
  if (typeof data.userAgent === "string" && data.userAgent !== "") {
    let userId = typeof data.userId === "string" ? data.userId : undefined;
    if (!userId && where !== undefined) userId = (await base.session.findFirst({ where: where as never, select: { userId: true } }))?.userId;
    const user = userId ? await base.user.findUnique({ where: { id: userId }, select: { subjectId: true } }) : null;
    out.userAgent = user?.subjectId ? await (await keys()).sealFor(base, user.subjectId, data.userAgent, SESSION_AGENT) : null;
  }
  return out;
}

/** Adds `emailSealed` to a select that asks for `email`; says whether it was added. */
function selectSealed(args: Row): boolean {
  const select = args.select;
  if (!isRow(select) || !select.email || select.emailSealed) return false;
  args.select = { ...select, emailSealed: true };
  return true;
}

async function openResult(result: unknown, open: (row: unknown) => Promise<void>, strip: boolean): Promise<unknown> {
  const rows = Array.isArray(result) ? result : [result];
  for (const row of rows) {
    await open(row);
    if (strip && isRow(row)) delete row.emailSealed;
  }
  return result;
}

/** The store's client with accounts sealed and opened transparently. */
export function withPersonalData(base: PrismaClient): PrismaClient {
  return base.$extends({
    query: {
      user: {
        async $allOperations({ args, query }) {
          const a = { ...(args as Row) };
          if ("where" in a) a.where = await indexWhere(base, a.where);
          if ("data" in a) a.data = await sealUserData(base, a.data, a.where);
          if ("create" in a) a.create = await sealUserData(base, a.create);
          if ("update" in a) a.update = await sealUserData(base, a.update, a.where);
          const strip = selectSealed(a);
          return openResult(await query(a as never), (row) => openUser(base, row), strip);
        },
      },
      session: {
        async $allOperations({ args, query }) {
          const a = { ...(args as Row) };
          if ("data" in a) a.data = await sealSessionData(base, a.data, a.where);
          if ("create" in a) a.create = await sealSessionData(base, a.create);
          if ("update" in a) a.update = await sealSessionData(base, a.update, a.where);
          return openResult(await query(a as never), (row) => openSession(base, row), false);
        },
      },
    },
  }) as unknown as PrismaClient;
}

/** The address of a user read through another model's relation (`select: { email: true, emailSealed: true }`). */
export async function openUserEmail(base: PrismaClient, user: { emailSealed: string | null }): Promise<string> {
  if (!user.emailSealed) return "";
  return (await (await keys()).openOrNull(base, user.emailSealed, USER_EMAIL)) ?? "";
}
