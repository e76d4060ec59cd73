import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import { firstFreeHandle, handleBase, parseSellerProfile, sellerIdFor, type ProfileFields, type SellerErrorCode } from "@/lib/domain/sellers";
import { recordAudit } from "@/lib/server/audit";
import { actorOf } from "@/lib/server/panels/actor";
import { knownCurrencies, profileColumns } from "./profile";

export type OnboardingResult = { ok: true; sellerId: string; handle: string } | { ok: false; code: SellerErrorCode | "UNAUTHENTICATED" | "SERVICE_BUSY" };

/**
 * Opens a shop for a signed-in person who works for none yet: the seller (PENDING, so
 * nothing of theirs is listed until the operator approves), the person as its OWNER
 * and the audit entry, in one transaction. The handle comes from the display name,
 * with a suffix when it (or the id made from it) is taken.
 */
export async function createSeller(viewer: Viewer | null, field: ProfileFields, db: PrismaClient = getPrisma()): Promise<OnboardingResult> {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED" };
  if (viewer.seller) return { ok: false, code: "ALREADY_SELLER" };
  const parsed = parseSellerProfile(field, { currencies: await knownCurrencies(db) });
  if (!parsed.ok) return parsed;
  const profile = parsed.data;
  // Two people naming their shops alike at once: the loser of the unique index tries the next suffix.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        if (await tx.sellerMember.findUnique({ where: { userId: viewer.userId }, select: { id: true } })) return { ok: false, code: "ALREADY_SELLER" } as const;
        const base = handleBase(profile.name);
        const similar = await tx.seller.findMany({
          where: { OR: [{ handle: { startsWith: base } }, { id: { startsWith: sellerIdFor(profile.country, base) } }] },
          select: { id: true, handle: true },
        });
        const handles = new Set(similar.map((s) => s.handle));
        const ids = new Set(similar.map((s) => s.id));
        const free = firstFreeHandle(profile.name, profile.country, (c) => handles.has(c.handle) || ids.has(c.id));
        if (!free) return { ok: false, code: "SERVICE_BUSY" } as const;
        const columns = profileColumns(profile);
        await tx.seller.create({ data: { id: free.id, handle: free.handle, status: "PENDING", bio: {}, ...columns } });
        await tx.sellerMember.create({ data: { id: `sm_${randomUUID()}`, userId: viewer.userId, sellerId: free.id, role: "OWNER" } });
        await recordAudit(tx, {
          actor: actorOf(viewer), action: "seller.create", subjectType: "seller", subjectId: free.id,
          before: {}, after: { handle: free.handle, status: "PENDING", owner: viewer.userId, ...columns },
        });
        return { ok: true, sellerId: free.id, handle: free.handle } as const;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        const target = JSON.stringify(error.meta ?? {});
        if (target.includes("userId")) return { ok: false, code: "ALREADY_SELLER" };
        continue;
      }
      throw error;
    }
  }
  return { ok: false, code: "SERVICE_BUSY" };
}

/** What the onboarding form offers: the currencies the store can convert. */
export async function onboardingOptions(db: PrismaClient = getPrisma()): Promise<{ currencies: string[] }> {
  return { currencies: [...(await knownCurrencies(db))].sort() };
}
