/**
 * Digital delivery, without I/O: when a paid digital line is delivered, whether it can
 * be (a licence key per unit when the product has a key pool, a file or a key to give),
 * the signed token of a download link, whether a link may still be used, and the byte
 * range a download asks for.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const HELD_REASONS = ["NO_LICENCE_KEY", "NO_FILE"] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

export type DeliveryOutcome = { status: "DELIVERED" } | { status: "HELD"; reason: HeldReason };

/** Keys a line needs from the pool: one per unit when the product has a pool, else none. */
export function keysNeeded(quantity: number, hasPool: boolean): number {
  return hasPool ? Math.max(0, quantity) : 0;
}

/**
 * Whether a line can be delivered with what it got: every key it needs, and something
 * to give (the file, or keys). A short pool holds the whole line back.
 */
export function deliveryOutcome(input: { needed: number; taken: number; hasFile: boolean }): DeliveryOutcome {
  if (input.taken < input.needed) return { status: "HELD", reason: "NO_LICENCE_KEY" };
  if (!input.hasFile && input.needed === 0) return { status: "HELD", reason: "NO_FILE" };
  return { status: "DELIVERED" };
}

/** Whether delivery is due now: `from` (lib/domain/withdrawal digitalDeliveryFrom) has come. */
export function deliveryDue(from: Date, now: Date): boolean {
  return from.getTime() <= now.getTime();
}

// ---------------------------------------------------------------------------------------
// Download links

const LINK_ID = /^dl_[A-Za-z0-9_-]{22}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;

/** The MAC of a link: HMAC-SHA256 over the link and the order line it belongs to. */
function linkMac(linkId: string, orderLineId: string, secret: string): string {
  return createHmac("sha256", secret).update(`download:${linkId}:${orderLineId}`).digest("base64url");
}

/** The token in a link's URL: `<link id>.<MAC>`; the store can make it again, so it keeps no token. */
export function linkToken(linkId: string, orderLineId: string, secret: string): string {
  return `${linkId}.${linkMac(linkId, orderLineId, secret)}`;
}

/** The link id a token names, or null when it is not shaped like one of the store's tokens. */
export function tokenLinkId(token: unknown): string | null {
  if (typeof token !== "string" || token.length > 100) return null;
  const [id, mac, ...rest] = token.split(".");
  if (rest.length > 0 || !id || !mac || !LINK_ID.test(id) || !MAC.test(mac)) return null;
  return id;
}

/** Whether a token was signed for this link and this order line. */
export function tokenMatches(token: string, linkId: string, orderLineId: string, secret: string): boolean {
  if (tokenLinkId(token) !== linkId) return false;
  const given = Buffer.from(token.slice(linkId.length + 1));
  const expected = Buffer.from(linkMac(linkId, orderLineId, secret));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type LinkState = "USABLE" | "EXPIRED" | "USED_UP";

export function linkState(link: { expiresAt: Date; used: number; maxDownloads: number }, now: Date): LinkState {
  if (link.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  if (link.used >= link.maxDownloads) return "USED_UP";
  return "USABLE";
}

/** A new link's terms: its lifetime in hours and how often it may be used. */
export function linkTerms(now: Date, hours: number, maxDownloads: number): { expiresAt: Date; maxDownloads: number } {
  return { expiresAt: new Date(now.getTime() + hours * 3_600_000), maxDownloads };
}

// ---------------------------------------------------------------------------------------
// Byte ranges (RFC 9110 14.2): one range is served; anything else gets the whole file.

export type RangeAsked = { kind: "full" } | { kind: "partial"; start: number; end: number } | { kind: "unsatisfiable" };

export function parseRange(header: string | null | undefined, size: number): RangeAsked {
  if (!header) return { kind: "full" };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: "full" };
  const [, first, last] = match;
  if (first === "" && last === "") return { kind: "full" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return { kind: "unsatisfiable" };
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return { kind: "full" };
  return { kind: "partial", start, end };
}

/** `Content-Disposition: attachment` with the original name (RFC 6266: an ASCII fallback and `filename*`). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_") || "download";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
