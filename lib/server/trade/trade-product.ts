/**
 * A catalogue product as the trade engine sees it: the database's enums turned into the
 * engine's item fields. One mapping for the public API and the product page.
 */
import type { Money } from "@/lib/domain/money";
import type { ResolvedProduct } from "@/lib/domain/trade";

export interface CatalogueTradeFields {
  kind: "PHYSICAL" | "DIGITAL";
  hsCode: string | null;
  taxCategory: "STANDARD" | "BOOK" | "EBOOK";
  categorySlug: string;
}

const TAX_CATEGORY = { STANDARD: "standard", BOOK: "book", EBOOK: "ebook" } as const;

export function tradeProduct(product: CatalogueTradeFields, unitPrice: Money): ResolvedProduct {
  return {
    kind: product.kind === "DIGITAL" ? "digital" : "physical",
    ...(product.hsCode ? { hsCode: product.hsCode } : {}),
    taxCategory: TAX_CATEGORY[product.taxCategory],
    unitPrice,
    category: product.categorySlug,
  };
}
