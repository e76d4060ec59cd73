import "server-only";
import crypto from "node:crypto";
import { createTranslator } from "use-intl/core";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { jurisdictionOf, withdrawalRule } from "@/lib/domain/contracts";
import { directionOf, isLocale, type Locale } from "@/lib/domain/markets";
import { chargeStepMinor, money } from "@/lib/domain/money";
import { formatMoney } from "@/lib/domain/money/format";
import { withdrawalRefund, withdrawalWindow, type Window, type WithdrawalRefusal } from "@/lib/domain/withdrawal";
import { accessKeyMatches, orderField, isOrderId } from "@/lib/server/checkout/access";
import { orderLink } from "@/lib/server/checkout/confirmation";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { escapeHtml } from "@/lib/server/mail/escape";
import { sendMail } from "@/lib/server/mail/transport";
import { refundPayment, reverseTransfer } from "@/lib/server/payments";
import { recordAudit } from "@/lib/server/audit";
import { PAYMENTS_ACTOR } from "@/lib/server/checkout/orders";
import { subjectKeys } from "@/lib/server/crypto/subjects";

/**
 * Withdrawal from the contract online ("Withdraw from contract here"): the buyer picks
 * items, confirms in a second step, and gets an acknowledgement with the date and time
 * at once, on screen and by email. Goods come back and are refunded when the seller
 * marks the return received; digital items not yet supplied are refunded at once. Each
 * refund goes back through the payment provider, takes back that seller's share of it,
 * and returns the units to stock, once.
 */
export type WithdrawalError = WithdrawalRefusal | "ORDER_NOT_FOUND" | "INVALID_SELECTION";

export interface WithdrawableItem {
  lineId: string;
  title: string;
  variantName: string;
  kind: "PHYSICAL" | "DIGITAL";
  quantity: number;
  /** Units still open to withdrawal. */
  remaining: number;
  window: Window;
}

export interface WithdrawalOptions {
  orderId: string;
  number: string;
  locale: Locale;
  /** Whether the buyer's jurisdiction gives a right of withdrawal at all. */
  statutory: boolean;
  parcels: { subOrderId: string; sellerName: string; items: WithdrawableItem[] }[];
  withdrawals: { id: string; createdAt: Date; status: string; refundMinor: number; currency: string; items: { title: string; quantity: number }[] }[];
}

async function guestOrder(orderId: unknown, key: unknown, db: PrismaClient) {
  if (!isOrderId(orderId)) return null;
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      subOrders: { orderBy: { position: "asc" }, include: { seller: { select: { name: true } }, lines: { include: { digitalDelivery: { select: { status: true } } } } } },
      withdrawals: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!order || !accessKeyMatches(key, order.accessKeyHash)) return null;
  return order;
}

type GuestOrder = NonNullable<Awaited<ReturnType<typeof guestOrder>>>;

function windows(order: GuestOrder, now: Date) {
  const rule = withdrawalRule(jurisdictionOf(order.destination));
  return order.subOrders.map((sub) => ({
    sub,
    items: sub.lines.map((line) => ({
      line,
      window: order.status !== "PAID"
        ? ({ open: false, reason: "ORDER_NOT_PAID" } as const)
        : withdrawalWindow(rule, {
            kind: line.kind,
            concludedAt: order.paidAt ?? order.createdAt,
            deliveredAt: sub.deliveredAt,
            digitalConsent: order.digitalConsent === true,
            // Digital supply starts when the item is delivered (the download or key made available);
            // a line held back for want of a licence key has not been supplied and may still be withdrawn from.
            digitalSupplied: line.digitalDelivery?.status === "DELIVERED",
            withdrawnQuantity: line.withdrawnQuantity,
            quantity: line.quantity,
          }, now),
    })),
  }));
}

export async function withdrawalOptions(orderId: unknown, key: unknown, clock: Clock, db: PrismaClient = getPrisma()): Promise<WithdrawalOptions | null> {
  const order = await guestOrder(orderId, key, db);
  if (!order) return null;
  const titles = new Map(order.subOrders.flatMap((s) => s.lines.map((l) => [l.id, l.title] as const)));
  return {
    orderId: order.id,
    number: order.number,
    locale: isLocale(order.locale) ? order.locale : "en",
    statutory: withdrawalRule(jurisdictionOf(order.destination)) !== null,
    parcels: windows(order, clock.now()).map(({ sub, items }) => ({
      subOrderId: sub.id,
      sellerName: sub.seller.name,
      items: items.map(({ line, window }) => ({
        lineId: line.id,
        title: line.title,
        variantName: line.variantName,
        kind: line.kind,
        quantity: line.quantity,
        remaining: line.quantity - line.withdrawnQuantity,
        window,
      })),
    })),
    withdrawals: order.withdrawals.map((w) => ({
      id: w.id,
      createdAt: w.createdAt,
      status: w.status,
      refundMinor: w.refundMinor,
      currency: order.currency,
      items: (w.items as { lineId: string; quantity: number }[]).map((i) => ({ title: titles.get(i.lineId) ?? "", quantity: i.quantity })),
    })),
  };
}

export type ConfirmResult = { ok: true; acknowledgedAt: Date; withdrawalIds: string[] } | { ok: false; code: WithdrawalError };

/**
 * The second step, "Confirm withdrawal": the chosen units of each line. `token` is the
 * confirmation form's own: the same confirmation sent twice finds the withdrawals it
 * made (one per seller's parcel) and refunds nothing twice.
 */
export async function confirmWithdrawal(
  orderId: unknown,
  key: unknown,
  input: { token: unknown; items: { lineId: string; quantity: number }[] },
  clock: Clock,
  db: PrismaClient = getPrisma(),
): Promise<ConfirmResult> {
  const order = await guestOrder(orderId, key, db);
  if (!order) return { ok: false, code: "ORDER_NOT_FOUND" };
  if (typeof input.token !== "string" || !/^[A-Za-z0-9_-]{16,64}$/.test(input.token)) return { ok: false, code: "INVALID_SELECTION" };
  const token = input.token;
  const done = order.withdrawals.filter((w) => w.requestToken === token);
  if (done.length > 0) return { ok: true, acknowledgedAt: done[0]!.createdAt, withdrawalIds: done.map((w) => w.id) };

  const chosen = input.items.filter((i) => Number.isInteger(i.quantity) && i.quantity > 0);
  if (chosen.length === 0) return { ok: false, code: "NOTHING_SELECTED" };
  const now = clock.now();
  const all = windows(order, now);
  const bySub = new Map<string, { lineId: string; quantity: number }[]>();
  for (const pick of chosen) {
    const found = all.flatMap(({ sub, items }) => items.map((i) => ({ sub, ...i }))).find((i) => i.line.id === pick.lineId);
    if (!found) return { ok: false, code: "INVALID_SELECTION" };
    if (!found.window.open) return { ok: false, code: found.window.reason };
    if (pick.quantity > found.line.quantity - found.line.withdrawnQuantity) return { ok: false, code: "INVALID_SELECTION" };
    bySub.set(found.sub.id, [...(bySub.get(found.sub.id) ?? []), { lineId: pick.lineId, quantity: pick.quantity }]);
  }

  const ids: string[] = [];
  try {
    await db.$transaction(async (tx) => {
      for (const [subOrderId, items] of bySub) {
        const sub = order.subOrders.find((s) => s.id === subOrderId)!;
        for (const item of items) {
          const taken = await tx.orderLine.updateMany({ where: { id: item.lineId, withdrawnQuantity: { lte: (sub.lines.find((l) => l.id === item.lineId)!.quantity - item.quantity) } }, data: { withdrawnQuantity: { increment: item.quantity } } });
          if (taken.count !== 1) throw new WithdrawnMeanwhile();
        }
        const lines = await tx.orderLine.findMany({ where: { subOrderId } });
        const nonShipping = Math.max(0, sub.dueAtCheckoutMinor - sub.shippingMinor);
        const refund = withdrawalRefund({
          currency: order.currency,
          lines: lines.map((l) => ({
            paidMinor: sub.goodsMinor > 0 ? Math.floor((nonShipping * l.goodsMinor) / sub.goodsMinor) : 0,
            quantity: l.quantity,
            withdrawing: items.find((i) => i.lineId === l.id)?.quantity ?? 0,
          })),
          shippingMinor: sub.shippingMinor,
          standardShippingMinor: sub.standardShippingMinor,
          wholeParcel: lines.every((l) => l.withdrawnQuantity >= l.quantity),
          refundedMinor: sub.refundedMinor,
          chargedMinor: sub.dueAtCheckoutMinor,
        });
        const id = `wdr_${crypto.randomBytes(12).toString("base64url")}`;
        await tx.withdrawal.create({ data: { id, orderId: order.id, subOrderId, requestToken: token, items, refundMinor: refund.amountMinor, createdAt: now } });
        ids.push(id);
      }
    });
  } catch (error) {
    if (error instanceof WithdrawnMeanwhile) return { ok: false, code: "ALREADY_WITHDRAWN" };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = await db.withdrawal.findMany({ where: { orderId: order.id, requestToken: token } });
      return { ok: true, acknowledgedAt: again[0]?.createdAt ?? now, withdrawalIds: again.map((w) => w.id) };
    }
    throw error;
  }

  // Digital items that were never supplied need no return: refund them now.
  for (const id of ids) {
    const w = await db.withdrawal.findUniqueOrThrow({ where: { id }, include: { subOrder: { include: { lines: true } } } });
    const items = w.items as { lineId: string }[];
    if (items.every((i) => w.subOrder.lines.find((l) => l.id === i.lineId)?.kind === "DIGITAL")) await receiveReturn(id, clock, db);
  }
  await sendAcknowledgement(order.id, ids, now, db);
  return { ok: true, acknowledgedAt: now, withdrawalIds: ids };
}

class WithdrawnMeanwhile extends Error {
  override name = "WithdrawnMeanwhile";
}

export type ReceiveResult = { ok: true; refundId: string | null } | { ok: false; code: "NOT_FOUND" | "PAYMENT_UNAVAILABLE" };

/**
 * The seller has the goods back (or nothing had to come back): refund the buyer what the
 * withdrawal computed, take back the seller's part of their transfer, return the units to
 * stock. Claimed by a conditional update; the refund and the reversal carry the
 * withdrawal's id as idempotency key, so a retry after a failure cannot pay twice.
 */
export async function receiveReturn(withdrawalId: string, clock: Clock, db: PrismaClient = getPrisma()): Promise<ReceiveResult> {
  const w = await db.withdrawal.findUnique({ where: { id: withdrawalId }, include: { order: { include: { payments: { where: { status: { in: ["PAID", "PARTIALLY_REFUNDED"] } } } } }, subOrder: { include: { lines: true } } } });
  if (!w) return { ok: false, code: "NOT_FOUND" };
  if (w.status === "REFUNDED") return { ok: true, refundId: w.refundId };
  const now = clock.now();
  if (w.status === "REQUESTED") {
    const claimed = await db.withdrawal.updateMany({ where: { id: w.id, status: "REQUESTED" }, data: { status: "RETURN_RECEIVED", receivedAt: now } });
    if (claimed.count === 1) {
      // The goods are back on the shelf (digital content has no stock to return).
      for (const item of w.items as { lineId: string; quantity: number }[]) {
        const line = w.subOrder.lines.find((l) => l.id === item.lineId);
        if (line?.kind === "PHYSICAL") await db.variant.update({ where: { id: line.variantId }, data: { stock: { increment: item.quantity } } });
      }
    }
  }
  const payment = w.order.payments[0];
  let refundId: string | null = null;
  if (w.refundMinor > 0 && payment?.paymentIntentId) {
    const refund = await refundPayment({ paymentIntentId: payment.paymentIntentId, amount: money(w.refundMinor, w.order.currency), idempotencyKey: `withdrawal:${w.id}`, metadata: { order_id: w.orderId, withdrawal_id: w.id } });
    if (!refund.ok) return { ok: false, code: "PAYMENT_UNAVAILABLE" };
    refundId = refund.refundId;
    const sub = w.subOrder;
    let reversalId: string | null = null;
    if (sub.transferId && sub.transferStatus === "TRANSFERRED") {
      const base = sub.goodsMinor + sub.shippingMinor;
      const part = base > 0 ? Math.min(sub.sellerShareMinor, Math.floor((sub.sellerShareMinor * Math.min(w.refundMinor, base)) / base)) : 0;
      const step = chargeStepMinor(w.order.currency);
      const amount = part - (part % step);
      if (amount > 0) {
        const reversal = await reverseTransfer(sub.transferId, `withdrawal-reversal:${w.id}`, money(amount, w.order.currency));
        if (reversal.ok) reversalId = reversal.reversalId;
      }
    }
    await db.$transaction(async (tx) => {
      // Conditional: a second caller for the same return finds it refunded and records nothing again.
      const moved = await tx.withdrawal.updateMany({ where: { id: w.id, status: { not: "REFUNDED" } }, data: { status: "REFUNDED", refundedAt: now, refundId, reversalId } });
      if (moved.count === 0) return;
      await tx.subOrder.update({ where: { id: sub.id }, data: { refundedMinor: { increment: w.refundMinor } } });
      await tx.payment.update({ where: { id: payment.id }, data: { refundedMinor: { increment: w.refundMinor }, status: "PARTIALLY_REFUNDED" } });
      // Minor units of the order's currency.
      await recordAudit(tx, {
        actor: PAYMENTS_ACTOR, action: "order.refund", subjectType: "subOrder", subjectId: sub.id, reason: null,
        before: { orderId: w.orderId, refundedMinor: sub.refundedMinor, currency: w.order.currency, withdrawalId: w.id },
        after: { orderId: w.orderId, refundedMinor: sub.refundedMinor + w.refundMinor, currency: w.order.currency, withdrawalId: w.id, refundId },
      });
      if (reversalId) {
        await recordAudit(tx, {
          actor: PAYMENTS_ACTOR, action: "transfer.reverse", subjectType: "subOrder", subjectId: sub.id, reason: null,
          before: { transferStatus: sub.transferStatus, transferId: sub.transferId },
          after: { transferStatus: sub.transferStatus, orderId: w.orderId, sellerId: sub.sellerId, withdrawalId: w.id, reversalId },
        });
      }
    });
  } else {
    await db.withdrawal.update({ where: { id: w.id }, data: { status: "REFUNDED", refundedAt: now } });
  }
  return { ok: true, refundId };
}

/** The acknowledgement on a durable medium: an email with the date and time of the withdrawal and what it covers. */
async function sendAcknowledgement(orderId: string, withdrawalIds: string[], at: Date, db: PrismaClient): Promise<void> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { withdrawals: { where: { id: { in: withdrawalIds } } }, lines: true } });
  const locale: Locale = isLocale(order.locale) ? order.locale : "en";
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "withdrawal.mail", timeZone: "UTC" });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(at);
  const items = order.withdrawals.flatMap((w) => (w.items as { lineId: string; quantity: number }[]).map((i) => `${i.quantity} × ${order.lines.find((l) => l.id === i.lineId)?.title ?? ""}`));
  const refund = formatMoney(money(order.withdrawals.reduce((s, w) => s + w.refundMinor, 0), order.currency), locale);
  const lines = [t("greeting"), "", t("received", { number: order.number, when }), "", ...items.map((i) => `• ${i}`), "", t("refund", { amount: refund }), "", t("next"), "", orderLink(order.id, locale)];
  const text = lines.join("\n");
  const html = `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><body>${lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : "")).join("")}</body></html>`;
  const to = await subjectKeys().openOrNull(getPrisma(), order.emailSealed, orderField(order.id, "email"));
  if (to === null) return;
  await sendMail({ to, subject: t("subject", { number: order.number }), text, html, idempotencyKey: `withdrawal-ack:${withdrawalIds.join(",")}` });
}
