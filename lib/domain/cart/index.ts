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
