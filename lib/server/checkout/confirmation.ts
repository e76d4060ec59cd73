import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { money, type Money } from "@/lib/domain/money";
import { serverEnv } from "@/lib/env";
import { sendMail } from "@/lib/server/mail/transport";
import { renderOrderConfirmation, type OrderConfirmationView } from "@/lib/server/mail/order-confirmation";
import { jurisdictionOf, withdrawalRule } from "@/lib/domain/contracts/jurisdiction";
import { digitalDeliveryFrom } from "@/lib/domain/withdrawal";
import { verifyAcceptance, type AcceptanceRecord } from "@/lib/server/contracts/evidence";
import { accessKeyMatches, orderAccessKey, orderField, isOrderId } from "./access";
import { subjectKeys } from "@/lib/server/crypto/subjects";

/** An order as its buyer sees it (confirmation page and email). */
export interface OrderView {
  id: string;
  number: string;
  status: "AWAITING_PAYMENT" | "PROCESSING" | "PAID" | "CANCELLED" | "REFUNDED";
  locale: Locale;
  destination: string;
  currency: string;
  placedAt: Date;
  testMode: boolean;
  pricingDate: string;
  fxRates: { from: string; to: string; rate: string; rateDate: string }[];
  parcels: {
    sellerName: string;
    origin: string;
    digital: boolean;
    service: "STANDARD" | "EXPRESS" | null;
    deliveryDays: { min: number; max: number } | null;
    incoterm: "DDP" | "DAP";
    regime: string;
    lines: { title: string; variantName: string; quantity: number; total: Money; kind: "PHYSICAL" | "DIGITAL" }[];
    goods: Money;
    shipping: Money;
    duty: Money;
    tax: Money;
    dueAtCheckout: Money;
    dueOnDelivery: Money;
  }[];
  totals: { goods: Money; shipping: Money; duty: Money; tax: Money; rounding: Money; charged: Money; dueOnDelivery: Money };
  shipTo: { lines: string[] } | null;
  /** The terms the buyer accepted and the evidence of it, checked against its signature now. */
  contract: { record: AcceptanceRecord; verified: boolean; problems: string[] } | null;
  /** The buyer's jurisdiction gives a right of withdrawal. */
  withdrawable: boolean;
  /** When digital items may be delivered: at payment with the buyer's consent to immediate supply, else when the withdrawal period ends. */
  digitalAvailableFrom: Date | null;
}

type AddressRecord = { address: Record<string, string> | null; lines: string[]; phone: string };

async function buildView(orderId: string, db: PrismaClient): Promise<(OrderView & { email: string }) | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: { subOrders: { orderBy: { position: "asc" }, include: { seller: { select: { name: true, country: true } }, lines: true } } },
  });
  if (!order) return null;
  const c = order.currency;
  const keys = subjectKeys();
  const opened = order.addressSealed ? await keys.openOrNull(db, order.addressSealed, orderField(order.id, "address")) : null;
  const address = opened === null ? null : (JSON.parse(opened) as AddressRecord);
  const quote = order.quote as unknown as { fxRates?: { from: string; to: string; rate: string; rateDate: string }[] };
  const parcels = order.subOrders.map((sub) => ({
    sellerName: sub.seller.name,
    origin: sub.seller.country,
    digital: sub.lines.every((l) => l.kind === "DIGITAL"),
    service: sub.service === "STANDARD" ? ("STANDARD" as const) : sub.service === "EXPRESS" ? ("EXPRESS" as const) : null,
    deliveryDays: sub.deliveryMinDays != null && sub.deliveryMaxDays != null ? { min: sub.deliveryMinDays, max: sub.deliveryMaxDays } : null,
    incoterm: sub.incoterm === "DAP" ? ("DAP" as const) : ("DDP" as const),
    regime: sub.regime,
    lines: sub.lines.map((l) => ({ title: l.title, variantName: l.variantName, quantity: l.quantity, total: money(l.goodsMinor, c), kind: l.kind })),
    goods: money(sub.goodsMinor, c),
    shipping: money(sub.shippingMinor, c),
    duty: money(sub.dutyMinor, c),
    tax: money(sub.taxMinor, c),
    dueAtCheckout: money(sub.dueAtCheckoutMinor, c),
    dueOnDelivery: money(sub.dueOnDeliveryMinor, c),
  }));
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    locale: isLocale(order.locale) ? order.locale : "en",
    destination: order.destination,
    currency: c,
    placedAt: order.createdAt,
    testMode: order.testMode,
    pricingDate: order.pricingDate,
    fxRates: (quote.fxRates ?? []).map((r) => ({ from: r.from, to: r.to, rate: r.rate, rateDate: r.rateDate })),
    parcels,
    totals: {
      goods: money(order.goodsMinor, c),
      shipping: money(order.shippingMinor, c),
      duty: money(order.dutyMinor, c),
      tax: money(order.taxMinor, c),
      rounding: money(order.roundingMinor, c),
      charged: money(order.totalMinor, c),
      dueOnDelivery: money(order.dueOnDeliveryMinor, c),
    },
    shipTo: address?.address ? { lines: address.lines } : null,
    contract: await contractOf(order.id, db),
    withdrawable: withdrawalRule(jurisdictionOf(order.destination)) !== null,
    digitalAvailableFrom:
      order.digitalConsent === null || !order.paidAt ? null : digitalDeliveryFrom(withdrawalRule(jurisdictionOf(order.destination)), order.paidAt, order.digitalConsent),
    email: (await keys.openOrNull(db, order.emailSealed, orderField(order.id, "email"))) ?? "",
  };
}

async function contractOf(orderId: string, db: PrismaClient): Promise<OrderView["contract"]> {
  const verified = await verifyAcceptance(db, orderId);
  if (verified.ok) return { record: verified.record, verified: true, problems: [] };
  if (!verified.record) return null;
  return { record: verified.record, verified: false, problems: [...verified.problems] };
}

/** The order for a guest holding its key; null for a wrong key or no such order (the same answer, so ids cannot be probed). */
export async function loadOrderForGuest(orderId: unknown, key: unknown, db: PrismaClient = getPrisma()): Promise<OrderView | null> {
  if (!isOrderId(orderId)) return null;
  const order = await db.order.findUnique({ where: { id: orderId }, select: { accessKeyHash: true } });
  if (!order || !accessKeyMatches(key, order.accessKeyHash)) return null;
  return orderViewOf(orderId, db);
}

/**
 * The buyer's view of an order whose access the caller has already settled (the
 * buyer's own order in their account: lib/server/account/orders.ts).
 */
export async function orderViewOf(orderId: string, db: PrismaClient = getPrisma()): Promise<OrderView | null> {
  const view = await buildView(orderId, db);
  if (!view) return null;
  const { email: _email, ...rest } = view;
  void _email;
  return rest;
}

/** The absolute link to a guest's order page. */
export function orderLink(orderId: string, locale: Locale): string {
  return `${serverEnv().CARAVAN_PUBLIC_URL.replace(/\/$/, "")}/${locale}/checkout/complete?order=${orderId}&key=${orderAccessKey(orderId)}`;
}

/**
 * The buyer's confirmation, once per paid order: claimed by a conditional update so
 * concurrent fulfilments send one email; a failed send gives the claim back for the
 * reconciler to try again.
 */
export async function sendOrderConfirmation(orderId: string, clock: Clock, db: PrismaClient = getPrisma()): Promise<boolean> {
  const claimed = await db.order.updateMany({ where: { id: orderId, status: "PAID", confirmationSentAt: null }, data: { confirmationSentAt: clock.now() } });
  if (claimed.count === 0) return false;
  try {
    const view = await buildView(orderId, db);
    if (!view) return false;
    const mail: OrderConfirmationView = {
      locale: view.locale,
      orderNumber: view.number,
      orderUrl: orderLink(view.id, view.locale),
      links: {
        contract: `${serverEnv().CARAVAN_PUBLIC_URL.replace(/\/$/, "")}/api/orders/${view.id}/contract?key=${orderAccessKey(view.id)}&locale=${view.locale}`,
        withdrawal: view.withdrawable ? `${serverEnv().CARAVAN_PUBLIC_URL.replace(/\/$/, "")}/${view.locale}/checkout/withdraw?order=${view.id}&key=${orderAccessKey(view.id)}` : null,
      },
      placedAt: view.placedAt.toISOString(),
      testMode: view.testMode,
      parcels: view.parcels.map((p) => ({
        sellerName: p.sellerName,
        origin: p.origin,
        digital: p.digital,
        service: p.service,
        deliveryDays: p.deliveryDays,
        incoterm: p.incoterm,
        lines: p.lines.map((l) => ({ title: l.title, variantName: l.variantName, quantity: l.quantity, total: l.total })),
        goods: p.goods,
        shipping: p.shipping,
        duty: p.duty,
        tax: p.tax,
        dueAtCheckout: p.dueAtCheckout,
        dueOnDelivery: p.dueOnDelivery,
      })),
      totals: { goods: view.totals.goods, shipping: view.totals.shipping, duty: view.totals.duty, tax: view.totals.tax, charged: view.totals.charged, dueOnDelivery: view.totals.dueOnDelivery },
      shipTo: view.shipTo,
    };
    const rendered = renderOrderConfirmation(mail);
    const sent = await sendMail({ to: view.email, ...rendered, idempotencyKey: `order-confirmation:${orderId}` });
    if (sent.ok) return true;
  } catch {
    // fall through: give the claim back
  }
  await db.order.updateMany({ where: { id: orderId }, data: { confirmationSentAt: null } });
  return false;
}

/**
 * The return from the payment page: the guest's order, brought up to date with the
 * provider first when it is still waiting (the webhook may not have arrived yet), by
 * the same fulfilment the webhook uses. The session must be the order's own.
 */
export async function orderOnReturn(orderId: unknown, key: unknown, sessionId: unknown, clock: Clock, db: PrismaClient = getPrisma()): Promise<OrderView | null> {
  const view = await loadOrderForGuest(orderId, key, db);
  if (!view) return null;
  if (view.status !== "AWAITING_PAYMENT" && view.status !== "PROCESSING") return view;
  const payment = await db.payment.findFirst({
    where: { orderId: view.id, ...(typeof sessionId === "string" && /^cs_[A-Za-z0-9_]{1,200}$/.test(sessionId) ? { sessionId } : {}) },
    orderBy: { createdAt: "desc" },
    select: { sessionId: true },
  });
  if (!payment) return view;
  const { syncPayment } = await import("./fulfil");
  await syncPayment(payment.sessionId, clock, db);
  return loadOrderForGuest(orderId, key, db);
}

export type ContractCheck =
  | { status: 200; body: { ok: true; acceptanceId: string; termsVersionId: string; textSha256: string; acceptedAt: string; signingKeyId: string } }
  | { status: 200; body: { ok: false; problems: string[] } }
  | { status: 404; body: { error: "NOT_FOUND" } };

/**
 * GET /api/orders/{id}/contract/verify?key=: the order's owner checks the acceptance
 * record against its signature and its stored text; every mismatch is named.
 */
export async function checkContractForGuest(orderId: unknown, key: unknown, db: PrismaClient = getPrisma()): Promise<ContractCheck> {
  if (!isOrderId(orderId)) return { status: 404, body: { error: "NOT_FOUND" } };
  const order = await db.order.findUnique({ where: { id: orderId }, select: { accessKeyHash: true } });
  if (!order || !accessKeyMatches(key, order.accessKeyHash)) return { status: 404, body: { error: "NOT_FOUND" } };
  const verified = await verifyAcceptance(db, orderId);
  if (!verified.ok) return { status: 200, body: { ok: false, problems: [...verified.problems] } };
  const r = verified.record;
  return { status: 200, body: { ok: true, acceptanceId: r.id, termsVersionId: r.termsVersionId, textSha256: r.textSha256, acceptedAt: r.acceptedAt.toISOString(), signingKeyId: r.signingKeyId } };
}
