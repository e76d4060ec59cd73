/**
 * Cache tags: what each cached page depends on, and what each change invalidates.
 * Tags carry no locale or market, so one change reaches the page in every locale and
 * market at once (docs/adr/0009).
 *
 * - `catalogue`: listings, counts, the home page, the sitemap (any product or seller change)
 * - `product:{id}`: one product page
 * - `seller:{id}`: a seller's storefront and every page of their products
 * - `fx`: every page showing a converted price
 */
export const CATALOGUE_TAG = "catalogue";
export const FX_TAG = "fx";
export const productTag = (productId: string) => `product:${productId}`;
export const sellerTag = (sellerId: string) => `seller:${sellerId}`;

export type CatalogueChange =
  | { kind: "product"; productId: string; sellerId: string }
  | { kind: "seller"; sellerId: string }
  | { kind: "fx" };

/** The tags a change invalidates: every page that shows what changed, and nothing else. */
export function tagsForChange(change: CatalogueChange): string[] {
  switch (change.kind) {
    case "product":
      // The product page, the seller's storefront (it lists the product), every listing.
      return [productTag(change.productId), sellerTag(change.sellerId), CATALOGUE_TAG];
    case "seller":
      // The storefront and, through the seller tag, every product page of the seller.
      return [sellerTag(change.sellerId), CATALOGUE_TAG];
    case "fx":
      return [FX_TAG];
  }
}

/** The tags a product page carries. */
export function productPageTags(productId: string, sellerId: string): string[] {
  return [productTag(productId), sellerTag(sellerId), FX_TAG];
}

/** The tags a seller's storefront carries. */
export function sellerPageTags(sellerId: string): string[] {
  return [sellerTag(sellerId), FX_TAG];
}

/** The tags of the home page and every catalogue listing. */
export const LISTING_TAGS: readonly string[] = [CATALOGUE_TAG, FX_TAG];
