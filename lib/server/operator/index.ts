import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { isCurrencyCode, parseRate } from "@/lib/domain/money";
import { recordAudit, type AuditActor } from "@/lib/server/audit";
import { changeSellerStatus } from "@/lib/server/catalogue/changes";
import { readFxTable } from "@/lib/server/fx/load";
import { storeRates } from "@/lib/server/fx/snapshot";

/**
 * The marketplace operator's services: a seller's commission and status, a hand-set
 * FX rate. Each one checks who asks and what is asked before anything is written, then
 * writes the change and its audit entry (with the operator's reason) in one transaction.
 * Bad input returns a code and changes nothing.
 */
export type OperatorErrorCode =
  | "FORBIDDEN"
  | "REASON_REQUIRED"
  | "REASON_TOO_LONG"
  | "INVALID_REASON"
  | "SELLER_NOT_FOUND"
  | "BPS_OUT_OF_RANGE"
  | "INVALID_STATUS"
  | "UNKNOWN_CURRENCY"
  | "INVALID_RATE";
export type OperatorResult = { ok: true } | { ok: false; code: OperatorErrorCode };

/** The highest commission the platform takes: 50 % of goods and shipping, in basis points. */
export const MAX_COMMISSION_BPS = 5000;
const REASON_MAX = 1000;

function refuse(actor: AuditActor, reason: unknown): { ok: false; code: OperatorErrorCode } | null {
  if ((actor.kind !== "operator" && actor.kind !== "system") || !actor.name.trim()) return { ok: false, code: "FORBIDDEN" };
  if (typeof reason !== "string" || !reason.trim()) return { ok: false, code: "REASON_REQUIRED" };
  if (reason.trim().length > REASON_MAX) return { ok: false, code: "REASON_TOO_LONG" };
  // As the catalogue's changes refuse them: control characters have no place in a log line.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(reason)) return { ok: false, code: "INVALID_REASON" };
  return null;
}

/** Sets the platform's commission on one seller's sales, `bps` basis points (0 to 5000) of goods and shipping. */
export async function setSellerCommission(actor: AuditActor, sellerId: string, bps: number, reason: string, db: PrismaClient = getPrisma()): Promise<OperatorResult> {
  const refused = refuse(actor, reason);
  if (refused) return refused;
  if (!Number.isInteger(bps) || bps < 0 || bps > MAX_COMMISSION_BPS) return { ok: false, code: "BPS_OUT_OF_RANGE" };
  return db.$transaction(async (tx) => {
    const found = await tx.$queryRaw<{ id: string; commissionBps: number | null }[]>`
      SELECT id, "commissionBps" FROM "Seller" WHERE id = ${sellerId} FOR UPDATE`;
    const seller = found[0];
    if (!seller) return { ok: false, code: "SELLER_NOT_FOUND" } as const;
    await tx.seller.update({ where: { id: seller.id }, data: { commissionBps: bps } });
    await recordAudit(tx, {
      actor, action: "seller.commission", subjectType: "seller", subjectId: seller.id, reason: reason.trim(),
      // null: the platform's default (CARAVAN_COMMISSION_BPS) applied.
      before: { commissionBps: seller.commissionBps }, after: { commissionBps: bps },
    });
    return { ok: true } as const;
  });
}

/**
 * Suspends or reactivates a seller through the catalogue's status change, which hides
 * or shows their listings and publishes the pages' cache tags with the audit entry.
 */
export async function setSellerStatus(actor: AuditActor, sellerId: string, status: "ACTIVE" | "SUSPENDED", reason: string, db: PrismaClient = getPrisma()): Promise<OperatorResult> {
  const refused = refuse(actor, reason);
  if (refused) return refused;
  if (status !== "ACTIVE" && status !== "SUSPENDED") return { ok: false, code: "INVALID_STATUS" };
  const seller = await db.seller.findUnique({ where: { id: sellerId }, select: { handle: true } });
  if (!seller) return { ok: false, code: "SELLER_NOT_FOUND" };
  const result = await changeSellerStatus(actor, { handle: seller.handle, status, reason: reason.trim() }, db);
  if (result.ok) return { ok: true };
  return { ok: false, code: result.code === "NOT_FOUND" ? "SELLER_NOT_FOUND" : result.code === "FORBIDDEN" ? "FORBIDDEN" : "INVALID_REASON" };
}

/** Exact decimal as the FxRate column holds it (DECIMAL(24, 10)): up to 14 digits before the point, 10 after. */
const RATE_TEXT = /^\d{1,14}(?:\.\d{1,10})?$/;

/**
 * Sets today's (UTC) euro rate for `quote` by hand, `rate` units of `quote` per euro as
 * an exact decimal string. It is stored as a MANUAL rate through the FX loader, which
 * re-sorts prices and publishes the `fx` tag in the same transaction as the entry.
 */
export async function overrideFxRate(actor: AuditActor, quote: string, rate: string, reason: string, db: PrismaClient = getPrisma(), now: Date = new Date()): Promise<OperatorResult> {
  const refused = refuse(actor, reason);
  if (refused) return refused;
  if (!isCurrencyCode(quote) || quote === "EUR") return { ok: false, code: "UNKNOWN_CURRENCY" };
  if (typeof rate !== "string" || !RATE_TEXT.test(rate)) return { ok: false, code: "INVALID_RATE" };
  try {
    parseRate("EUR", quote, rate); // refuses zero
  } catch {
    return { ok: false, code: "INVALID_RATE" };
  }
  const date = now.toISOString().slice(0, 10);
  await storeRates(db, [{ quote, rate, date, source: "MANUAL" }], async (tx) => {
    const current = (await readFxTable(tx, date)).rates.get(quote);
    await recordAudit(tx, {
      actor, action: "fx.override", subjectType: "fxRate", subjectId: `EUR/${quote}`, reason: reason.trim(),
      // {}: the store held no rate for this currency.
      before: current ? { rate: current.rate, date: current.date, source: current.source } : {},
      after: { rate: normaliseRate(rate), date, source: "MANUAL" },
    });
  });
  return { ok: true };
}

/** The rate as readFxTable returns it: no trailing zeros after the point. */
function normaliseRate(rate: string): string {
  return rate.includes(".") ? rate.replace(/0+$/, "").replace(/\.$/, "") : rate;
}
