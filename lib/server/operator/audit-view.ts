import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireOperator, type Viewer } from "@/lib/domain/accounts";
import { parseAuditFilter } from "@/lib/domain/operator/filters";
import { listAudit, type AuditPage } from "@/lib/server/audit";

/**
 * The operator's audit page: the append-only log newest first, filtered by the start of
 * the action, the actor's kind, the subject and the day, a page of 50 at a time by cursor.
 */
type Query = Record<string, string | string[] | undefined>;
export const AUDIT_VIEW_PAGE = 50;

export async function auditPageFor(
  viewer: Viewer | null,
  query: Query,
  db: PrismaClient = getPrisma(),
): Promise<{ ok: true; data: AuditPage } | { ok: false; code: "FORBIDDEN" | "INVALID_FILTER" | "INVALID_CURSOR" }> {
  if (!requireOperator(viewer).ok) return { ok: false, code: "FORBIDDEN" };
  const parsed = parseAuditFilter(query);
  if (!parsed.ok) return parsed;
  const { action, ...rest } = parsed.filter;
  const page = await listAudit(db, { ...rest, ...(action ? { actionPrefix: action } : {}), limit: AUDIT_VIEW_PAGE });
  if (!page.ok) return { ok: false, code: page.code === "INVALID_CURSOR" ? "INVALID_CURSOR" : "INVALID_FILTER" };
  return page;
}
