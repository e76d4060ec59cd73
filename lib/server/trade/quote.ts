import "server-only";
import { pricingDate, type Clock } from "@/lib/domain/clock";
import { getPrisma } from "@/lib/db/client";
import { money } from "@/lib/domain/money";
import { parseLandedCostRequest, productIdsOf, quoteLandedCost, toQuoteInput, type ResolvedProduct } from "@/lib/domain/trade";
import {
  quoteErrorBody,
  quoteResponseBody,
  validationErrorBody,
  type QuoteErrorResponse,
  type QuoteResponse,
  type ValidationErrorResponse,
} from "@/lib/domain/trade/api-response";
import { serverEnv } from "@/lib/env";
import { loadFxTable } from "@/lib/server/catalogue/fx";
import { readJsonBody } from "@/lib/server/http/json-body";
import { limitRequest } from "@/lib/server/rate-limit";
import { tradeProduct } from "./trade-product";

export type LandedCostResponse =
  | { status: 200; body: QuoteResponse }
  | { status: 400; body: ValidationErrorResponse }
  | { status: 422; body: QuoteErrorResponse };

export type LandedCostHttpResponse = (
  | LandedCostResponse
  | { status: 413; body: { error: "PAYLOAD_TOO_LARGE" } }
  | { status: 415; body: { error: "UNSUPPORTED_MEDIA_TYPE" } }
  | { status: 429; body: { error: "RATE_LIMITED" } }
) & { headers: Record<string, string> };

/** Catalogue products referenced by id, priced at their cheapest active variant. */
async function loadProducts(ids: string[]): Promise<Map<string, ResolvedProduct>> {
  if (ids.length === 0) return new Map();
  const products = await getPrisma().product.findMany({
    where: { id: { in: ids }, status: "ACTIVE" },
    select: { id: true, kind: true, hsCode: true, taxCategory: true, fromPriceMinor: true, currency: true, category: { select: { slug: true } } },
  });
  return new Map(
    products.map((p) => [
      p.id,
      tradeProduct({ ...p, categorySlug: p.category.slug }, money(p.fromPriceMinor, p.currency)),
    ]),
  );
}

/**
 * The public landed-cost quote: validate the JSON body (400 with field paths), resolve
 * product references, price with the rules and FX rates of the pricing date (422 when
 * the engine cannot price it: conflicting evidence, no rule in effect, no rate).
 * Reads only; nothing is written.
 */
export async function quoteLandedCostRequest(body: unknown, today: string): Promise<LandedCostResponse> {
  const parsed = parseLandedCostRequest(body);
  if (!parsed.ok) return { status: 400, body: validationErrorBody(parsed.issues) };
  const products = await loadProducts(productIdsOf(parsed.request));
  const converted = toQuoteInput(parsed.request, { today, products, mode: "quote" });
  if (!converted.ok) return { status: 400, body: validationErrorBody(converted.issues) };
  const fx = await loadFxTable(converted.input.date);
  const result = quoteLandedCost(converted.input, { fx });
  if (!result.ok) return { status: 422, body: quoteErrorBody(result.errors) };
  return { status: 200, body: quoteResponseBody(result.quote) };
}

/**
 * The whole HTTP exchange of POST /api/v1/landed-cost: the client's rate limit (429),
 * then the body: JSON only (415), at most CARAVAN_MAX_BODY_BYTES (413), parseable (400),
 * then the quote. Every answer carries the rate-limit headers.
 */
export async function quoteLandedCostHttp(request: Request, clock: Clock): Promise<LandedCostHttpResponse> {
  const limit = await limitRequest(request, "api");
  const headers = limit.headers;
  if (!limit.allowed) return { status: 429, body: { error: "RATE_LIMITED" }, headers };
  const body = await readJsonBody(request, serverEnv().CARAVAN_MAX_BODY_BYTES);
  if (!body.ok) {
    if (body.status === 400) return { status: 400, body: validationErrorBody([{ path: [], code: "INVALID_JSON" }]), headers };
    if (body.status === 413) return { status: 413, body: { error: body.code }, headers };
    return { status: 415, body: { error: body.code }, headers };
  }
  return { ...(await quoteLandedCostRequest(body.value, pricingDate(clock))), headers };
}
