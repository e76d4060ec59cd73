import "server-only";
import crypto from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Clock } from "@/lib/domain/clock";
import { emailKey, parseLookupInput, shipToPlace, type LookupRefusal, type ShipToPlace } from "@/lib/domain/logistics/lookup";
import type { ParcelTimeline } from "@/lib/domain/logistics/timeline";
import { sealText } from "@/lib/server/crypto/pii";
import { isOrderId, orderField, storeSecret } from "@/lib/server/checkout/access";
import { loadOrderTimeline } from "./timeline";
import { subjectKeys } from "@/lib/server/crypto/subjects";

/**
 * The public order lookup: a guest gives the order number and the email used at
 * checkout and sees the order's parcels and their tracking (no payment details, no
 * address beyond city and country). An unknown number and a wrong email are the same
 * answer, NO_MATCHING_ORDER, after the same work: an unknown number opens and compares
 * a dummy sealed email, so neither the answer nor its timing tells whether the number
 * exists. A match gives a short-lived signed token for the result page, so the email
 * never appears in a URL.
 */
export type LookupCode = LookupRefusal | "NO_MATCHING_ORDER";
export type LookupResult = { ok: true; orderId: string; token: string } | { ok: false; code: LookupCode; number: string };

/** How long a lookup's result link works. */
export const LOOKUP_TOKEN_SECONDS = 30 * 60;

const DUMMY_ORDER_ID = "ord_lookup-nobody-00";
let dummySealed: string | undefined;

function sameEmail(a: string, b: string): boolean {
  const x = crypto.createHash("sha256").update(emailKey(a)).digest();
  const y = crypto.createHash("sha256").update(emailKey(b)).digest();
  return crypto.timingSafeEqual(x, y);
}

export async function lookupOrder(input: { number: unknown; email: unknown }, clock: Clock, db: PrismaClient = getPrisma()): Promise<LookupResult> {
  const parsed = parseLookupInput(input);
  if (!parsed.ok) return parsed;
  const order = await db.order.findUnique({ where: { number: parsed.number }, select: { id: true, emailSealed: true } });
  dummySealed ??= sealText("nobody@caravan.invalid", orderField(DUMMY_ORDER_ID, "email"));
  let stored = "";
  try {
    stored = (await subjectKeys().openOrNull(db, order?.emailSealed ?? dummySealed, orderField(order?.id ?? DUMMY_ORDER_ID, "email"))) ?? "";
  } catch {
    stored = ""; // a value sealed under a retired key no longer held: no match (an erased buyer's: none either)
  }
  const matches = sameEmail(stored, parsed.email);
  if (!order || !matches) return { ok: false, code: "NO_MATCHING_ORDER", number: parsed.number };
  return { ok: true, orderId: order.id, token: lookupToken(order.id, clock.now()) };
}

function signature(orderId: string, expires: number): string {
  return crypto.createHmac("sha256", storeSecret()).update(`order-lookup:${orderId}:${expires}`).digest("base64url");
}

/** `<order id>.<expiry, unix seconds>.<HMAC>`: opens the lookup's result for LOOKUP_TOKEN_SECONDS. */
export function lookupToken(orderId: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + LOOKUP_TOKEN_SECONDS;
  return `${orderId}.${expires}.${signature(orderId, expires)}`;
}

/** The order id a token opens, or why not. */
export function openLookupToken(token: unknown, now: Date): { ok: true; orderId: string } | { ok: false; code: "LOOKUP_EXPIRED" } {
  const refused = { ok: false as const, code: "LOOKUP_EXPIRED" as const };
  if (typeof token !== "string" || token.length > 120) return refused;
  const [orderId, expiresText, given, ...more] = token.split(".");
  if (more.length > 0 || !isOrderId(orderId) || !/^\d{1,12}$/.test(expiresText ?? "") || !given) return refused;
  const expires = Number(expiresText);
  const expected = Buffer.from(signature(orderId, expires));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return refused;
  if (expires * 1000 <= now.getTime()) return refused;
  return { ok: true, orderId };
}

/** What the lookup shows: the order's number and state, where it ships to (city and country), and its parcels' tracking. */
export interface LookupView {
  number: string;
  status: "AWAITING_PAYMENT" | "PROCESSING" | "PAID" | "CANCELLED" | "REFUNDED";
  placedAt: Date;
  shipTo: ShipToPlace;
  parcels: { sellerName: string; origin: string; digital: boolean; timeline: ParcelTimeline }[];
}

export async function loadLookupView(token: unknown, clock: Clock, db: PrismaClient = getPrisma()): Promise<{ ok: true; view: LookupView } | { ok: false; code: "LOOKUP_EXPIRED" }> {
  const opened = openLookupToken(token, clock.now());
  if (!opened.ok) return opened;
  const order = await db.order.findUnique({
    where: { id: opened.orderId },
    select: {
      id: true,
      number: true,
      status: true,
      createdAt: true,
      destination: true,
      addressSealed: true,
      subOrders: { orderBy: { position: "asc" }, select: { seller: { select: { name: true, country: true } } } },
    },
  });
  if (!order) return { ok: false, code: "LOOKUP_EXPIRED" };
  let address: Record<string, string> | null = null;
  if (order.addressSealed) {
    try {
      const opened = await subjectKeys().openOrNull(db, order.addressSealed, orderField(order.id, "address"));
      address = opened === null ? null : (JSON.parse(opened) as { address: Record<string, string> | null }).address;
    } catch {
      address = null; // sealed under a retired key no longer held: the country alone
    }
  }
  const timelines = await loadOrderTimeline(order.id, db);
  return {
    ok: true,
    view: {
      number: order.number,
      status: order.status,
      placedAt: order.createdAt,
      shipTo: shipToPlace(address, order.destination),
      parcels: order.subOrders.map((sub, i) => ({
        sellerName: sub.seller.name,
        origin: sub.seller.country,
        digital: timelines[i]?.digital ?? false,
        timeline: timelines[i]?.timeline ?? { shipments: [], notShipped: { sellerEstimate: null } },
      })),
    },
  };
}
