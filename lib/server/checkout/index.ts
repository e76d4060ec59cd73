import "server-only";
import crypto from "node:crypto";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { chargePlan, lockHolds, quoteFingerprint, type ChargePlan, type CheckoutErrorCode } from "@/lib/domain/checkout";
import { ageInDays } from "@/lib/domain/fx";
import { findMarket, type Locale, type MarketDefinition } from "@/lib/domain/markets";
import { isDeliveryService, type DeliveryService } from "@/lib/domain/shipping/options";
import type { Quote, QuoteErrorCode } from "@/lib/domain/trade";
import { serverEnv } from "@/lib/env";
import { isCartId, loadCart, type CartView } from "@/lib/server/cart";
import { getFx } from "@/lib/server/catalogue/queries";
import { openJson, sealJson } from "@/lib/server/crypto/pii";
import { paymentsConfig } from "@/lib/server/payments";
import { checkoutContract, type CheckoutContract } from "@/lib/server/contracts/contract";
import { CONTACT_INPUTS, readContact, type Contact, type ContactError } from "./contact";

/**
 * Checkout before payment: the buyer's contact, address and delivery choices for one
 * cart, kept in a draft (sealed), and the quote they review, locked for a stated time
 * with the rates and rule versions it used. The destination is the country of the
 * address; changing it re-quotes in that market's currency. Nothing the browser posts
 * is trusted but the fields the buyer types and the choices they pick: every amount is
 * computed here.
 */

export type ContactValues = Partial<Record<(typeof CONTACT_INPUTS)[number], string>>;

export interface CheckoutView {
  cartId: string;
  locale: Locale;
  market: MarketDefinition;
  cart: CartView;
  values: ContactValues;
  /** Null until the buyer has submitted the form once. */
  errors: ContactError[] | null;
  contact: Contact | null;
  needsAddress: boolean;
  hasDigital: boolean;
  quote: Quote | null;
  quoteError: QuoteErrorCode | null;
  plan: ChargePlan | null;
  /** The review's guarantee: until when these amounts hold; `token` names this quote in the pay form. */
  lock: { until: Date; token: string; renewed: boolean } | null;
  /** What the locked quote priced (lines, destination, delivery, evidence). */
  fingerprint: string;
  /** The contract of sale the buyer accepts by ordering (null when nothing can be priced). */
  contract: CheckoutContract | null;
  /** Why the buyer cannot pay yet (each shown with its message). */
  blockers: CheckoutErrorCode[];
  testMode: boolean;
  /** The date of the rates used, and whether they are older than the store's limit for a charge. */
  fx: { date: string | null; stale: boolean };
}

export const DRAFT_CONTEXT = (cartId: string) => `checkout-draft:${cartId}:contact`;

function lockMinutes(): number {
  return serverEnv().CARAVAN_QUOTE_LOCK_MINUTES;
}

function deliveryOf(value: unknown): Record<string, DeliveryService> {
  const out: Record<string, DeliveryService> = {};
  if (value && typeof value === "object") {
    for (const [seller, service] of Object.entries(value as Record<string, unknown>)) if (isDeliveryService(service)) out[seller] = service;
  }
  return out;
}

function valuesOf(sealed: string | null, cartId: string): ContactValues {
  if (!sealed) return {};
  try {
    return openJson<ContactValues>(sealed, DRAFT_CONTEXT(cartId));
  } catch {
    return {};
  }
}

/**
 * The review token of a lock: changes whenever a new quote is locked, and says until
 * when the lock it names held ("<until, base 36>.<hash>"), so a refused Pay can tell an
 * expired guarantee from a changed order.
 */
function tokenOf(quotedAt: Date, until: Date, fingerprint: string): string {
  const hash = crypto.createHash("sha256").update(`${quotedAt.toISOString()}|${until.toISOString()}|${fingerprint}`).digest("base64url").slice(0, 22);
  return `${until.getTime().toString(36)}.${hash}`;
}

/** Until when the lock a posted token names held; null for anything that is not a token. */
export function tokenLockEnd(token: unknown): Date | null {
  if (typeof token !== "string") return null;
  const match = /^([0-9a-z]{1,12})\.[A-Za-z0-9_-]{22}$/.exec(token);
  if (!match) return null;
  const ms = parseInt(match[1]!, 36);
  return Number.isSafeInteger(ms) ? new Date(ms) : null;
}

/**
 * The checkout for the buyer's cart: the cart priced for the draft's destination and
 * delivery choices (in checkout mode once the contact is complete), the contact as
 * entered and its errors, and the locked quote. A lock that ran out, or a cart,
 * address or choice that changed, gets a fresh quote and a fresh lock (`renewed`).
 */
export async function loadCheckout(
  cartId: string | undefined,
  locale: Locale,
  fallback: MarketDefinition,
  clock: Clock,
  db: PrismaClient = getPrisma(),
  /** A signed-in buyer's saved default address and email, shown until they type their own (lib/server/account/addresses.ts checkoutPrefill). */
  prefill: { country: string | null; values: ContactValues } | null = null,
): Promise<CheckoutView | null> {
  if (!isCartId(cartId)) return null;
  const draft = await db.checkoutDraft.findUnique({ where: { cartId } });
  // Until the buyer has posted the form once, a saved address decides the country as well as the fields.
  const market = findMarket(draft?.contactSealed ? draft.country : (prefill?.country ?? draft?.country)) ?? fallback;
  const values = draft?.contactSealed ? valuesOf(draft.contactSealed, cartId) : (prefill?.values ?? {});
  const delivery = deliveryOf(draft?.delivery);

  // First pass: what the cart holds, to know whether anything ships.
  const preview = await loadCart(cartId, locale, market, clock, db, { delivery });
  if (!preview || preview.itemCount === 0) return null;
  const lines = preview.parcels.flatMap((p) => p.lines);
  const needsAddress = lines.some((l) => l.product.kind === "PHYSICAL");
  const hasDigital = lines.some((l) => l.product.kind === "DIGITAL");
  const parsed = draft?.contactSealed ? readContact(market.country, values, needsAddress) : null;
  const contact = parsed?.ok ? parsed.contact : null;

  // Priced in checkout mode once the contact gives the location evidence digital goods need.
  const evidence = contact ? { billingCountry: market.country, ...(contact.phoneCountry ? { phoneCountry: contact.phoneCountry } : {}) } : undefined;
  const cart = hasDigital && evidence ? ((await loadCart(cartId, locale, market, clock, db, { delivery, mode: "checkout", evidence })) ?? preview) : preview;

  const fingerprint = quoteFingerprint({
    currency: market.currency,
    destination: market.country,
    lines: cart.parcels.flatMap((p) => p.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, priceMinor: l.unitPrice.original.amountMinor, currency: l.unitPrice.original.currency }))),
    delivery: Object.fromEntries(cart.parcels.map((p) => [p.seller.id, p.delivery.chosen ?? "NONE"])),
    evidence: hasDigital ? [evidence?.billingCountry ?? null, evidence?.phoneCountry ?? null] : [],
  });

  const now = clock.now();
  let quote = cart.quote;
  let lock: CheckoutView["lock"] = null;
  if (quote) {
    const held = draft?.quote && draft.fingerprint === fingerprint && lockHolds(draft.lockedUntil, now) && draft.quotedAt;
    if (held) {
      quote = draft.quote as unknown as Quote;
      lock = { until: draft.lockedUntil!, token: tokenOf(draft.quotedAt!, draft.lockedUntil!, fingerprint), renewed: false };
    } else {
      const until = new Date(now.getTime() + lockMinutes() * 60_000);
      const renewed = Boolean(draft?.quote) && draft?.fingerprint === fingerprint;
      const data = { quote: quote as unknown as Prisma.InputJsonValue, fingerprint, quotedAt: now, lockedUntil: until };
      // Two renders at once (a second tab, a refresh racing a form post) must agree on one lock:
      // only a draft without a live lock for this fingerprint takes a new one; the loser reads the winner's.
      let stored: boolean;
      if (draft) {
        const taken = await db.checkoutDraft.updateMany({
          where: { cartId, OR: [{ fingerprint: null }, { fingerprint: { not: fingerprint } }, { lockedUntil: null }, { lockedUntil: { lte: now } }] },
          data,
        });
        stored = taken.count === 1;
      } else {
        stored = await db.checkoutDraft
          .create({ data: { cartId, country: market.country, delivery, ...data } })
          .then(() => true)
          .catch((error: unknown) => {
            if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
            throw error;
          });
      }
      if (stored) lock = { until, token: tokenOf(now, until, fingerprint), renewed };
      else {
        const winner = await db.checkoutDraft.findUnique({ where: { cartId } });
        if (winner?.quote && winner.quotedAt && winner.lockedUntil && winner.fingerprint === fingerprint && lockHolds(winner.lockedUntil, now)) {
          quote = winner.quote as unknown as Quote;
          lock = { until: winner.lockedUntil, token: tokenOf(winner.quotedAt, winner.lockedUntil, fingerprint), renewed: false };
        }
      }
    }
  }

  const config = paymentsConfig();
  const fx = await getFx();
  const fxDate = quote?.fxRates[0]?.rateDate ?? null;
  const fxAge = ageInDays(fx, now.toISOString().slice(0, 10));
  const fxStale = fxAge > serverEnv().CARAVAN_FX_MAX_AGE_DAYS;

  const blockers: CheckoutErrorCode[] = [];
  // A display in another currency is the buyer's own doing (they changed the ship-to country), not a change to acknowledge.
  const changed = cart.parcels.some((p) => p.lines.some((l) => l.changes.some((c) => !(c.kind === "DISPLAY_PRICE_CHANGED" && c.from.currency !== c.to.currency))));
  if (changed) blockers.push("CART_CHANGED");
  if (quote && quote.restrictions.length > 0) blockers.push("RESTRICTED_ITEM");
  if (cart.parcels.some((p) => p.quoteIndex !== null && !p.seller.paymentAccountId)) blockers.push("SELLER_NOT_PAYABLE");
  if (!quote) blockers.push("QUOTE_FAILED");
  if (fxStale && !config.testMode) blockers.push("FX_RATES_STALE");

  return {
    cartId,
    locale,
    market,
    cart,
    values,
    errors: parsed && !parsed.ok ? parsed.errors : parsed ? [] : null,
    contact,
    needsAddress,
    hasDigital,
    quote,
    quoteError: cart.quoteError,
    plan: quote ? chargePlan(quote) : null,
    lock,
    fingerprint,
    contract: quote ? checkoutContract({ destination: market.country, locale, date: now, parcels: cart.parcels.filter((p) => p.quoteIndex !== null), digitalImmediateSupply: hasDigital ? false : null }) : null,
    blockers,
    testMode: config.testMode,
    fx: { date: fxDate, stale: fxStale },
  };
}

/**
 * Saves what the buyer typed and picked (valid or not, so the form shows it again with
 * its errors): the destination country, the contact fields, and a delivery service per
 * seller. Unknown countries, fields and services are ignored; values are bounded.
 */
export async function saveCheckoutForm(
  cartId: string | undefined,
  form: { country: unknown; fields: Record<string, unknown>; delivery: Record<string, unknown> },
  db: PrismaClient = getPrisma(),
): Promise<{ ok: true } | { ok: false; code: "CART_EMPTY" | "UNSUPPORTED_COUNTRY" }> {
  if (!isCartId(cartId)) return { ok: false, code: "CART_EMPTY" };
  const cart = await db.cart.findUnique({ where: { id: cartId }, select: { id: true } });
  if (!cart) return { ok: false, code: "CART_EMPTY" };
  const draft = await db.checkoutDraft.findUnique({ where: { cartId } });
  const market = typeof form.country === "string" ? findMarket(form.country) : undefined;
  if (form.country !== undefined && form.country !== null && form.country !== "" && !market) return { ok: false, code: "UNSUPPORTED_COUNTRY" };
  const values: ContactValues = { ...valuesOf(draft?.contactSealed ?? null, cartId) };
  let touched = false;
  for (const name of CONTACT_INPUTS) {
    const raw = form.fields[name];
    if (typeof raw === "string") {
      values[name] = raw.slice(0, 300);
      touched = true;
    }
  }
  const delivery = { ...deliveryOf(draft?.delivery) };
  for (const [seller, service] of Object.entries(form.delivery)) {
    if (/^[A-Za-z0-9_-]{1,100}$/.test(seller) && isDeliveryService(service)) delivery[seller] = service;
  }
  const country = market?.country ?? draft?.country;
  if (!country) return { ok: false, code: "UNSUPPORTED_COUNTRY" };
  const contactSealed = touched ? sealJson(values, DRAFT_CONTEXT(cartId)) : (draft?.contactSealed ?? null);
  await db.checkoutDraft.upsert({
    where: { cartId },
    create: { cartId, country, delivery, contactSealed },
    update: { country, delivery, contactSealed },
  });
  return { ok: true };
}
