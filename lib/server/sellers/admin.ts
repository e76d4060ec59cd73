import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireOperator, type Viewer } from "@/lib/domain/accounts";
import { tagsForChange } from "@/lib/domain/cache/tags";
import { STATUS_ORDER, type SellerStatusName } from "@/lib/domain/sellers";
import { serverEnv } from "@/lib/env";
import { recordAudit } from "@/lib/server/audit";
import { publishInvalidation } from "@/lib/server/cache/invalidation";
import { refreshDerivedColumns } from "@/lib/server/catalogue/derived";
import { setSellerCommission, setSellerStatus, type OperatorErrorCode } from "@/lib/server/operator";
import { actorOf } from "@/lib/server/panels/actor";

/**
 * The operator's seller management: the list (pending shops first), one shop's
 * onboarding data, and the actions on it, each with the operator's reason. Each
 * service asks requireOperator of the viewer itself; a seller or a buyer is FORBIDDEN.
 */
type Refusal = { ok: false; code: OperatorErrorCode | "FORBIDDEN" | "UNAUTHENTICATED" | "NOT_FOUND" | "NOT_PENDING" | "NOT_SUSPENDED" | "ALREADY_SUSPENDED" };

function operator(viewer: Viewer | null): Refusal | null {
  const guard = requireOperator(viewer);
  return guard.ok ? null : guard;
}

export interface SellerRow {
  id: string;
  handle: string;
  name: string;
  status: SellerStatusName;
  country: string;
  currency: string;
  payoutsReady: boolean;
  /** Null: the platform's default applies. */
  commissionBps: number | null;
  productCount: number;
  createdAt: Date;
}

export async function listSellersForOperator(viewer: Viewer | null, filter: { status: SellerStatusName | null }, db: PrismaClient = getPrisma()): Promise<{ ok: true; sellers: SellerRow[]; defaultCommissionBps: number } | Refusal> {
  const refused = operator(viewer);
  if (refused) return refused;
  const rows = await db.seller.findMany({
    where: filter.status ? { status: filter.status } : {},
    select: { id: true, handle: true, name: true, status: true, country: true, currency: true, payoutsReady: true, commissionBps: true, createdAt: true, _count: { select: { products: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const sellers = rows
    .map(({ _count, ...row }) => ({ ...row, productCount: _count.products }))
    // Pending shops first (they wait for the operator), then live, then suspended; oldest first within each.
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  return { ok: true, sellers, defaultCommissionBps: serverEnv().CARAVAN_COMMISSION_BPS };
}

export interface SellerDetail extends SellerRow {
  legalName: string | null;
  languages: string[];
  shipFrom: string[];
  returnDays: number;
  returnShippingPaidBy: string;
  vatNumber: string | null;
  iossNumber: string | null;
  abn: string | null;
  trader: boolean;
  approvedAt: Date | null;
  hasPaymentAccount: boolean;
  owners: string[];
}

export async function sellerForOperator(viewer: Viewer | null, sellerId: string, db: PrismaClient = getPrisma()): Promise<{ ok: true; seller: SellerDetail; defaultCommissionBps: number } | Refusal> {
  const refused = operator(viewer);
  if (refused) return refused;
  const seller = await db.seller.findUnique({
    where: { id: sellerId },
    include: { _count: { select: { products: true } }, members: { select: { userId: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!seller) return { ok: false, code: "NOT_FOUND" };
  const { _count, members, paymentAccountId, ...rest } = seller;
  // Read as users (not through the relation), so that their sealed addresses are opened.
  const users = await db.user.findMany({ where: { id: { in: members.map((m) => m.userId) } }, select: { id: true, email: true } });
  const owners = members.map((m) => users.find((u) => u.id === m.userId)?.email ?? "");
  return {
    ok: true,
    seller: {
      id: rest.id, handle: rest.handle, name: rest.name, status: rest.status, country: rest.country, currency: rest.currency,
      payoutsReady: rest.payoutsReady, commissionBps: rest.commissionBps, createdAt: rest.createdAt, productCount: _count.products,
      legalName: rest.legalName, languages: rest.languages, shipFrom: rest.shipFrom, returnDays: rest.returnDays,
      returnShippingPaidBy: rest.returnShippingPaidBy, vatNumber: rest.vatNumber, iossNumber: rest.iossNumber, abn: rest.abn,
      trader: rest.trader, approvedAt: rest.approvedAt, hasPaymentAccount: Boolean(paymentAccountId), owners,
    },
    defaultCommissionBps: serverEnv().CARAVAN_COMMISSION_BPS,
  };
}

const REASON_MAX = 1000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function badReason(reason: unknown): Refusal | null {
  if (typeof reason !== "string" || !reason.trim()) return { ok: false, code: "REASON_REQUIRED" };
  if (reason.trim().length > REASON_MAX) return { ok: false, code: "REASON_TOO_LONG" };
  if (CONTROL.test(reason)) return { ok: false, code: "INVALID_REASON" };
  return null;
}

/**
 * Approves a PENDING shop: ACTIVE from now, its products listed and every page that
 * shows them refreshed at once, all in the transaction with the `seller.approve` entry.
 */
export async function approveSeller(viewer: Viewer | null, sellerId: string, reason: string, db: PrismaClient = getPrisma(), now: Date = new Date()): Promise<{ ok: true } | Refusal> {
  const refused = operator(viewer) ?? badReason(reason);
  if (refused) return refused;
  return db.$transaction(async (tx) => {
    const found = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT id, status::text AS status FROM "Seller" WHERE id = ${sellerId} FOR UPDATE`;
    const seller = found[0];
    if (!seller) return { ok: false, code: "NOT_FOUND" } as const;
    if (seller.status !== "PENDING") return { ok: false, code: "NOT_PENDING" } as const;
    await tx.seller.update({ where: { id: seller.id }, data: { status: "ACTIVE", approvedAt: now } });
    await recordAudit(tx, {
      actor: actorOf(viewer!), action: "seller.approve", subjectType: "seller", subjectId: seller.id, reason: reason.trim(),
      before: { status: "PENDING" }, after: { status: "ACTIVE", approvedAt: now.toISOString() },
    });
    await refreshDerivedColumns(tx, { sellerIds: [seller.id] });
    await publishInvalidation(tx, tagsForChange({ kind: "seller", sellerId: seller.id }));
    return { ok: true } as const;
  });
}

/**
 * Suspends a live or pending shop, or reactivates a suspended one, through the
 * operator's setSellerStatus (listings hidden or shown, pages refreshed, audited).
 */
export async function changeSellerStatusForOperator(viewer: Viewer | null, sellerId: string, status: "ACTIVE" | "SUSPENDED", reason: string, db: PrismaClient = getPrisma()): Promise<{ ok: true } | Refusal> {
  const refused = operator(viewer) ?? badReason(reason);
  if (refused) return refused;
  const seller = await db.seller.findUnique({ where: { id: sellerId }, select: { status: true } });
  if (!seller) return { ok: false, code: "NOT_FOUND" };
  // A pending shop goes live by approval only (approveSeller), never by reactivation.
  if (status === "ACTIVE" && seller.status !== "SUSPENDED") return { ok: false, code: "NOT_SUSPENDED" };
  if (status === "SUSPENDED" && seller.status === "SUSPENDED") return { ok: false, code: "ALREADY_SUSPENDED" };
  const result = await setSellerStatus(actorOf(viewer!), sellerId, status, reason, db);
  return result.ok ? result : result.code === "SELLER_NOT_FOUND" ? { ok: false, code: "NOT_FOUND" } : result;
}

/** Sets the seller's own commission from the form's percentage text ("12.5" is 1250 basis points). */
export async function setSellerCommissionForOperator(viewer: Viewer | null, sellerId: string, percent: string, reason: string, db: PrismaClient = getPrisma()): Promise<{ ok: true } | Refusal> {
  const refused = operator(viewer);
  if (refused) return refused;
  const match = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(percent.trim());
  const bps = match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : Number.NaN;
  const result = await setSellerCommission(actorOf(viewer!), sellerId, bps, reason, db);
  return result.ok ? result : result.code === "SELLER_NOT_FOUND" ? { ok: false, code: "NOT_FOUND" } : result;
}
