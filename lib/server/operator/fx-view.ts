import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireOperator, type Viewer } from "@/lib/domain/accounts";
import { ageInDays, type FxSource } from "@/lib/domain/fx";
import { serverEnv } from "@/lib/env";
import { readFxTable } from "@/lib/server/fx/load";
import { FX_REFRESH_ACTION } from "@/lib/server/fx/refresh";
import { actorOf } from "@/lib/server/panels/actor";
import { overrideFxRate, type OperatorResult } from "./index";

/**
 * The operator's FX page: the rates checkout prices with today (the newest per
 * currency), how old they are against CARAVAN_FX_MAX_AGE_DAYS (past it, checkout
 * refuses to price), the last refresh's result from the audit log, and a hand-set rate.
 */
export interface FxRow {
  currency: string;
  /** Units of `currency` per euro, the exact decimal stored. */
  rate: string;
  date: string;
  source: FxSource;
  ageDays: number;
  stale: boolean;
}

export type LastRefresh =
  | { at: Date; ok: true; date: string | null; source: string; count: number }
  | { at: Date; ok: false; code: string; source: string };

export interface FxOverview {
  today: string;
  maxAgeDays: number;
  /** The table's date: its newest rate's. */
  date: string | null;
  ageDays: number | null;
  stale: boolean;
  rates: FxRow[];
  lastRefresh: LastRefresh | null;
}

const daysBetween = (from: string, to: string) => Math.floor((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function fxOverviewFor(viewer: Viewer | null, db: PrismaClient = getPrisma(), now: Date = new Date()): Promise<{ ok: true; data: FxOverview } | { ok: false; code: "FORBIDDEN" }> {
  if (!requireOperator(viewer).ok) return { ok: false, code: "FORBIDDEN" };
  const today = now.toISOString().slice(0, 10);
  const maxAgeDays = serverEnv().CARAVAN_FX_MAX_AGE_DAYS;
  const table = await readFxTable(db);
  const rates = [...table.rates.values()]
    .map((r) => {
      const ageDays = daysBetween(r.date, today);
      return { currency: r.quote, rate: r.rate, date: r.date, source: r.source, ageDays, stale: ageDays > maxAgeDays };
    })
    .sort((a, b) => a.currency.localeCompare(b.currency));
  const entry = await db.auditEntry.findFirst({ where: { action: FX_REFRESH_ACTION }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  const after = (entry?.after ?? {}) as { ok?: boolean; date?: string | null; source?: string; count?: number; code?: string };
  const lastRefresh: LastRefresh | null = !entry
    ? null
    : after.ok
      ? { at: entry.at, ok: true, date: after.date ?? null, source: after.source ?? "", count: after.count ?? 0 }
      : { at: entry.at, ok: false, code: after.code ?? "UNKNOWN", source: after.source ?? "" };
  const hasRates = rates.length > 0;
  const ageDays = hasRates ? ageInDays(table, today) : null;
  return {
    ok: true,
    data: { today, maxAgeDays, date: hasRates ? table.date : null, ageDays, stale: ageDays === null || ageDays > maxAgeDays, rates, lastRefresh },
  };
}

/** The override form: the viewer must be an operator; the rest is overrideFxRate's (reason required, exact decimal). */
export async function overrideRateFor(
  viewer: Viewer | null,
  fields: { currency: unknown; rate: unknown; reason: unknown },
  db: PrismaClient = getPrisma(),
  now: Date = new Date(),
): Promise<OperatorResult> {
  const allowed = requireOperator(viewer);
  if (!allowed.ok) return { ok: false, code: "FORBIDDEN" };
  const currency = typeof fields.currency === "string" ? fields.currency.trim().toUpperCase() : "";
  const rate = typeof fields.rate === "string" ? fields.rate.trim() : "";
  const reason = typeof fields.reason === "string" ? fields.reason : "";
  return overrideFxRate(actorOf(allowed.viewer), currency, rate, reason, db, now);
}
