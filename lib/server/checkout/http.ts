import "server-only";
import { createTranslator } from "use-intl/core";
import type { Clock } from "@/lib/domain/clock";
import type { CheckoutErrorCode } from "@/lib/domain/checkout";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { defaultMarketFor, findMarket, isLocale, type Locale } from "@/lib/domain/markets";
import { MARKET_COOKIE } from "@/lib/preferences";
import { CART_COOKIE } from "@/lib/server/cart";
import { usableCartId } from "@/lib/server/cart/owner";
import { requestCookie } from "@/lib/server/http/cookies";
import { readForm } from "@/lib/server/http/form";
import { checkSameOrigin, requestOrigin } from "@/lib/server/http/origin";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { limitRequest } from "@/lib/server/rate-limit";
import { clientAddress } from "@/lib/server/http/client-address";
import { serverEnv } from "@/lib/env";
import { currentViewer } from "@/lib/server/auth/viewer";
import { CONTACT_INPUTS } from "./contact";
import { saveCheckoutForm } from "./index";
import { placeOrder, type ChargeLabels } from "./place";

/**
 * POST /api/checkout: the checkout form, the same with and without JavaScript.
 * `intent=update` saves the contact, address, country and delivery choices and shows
 * the checkout again (re-quoted); `intent=pay` saves them too, then places the order
 * and sends the buyer to the payment page. Refusals come back as `?error=CODE`, which
 * the page translates; a script asking for JSON gets `{ ok, code, redirect }`.
 */
export type CheckoutPostResult =
  | { kind: "redirect"; location: string; error: CheckoutErrorCode | null; headers: Record<string, string> }
  | { kind: "refused"; status: 403 | 413 | 429; error: "FORBIDDEN_ORIGIN" | "PAYLOAD_TOO_LARGE" | "RATE_LIMITED"; headers: Record<string, string> };

const SELLER_ID = /^[A-Za-z0-9_-]{1,100}$/;

function labelsFor(locale: Locale): ChargeLabels {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "checkout.charge", timeZone: "UTC" });
  return {
    goods: (title, variant, quantity) => t("goods", { title: variant ? `${title} · ${variant}` : title, quantity }),
    shipping: (seller, service) => t("shipping", { seller, service }),
    duty: (seller) => t("duty", { seller }),
    tax: (seller) => t("tax", { seller }),
  };
}

export async function handleCheckoutPost(request: Request, clock: Clock): Promise<CheckoutPostResult> {
  const form = await readForm(request);
  if (!form.ok) return { kind: "refused", status: 413, error: "PAYLOAD_TOO_LARGE", headers: {} };
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return { kind: "refused", status: 403, error: "FORBIDDEN_ORIGIN", headers: {} };
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return { kind: "refused", status: 429, error: "RATE_LIMITED", headers: limit.headers };
  const headers = limit.headers;
  const requested = form.field("locale");
  const locale: Locale = isLocale(requested) ? requested : "en";
  const page = `/${locale}/checkout`;
  const back = (error: CheckoutErrorCode | null) => ({ kind: "redirect" as const, location: error ? `${page}?error=${error}` : page, error, headers });

  const intent = form.field("intent");
  if (intent !== "update" && intent !== "pay") return back("INVALID_ACTION");
  const cartId = await usableCartId(requestCookie(request, CART_COOKIE), request.headers);
  const fields: Record<string, unknown> = {};
  for (const name of CONTACT_INPUTS) {
    const value = form.field(name);
    if (value !== null) fields[name] = value;
  }
  const delivery: Record<string, unknown> = {};
  for (const seller of (form.field("sellers") ?? "").split(",").slice(0, 50)) {
    if (SELLER_ID.test(seller)) delivery[seller] = form.field(`delivery_${seller}`);
  }
  try {
    const saved = await saveCheckoutForm(cartId, { country: form.field("country"), fields, delivery });
    if (!saved.ok) return back(saved.code);
    if (intent === "update") return back(null);

    const fallback = findMarket(requestCookie(request, MARKET_COOKIE)) ?? defaultMarketFor(locale);
    const placed = await placeOrder(
      cartId,
      {
        token: form.field("quote"),
        locale,
        fallback,
        origin: requestOrigin(request),
        labels: labelsFor(locale),
        acceptance: { accepted: form.field("accept") === "yes", textSha256: form.field("terms"), digitalConsent: form.field("digitalConsent") === "yes" },
        client: { ip: clientAddress(request.headers, serverEnv().CARAVAN_TRUST_PROXY), userAgent: request.headers.get("user-agent")?.slice(0, 500) ?? null },
        userId: (await currentViewer(request.headers))?.userId ?? null,
      },
      clock,
    );
    if (!placed.ok) return back(placed.code);
    if (placed.kind === "paid") return { kind: "redirect", location: `${page}/complete?order=${placed.orderId}&key=${placed.key}`, error: null, headers };
    return { kind: "redirect", location: placed.url, error: null, headers };
  } catch (error) {
    // The database gave out mid-request: every write is transactional, nothing was charged. Say so, in the buyer's language.
    console.error(JSON.stringify({ level: "error", message: "checkout post failed", error: error instanceof Error ? error.name : "unknown" }));
    return back("SERVICE_BUSY");
  }
}
