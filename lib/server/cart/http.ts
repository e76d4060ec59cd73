import "server-only";
import type { Clock } from "@/lib/domain/clock";
import type { CartErrorCode } from "@/lib/domain/cart";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { defaultMarketFor, findMarket, isLocale, type Locale, type MarketDefinition } from "@/lib/domain/markets";
import { MARKET_COOKIE } from "@/lib/preferences";
import { readForm } from "@/lib/server/http/form";
import { requestCookie } from "@/lib/server/http/cookies";
import { checkSameOrigin } from "@/lib/server/http/origin";
import { limitRequest } from "@/lib/server/rate-limit";
import { usableCartId } from "./owner";
import { acknowledgeChanges, addToCart, cartItemCount, CART_COOKIE, setLineQuantity } from "./index";

/**
 * POST /api/cart: the cart's form post, the same with and without JavaScript. Fields:
 * `action` (add | update | remove | acknowledge), `variantId` and `quantity` (add),
 * `lineId` and `quantity` (update, remove), `locale`, and the double-submit token.
 * A browser without JavaScript is sent to the cart page (with `?error=CODE` when the
 * change was refused); a script asking for JSON gets the result and the new count.
 */
export type CartPostResult =
  | { kind: "done"; locale: Locale; cartId: string | null; count: number; error: CartErrorCode | null; headers: Record<string, string> }
  | { kind: "refused"; status: 403 | 413 | 429; error: "FORBIDDEN_ORIGIN" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED"; headers: Record<string, string> };

const STATUS: Record<CartErrorCode, number> = {
  CART_NOT_FOUND: 404,
  VARIANT_NOT_FOUND: 404,
  LINE_NOT_FOUND: 404,
  INVALID_QUANTITY: 400,
  OUT_OF_STOCK: 409,
  CART_FULL: 409,
  INVALID_ACTION: 400,
};
export const cartErrorStatus = (code: CartErrorCode) => STATUS[code];

/** The buyer's market: their remembered ship-to country, else their language's default. */
function marketOf(request: Request, locale: Locale): MarketDefinition {
  return findMarket(requestCookie(request, MARKET_COOKIE)) ?? defaultMarketFor(locale);
}

export async function handleCartPost(request: Request, clock: Clock): Promise<CartPostResult> {
  const form = await readForm(request);
  if (!form.ok) return { kind: "refused", status: 413, error: "PAYLOAD_TOO_LARGE", headers: {} };
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return { kind: "refused", status: 403, error: "FORBIDDEN_ORIGIN", headers: {} };
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return { kind: "refused", status: 429, error: "RATE_LIMITED", headers: limit.headers };
  const requestedLocale = form.field("locale");
  const locale: Locale = isLocale(requestedLocale) ? requestedLocale : "en";
  const market = marketOf(request, locale);
  const cartId = await usableCartId(requestCookie(request, CART_COOKIE), request.headers);
  const action = form.field("action");
  const result =
    action === "add"
      ? await addToCart(cartId, { variantId: form.field("variantId"), quantity: form.field("quantity") }, market, clock)
      : action === "update"
        ? await setLineQuantity(cartId, { lineId: form.field("lineId"), quantity: form.field("quantity") }, clock)
        : action === "remove"
          ? await setLineQuantity(cartId, { lineId: form.field("lineId"), quantity: "0" }, clock)
          : action === "acknowledge"
            ? await acknowledgeChanges(cartId, market, clock)
            : ({ ok: false, code: "INVALID_ACTION" } as const);
  const id = result.ok ? result.cartId : (cartId ?? null);
  return {
    kind: "done",
    locale,
    cartId: result.ok ? result.cartId : null,
    count: await cartItemCount(id ?? undefined, clock),
    error: result.ok ? null : result.code,
    headers: limit.headers,
  };
}
