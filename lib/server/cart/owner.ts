import "server-only";
import crypto from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { planCartSignIn, type CartSignInPlan, type MergeCart } from "@/lib/domain/cart";
import { serverEnv } from "@/lib/env";
import { isSecureRequest } from "@/lib/preferences";
import { currentViewer } from "@/lib/server/auth/viewer";
import { CART_COOKIE, isCartId } from "./index";

/**
 * Carts and accounts. The cart cookie names a cart; a cart an account owns is used only
 * with that account's session, so a browser that kept the cookie after signing out (or
 * was handed it) sees no cart. On sign-in the browser's anonymous cart joins the
 * account's (lib/domain/cart planCartSignIn).
 */

/**
 * The cart the cookie names, if this request may use it: an anonymous cart, or one the
 * signed-in viewer owns. An owned cart without its owner's session is no cart.
 */
export async function usableCartId(cookieValue: string | undefined, headers: Headers, db: PrismaClient = getPrisma()): Promise<string | undefined> {
  if (!isCartId(cookieValue)) return undefined;
  const cart = await db.cart.findUnique({ where: { id: cookieValue }, select: { ownerId: true } });
  if (!cart || cart.ownerId === null) return cookieValue;
  const viewer = await currentViewer(headers);
  return viewer?.userId === cart.ownerId ? cookieValue : undefined;
}

const LINE_FOR_MERGE = { id: true, variantId: true, quantity: true, createdAt: true, seenPriceMinor: true, seenCurrency: true, seenDisplayMinor: true, seenDisplayCurrency: true, variant: { select: { stock: true } } } as const;

type LoadedCart = { id: string; lines: { id: string; variantId: string; quantity: number; createdAt: Date; seenPriceMinor: number; seenCurrency: string; seenDisplayMinor: number; seenDisplayCurrency: string; variant: { stock: number } }[] };

function forMerge(cart: LoadedCart | null): MergeCart | null {
  if (!cart) return null;
  return {
    id: cart.id,
    lines: cart.lines.map((l) => ({
      id: l.id,
      variantId: l.variantId,
      quantity: l.quantity,
      createdAt: l.createdAt,
      stock: l.variant.stock,
      seen: { seenPriceMinor: l.seenPriceMinor, seenCurrency: l.seenCurrency, seenDisplayMinor: l.seenDisplayMinor, seenDisplayCurrency: l.seenDisplayCurrency },
    })),
  };
}

export type CartSignInResult = { kind: CartSignInPlan["kind"] | "KEPT"; cartId: string | null };

/**
 * Signing in with the browser's cart `cookieValue`: claims it, merges it into the
 * account's newest live cart, or points the browser at that cart (see planCartSignIn).
 * A cart the account already owns is kept as it is; a cart another account owns is
 * left alone (the browser is pointed at this account's own cart, if any). Answers the
 * cart the cookie should now name (null: leave the cookie alone). One transaction.
 */
export async function joinCartsOnSignIn(cookieValue: string | undefined, userId: string, clock: Clock, db: PrismaClient = getPrisma()): Promise<CartSignInResult> {
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + serverEnv().CARAVAN_CART_TTL_DAYS * 86_400_000);
  return db.$transaction(async (tx) => {
    const browser = isCartId(cookieValue)
      ? await tx.cart.findFirst({ where: { id: cookieValue, expiresAt: { gt: now } }, select: { id: true, ownerId: true, lines: { select: LINE_FOR_MERGE, orderBy: { createdAt: "asc" } } } })
      : null;
    if (browser && browser.ownerId === userId) return { kind: "KEPT" as const, cartId: browser.id };
    const anonymous = browser && browser.ownerId === null ? browser : null;
    const owned = await tx.cart.findFirst({
      where: { ownerId: userId, expiresAt: { gt: now }, ...(anonymous ? { id: { not: anonymous.id } } : {}) },
      orderBy: { updatedAt: "desc" },
      select: { id: true, lines: { select: LINE_FOR_MERGE, orderBy: { createdAt: "asc" } } },
    });
    const plan = planCartSignIn(forMerge(anonymous), forMerge(owned));
    switch (plan.kind) {
      case "NONE":
        return { kind: plan.kind, cartId: null };
      case "USE_OWNED":
        return { kind: plan.kind, cartId: plan.cartId };
      case "CLAIM":
        // Only if still anonymous: a second sign-in racing this one must not take it for another account.
        await tx.cart.updateMany({ where: { id: plan.cartId, ownerId: null }, data: { ownerId: userId, expiresAt } });
        return { kind: plan.kind, cartId: plan.cartId };
      case "MERGE":
        for (const line of plan.lines) {
          if (line.lineId) await tx.cartLine.update({ where: { id: line.lineId }, data: { quantity: line.quantity, ...line.seen } });
          else await tx.cartLine.create({ data: { id: `line_${crypto.randomBytes(9).toString("base64url")}`, cartId: plan.into, variantId: line.variantId, quantity: line.quantity, ...line.seen } });
        }
        // The browser's cart and its checkout draft go; the account's cart lives on.
        await tx.cart.deleteMany({ where: { id: plan.from, ownerId: null } });
        await tx.checkoutDraft.deleteMany({ where: { cartId: plan.from } });
        await tx.cart.update({ where: { id: plan.into }, data: { expiresAt } });
        return { kind: plan.kind, cartId: plan.into };
    }
  });
}

/** The Set-Cookie value pointing the browser at `cartId`, as the cart's own form sets it. */
export function cartCookie(cartId: string, request: Request): string {
  const parts = [`${CART_COOKIE}=${cartId}`, "Path=/", `Max-Age=${serverEnv().CARAVAN_CART_TTL_DAYS * 86_400}`, "HttpOnly", "SameSite=Lax"];
  if (isSecureRequest(request)) parts.push("Secure");
  return parts.join("; ");
}
