import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireSellerMember, type Viewer } from "@/lib/domain/accounts";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { money, type Money } from "@/lib/domain/money";
import { monthlyTotals, payoutRow, type MonthTotal, type PayoutRow, type StoredRate, type TransferState } from "@/lib/domain/payouts";
import {
  maskStoredShipTo,
  ORDERS_PAGE_SIZE,
  pageCount,
  parcelBreakdown,
  sellerOrderStatus,
  type OrderFilters,
  type ParcelBreakdown,
  type SellerOrderStatus,
} from "@/lib/domain/seller-orders";
import { shipToWindow } from "@/lib/domain/privacy";
import { orderField } from "@/lib/server/checkout/access";
import { subjectKeys } from "@/lib/server/crypto/subjects";

/**
 * The seller panel's orders and payouts. Every function authorises the viewer itself
 * (a member of a seller) and scopes every query by that seller's id: another seller's
 * sub-order is NOT_FOUND, the same answer as no sub-order at all. Only orders that
 * were paid show (an order awaiting or settling payment is not the seller's business
 * yet). Amounts are minor units of the order's currency, the currency the seller is
 * settled in (ADR 0013).
 */
export type SellerFailure = { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" };

type Authorised = { ok: true; sellerId: string } | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" };

function sellerOf(viewer: Viewer | null): Authorised {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED" };
  const sellerId = viewer.seller?.id;
  if (!sellerId) return { ok: false, code: "FORBIDDEN" };
  const guard = requireSellerMember(viewer, sellerId);
  return guard.ok ? { ok: true, sellerId } : guard;
}

/** Sub-orders of paid orders only. */
const paid = { paidAt: { not: null } } satisfies Prisma.OrderWhereInput;

function statusWhere(status: SellerOrderStatus | null): Prisma.SubOrderWhereInput {
  // Mirrors sellerOrderStatus (lib/domain/seller-orders).
  switch (status) {
    case null:
      return {};
    case "CANCELLED":
      return { order: { status: "CANCELLED" } };
    case "REFUNDED":
      return { order: { status: { not: "CANCELLED" } }, OR: [{ refundedMinor: { gt: 0 } }, { order: { status: "REFUNDED" } }] };
    case "DELIVERED":
      return { order: { status: { notIn: ["CANCELLED", "REFUNDED"] } }, refundedMinor: 0, deliveredAt: { not: null } };
    case "PAID":
      return { order: { status: { notIn: ["CANCELLED", "REFUNDED"] } }, refundedMinor: 0, deliveredAt: null };
  }
}

const isSubOrderId = (value: unknown): value is string => typeof value === "string" && /^sub_[A-Za-z0-9_-]{16}$/.test(value);

// ---------------------------------------------------------------- the list

export interface SellerOrderRow {
  id: string;
  number: string;
  placedAt: Date;
  paidAt: Date | null;
  destination: string;
  status: SellerOrderStatus;
  items: number;
  /** The seller's goods and shipping, order currency. */
  total: Money;
  /** Written by the demo seed's order history, not by a buyer. */
  demo: boolean;
}

export type SellerOrderList =
  | { ok: true; rows: SellerOrderRow[]; total: number; page: number; pages: number; destinations: string[] }
  | SellerFailure;

export async function listSellerOrders(viewer: Viewer | null, filters: OrderFilters, db: PrismaClient = getPrisma()): Promise<SellerOrderList> {
  const auth = sellerOf(viewer);
  if (!auth.ok) return auth;
  const own: Prisma.SubOrderWhereInput = { sellerId: auth.sellerId, order: paid };
  const where: Prisma.SubOrderWhereInput = {
    AND: [own, statusWhere(filters.status), filters.destination ? { order: { destination: filters.destination } } : {}],
  };
  const [total, subs, destinations] = await Promise.all([
    db.subOrder.count({ where }),
    db.subOrder.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * ORDERS_PAGE_SIZE,
      take: ORDERS_PAGE_SIZE,
      include: { order: { select: { number: true, createdAt: true, paidAt: true, destination: true, currency: true, status: true, demo: true } }, lines: { select: { quantity: true } } },
    }),
    db.order.findMany({ where: { ...paid, subOrders: { some: { sellerId: auth.sellerId } } }, distinct: ["destination"], select: { destination: true }, orderBy: { destination: "asc" } }),
  ]);
  return {
    ok: true,
    total,
    page: filters.page,
    pages: pageCount(total),
    destinations: destinations.map((d) => d.destination),
    rows: subs.map((sub) => ({
      id: sub.id,
      number: sub.order.number,
      placedAt: sub.order.createdAt,
      paidAt: sub.order.paidAt,
      destination: sub.order.destination,
      status: sellerOrderStatus({ orderStatus: sub.order.status, deliveredAt: sub.deliveredAt, refundedMinor: sub.refundedMinor }),
      items: sub.lines.reduce((s, l) => s + l.quantity, 0),
      total: money(sub.goodsMinor + sub.shippingMinor, sub.order.currency),
      demo: sub.order.demo,
    })),
  };
}

// ---------------------------------------------------------------- one sub-order

/**
 * What the carrier needs: the name and address as printed lines, and the phone. Never the
 * email. Shown from payment until delivery plus the seller's returns period (`until`: when
 * masking starts; null while the parcel is undelivered), masked otherwise (lib/domain/privacy).
 */
export type ShipTo =
  | { visible: true; lines: string[]; country: string; phone: string | null; until: Date | null }
  | { visible: false; masked: string; reason: "NOT_PAID" | "ENDED" | "EXPIRED" };

export interface SellerOrderDetail {
  id: string;
  number: string;
  placedAt: Date;
  paidAt: Date | null;
  deliveredAt: Date | null;
  destination: string;
  currency: string;
  status: SellerOrderStatus;
  service: string | null;
  deliveryDays: { min: number; max: number } | null;
  incoterm: "DDP" | "DAP";
  lines: { title: string; variantName: string; sku: string; quantity: number; unitPrice: Money; goods: Money; withdrawn: number }[];
  goods: Money;
  shipping: Money;
  duty: Money;
  tax: Money;
  dueAtCheckout: Money;
  dueOnDelivery: Money;
  /** The parcel as the order's stored quote priced it; null if the quote cannot be read. */
  breakdown: ParcelBreakdown | null;
  commissionBps: number;
  commission: Money;
  share: Money;
  refunded: Money;
  transfer: { id: string | null; status: TransferState };
  shipTo: ShipTo;
  /** `returnDays`: the seller's returns period, days from delivery (it extends the ship-to's window). */
  seller: { name: string; legalName: string | null; country: string; returnAddress: string[]; language: Locale; returnDays: number };
}

type AddressRecord = { address: Record<string, string> | null; lines: string[]; phone?: string };

async function loadOwn(sellerId: string, subOrderId: unknown, db: PrismaClient) {
  if (!isSubOrderId(subOrderId)) return null;
  return db.subOrder.findFirst({
    where: { id: subOrderId, sellerId, order: paid },
    include: {
      order: { select: { id: true, number: true, createdAt: true, paidAt: true, destination: true, currency: true, status: true, quote: true, addressSealed: true } },
      lines: { orderBy: { id: "asc" } },
      seller: { select: { name: true, legalName: true, country: true, shipFrom: true, legalAddress: true, languages: true, returnDays: true } },
    },
  });
}

export async function loadSellerOrder(
  viewer: Viewer | null,
  subOrderId: unknown,
  db: PrismaClient = getPrisma(),
  now: Date = new Date(),
): Promise<{ ok: true; order: SellerOrderDetail } | SellerFailure> {
  const auth = sellerOf(viewer);
  if (!auth.ok) return auth;
  const sub = await loadOwn(auth.sellerId, subOrderId, db);
  if (!sub) return { ok: false, code: "NOT_FOUND" };
  const c = sub.order.currency;
  const status = sellerOrderStatus({ orderStatus: sub.order.status, deliveredAt: sub.deliveredAt, refundedMinor: sub.refundedMinor });
  const opened = sub.order.addressSealed ? await subjectKeys().openOrNull(db, sub.order.addressSealed, orderField(sub.order.id, "address")) : null;
  const record = opened === null ? null : (JSON.parse(opened) as AddressRecord);
  const visibility = shipToWindow({
    paidAt: sub.order.paidAt,
    deliveredAt: sub.deliveredAt,
    returnDays: sub.seller.returnDays,
    ended: status === "CANCELLED" || status === "REFUNDED",
    now,
  });
  const shipTo: ShipTo = visibility.visible
    ? { visible: true, lines: record?.lines ?? [], country: sub.order.destination, phone: record?.phone ?? null, until: visibility.until }
    : { visible: false, masked: maskStoredShipTo(sub.order.destination, record?.address), reason: visibility.reason };
  const language = sub.seller.languages.find(isLocale) ?? "en";
  return {
    ok: true,
    order: {
      id: sub.id,
      number: sub.order.number,
      placedAt: sub.order.createdAt,
      paidAt: sub.order.paidAt,
      deliveredAt: sub.deliveredAt,
      destination: sub.order.destination,
      currency: c,
      status,
      service: sub.service,
      deliveryDays: sub.deliveryMinDays != null && sub.deliveryMaxDays != null ? { min: sub.deliveryMinDays, max: sub.deliveryMaxDays } : null,
      incoterm: sub.incoterm === "DAP" ? "DAP" : "DDP",
      lines: sub.lines.map((l) => ({
        title: l.title,
        variantName: l.variantName,
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: money(l.unitPriceMinor, l.unitCurrency),
        goods: money(l.goodsMinor, c),
        withdrawn: l.withdrawnQuantity,
      })),
      goods: money(sub.goodsMinor, c),
      shipping: money(sub.shippingMinor, c),
      duty: money(sub.dutyMinor, c),
      tax: money(sub.taxMinor, c),
      dueAtCheckout: money(sub.dueAtCheckoutMinor, c),
      dueOnDelivery: money(sub.dueOnDeliveryMinor, c),
      breakdown: parcelBreakdown(sub.order.quote, sub.position),
      commissionBps: sub.commissionBps,
      commission: money(sub.commissionMinor, c),
      share: money(sub.sellerShareMinor, c),
      refunded: money(sub.refundedMinor, c),
      transfer: { id: sub.transferId, status: sub.transferStatus },
      shipTo,
      seller: {
        name: sub.seller.name,
        legalName: sub.seller.legalName,
        country: sub.seller.country,
        returnAddress: sub.seller.shipFrom.length > 0 ? sub.seller.shipFrom : sub.seller.legalAddress,
        language,
        returnDays: sub.seller.returnDays,
      },
    },
  };
}

// ---------------------------------------------------------------- payouts

/** At most this many sub-orders, newest first, on the page and in the CSV. */
export const PAYOUT_ROWS_LIMIT = 1000;

export type SellerPayouts = { ok: true; currency: string; rows: PayoutRow[]; months: MonthTotal[]; limited: boolean } | SellerFailure;

/**
 * The seller's payout rows, newest payment first; with `subOrderId`, that one sub-order's
 * row (NOT_FOUND when it is not the seller's, or not paid).
 */
export async function listSellerPayouts(viewer: Viewer | null, options: { subOrderId?: unknown } = {}, db: PrismaClient = getPrisma()): Promise<SellerPayouts> {
  const auth = sellerOf(viewer);
  if (!auth.ok) return auth;
  const one = options.subOrderId !== undefined && options.subOrderId !== null && options.subOrderId !== "";
  if (one && !isSubOrderId(options.subOrderId)) return { ok: false, code: "NOT_FOUND" };
  const seller = await db.seller.findUnique({ where: { id: auth.sellerId }, select: { currency: true } });
  if (!seller) return { ok: false, code: "NOT_FOUND" };
  const subs = await db.subOrder.findMany({
    where: { sellerId: auth.sellerId, order: paid, ...(one ? { id: options.subOrderId as string } : {}) },
    orderBy: [{ order: { paidAt: "desc" } }, { id: "desc" }],
    take: PAYOUT_ROWS_LIMIT + 1,
    include: {
      order: { select: { number: true, paidAt: true, currency: true, quote: true } },
      withdrawals: { where: { status: "REFUNDED", reversalId: { not: null } }, select: { refundMinor: true, reversalId: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (one && subs.length === 0) return { ok: false, code: "NOT_FOUND" };
  const rows = subs.slice(0, PAYOUT_ROWS_LIMIT).map((sub) =>
    payoutRow(
      {
        subOrderId: sub.id,
        orderNumber: sub.order.number,
        paidAt: sub.order.paidAt!,
        currency: sub.order.currency,
        goodsMinor: sub.goodsMinor,
        shippingMinor: sub.shippingMinor,
        commissionBps: sub.commissionBps,
        commissionMinor: sub.commissionMinor,
        sellerShareMinor: sub.sellerShareMinor,
        transferId: sub.transferId,
        transferStatus: sub.transferStatus,
        refundedMinor: sub.refundedMinor,
        withdrawalReversals: sub.withdrawals.map((w) => ({ refundMinor: w.refundMinor, reversalId: w.reversalId! })),
        fxRates: storedRates(sub.order.quote),
      },
      seller.currency,
    ),
  );
  return { ok: true, currency: seller.currency, rows, months: monthlyTotals(rows, seller.currency), limited: subs.length > PAYOUT_ROWS_LIMIT };
}

function storedRates(quote: unknown): StoredRate[] {
  const rates = (quote as { fxRates?: unknown } | null)?.fxRates;
  if (!Array.isArray(rates)) return [];
  return rates.filter(
    (r): r is StoredRate =>
      typeof r === "object" && r !== null && typeof r.from === "string" && typeof r.to === "string" && typeof r.rate === "string" && typeof r.rateDate === "string",
  );
}
