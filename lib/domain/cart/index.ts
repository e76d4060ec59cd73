/**
 * The cart's decisions, without I/O: how much of a variant a buyer may hold, what
 * changed since they added a line (never applied silently), and how lines group into
 * one parcel per seller.
 */
import type { Money } from "@/lib/domain/money";

/** The most of one variant a cart holds, whatever the stock. */
export const MAX_QUANTITY = 99;
/** The most distinct lines a cart holds. */
export const MAX_LINES = 50;

export const CART_ERROR_CODES = [
  "CART_NOT_FOUND",
  "VARIANT_NOT_FOUND",
  "INVALID_QUANTITY",
  "OUT_OF_STOCK",
  "CART_FULL",
  "LINE_NOT_FOUND",
  "INVALID_ACTION",
] as const;
export type CartErrorCode = (typeof CART_ERROR_CODES)[number];

/** A quantity a buyer asked for, as a whole number from 1 to MAX_QUANTITY; anything else is refused. */
export function parseQuantity(raw: unknown): number | null {
  const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  if (!/^\d{1,3}$/.test(text)) return null;
  const quantity = Number(text);
  return quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : null;
}

/** What a line can hold: what was asked, at most the stock and MAX_QUANTITY. */
export function boundedQuantity(requested: number, stock: number): number {
  return Math.max(0, Math.min(requested, stock, MAX_QUANTITY));
}

export const LINE_CHANGES = ["PRICE_CHANGED", "DISPLAY_PRICE_CHANGED", "STOCK_REDUCED", "SOLD_OUT", "UNAVAILABLE"] as const;
export type LineChangeKind = (typeof LINE_CHANGES)[number];

export type LineChange =
  | { kind: "PRICE_CHANGED"; from: Money; to: Money }
  | { kind: "DISPLAY_PRICE_CHANGED"; from: Money; to: Money }
  | { kind: "STOCK_REDUCED"; available: number }
  | { kind: "SOLD_OUT" }
  | { kind: "UNAVAILABLE" };

export interface LineState {
  quantity: number;
  seen: { price: Money; display: Money };
  /** Now: the variant's price, its display in the buyer's currency, its stock; null when no longer sold. */
  current: { price: Money; display: Money | null; stock: number } | null;
}

/**
 * Everything that differs between what the buyer saw and what holds now. A price in
 * the seller's currency that moved is a price change; a display that moved with the
 * same seller price is the exchange rate (or the buyer's currency) changing.
 */
export function lineChanges(line: LineState): LineChange[] {
  const { current, seen } = line;
  if (!current) return [{ kind: "UNAVAILABLE" }];
  const changes: LineChange[] = [];
  const samePrice = current.price.currency === seen.price.currency && current.price.amountMinor === seen.price.amountMinor;
  if (!samePrice) changes.push({ kind: "PRICE_CHANGED", from: seen.price, to: current.price });
  else if (current.display && (current.display.currency !== seen.display.currency || current.display.amountMinor !== seen.display.amountMinor)) {
    changes.push({ kind: "DISPLAY_PRICE_CHANGED", from: seen.display, to: current.display });
  }
  if (current.stock <= 0) changes.push({ kind: "SOLD_OUT" });
  else if (current.stock < line.quantity) changes.push({ kind: "STOCK_REDUCED", available: current.stock });
  return changes;
}

/** The quantity a line keeps once the buyer acknowledges its changes (0: it goes). */
export function acknowledgedQuantity(line: LineState): number {
  if (!line.current) return 0;
  return boundedQuantity(line.quantity, line.current.stock);
}

/** Lines grouped into one parcel per seller, in the order sellers first appear. */
export function groupBySeller<T extends { sellerId: string }>(lines: readonly T[]): { sellerId: string; lines: T[] }[] {
  const parcels = new Map<string, T[]>();
  for (const line of lines) parcels.set(line.sellerId, [...(parcels.get(line.sellerId) ?? []), line]);
  return [...parcels].map(([sellerId, grouped]) => ({ sellerId, lines: grouped }));
}

/** What a line remembers of the price the buyer saw (seller's currency and the display in theirs, minor units). */
export interface SeenPrice {
  seenPriceMinor: number;
  seenCurrency: string;
  seenDisplayMinor: number;
  seenDisplayCurrency: string;
}

export interface MergeLine {
  id: string;
  variantId: string;
  quantity: number;
  createdAt: Date;
  /** The variant's stock now. */
  stock: number;
  seen: SeenPrice;
}

export interface MergeCart {
  id: string;
  lines: readonly MergeLine[];
}

/** A line of the merged cart: an update of the owned cart's line (`lineId`), or a new line there (`lineId` null). */
export interface MergedLine {
  lineId: string | null;
  variantId: string;
  quantity: number;
  seen: SeenPrice;
}

/**
 * What signing in does to the carts: NONE (no cart either side), USE_OWNED (the browser
 * had none: the cookie points at the account's cart), CLAIM (the account had none: the
 * browser's cart becomes the account's), MERGE (both: the browser's lines go into the
 * account's cart, and the browser's cart is deleted).
 */
export type CartSignInPlan =
  | { kind: "NONE" }
  | { kind: "USE_OWNED"; cartId: string }
  | { kind: "CLAIM"; cartId: string }
  | { kind: "MERGE"; into: string; from: string; lines: MergedLine[] };

/**
 * The carts' fate on sign-in. Quantities of a variant in both carts are added, capped
 * by its stock and MAX_QUANTITY; the price the buyer saw is the newer line's (the one
 * added last is what they agreed to most recently). A variant out of stock brings
 * nothing new (the account's own line stays as it was, showing what changed); lines
 * beyond MAX_LINES are left out.
 */
export function planCartSignIn(anonymous: MergeCart | null, owned: MergeCart | null): CartSignInPlan {
  if (!anonymous) return owned ? { kind: "USE_OWNED", cartId: owned.id } : { kind: "NONE" };
  if (!owned) return { kind: "CLAIM", cartId: anonymous.id };
  const byVariant = new Map(owned.lines.map((line) => [line.variantId, line]));
  let count = owned.lines.length;
  const lines: MergedLine[] = [];
  for (const line of anonymous.lines) {
    const mine = byVariant.get(line.variantId);
    const stock = Math.min(line.stock, mine?.stock ?? line.stock);
    if (mine) {
      const quantity = boundedQuantity(mine.quantity + line.quantity, stock);
      if (quantity === 0) continue;
      const seen = line.createdAt.getTime() >= mine.createdAt.getTime() ? line.seen : mine.seen;
      lines.push({ lineId: mine.id, variantId: line.variantId, quantity, seen });
      continue;
    }
    const quantity = boundedQuantity(line.quantity, stock);
    if (quantity === 0 || count >= MAX_LINES) continue;
    count += 1;
    lines.push({ lineId: null, variantId: line.variantId, quantity, seen: line.seen });
  }
  return { kind: "MERGE", into: owned.id, from: anonymous.id, lines };
}
