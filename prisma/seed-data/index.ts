export { SELLERS } from "./sellers";
export { CATEGORIES } from "./categories";
export { PRODUCTS } from "./products";
export type { Localized, SeedCategory, SeedProduct, SeedSeller, SeedVariant } from "./types";
