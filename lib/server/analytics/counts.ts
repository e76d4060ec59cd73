import "server-only";
import { getPrisma } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Clock } from "@/lib/domain/clock";
import { countDay, isBot, MAX_VIEW_BODY, optedOut, parseViewBody, type ViewBodyErrorCode } from "@/lib/domain/analytics/counts";
import { defaultMarketFor, findMarket, isLocale } from "@/lib/domain/markets";
import { LOCALE_COOKIE, MARKET_COOKIE } from "@/lib/preferences";
import { requestCookie } from "@/lib/server/http/cookies";
import { limitRequest } from "@/lib/server/rate-limit";

/**
 * Daily product counts (ProductDayStat): one row per product, UTC day and destination
 * country, holding two numbers. No address, user agent, identifier or cookie is kept
 * or set; see README "Analytics without cookies".
 */
type Db = Pick<Prisma.TransactionClient, "$executeRaw">;

/** Adds one view or one add-to-cart to the product's row for that day and country (one statement, safe under concurrency). */
export async function incrementCount(db: Db, kind: "views" | "carts", productId: string, country: string, at: Date): Promise<void> {
  const day = countDay(at);
  const views = kind === "views" ? 1 : 0;
  const carts = kind === "carts" ? 1 : 0;
  await db.$executeRaw`
    INSERT INTO "ProductDayStat" ("productId", "day", "country", "views", "carts")
    VALUES (${productId}, ${day}::date, ${country}, ${views}, ${carts})
    ON CONFLICT ("productId", "day", "country")
    DO UPDATE SET "views" = "ProductDayStat"."views" + ${views}, "carts" = "ProductDayStat"."carts" + ${carts}`;
}

/** The visitor's destination: their remembered ship-to country, else their language's default market. */
export function countryOf(request: Request): string {
  const locale = requestCookie(request, LOCALE_COOKIE);
  return (findMarket(requestCookie(request, MARKET_COOKIE)) ?? defaultMarketFor(isLocale(locale) ? locale : "en")).country;
}

export type ViewOutcome =
  | { status: 204; counted: boolean; headers: Record<string, string> }
  | { status: 400; code: ViewBodyErrorCode; headers: Record<string, string> }
  | { status: 429; code: "RATE_LIMITED"; headers: Record<string, string> };

/**
 * POST /api/events/view: the product page's beacon. The client's rate limit (429), then
 * the body (400 with a code when it is not a listed product, nothing written). Bots and
 * visitors who send `DNT: 1` or `Sec-GPC: 1` get 204 and are not counted.
 */
export async function recordView(request: Request, clock: Clock, db: PrismaClient = getPrisma()): Promise<ViewOutcome> {
  const limit = await limitRequest(request, "api");
  if (!limit.allowed) return { status: 429, code: "RATE_LIMITED", headers: limit.headers };
  const text = await boundedText(request);
  const body = text === null ? ({ ok: false, code: "INVALID_BODY" } as const) : parseViewBody(text);
  if (!body.ok) return { status: 400, code: body.code, headers: limit.headers };
  const product = await db.product.findFirst({ where: { id: body.productId, listed: true }, select: { id: true } });
  if (!product) return { status: 400, code: "PRODUCT_NOT_FOUND", headers: limit.headers };
  if (isBot(request.headers.get("user-agent")) || optedOut(request.headers)) return { status: 204, counted: false, headers: limit.headers };
  await incrementCount(db, "views", product.id, countryOf(request), clock.now());
  return { status: 204, counted: true, headers: limit.headers };
}

/** The request's body as text, or null when it is larger than a beacon's. */
async function boundedText(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_VIEW_BODY) return null;
  try {
    const text = await request.text();
    return text.length > MAX_VIEW_BODY ? null : text;
  } catch {
    return null;
  }
}
