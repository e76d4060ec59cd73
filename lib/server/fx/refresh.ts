// No `server-only` here: `npm run fx:refresh` and the seed (tsx) record refreshes too.
import type { PrismaClient } from "@/generated/prisma/client";
import type { EurRate } from "@/lib/domain/fx";
import { recordAudit, type AuditActor } from "@/lib/server/audit";
import { storeRates } from "./snapshot";

/**
 * Every refresh of the FX rates leaves an `fx.refresh` audit entry, so the operator's
 * panel can say what the last one did: the ECB's reference date and how many rates it
 * stored, or why it failed (the store then keeps converting with the last stored rates).
 */
export const FX_ACTOR: AuditActor = { kind: "system", name: "fx" };
export const FX_REFRESH_ACTION = "fx.refresh";

/** Where the rates came from: the live ECB feed, or the snapshot shipped in the repository (the seed). */
export type FxRefreshSource = "ECB" | "SNAPSHOT";
export type FxRefreshFailure = "FEED_UNREACHABLE" | "FEED_INVALID";

const SUBJECT = { subjectType: "fx", subjectId: "EUR" } as const;

/** Stores the rates and, in the same transaction, the entry naming the ECB date, source and count. */
export async function refreshRates(prisma: PrismaClient, rates: readonly EurRate[], source: FxRefreshSource): Promise<{ count: number; date: string | null }> {
  const date = rates.find((r) => r.source === "ECB")?.date ?? rates[0]?.date ?? null;
  const count = await storeRates(prisma, rates, async (tx) => {
    await recordAudit(tx, { actor: FX_ACTOR, action: FX_REFRESH_ACTION, ...SUBJECT, before: {}, after: { ok: true, date, source, count: rates.length } });
  });
  return { count, date };
}

/** A refresh that stored nothing: the entry names the failure's code. */
export async function recordRefreshFailure(prisma: PrismaClient, code: FxRefreshFailure, source: FxRefreshSource = "ECB"): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await recordAudit(tx, { actor: FX_ACTOR, action: FX_REFRESH_ACTION, ...SUBJECT, before: {}, after: { ok: false, code, source } });
  });
}
