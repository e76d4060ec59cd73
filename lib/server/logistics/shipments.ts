import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireSellerMember, type Viewer } from "@/lib/domain/accounts";
import { crossRate, MissingRateError } from "@/lib/domain/fx";
import { checkTrackingNumber, findCarrier, trackingUrl } from "@/lib/domain/logistics/carriers";
import { customsDeclaration, type CustomsDeclaration } from "@/lib/domain/logistics/customs";
import { parseManualUpdate, parseQuantity, parseWeight, planParcel, remainingOf, type ShippableLine } from "@/lib/domain/logistics/shipments";
import type { ShipmentStatus } from "@/lib/domain/logistics/status";
import { isCurrencyCode } from "@/lib/domain/money";
import { recordAudit } from "@/lib/server/audit";
import { readFxTable } from "@/lib/server/fx/load";
import { actorOf } from "@/lib/server/panels/actor";
import { loadSellerOrder, type SellerOrderDetail } from "@/lib/server/seller/orders";
import { afterShipmentCreated } from "./hooks";
import { recordTrackingEvent } from "./tracking";

/**
 * The seller's shipments of a paid sub-order: creating parcels (one or more per
 * sub-order, each with what it carries), manual tracking updates, and what the page and
 * the printed documents show. Every function authorises the viewer itself (a member of
 * the seller) and scopes every query by that seller's id: another seller's sub-order or
 * shipment is NOT_FOUND, the same answer as none at all.
 */
type Failure<C extends string> = { ok: false; code: C | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND"; fields?: Record<string, string> };

function sellerOf(viewer: Viewer | null): { ok: true; sellerId: string } | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" } {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED" };
  const sellerId = viewer.seller?.id;
  if (!sellerId) return { ok: false, code: "FORBIDDEN" };
  const guard = requireSellerMember(viewer, sellerId);
  return guard.ok ? { ok: true, sellerId } : guard;
}

const isSubOrderId = (value: unknown): value is string => typeof value === "string" && /^sub_[A-Za-z0-9_-]{16}$/.test(value);
const isShipmentId = (value: unknown): value is string => typeof value === "string" && /^shp_[A-Za-z0-9_-]{16,40}$/.test(value);

/** Paid and settled, neither cancelled nor refunded in full. */
function shippable(sub: { refundedMinor: number; dueAtCheckoutMinor: number; order: { status: string; paidAt: Date | null } }): "NOT_PAID" | "ORDER_CLOSED" | null {
  if (sub.order.status === "CANCELLED" || sub.order.status === "REFUNDED") return "ORDER_CLOSED";
  if (sub.order.status !== "PAID" || !sub.order.paidAt) return "NOT_PAID";
  if (sub.dueAtCheckoutMinor > 0 && sub.refundedMinor >= sub.dueAtCheckoutMinor) return "ORDER_CLOSED";
  return null;
}

async function shippedByLine(db: PrismaClient | Prisma.TransactionClient, lineIds: string[]): Promise<Map<string, number>> {
  const sums = await db.shipmentLine.groupBy({ by: ["orderLineId"], where: { orderLineId: { in: lineIds } }, _sum: { quantity: true } });
  return new Map(sums.map((s) => [s.orderLineId, s._sum.quantity ?? 0]));
}

// ---------------------------------------------------------------- create

export type CreateShipmentCode =
  | "NOT_PAID"
  | "ORDER_CLOSED"
  | "UNKNOWN_CARRIER"
  | "INVALID_TRACKING_NUMBER"
  | "DUPLICATE_TRACKING_NUMBER"
  | "INVALID_WEIGHT"
  | "INVALID_QUANTITY"
  | "QUANTITY_TOO_HIGH"
  | "NO_ITEMS"
  | "NOT_SHIPPABLE";

export interface CreateShipmentInput {
  carrier: unknown;
  trackingNumber: unknown;
  weightGrams: unknown;
  /** Units of each order line in this parcel, as typed (order line id -> "2"); a form reads field `qty_<order line id>`. */
  quantities: Record<string, unknown> | ((orderLineId: string) => unknown);
}

export async function createShipment(
  viewer: Viewer | null,
  subOrderId: unknown,
  input: CreateShipmentInput,
  options: { now?: Date; db?: PrismaClient } = {},
): Promise<{ ok: true; shipmentId: string } | Failure<CreateShipmentCode>> {
  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const auth = sellerOf(viewer);
  if (!auth.ok) return auth;
  if (!isSubOrderId(subOrderId)) return { ok: false, code: "NOT_FOUND" };
  const tracking = checkTrackingNumber(input.carrier, input.trackingNumber);
  if (!tracking.ok) return { ok: false, code: tracking.code, fields: { [tracking.code === "UNKNOWN_CARRIER" ? "carrier" : "trackingNumber"]: tracking.code } };
  const weight = parseWeight(input.weightGrams);
  if (weight === null) return { ok: false, code: "INVALID_WEIGHT", fields: { weightGrams: "INVALID_WEIGHT" } };
  const shipmentId = `shp_${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const actor = actorOf(viewer!);
  try {
    const outcome = await db.$transaction(async (tx): Promise<{ ok: true } | Failure<CreateShipmentCode>> => {
      // One parcel at a time per sub-order: what remains is read under the lock.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "SubOrder" WHERE id = ${subOrderId} AND "sellerId" = ${auth.sellerId} FOR UPDATE`;
      if (locked.length === 0) return { ok: false, code: "NOT_FOUND" };
      const sub = await tx.subOrder.findUniqueOrThrow({
        where: { id: subOrderId },
        include: { order: { select: { status: true, paidAt: true } }, lines: { orderBy: { id: "asc" } } },
      });
      const closed = shippable(sub);
      if (closed) return { ok: false, code: closed };
      const shipped = await shippedByLine(tx, sub.lines.map((l) => l.id));
      const lines: ShippableLine[] = sub.lines.map((l) => ({ id: l.id, kind: l.kind, quantity: l.quantity, withdrawnQuantity: l.withdrawnQuantity, shipped: shipped.get(l.id) ?? 0 }));
      const asked = typeof input.quantities === "function" ? new Map(sub.lines.map((l) => [l.id, (input.quantities as (id: string) => unknown)(l.id)])) : new Map(Object.entries(input.quantities));
      const requested = new Map<string, number>();
      for (const [id, raw] of asked) {
        const quantity = parseQuantity(raw);
        if (quantity === null) return { ok: false, code: "INVALID_QUANTITY" };
        requested.set(id, quantity);
      }
      const plan = planParcel(lines, requested);
      if (!plan.ok) return plan;
      const taken = await tx.shipment.findFirst({ where: { carrier: tracking.carrier.code, trackingNumber: tracking.trackingNumber }, select: { id: true } });
      if (taken) return { ok: false, code: "DUPLICATE_TRACKING_NUMBER", fields: { trackingNumber: "DUPLICATE_TRACKING_NUMBER" } };
      await tx.shipment.create({
        data: {
          id: shipmentId,
          subOrderId: sub.id,
          carrier: tracking.carrier.code,
          trackingNumber: tracking.trackingNumber,
          weightGrams: weight,
          status: "LABEL_CREATED",
          statusAt: now,
          lines: { create: plan.lines },
        },
      });
      const event = await recordTrackingEvent(tx, { shipmentId, source: "SELLER", kind: "LABEL_CREATED", at: now });
      if (!event.ok) throw new Error("shipment vanished in its own transaction");
      const skus = new Map(sub.lines.map((l) => [l.id, l.sku]));
      await recordAudit(tx, {
        actor,
        action: "shipment.create",
        subjectType: "shipment",
        subjectId: shipmentId,
        before: {},
        after: {
          subOrderId: sub.id,
          carrier: tracking.carrier.code,
          trackingNumber: tracking.trackingNumber,
          weightGrams: weight,
          items: plan.lines.map((l) => ({ orderLineId: l.orderLineId, sku: skus.get(l.orderLineId) ?? null, quantity: l.quantity })),
        },
      });
      return { ok: true };
    });
    if (!outcome.ok) return outcome;
  } catch (error) {
    // Two sellers' parcels with one tracking number at the same instant: the unique constraint decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, code: "DUPLICATE_TRACKING_NUMBER", fields: { trackingNumber: "DUPLICATE_TRACKING_NUMBER" } };
    }
    throw error;
  }
  await afterShipmentCreated(shipmentId, db);
  return { ok: true, shipmentId };
}

// ---------------------------------------------------------------- manual updates

export type UpdateCode = "INVALID_STATUS" | "INVALID_TIME" | "TIME_IN_FUTURE" | "TEXT_TOO_LONG";

export async function addTrackingUpdate(
  viewer: Viewer | null,
  shipmentId: unknown,
  input: { kind: unknown; at: unknown; location: unknown; note: unknown },
  options: { now?: Date; db?: PrismaClient } = {},
): Promise<{ ok: true; subOrderId: string; status: ShipmentStatus } | Failure<UpdateCode>> {
  const db = options.db ?? getPrisma();
  const now = options.now ?? new Date();
  const auth = sellerOf(viewer);
  if (!auth.ok) return auth;
  if (!isShipmentId(shipmentId)) return { ok: false, code: "NOT_FOUND" };
  const own = await db.shipment.findFirst({ where: { id: shipmentId, subOrder: { sellerId: auth.sellerId } }, select: { id: true, subOrderId: true } });
  if (!own) return { ok: false, code: "NOT_FOUND" };
  const update = parseManualUpdate(input, now);
  if (!update.ok) return { ok: false, code: update.code, fields: { [update.code === "TEXT_TOO_LONG" ? "note" : update.code === "INVALID_STATUS" ? "kind" : "at"]: update.code } };
  const actor = actorOf(viewer!);
  return db.$transaction(async (tx) => {
    const before = await tx.shipment.findUniqueOrThrow({ where: { id: own.id }, select: { status: true } });
    const recorded = await recordTrackingEvent(tx, { shipmentId: own.id, source: "SELLER", kind: update.kind, at: update.at, location: update.location, carrierText: update.note });
    if (!recorded.ok) return recorded;
    await recordAudit(tx, {
      actor,
      action: "shipment.event",
      subjectType: "shipment",
      subjectId: own.id,
      before: { status: before.status },
      after: { status: recorded.status, event: { kind: update.kind, at: update.at.toISOString(), location: update.location, note: update.note } },
    });
    return { ok: true as const, subOrderId: own.subOrderId, status: recorded.status };
  });
}

// ---------------------------------------------------------------- the page

export interface ShipmentLineView {
  orderLineId: string;
  title: string;
  variantName: string;
  sku: string;
  kind: "PHYSICAL" | "DIGITAL";
  ordered: number;
  withdrawn: number;
  shipped: number;
  remaining: number;
}

export interface ShipmentView {
  id: string;
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  trackingUrl: string | null;
  weightGrams: number;
  status: ShipmentStatus;
  statusAt: Date;
  createdAt: Date;
  lines: { orderLineId: string; title: string; variantName: string; sku: string; quantity: number }[];
  events: { id: string; kind: ShipmentStatus; at: Date; location: string | null; carrierText: string | null; source: string }[];
}

export type SubOrderShipments =
  | { ok: true; canShip: boolean; closed: "NOT_PAID" | "ORDER_CLOSED" | null; lines: ShipmentLineView[]; shipments: ShipmentView[] }
  | Failure<never>;

export async function listShipments(viewer: Viewer | null, subOrderId: unknown, db: PrismaClient = getPrisma()): Promise<SubOrderShipments> {
  const auth = sellerOf(viewer);
  if (!auth.ok) return auth;
  if (!isSubOrderId(subOrderId)) return { ok: false, code: "NOT_FOUND" };
  const sub = await db.subOrder.findFirst({
    where: { id: subOrderId, sellerId: auth.sellerId, order: { paidAt: { not: null } } },
    include: {
      order: { select: { status: true, paidAt: true } },
      lines: { orderBy: { id: "asc" } },
      shipments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { lines: true, events: { orderBy: [{ at: "asc" }, { receivedAt: "asc" }] } } },
    },
  });
  if (!sub) return { ok: false, code: "NOT_FOUND" };
  const shipped = new Map<string, number>();
  for (const s of sub.shipments) for (const l of s.lines) shipped.set(l.orderLineId, (shipped.get(l.orderLineId) ?? 0) + l.quantity);
  const lines: ShipmentLineView[] = sub.lines.map((l) => {
    const done = shipped.get(l.id) ?? 0;
    return {
      orderLineId: l.id, title: l.title, variantName: l.variantName, sku: l.sku, kind: l.kind, ordered: l.quantity, withdrawn: l.withdrawnQuantity, shipped: done,
      remaining: remainingOf({ id: l.id, kind: l.kind, quantity: l.quantity, withdrawnQuantity: l.withdrawnQuantity, shipped: done }),
    };
  });
  const byId = new Map(sub.lines.map((l) => [l.id, l]));
  const closed = shippable(sub);
  return {
    ok: true,
    closed,
    canShip: closed === null && lines.some((l) => l.remaining > 0),
    lines,
    shipments: sub.shipments.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      carrierName: findCarrier(s.carrier)?.name ?? s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: trackingUrl(s.carrier, s.trackingNumber),
      weightGrams: s.weightGrams,
      status: s.status,
      statusAt: s.statusAt,
      createdAt: s.createdAt,
      lines: s.lines.map((l) => {
        const line = byId.get(l.orderLineId);
        return { orderLineId: l.orderLineId, title: line?.title ?? "", variantName: line?.variantName ?? "", sku: line?.sku ?? "", quantity: l.quantity };
      }),
      events: s.events.map((e) => ({ id: e.id, kind: e.kind, at: e.at, location: e.location, carrierText: e.carrierText, source: e.source })),
    })),
  };
}

// ---------------------------------------------------------------- documents

export interface ShipmentDocuments {
  shipment: ShipmentView;
  order: SellerOrderDetail;
  /** Units per order line in the sub-order's shipments made before this one. */
  shippedBefore: Map<string, number>;
}

/** One of the seller's shipments with its sub-order as the seller sees it (ship-to decrypted while it is theirs to ship). */
export async function loadShipmentDocuments(viewer: Viewer | null, shipmentId: unknown, db: PrismaClient = getPrisma()): Promise<{ ok: true; documents: ShipmentDocuments; subOrderId: string } | Failure<never>> {
  const auth = sellerOf(viewer);
  if (!auth.ok) return auth;
  if (!isShipmentId(shipmentId)) return { ok: false, code: "NOT_FOUND" };
  const own = await db.shipment.findFirst({ where: { id: shipmentId, subOrder: { sellerId: auth.sellerId } }, select: { subOrderId: true } });
  if (!own) return { ok: false, code: "NOT_FOUND" };
  const [order, listed] = await Promise.all([loadSellerOrder(viewer, own.subOrderId, db), listShipments(viewer, own.subOrderId, db)]);
  if (!order.ok || !listed.ok) return { ok: false, code: "NOT_FOUND" };
  const index = listed.shipments.findIndex((s) => s.id === shipmentId);
  if (index < 0) return { ok: false, code: "NOT_FOUND" };
  const shippedBefore = new Map<string, number>();
  for (const earlier of listed.shipments.slice(0, index)) for (const l of earlier.lines) shippedBefore.set(l.orderLineId, (shippedBefore.get(l.orderLineId) ?? 0) + l.quantity);
  return { ok: true, subOrderId: own.subOrderId, documents: { shipment: listed.shipments[index]!, order: order.order, shippedBefore } };
}

/** The shipment's customs declaration (lib/domain/logistics/customs), filled from the order and its products. */
export async function shipmentCustoms(viewer: Viewer | null, shipmentId: unknown, db: PrismaClient = getPrisma()): Promise<{ ok: true; declaration: CustomsDeclaration; documents: ShipmentDocuments } | Failure<"NO_RATE">> {
  const loaded = await loadShipmentDocuments(viewer, shipmentId, db);
  if (!loaded.ok) return loaded;
  const { shipment, order } = loaded.documents;
  const rows = await db.orderLine.findMany({
    where: { id: { in: shipment.lines.map((l) => l.orderLineId) }, subOrderId: loaded.subOrderId, subOrder: { sellerId: viewer!.seller!.id } },
    include: { order: { select: { pricingDate: true } } },
  });
  const products = await db.product.findMany({
    where: { id: { in: rows.map((r) => r.productId) }, sellerId: viewer!.seller!.id },
    include: { translations: { where: { locale: { in: ["en", order.seller.language] } }, select: { locale: true, title: true } } },
  });
  const productOf = new Map(products.map((p) => [p.id, p]));
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  let toEur;
  try {
    const currency = order.currency;
    if (!isCurrencyCode(currency)) return { ok: false, code: "NO_RATE" };
    const table = await readFxTable(db, rows[0]?.order.pricingDate);
    toEur = crossRate(table, currency, "EUR").rate;
  } catch (error) {
    if (error instanceof MissingRateError) return { ok: false, code: "NO_RATE" };
    throw error;
  }
  const declaration = customsDeclaration({
    sender: { name: order.seller.legalName ?? order.seller.name, address: order.seller.returnAddress, country: order.seller.country },
    addressee: order.shipTo.visible ? { lines: order.shipTo.lines, country: order.shipTo.country, phone: order.shipTo.phone } : { lines: [order.shipTo.masked], country: order.destination, phone: null },
    currency: order.currency,
    grossWeightGrams: shipment.weightGrams,
    toEur,
    lines: shipment.lines.map((l) => {
      const row = rowOf.get(l.orderLineId);
      const product = row ? productOf.get(row.productId) : undefined;
      const title = (locale: string) => product?.translations.find((t) => t.locale === locale)?.title ?? null;
      return {
        titleEn: title("en") ?? row?.title ?? l.title,
        titleSeller: title(order.seller.language),
        hsCode: product?.hsCode ?? null,
        originCountry: product?.originCountry ?? order.seller.country,
        quantity: l.quantity,
        orderedQuantity: row?.quantity ?? l.quantity,
        shippedBefore: loaded.documents.shippedBefore.get(l.orderLineId) ?? 0,
        goodsMinor: row?.goodsMinor ?? 0,
        unitWeightGrams: product?.weightGrams ?? null,
      };
    }),
  });
  return { ok: true, declaration, documents: loaded.documents };
}
