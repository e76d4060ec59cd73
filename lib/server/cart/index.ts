import "server-only";
import crypto from "node:crypto";
import { getPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/generated/prisma/client";
import { pricingDate, type Clock } from "@/lib/domain/clock";
import {
  acknowledgedQuantity,
  boundedQuantity,
  groupBySeller,
  lineChanges,
  MAX_LINES,
  parseQuantity,
  type CartErrorCode,
  type LineChange,
} from "@/lib/domain/cart";
import { convertMoney, type FxTable } from "@/lib/domain/fx";
import { localizedText, type Locale, type MarketDefinition } from "@/lib/domain/markets";
import { assertCurrency, money, type Money } from "@/lib/domain/money";
import { chosenOption, deliveryOptions, type DeliveryService } from "@/lib/domain/shipping/options";
import { quoteLandedCost, type DigitalEvidence, type Quote, type QuoteErrorCode, type QuoteInput } from "@/lib/domain/trade";
import { serverEnv } from "@/lib/env";
import { priceView, type PriceView } from "@/lib/server/catalogue/pricing";
import { getFx } from "@/lib/server/catalogue/queries";
import { tradeProduct } from "@/lib/server/trade/trade-product";
import { incrementCount } from "@/lib/server/analytics/counts";

/**
 * The buyer's cart, in PostgreSQL: anonymous, identified by a random id that only the
 * buyer's HttpOnly cookie holds (an account claims it later through `ownerId`). Priced
 * in the market's currency, one parcel per seller, each quoted by the trade engine.
 * Nothing that changed since a line was added is applied silently: the line says what
 * changed until the buyer acknowledges it.
 */
export const CART_COOKIE = "caravan_cart";
const CART_ID = /^[A-Za-z0-9_-]{24}$/;
/** Variant and line ids: what the store generates; anything else is no such thing (and never reaches SQL). */
const ROW_ID = /^[A-Za-z0-9_-]{1,100}$/;

export type CartResult<T = undefined> = { ok: true; cartId: string; data: T } | { ok: false; code: CartErrorCode };

export function isCartId(value: unknown): value is string {
  return typeof value === "string" && CART_ID.test(value);
}

function newCartId(): string {
  return crypto.randomBytes(18).toString("base64url");
}

function expiry(clock: Clock): Date {
  return new Date(clock.now().getTime() + serverEnv().CARAVAN_CART_TTL_DAYS * 86_400_000);
}

/** The cart with that id, if it exists and has not expired. */
async function liveCart(db: Pick<PrismaClient, "cart">, cartId: string | undefined, clock: Clock) {
  if (!isCartId(cartId)) return null;
  return db.cart.findFirst({ where: { id: cartId, expiresAt: { gt: clock.now() } }, select: { id: true } });
}

const VARIANT_FOR_CART = {
  id: true,
  sku: true,
  name: true,
  priceMinor: true,
  currency: true,
  stock: true,
  product: { select: { id: true, listed: true, sellerId: true } },
} as const;

function display(fx: FxTable, price: Money, market: MarketDefinition, clock: Clock): Money {
  return priceView(fx, price.amountMinor, price.currency, market.currency, pricingDate(clock)).display;
}

/**
 * Adds a variant (or more of it) to the buyer's cart, creating the cart when there is
 * none; refuses what is not sold, not in stock, or more than stock allows (the line is
 * then filled up to the stock). Remembers the price the buyer saw.
 */
export async function addToCart(
  cartId: string | undefined,
  input: { variantId: unknown; quantity: unknown },
  market: MarketDefinition,
  clock: Clock,
  db: PrismaClient = getPrisma(),
): Promise<CartResult<{ quantity: number }>> {
  const quantity = parseQuantity(input.quantity);
  if (quantity === null) return { ok: false, code: "INVALID_QUANTITY" };
  if (typeof input.variantId !== "string" || !ROW_ID.test(input.variantId)) return { ok: false, code: "VARIANT_NOT_FOUND" };
  const variantId = input.variantId;
  const fx = await getFx();
  return db.$transaction(async (tx) => {
    const variant = await tx.variant.findUnique({ where: { id: variantId }, select: VARIANT_FOR_CART });
    if (!variant || !variant.product.listed) return { ok: false, code: "VARIANT_NOT_FOUND" } as const;
    if (variant.stock <= 0) return { ok: false, code: "OUT_OF_STOCK" } as const;
    const existing = await liveCart(tx, cartId, clock);
    const id = existing?.id ?? newCartId();
    if (existing) await tx.cart.update({ where: { id }, data: { expiresAt: expiry(clock) } });
    else await tx.cart.create({ data: { id, expiresAt: expiry(clock) } });
    const line = await tx.cartLine.findUnique({ where: { cartId_variantId: { cartId: id, variantId } } });
    if (!line && (await tx.cartLine.count({ where: { cartId: id } })) >= MAX_LINES) return { ok: false, code: "CART_FULL" } as const;
    const wanted = boundedQuantity((line?.quantity ?? 0) + quantity, variant.stock);
    const price = money(variant.priceMinor, variant.currency);
    const shown = display(fx, price, market, clock);
    const seen = { seenPriceMinor: price.amountMinor, seenCurrency: price.currency, seenDisplayMinor: shown.amountMinor, seenDisplayCurrency: shown.currency };
    if (line) await tx.cartLine.update({ where: { id: line.id }, data: { quantity: wanted, ...seen } });
    else await tx.cartLine.create({ data: { id: `line_${crypto.randomBytes(9).toString("base64url")}`, cartId: id, variantId, quantity: wanted, ...seen } });
    // The anonymous daily count of add-to-cart actions (README "Analytics without cookies").
    await incrementCount(tx, "carts", variant.product.id, market.country, clock.now());
    return { ok: true, cartId: id, data: { quantity: wanted } } as const;
  });
}

/** Sets a line's quantity (bounded by stock), or removes it with quantity 0. */
export async function setLineQuantity(
  cartId: string | undefined,
  input: { lineId: unknown; quantity: unknown },
  clock: Clock,
  db: PrismaClient = getPrisma(),
): Promise<CartResult<{ quantity: number }>> {
  const remove = input.quantity === "0" || input.quantity === 0;
  const quantity = remove ? 0 : parseQuantity(input.quantity);
  if (quantity === null) return { ok: false, code: "INVALID_QUANTITY" };
  const cart = await liveCart(db, cartId, clock);
  if (!cart) return { ok: false, code: "CART_NOT_FOUND" };
  if (typeof input.lineId !== "string" || !ROW_ID.test(input.lineId)) return { ok: false, code: "LINE_NOT_FOUND" };
  const line = await db.cartLine.findFirst({ where: { id: input.lineId, cartId: cart.id }, include: { variant: { select: { stock: true } } } });
  if (!line) return { ok: false, code: "LINE_NOT_FOUND" };
  if (quantity === 0) {
    await db.cartLine.delete({ where: { id: line.id } });
    return { ok: true, cartId: cart.id, data: { quantity: 0 } };
  }
  const bounded = boundedQuantity(quantity, line.variant.stock);
  if (bounded === 0) return { ok: false, code: "OUT_OF_STOCK" };
  await db.cartLine.update({ where: { id: line.id }, data: { quantity: bounded } });
  await db.cart.update({ where: { id: cart.id }, data: { expiresAt: expiry(clock) } });
  return { ok: true, cartId: cart.id, data: { quantity: bounded } };
}

/**
 * The buyer accepts every change shown in the cart: prices become the ones now shown,
 * quantities what stock allows, lines that can no longer be had are removed.
 */
export async function acknowledgeChanges(cartId: string | undefined, market: MarketDefinition, clock: Clock, db: PrismaClient = getPrisma()): Promise<CartResult> {
  const cart = await liveCart(db, cartId, clock);
  if (!cart) return { ok: false, code: "CART_NOT_FOUND" };
  const fx = await getFx();
  const lines = await db.cartLine.findMany({ where: { cartId: cart.id }, include: { variant: { select: VARIANT_FOR_CART } } });
  await db.$transaction(async (tx) => {
    for (const line of lines) {
      const state = lineState(line, fx, market, clock);
      const keep = acknowledgedQuantity(state);
      if (keep === 0 || !state.current) {
        await tx.cartLine.delete({ where: { id: line.id } });
        continue;
      }
      await tx.cartLine.update({
        where: { id: line.id },
        data: {
          quantity: keep,
          seenPriceMinor: state.current.price.amountMinor,
          seenCurrency: state.current.price.currency,
          seenDisplayMinor: (state.current.display ?? state.current.price).amountMinor,
          seenDisplayCurrency: (state.current.display ?? state.current.price).currency,
        },
      });
    }
  });
  return { ok: true, cartId: cart.id, data: undefined };
}

type LoadedLine = {
  quantity: number;
  seenPriceMinor: number;
  seenCurrency: string;
  seenDisplayMinor: number;
  seenDisplayCurrency: string;
  variant: { priceMinor: number; currency: string; stock: number; product: { listed: boolean } };
};

function lineState(line: LoadedLine, fx: FxTable, market: MarketDefinition, clock: Clock) {
  const price = money(line.variant.priceMinor, line.variant.currency);
  return {
    quantity: line.quantity,
    seen: { price: money(line.seenPriceMinor, line.seenCurrency), display: money(line.seenDisplayMinor, line.seenDisplayCurrency) },
    current: line.variant.product.listed ? { price, display: display(fx, price, market, clock), stock: line.variant.stock } : null,
  };
}

/** How many items the cart holds (for the header); 0 without a live cart. */
export async function cartItemCount(cartId: string | undefined, clock: Clock, db: PrismaClient = getPrisma()): Promise<number> {
  const cart = await liveCart(db, cartId, clock);
  if (!cart) return 0;
  const sum = await db.cartLine.aggregate({ where: { cartId: cart.id }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}

export interface CartLineView {
  id: string;
  variantId: string;
  sku: string;
  variantName: string;
  quantity: number;
  stock: number;
  product: { id: string; slug: string; title: string; contentLocale: string; kind: "PHYSICAL" | "DIGITAL" };
  unitPrice: PriceView;
  changes: LineChange[];
}

export interface DeliveryOptionView {
  service: DeliveryService;
  days: { min: number; max: number };
  /** The option's price in the buyer's currency (the engine converts the chosen one the same way). */
  price: Money;
}

export interface CartParcelView {
  seller: {
    id: string;
    handle: string;
    name: string;
    country: string;
    paymentAccountId: string | null;
    commissionBps: number | null;
    /** As the contract of sale names the seller. */
    legal: { name: string; address: string[]; trader: boolean; returnDays: number; returnShippingPaidBy: string };
  };
  lines: CartLineView[];
  /** Index of this parcel in the quote, when its lines could be quoted. */
  quoteIndex: number | null;
  /** The ids of the quoted lines, in the order of the quote's items. */
  quotedLineIds: string[];
  /** Delivery services for the quoted physical goods (none for a digital-only parcel), and the one priced. */
  delivery: { options: DeliveryOptionView[]; chosen: DeliveryService | null; weightGrams: number };
}

/** What checkout adds to pricing a cart: the buyer's delivery choices, and the checkout mode with its location evidence. */
export interface CartPricing {
  delivery?: Readonly<Record<string, unknown>>;
  mode?: "quote" | "checkout";
  evidence?: DigitalEvidence;
}

export interface CartView {
  id: string;
  currency: string;
  parcels: CartParcelView[];
  itemCount: number;
  quote: Quote | null;
  quoteError: QuoteErrorCode | null;
  /** Some line changed since the buyer saw it: they must acknowledge before going on. */
  needsAcknowledgement: boolean;
  pricingDate: string;
}

/**
 * The cart as the buyer sees it in their market: lines grouped into one parcel per
 * seller, each line with its current price and what changed, and one quote of every
 * parcel that can still be had (regime, duty, VAT/GST, shipping, what is due now and
 * on delivery) under the rules of the clock's pricing date.
 */
export async function loadCart(
  cartId: string | undefined,
  locale: Locale,
  market: MarketDefinition,
  clock: Clock,
  db: PrismaClient = getPrisma(),
  pricing: CartPricing = {},
): Promise<CartView | null> {
  const cart = await liveCart(db, cartId, clock);
  if (!cart) return null;
  const [fx, lines] = await Promise.all([
    getFx(),
    db.cartLine.findMany({
      where: { cartId: cart.id },
      orderBy: { createdAt: "asc" },
      include: {
        variant: {
          include: {
            product: {
              include: {
                translations: { where: { locale } },
                seller: true,
                category: { select: { slug: true } },
              },
            },
          },
        },
      },
    }),
  ]);
  const originals = await db.productTranslation.findMany({
    where: { OR: lines.map((l) => ({ productId: l.variant.product.id, locale: l.variant.product.originalLocale })) },
    select: { productId: true, title: true },
  });
  const originalTitle = new Map(originals.map((t) => [t.productId, t.title]));
  const date = pricingDate(clock);
  // Each line as the page shows it, with what quoting its parcel needs beside it.
  const views = lines.map((line) => {
    const product = line.variant.product;
    const own = product.translations[0];
    const view: CartLineView = {
      id: line.id,
      variantId: line.variantId,
      sku: line.variant.sku,
      variantName: localizedText(line.variant.name, locale, product.originalLocale),
      quantity: line.quantity,
      stock: line.variant.stock,
      product: { id: product.id, slug: product.slug, title: own?.title ?? originalTitle.get(product.id) ?? product.slug, contentLocale: own ? locale : product.originalLocale, kind: product.kind },
      unitPrice: priceView(fx, line.variant.priceMinor, line.variant.currency, market.currency, date),
      changes: lineChanges(lineState(line, fx, market, clock)),
    };
    return { view, sellerId: product.sellerId, trade: product, priceMoney: money(line.variant.priceMinor, line.variant.currency) };
  });

  const groups = groupBySeller(views);
  const parcels: QuoteInput["parcels"][number][] = [];
  const parcelViews: CartParcelView[] = groups.map((group) => {
    const seller = group.lines[0]!.trade.seller;
    const quotable = group.lines.filter((l) => !l.view.changes.some((c) => c.kind === "UNAVAILABLE" || c.kind === "SOLD_OUT"));
    let quoteIndex: number | null = null;
    const weight = quotable.reduce((sum, l) => sum + (l.trade.kind === "DIGITAL" ? 0 : (l.trade.weightGrams ?? 500) * l.view.quantity), 0);
    const options = deliveryOptions(seller.country, market.country, weight);
    const chosen = chosenOption(options, pricing.delivery?.[seller.id]);
    const inBuyerCurrency = (price: Money) => (price.currency === market.currency ? price : convertMoney(fx, price, market.currency).converted);
    if (quotable.length > 0) {
      const shippingEur = chosen?.price ?? money(0, "EUR");
      const shipping = seller.currency === "EUR" ? shippingEur : convertMoney(fx, shippingEur, assertCurrency(seller.currency)).converted;
      quoteIndex = parcels.length;
      parcels.push({
        origin: seller.country,
        shipping,
        ...(seller.incoterm ? { incoterm: seller.incoterm } : {}),
        items: quotable.map((l) => ({
          productId: l.trade.id,
          quantity: Math.min(l.view.quantity, Math.max(1, l.view.stock)),
          ...tradeProduct({ ...l.trade, categorySlug: l.trade.category.slug }, l.priceMoney),
        })),
      });
    }
    return {
      seller: {
        id: seller.id,
        handle: seller.handle,
        name: seller.name,
        country: seller.country,
        paymentAccountId: seller.paymentAccountId,
        commissionBps: seller.commissionBps,
        legal: { name: seller.legalName ?? seller.name, address: seller.legalAddress, trader: seller.trader, returnDays: seller.returnDays, returnShippingPaidBy: seller.returnShippingPaidBy },
      },
      lines: group.lines.map((l) => l.view),
      quoteIndex,
      quotedLineIds: quoteIndex === null ? [] : quotable.map((l) => l.view.id),
      delivery: {
        options: options.map((o) => ({ service: o.service, days: o.days, price: inBuyerCurrency(o.price) })),
        chosen: quotable.length > 0 ? (chosen?.service ?? null) : null,
        weightGrams: weight,
      },
    };
  });

  let quote: Quote | null = null;
  let quoteError: QuoteErrorCode | null = null;
  if (parcels.length > 0) {
    const mode = pricing.mode ?? "quote";
    const result = quoteLandedCost({ destination: market.country, date, currency: market.currency, mode, ...(pricing.evidence ? { evidence: pricing.evidence } : {}), parcels }, { fx });
    if (result.ok) quote = result.quote;
    else quoteError = result.errors[0]?.code ?? "INVALID_AMOUNT";
  }
  return {
    id: cart.id,
    currency: market.currency,
    parcels: parcelViews,
    itemCount: views.reduce((sum, l) => sum + l.view.quantity, 0),
    quote,
    quoteError,
    needsAcknowledgement: views.some((l) => l.view.changes.length > 0),
    pricingDate: date,
  };
}

/** Deletes carts past their expiry; returns how many. */
export async function pruneExpiredCarts(clock: Clock, db: PrismaClient = getPrisma()): Promise<number> {
  const { count } = await db.cart.deleteMany({ where: { expiresAt: { lte: clock.now() } } });
  return count;
}
