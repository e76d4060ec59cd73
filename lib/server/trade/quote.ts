import "server-only";
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
import { loadFxTable } from "@/lib/server/catalogue/fx";
import { tradeProduct } from "./trade-product";

export type LandedCostResponse =
  | { status: 200; body: QuoteResponse }
  | { status: 400; body: ValidationErrorResponse }
  | { status: 422; body: QuoteErrorResponse };

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
