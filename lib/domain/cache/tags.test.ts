import { describe, expect, it } from "vitest";
import { CATALOGUE_TAG, FX_TAG, LISTING_TAGS, productPageTags, sellerPageTags, tagsForChange } from "./tags";

const intersects = (a: readonly string[], b: readonly string[]) => a.some((tag) => b.includes(tag));

describe("cache tags", () => {
  const product = productPageTags("p1", "s1");
  const otherProduct = productPageTags("p2", "s2");
  const storefront = sellerPageTags("s1");

  it("a product change reaches its page, its seller's storefront and every listing, not other products", () => {
    const tags = tagsForChange({ kind: "product", productId: "p1", sellerId: "s1" });
    expect(intersects(tags, product)).toBe(true);
    expect(intersects(tags, storefront)).toBe(true);
    expect(intersects(tags, LISTING_TAGS)).toBe(true);
    expect(intersects(tags, otherProduct)).toBe(false);
  });

  it("a seller change reaches the storefront, every product page of the seller and the listings", () => {
    const tags = tagsForChange({ kind: "seller", sellerId: "s1" });
    expect(intersects(tags, storefront)).toBe(true);
    expect(intersects(tags, product)).toBe(true);
    expect(intersects(tags, LISTING_TAGS)).toBe(true);
    expect(intersects(tags, otherProduct)).toBe(false);
  });

  it("new rates reach every page with a converted price", () => {
    const tags = tagsForChange({ kind: "fx" });
    for (const page of [product, otherProduct, storefront, LISTING_TAGS]) expect(intersects(tags, page)).toBe(true);
    expect(tags).toEqual([FX_TAG]);
    expect(LISTING_TAGS).toContain(CATALOGUE_TAG);
  });
});
