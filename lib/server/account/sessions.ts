import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import { describeUserAgent, type BrowserName, type SystemName } from "@/lib/domain/account";
import type { Clock } from "@/lib/domain/clock";
import { getAuth } from "@/lib/server/auth";

/**
 * The viewer's signed-in sessions (better-auth's Session rows): when each began, when
 * it was last active (better-auth refreshes a session at most once a day), the browser
 * it runs in, and which one is this browser. Revoking deletes the row, scoped by the
 * viewer's account; another account's session is NOT_FOUND.
 */
export interface AccountSession {
  id: string;
  createdAt: Date;
  lastActiveAt: Date;
  browser: BrowserName | null;
  system: SystemName | null;
  current: boolean;
}

const SESSION_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** The id of the session `headers` carry, if it is live. */
export async function currentSessionId(headers: Headers): Promise<string | null> {
  const session = await getAuth().api.getSession({ headers });
  return session?.session.id ?? null;
}

export async function listSessions(viewer: Viewer, currentId: string | null, clock: Clock, db: PrismaClient = getPrisma()): Promise<{ ok: true; data: AccountSession[] }> {
  const rows = await db.session.findMany({
    where: { userId: viewer.userId, expiresAt: { gt: clock.now() } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true, createdAt: true, updatedAt: true, userAgent: true },
  });
  return {
    ok: true,
    data: rows.map((row) => ({ id: row.id, createdAt: row.createdAt, lastActiveAt: row.updatedAt, ...describeUserAgent(row.userAgent), current: row.id === currentId })),
  };
}

/** Ends one of the viewer's sessions: that browser is signed out on its next request. */
export async function revokeSession(viewer: Viewer, sessionId: unknown, db: PrismaClient = getPrisma()): Promise<{ ok: true } | { ok: false; code: "NOT_FOUND" }> {
  if (typeof sessionId !== "string" || !SESSION_ID.test(sessionId)) return { ok: false, code: "NOT_FOUND" };
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId: viewer.userId } });
  return count === 1 ? { ok: true } : { ok: false, code: "NOT_FOUND" };
}
