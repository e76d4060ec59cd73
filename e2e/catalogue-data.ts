/** The seeded catalogue the end-to-end tests run against (the test database is seeded from it). */
import { PRODUCTS, SELLERS } from "../prisma/seed-data";

/** A physical product of the Japanese seller (priced in yen). */
export const JAPANESE_PRODUCT = PRODUCTS.find((p) => SELLERS.find((s) => s.id === p.sellerId)?.country === "JP" && p.kind === "PHYSICAL" && p.translations.de)!;
/** A product of the German seller (priced in euros). */
export const GERMAN_PRODUCT = PRODUCTS.find((p) => SELLERS.find((s) => s.id === p.sellerId)?.country === "DE" && p.kind === "PHYSICAL")!;
/** A product with no Arabic translation, to see the fallback note. */
export const UNTRANSLATED_IN_ARABIC = PRODUCTS.find((p) => !p.translations.ar)!;
