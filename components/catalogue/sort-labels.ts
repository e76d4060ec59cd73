import type { Sort } from "@/lib/domain/catalogue/query";

/** Each sort's label in the "catalogue" messages; a new sort without one does not compile. */
export const SORT_LABELS = {
  featured: "sortFeatured",
  newest: "sortNewest",
  "price-asc": "sortPriceAsc",
  "price-desc": "sortPriceDesc",
} as const satisfies Record<Sort, string>;
