import "server-only";
import { convertMoney, type FxTable } from "@/lib/domain/fx";
import type { MarketDefinition } from "@/lib/domain/markets";
import { assertCurrency } from "@/lib/domain/money";
import { estimateShippingEur } from "@/lib/domain/shipping/estimate";
import { quoteLandedCost, type Quote, type QuoteErrorCode, type QuoteInput } from "@/lib/domain/trade";
import { pricingDate, type Clock } from "@/lib/domain/clock";
import type { ProductDetail } from "@/lib/server/catalogue/entities";
import { tradeProduct } from "./trade-product";

export type ProductDelivery =
  | { ok: true; quote: Quote }
  | { ok: false; code: QuoteErrorCode | undefined };

/**
 * What one unit of the product's cheapest option costs delivered to the buyer's
 * market: the seller's price, an estimated shipping charge, duty and VAT/GST under the
 * rules in force on the clock's pricing date. The same engine will price the cart.
 */
export function productDeliveryInput(product: ProductDetail, market: MarketDefinition, fx: FxTable, clock: Clock): QuoteInput {
  const cheapest = product.variants.reduce((a, b) => (b.price.original.amountMinor < a.price.original.amountMinor ? b : a));
  const weight = product.kind === "DIGITAL" ? 0 : (product.weightGrams ?? 500);
  const shippingEur = estimateShippingEur(product.seller.country, market.country, weight);
  const shipping =
    product.seller.currency === "EUR"
      ? shippingEur
      : convertMoney(fx, shippingEur, assertCurrency(product.seller.currency)).converted;
  return {
    destination: market.country,
    date: pricingDate(clock),
    currency: market.currency,
    mode: "quote",
    parcels: [
      {
        origin: product.seller.country,
        shipping,
        ...(product.seller.incoterm ? { incoterm: product.seller.incoterm } : {}),
        items: [
          {
            productId: product.id,
            quantity: 1,
            ...tradeProduct({ ...product, categorySlug: product.category.slug }, cheapest.price.original),
          },
        ],
      },
    ],
  };
}

export function quoteProductDelivery(product: ProductDetail, market: MarketDefinition, fx: FxTable, clock: Clock): ProductDelivery {
  const result = quoteLandedCost(productDeliveryInput(product, market, fx, clock), { fx });
  if (!result.ok) return { ok: false, code: result.errors[0]?.code };
  return { ok: true, quote: result.quote };
}
