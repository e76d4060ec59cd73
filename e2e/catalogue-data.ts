/** The seeded catalogue the end-to-end tests run against (the test database is seeded from it). */
import { PRODUCTS, SELLERS } from "../prisma/seed-data";

export function productById(id: string) {
  const product = PRODUCTS.find((p) => p.id === id);
  if (!product) throw new Error(`No seeded product ${id}`);
  return product;
}

export function sellerOf(productId: string) {
  const product = productById(productId);
  const seller = SELLERS.find((s) => s.id === product.sellerId);
  if (!seller) throw new Error(`No seller for ${productId}`);
  return seller;
}

/** A physical product of the Japanese seller (priced in yen). */
export const JAPANESE_PRODUCT = PRODUCTS.find((p) => SELLERS.find((s) => s.id === p.sellerId)?.country === "JP" && p.kind === "PHYSICAL" && p.translations.de)!;
/** A product of the German seller (priced in euros). */
export const GERMAN_PRODUCT = PRODUCTS.find((p) => SELLERS.find((s) => s.id === p.sellerId)?.country === "DE" && p.kind === "PHYSICAL")!;
/** A product with no Arabic translation, to see the fallback note. */
export const UNTRANSLATED_IN_ARABIC = PRODUCTS.find((p) => !p.translations.ar)!;
