import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireSellerMember, type Viewer } from "@/lib/domain/accounts";
import { checkLockedFields, parseSellerProfile, type ProfileFields, type SellerErrorCode, type SellerStatusName } from "@/lib/domain/sellers";
import { tagsForChange } from "@/lib/domain/cache/tags";
import { recordAudit } from "@/lib/server/audit";
import { publishInvalidation } from "@/lib/server/cache/invalidation";
import { actorOf } from "@/lib/server/panels/actor";
import { createSellerAccount, sellerAccountReady, sellerOnboardingLink } from "@/lib/server/payments";
import { knownCurrencies, profileColumns } from "./profile";

/**
 * A seller's own shop: its overview, its settings and connecting its payouts. Every
 * query is scoped to the viewer's own seller; someone who works for no shop is FORBIDDEN.
 */
type Refusal = { ok: false; code: SellerErrorCode | "FORBIDDEN" | "UNAUTHENTICATED" | "SERVICE_BUSY" };

function memberOf(viewer: Viewer | null): { ok: true; sellerId: string; viewer: Viewer } | Refusal {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED" };
  if (!viewer.seller) return { ok: false, code: "FORBIDDEN" };
  const guard = requireSellerMember(viewer, viewer.seller.id);
  return guard.ok ? { ok: true, sellerId: viewer.seller.id, viewer } : guard;
}

export interface SellerOverview {
  id: string;
  handle: string;
  name: string;
  status: SellerStatusName;
  payoutsReady: boolean;
  approvedAt: Date | null;
  products: { DRAFT: number; ACTIVE: number; ARCHIVED: number };
  /** Paid parcels with goods to send that are not delivered yet. */
  awaitingShipment: number;
}

export async function sellerOverview(viewer: Viewer | null, db: PrismaClient = getPrisma()): Promise<{ ok: true; overview: SellerOverview } | Refusal> {
  const member = memberOf(viewer);
  if (!member.ok) return member;
  const seller = await db.seller.findUnique({ where: { id: member.sellerId }, select: { id: true, handle: true, name: true, status: true, payoutsReady: true, approvedAt: true } });
  if (!seller) return { ok: false, code: "FORBIDDEN" };
  const [byStatus, awaitingShipment] = await Promise.all([
    db.product.groupBy({ by: ["status"], where: { sellerId: seller.id }, _count: { _all: true } }),
    db.subOrder.count({ where: { sellerId: seller.id, service: { not: null }, deliveredAt: null, order: { status: "PAID" } } }),
  ]);
  const products = { DRAFT: 0, ACTIVE: 0, ARCHIVED: 0 };
  for (const row of byStatus) products[row.status] = row._count._all;
  return { ok: true, overview: { ...seller, products, awaitingShipment } };
}

export interface SellerSettings {
  id: string;
  handle: string;
  status: SellerStatusName;
  legalName: string;
  name: string;
  country: string;
  currency: string;
  languages: string[];
  shipFrom: string[];
  returnDays: number;
  returnShippingPaidBy: string;
  vatNumber: string | null;
  iossNumber: string | null;
  abn: string | null;
  trader: boolean;
  payoutsReady: boolean;
  hasPaymentAccount: boolean;
  /** Country and currency are fixed once the shop has products. */
  locked: boolean;
  currencies: string[];
}

export async function sellerSettings(viewer: Viewer | null, db: PrismaClient = getPrisma()): Promise<{ ok: true; settings: SellerSettings } | Refusal> {
  const member = memberOf(viewer);
  if (!member.ok) return member;
  const seller = await db.seller.findUnique({ where: { id: member.sellerId } });
  if (!seller) return { ok: false, code: "FORBIDDEN" };
  const [products, currencies] = await Promise.all([db.product.count({ where: { sellerId: seller.id } }), knownCurrencies(db)]);
  return {
    ok: true,
    settings: {
      id: seller.id, handle: seller.handle, status: seller.status, legalName: seller.legalName ?? "", name: seller.name,
      country: seller.country, currency: seller.currency, languages: seller.languages, shipFrom: seller.shipFrom,
      returnDays: seller.returnDays, returnShippingPaidBy: seller.returnShippingPaidBy, vatNumber: seller.vatNumber,
      iossNumber: seller.iossNumber, abn: seller.abn, trader: seller.trader, payoutsReady: seller.payoutsReady,
      hasPaymentAccount: Boolean(seller.paymentAccountId), locked: products > 0, currencies: [...currencies].sort(),
    },
  };
}

/**
 * Saves the settings form. Changes to the return policy and the tax numbers write a
 * `seller.settings` entry with what was and what became (buyers' rights and the
 * store's tax filings depend on them); country and currency stay once there are products.
 */
export async function updateSellerSettings(viewer: Viewer | null, field: ProfileFields, db: PrismaClient = getPrisma()): Promise<{ ok: true } | Refusal> {
  const member = memberOf(viewer);
  if (!member.ok) return member;
  const parsed = parseSellerProfile(field, { currencies: await knownCurrencies(db) });
  if (!parsed.ok) return parsed;
  const profile = parsed.data;
  return db.$transaction(async (tx) => {
    const found = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Seller" WHERE id = ${member.sellerId} FOR UPDATE`;
    if (!found[0]) return { ok: false, code: "FORBIDDEN" } as const;
    const was = await tx.seller.findUniqueOrThrow({ where: { id: member.sellerId } });
    const products = await tx.product.count({ where: { sellerId: was.id } });
    const locked = checkLockedFields(was, profile, products > 0);
    if (locked) return { ok: false, code: locked } as const;
    await tx.seller.update({ where: { id: was.id }, data: profileColumns(profile) });
    const watched = ["returnDays", "returnShippingPaidBy", "vatNumber", "iossNumber", "abn"] as const;
    const changed = watched.filter((key) => was[key] !== profile[key]);
    if (changed.length > 0) {
      await recordAudit(tx, {
        actor: actorOf(member.viewer), action: "seller.settings", subjectType: "seller", subjectId: was.id,
        before: Object.fromEntries(changed.map((key) => [key, was[key]])),
        after: Object.fromEntries(changed.map((key) => [key, profile[key]])),
      });
    }
    // The storefront shows the shop's name and languages: its pages are refreshed at once.
    if (was.name !== profile.name || was.languages.join() !== profile.languages.join()) {
      await publishInvalidation(tx, tagsForChange({ kind: "seller", sellerId: was.id }));
    }
    return { ok: true } as const;
  });
}

/**
 * "Connect payouts": the seller's connected payments account (made now if there is
 * none) and the provider's onboarding page to send them to, which comes back to
 * `returnUrl` (where completePayouts asks the provider whether it is ready).
 */
export async function connectPayouts(viewer: Viewer | null, urls: { returnUrl: string; refreshUrl: string }, db: PrismaClient = getPrisma()): Promise<{ ok: true; url: string } | Refusal> {
  const member = memberOf(viewer);
  if (!member.ok) return member;
  const seller = await db.seller.findUnique({ where: { id: member.sellerId }, select: { id: true, country: true, name: true, paymentAccountId: true } });
  if (!seller) return { ok: false, code: "FORBIDDEN" };
  let accountId = seller.paymentAccountId;
  if (!accountId) {
    const created = await createSellerAccount({ sellerId: seller.id, country: seller.country, name: seller.name });
    if (!created.ok) return { ok: false, code: "PAYOUTS_UNAVAILABLE" };
    accountId = created.accountId;
    // Only where none was set: two clicks at once keep the first account (the provider's idempotency key gives both the same).
    await db.seller.updateMany({ where: { id: seller.id, paymentAccountId: null }, data: { paymentAccountId: accountId } });
    accountId = (await db.seller.findUniqueOrThrow({ where: { id: seller.id }, select: { paymentAccountId: true } })).paymentAccountId ?? accountId;
  }
  const link = await sellerOnboardingLink(accountId, urls.returnUrl, urls.refreshUrl);
  if (!link.ok) return { ok: false, code: "PAYOUTS_UNAVAILABLE" };
  return { ok: true, url: link.url };
}

/** Back from the provider's onboarding: records whether the account can now be paid out. */
export async function completePayouts(viewer: Viewer | null, db: PrismaClient = getPrisma()): Promise<{ ok: true; ready: boolean } | Refusal> {
  const member = memberOf(viewer);
  if (!member.ok) return member;
  const seller = await db.seller.findUnique({ where: { id: member.sellerId }, select: { id: true, paymentAccountId: true, payoutsReady: true } });
  if (!seller) return { ok: false, code: "FORBIDDEN" };
  if (!seller.paymentAccountId) return { ok: true, ready: false };
  const ready = await sellerAccountReady(seller.paymentAccountId);
  if (!ready.ok) return { ok: false, code: "PAYOUTS_UNAVAILABLE" };
  if (ready.ready !== seller.payoutsReady) {
    await db.$transaction(async (tx) => {
      await tx.seller.update({ where: { id: seller.id }, data: { payoutsReady: ready.ready } });
      await recordAudit(tx, {
        actor: actorOf(member.viewer), action: "seller.payouts", subjectType: "seller", subjectId: seller.id,
        before: { payoutsReady: seller.payoutsReady }, after: { payoutsReady: ready.ready },
      });
    });
  }
  return { ok: true, ready: ready.ready };
}
