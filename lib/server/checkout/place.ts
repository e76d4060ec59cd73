import "server-only";
import crypto from "node:crypto";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { orderNumber, sellerShare, type CheckoutErrorCode } from "@/lib/domain/checkout";
import type { Locale, MarketDefinition } from "@/lib/domain/markets";
import { roundToChargeable } from "@/lib/domain/money";
import type { DeliveryService } from "@/lib/domain/shipping/options";
import { serverEnv } from "@/lib/env";
import { retentionEnd } from "@/lib/domain/privacy/retention";
import { subjectKeys } from "@/lib/server/crypto/subjects";
import { createCheckoutSession, expireSession, type SessionLine } from "@/lib/server/payments";
import { recordAcceptance } from "@/lib/server/contracts/evidence";
import { hashAccessKey, orderAccessKey, orderField } from "./access";
import { loadCheckout, tokenLockEnd, type CheckoutView } from "./index";
import { cancelOrder } from "./orders";
import { syncPayment } from "./fulfil";

/** Names of the charge lines on the provider's payment page, in the buyer's language. */
export interface ChargeLabels {
  goods(title: string, variant: string, quantity: number): string;
  shipping(seller: string, service: DeliveryService): string;
  duty(seller: string): string;
  tax(seller: string): string;
}

export type PlaceResult =
  | { ok: true; kind: "pay"; orderId: string; url: string }
  | { ok: true; kind: "paid"; orderId: string; key: string }
  | { ok: false; code: CheckoutErrorCode };

export class OutOfStockError extends Error {
  override name = "OutOfStockError";
}


/**
 * Pay: the buyer confirms the quote they reviewed (`token`). The server prices again
 * from its own data; if the reviewed quote is no longer the one it would charge (the
 * lock ran out with different amounts, or the cart, address or delivery changed in
 * another tab) nothing is charged and the buyer reviews the new one. Otherwise, in one
 * transaction: the order with one sub-order per seller, and the stock, reserved by a
 * conditional decrement (never below zero). Then, outside any transaction, the
 * provider's payment session (idempotent on the order id), whose page the buyer is
 * sent to. A cart that already has an open order for the same quote gets that order's
 * session again: one order, one payment, however often Pay is pressed.
 */
export async function placeOrder(
  cartId: string | undefined,
  input: {
    token: unknown;
    locale: Locale;
    fallback: MarketDefinition;
    origin: string;
    labels: ChargeLabels;
    /** The buyer's acceptance of the terms shown: the box ticked, the SHA-256 of the text the page showed, the digital consent. */
    acceptance: { accepted: boolean; textSha256: unknown; digitalConsent: boolean };
    /** Who pressed Pay, for the acceptance record. */
    client: { ip: string | null; userAgent: string | null };
    /** The signed-in account placing the order (its orders page lists it); absent for a guest. */
    userId?: string | null;
  },
  clock: Clock,
  db: PrismaClient = getPrisma(),
): Promise<PlaceResult> {
  const view = await loadCheckout(cartId, input.locale, input.fallback, clock, db);
  if (!view) return { ok: false, code: "CART_EMPTY" };
  const now = clock.now();

  const open = await db.order.findUnique({ where: { openCartId: view.cartId }, include: { payments: { where: { status: "OPEN" } } } });
  if (open) {
    const payment = open.payments[0];
    if (payment && payment.url && open.fingerprint === view.fingerprint && payment.expiresAt > now) return { ok: true, kind: "pay", orderId: open.id, url: payment.url };
    // The buyer changed something: the old session must end before a new order can take its place.
    if (payment) {
      const ended = await expireSession(payment.sessionId);
      if (!ended.ok) return { ok: false, code: "PAYMENT_UNAVAILABLE" };
      if (ended.status === "complete") {
        await syncPayment(payment.sessionId, clock, db);
        return { ok: true, kind: "paid", orderId: open.id, key: orderAccessKey(open.id) };
      }
    }
    await cancelOrder(open.id, now, db);
  }

  if (view.errors === null || view.errors.length > 0 || !view.contact) return { ok: false, code: "INVALID_ADDRESS" };
  if (view.blockers.length > 0) return { ok: false, code: view.blockers[0]! };
  if (!view.quote || !view.plan || !view.lock) return { ok: false, code: "QUOTE_FAILED" };
  if (input.token !== view.lock.token) {
    const reviewedUntil = tokenLockEnd(input.token);
    return { ok: false, code: view.lock.renewed || (reviewedUntil !== null && reviewedUntil <= now) ? "QUOTE_EXPIRED" : "QUOTE_CHANGED" };
  }

  if (!input.acceptance.accepted) return { ok: false, code: "TERMS_NOT_ACCEPTED" };
  // The terms the page showed must be the terms in force now, for this order's sellers.
  if (!view.contract || input.acceptance.textSha256 !== view.contract.sha256) return { ok: false, code: "QUOTE_CHANGED" };

  const orderId = `ord_${crypto.randomBytes(12).toString("base64url")}`;
  const lockedUntil = new Date(now.getTime() + serverEnv().CARAVAN_QUOTE_LOCK_MINUTES * 60_000 + 60_000);
  for (let attempt = 0; ; attempt++) {
    try {
      await createOrder(orderId, view, lockedUntil, db, { ...input.acceptance, ...input.client, acceptedAt: now }, input.userId ?? null);
      break;
    } catch (error) {
      if (error instanceof OutOfStockError) return { ok: false, code: "OUT_OF_STOCK" };
      if (error instanceof Prisma.PrismaClientKnownRequestError) {
        const target = JSON.stringify(error.meta?.target ?? "");
        // Another order took the same number between the check and the insert: draw again.
        if (error.code === "P2002" && target.includes("number") && attempt < 3) continue;
        // The cart already has an open order: a concurrent Pay for it won.
        if (error.code === "P2002") return waitForOpenOrder(view.cartId, db);
        // No connection or transaction to be had in time: nothing was written, nothing charged.
        if (error.code === "P2028" || error.code === "P2024") return { ok: false, code: "SERVICE_BUSY" };
      }
      throw error;
    }
  }

  const key = orderAccessKey(orderId);
  const base = `${input.origin}/${input.locale}/checkout`;
  const session = await createCheckoutSession({
    orderId,
    orderNumber: (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } })).number,
    currency: view.market.currency,
    lines: sessionLines(view, input.labels),
    email: view.contact.email,
    locale: input.locale,
    successUrl: `${base}/complete?order=${orderId}&key=${key}&session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${base}?cancelled=1`,
    expiresAt: lockedUntil,
  });
  if (!session.ok) {
    await cancelOrder(orderId, now, db);
    return { ok: false, code: "PAYMENT_UNAVAILABLE" };
  }
  await db.payment.create({
    data: {
      id: `pay_${crypto.randomBytes(12).toString("base64url")}`,
      orderId,
      sessionId: session.session.id,
      url: session.session.url,
      amountMinor: view.plan.total.amountMinor,
      currency: view.plan.total.currency,
      expiresAt: session.session.expiresAt,
    },
  });
  return { ok: true, kind: "pay", orderId, url: session.session.url };
}

/** A concurrent Pay for the same cart created the order first: send this one to its session. */
async function waitForOpenOrder(cartId: string, db: PrismaClient): Promise<PlaceResult> {
  for (let i = 0; i < 40; i++) {
    const open = await db.order.findUnique({ where: { openCartId: cartId }, include: { payments: { where: { status: "OPEN" } } } });
    if (!open) break;
    const url = open.payments[0]?.url;
    if (url) return { ok: true, kind: "pay", orderId: open.id, url };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { ok: false, code: "QUOTE_CHANGED" };
}

function sessionLines(view: CheckoutView, labels: ChargeLabels): SessionLine[] {
  const plan = view.plan!;
  return plan.lines.map((line) => {
    const parcel = view.cart.parcels.find((p) => p.quoteIndex === line.parcelIndex)!;
    const seller = parcel.seller.name;
    switch (line.kind) {
      case "GOODS": {
        const cartLine = parcel.lines.find((l) => l.id === parcel.quotedLineIds[line.itemIndex!])!;
        return { name: labels.goods(cartLine.product.title, cartLine.variantName, cartLine.quantity), amount: line.amount };
      }
      case "SHIPPING":
        return { name: labels.shipping(seller, parcel.delivery.chosen ?? "STANDARD"), amount: line.amount };
      case "DUTY":
        return { name: labels.duty(seller), amount: line.amount };
      case "TAX":
        return { name: labels.tax(seller), amount: line.amount };
    }
  });
}

interface AcceptanceFacts {
  digitalConsent: boolean;
  ip: string | null;
  userAgent: string | null;
  acceptedAt: Date;
}

async function createOrder(orderId: string, view: CheckoutView, lockedUntil: Date, db: PrismaClient, acceptance: AcceptanceFacts, userId: string | null): Promise<void> {
  const quote = view.quote!;
  const plan = view.plan!;
  const contact = view.contact!;
  const currency = view.market.currency;
  const defaultBps = serverEnv().CARAVAN_COMMISSION_BPS;
  const parcels = view.cart.parcels.filter((p) => p.quoteIndex !== null);

  const keys = subjectKeys();
  // Signed in: the order belongs to the account's holder, whatever address it is mailed to.
  const account = userId ? await db.user.findUnique({ where: { id: userId }, select: { subjectId: true } }) : null;
  const subjectId = account?.subjectId ?? (await keys.subjectForEmail(db, contact.email));
  const emailSealed = await keys.sealFor(db, subjectId, contact.email, orderField(orderId, "email"));
  const addressSealed = await keys.sealJsonFor(db, subjectId, { address: contact.address, lines: contact.lines, phone: contact.phone }, orderField(orderId, "address"));
  await db.$transaction(async (tx) => {
    let number = "";
    for (let attempt = 0; attempt < 5; attempt++) {
      number = orderNumber(crypto.randomBytes(8));
      if (!(await tx.order.findUnique({ where: { number }, select: { id: true } }))) break;
    }
    await tx.order.create({
      data: {
        id: orderId,
        number,
        cartId: view.cartId,
        openCartId: view.cartId,
        locale: view.locale,
        destination: view.market.country,
        currency,
        emailSealed,
        addressSealed,
        subjectId,
        retainUntil: retentionEnd(acceptance.acceptedAt),
        quote: quote as unknown as Prisma.InputJsonValue,
        fingerprint: view.fingerprint,
        pricingDate: quote.date,
        lockedUntil,
        goodsMinor: plan.parcels.reduce((s, p) => s + p.goods.amountMinor, 0),
        shippingMinor: plan.parcels.reduce((s, p) => s + p.shipping.amountMinor, 0),
        dutyMinor: plan.parcels.reduce((s, p) => s + p.duty.amountMinor, 0),
        taxMinor: plan.parcels.reduce((s, p) => s + p.tax.amountMinor, 0),
        roundingMinor: plan.rounding.amountMinor,
        totalMinor: plan.total.amountMinor,
        dueOnDeliveryMinor: plan.dueOnDelivery.amountMinor,
        testMode: view.testMode,
        accessKeyHash: hashAccessKey(orderAccessKey(orderId)),
        digitalConsent: view.hasDigital ? acceptance.digitalConsent : null,
        userId,
      },
    });
    // The evidence of what the buyer accepted, in the same transaction as the order it belongs to.
    const contract = view.contract!;
    await recordAcceptance(tx, {
      orderId,
      termsVersionId: contract.rendered.termsVersionId,
      text: contract.rendered.text,
      locale: contract.rendered.locale,
      jurisdiction: contract.rendered.jurisdiction,
      acceptedAt: acceptance.acceptedAt,
      ip: acceptance.ip,
      userAgent: acceptance.userAgent,
      totals: { currency, chargedMinor: plan.total.amountMinor, dueOnDeliveryMinor: plan.dueOnDelivery.amountMinor },
      consents: { terms: true, digitalImmediateSupply: view.hasDigital ? acceptance.digitalConsent : null },
      subjectId,
    });
    for (const parcel of parcels) {
      const index = parcel.quoteIndex!;
      const quoted = quote.parcels[index]!;
      const charge = plan.parcels.find((p) => p.parcelIndex === index)!;
      const option = parcel.delivery.options.find((o) => o.service === parcel.delivery.chosen);
      const bps = parcel.seller.commissionBps ?? defaultBps;
      const { commission, share } = sellerShare(charge, bps);
      const subOrderId = `sub_${crypto.randomBytes(12).toString("base64url")}`;
      await tx.subOrder.create({
        data: {
          id: subOrderId,
          orderId,
          sellerId: parcel.seller.id,
          position: index,
          service: parcel.delivery.chosen,
          deliveryMinDays: option?.days.min ?? null,
          deliveryMaxDays: option?.days.max ?? null,
          incoterm: quoted.incoterm,
          regime: quoted.regime,
          goodsMinor: charge.goods.amountMinor,
          shippingMinor: charge.shipping.amountMinor,
          standardShippingMinor: Math.min(charge.shipping.amountMinor, roundToChargeable(parcel.delivery.options.find((o) => o.service === "STANDARD")?.price ?? charge.shipping).amountMinor),
          dutyMinor: charge.duty.amountMinor,
          taxMinor: charge.tax.amountMinor,
          dueAtCheckoutMinor: charge.charged.amountMinor,
          dueOnDeliveryMinor: charge.dueOnDelivery.amountMinor,
          commissionBps: bps,
          commissionMinor: commission.amountMinor,
          sellerShareMinor: share.amountMinor,
          paymentAccountId: parcel.seller.paymentAccountId!,
        },
      });
      const lines = parcel.quotedLineIds.map((lineId, itemIndex) => {
        const line = parcel.lines.find((l) => l.id === lineId)!;
        const q = quoted.lines.find((l) => l.itemIndex === itemIndex)!;
        return {
          id: `oln_${crypto.randomBytes(12).toString("base64url")}`,
          orderId,
          subOrderId,
          variantId: line.variantId,
          productId: line.product.id,
          sku: line.sku,
          title: line.product.title,
          variantName: line.variantName,
          kind: line.product.kind,
          quantity: line.quantity,
          unitPriceMinor: line.unitPrice.original.amountMinor,
          unitCurrency: line.unitPrice.original.currency,
          goodsMinor: q.goods.amountMinor,
          dutyMinor: q.duty.amountMinor,
          taxMinor: q.tax.amountMinor,
          totalMinor: q.total.amountMinor,
        };
      });
      await tx.orderLine.createMany({ data: lines });
      for (const line of lines) {
        // The conditional decrement: stock never goes below zero, and a short line fails the whole order.
        const taken = await tx.$executeRaw`UPDATE "Variant" SET "stock" = "stock" - ${line.quantity} WHERE "id" = ${line.variantId} AND "stock" >= ${line.quantity}`;
        if (taken !== 1) throw new OutOfStockError(line.variantId);
        await tx.stockReservation.create({
          data: { id: `res_${crypto.randomBytes(12).toString("base64url")}`, orderId, variantId: line.variantId, quantity: line.quantity, expiresAt: lockedUntil },
        });
      }
    }
  }, { maxWait: 10_000, timeout: 20_000 });
}
