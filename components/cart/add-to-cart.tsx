import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";
import { MAX_QUANTITY } from "@/lib/domain/cart";
import { CsrfField } from "@/components/forms/csrf-field";
import { AddToCartEnhancer } from "./add-to-cart-enhancer";

export interface AddToCartVariant {
  id: string;
  label: string;
  stock: number;
}

/**
 * The product page's add-to-cart form: a plain form post to `/api/cart` that works
 * without JavaScript (the buyer lands on the cart) and, with it, adds in place and
 * updates the header's count. Static markup: the cached page stays the same for everyone.
 */
export async function AddToCart({ locale, variants, digital }: { locale: Locale; variants: AddToCartVariant[]; digital: boolean }) {
  const t = await getTranslations({ locale, namespace: "product" });
  const te = await getTranslations({ locale, namespace: "cart" });
  const available = variants.filter((v) => v.stock > 0);
  if (available.length === 0) return null;
  const most = digital ? MAX_QUANTITY : Math.min(MAX_QUANTITY, Math.max(...available.map((v) => v.stock)));
  return (
    <form action="/api/cart" method="post" className="add-to-cart" data-testid="add-to-cart">
      <input type="hidden" name="action" value="add" />
      <input type="hidden" name="locale" value={locale} />
      <CsrfField />
      {available.length > 1 ? (
        <label>
          {t("option")}
          <select name="variantId" defaultValue={available[0]!.id}>
            {available.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <input type="hidden" name="variantId" value={available[0]!.id} />
      )}
      <label>
        {t("quantity")}
        <input type="number" name="quantity" defaultValue={1} min={1} max={most} step={1} inputMode="numeric" required />
      </label>
      <button type="submit">{t("addToCart")}</button>
      <AddToCartEnhancer
        cartHref={`/${locale}/cart`}
        texts={{
          added: t("added"),
          viewCart: t("viewCart"),
          failed: t("addFailed"),
          errors: {
            CART_NOT_FOUND: te("error.CART_NOT_FOUND"),
            VARIANT_NOT_FOUND: te("error.VARIANT_NOT_FOUND"),
            LINE_NOT_FOUND: te("error.LINE_NOT_FOUND"),
            INVALID_QUANTITY: te("error.INVALID_QUANTITY"),
            OUT_OF_STOCK: te("error.OUT_OF_STOCK"),
            CART_FULL: te("error.CART_FULL"),
            INVALID_ACTION: te("error.INVALID_ACTION"),
          },
        }}
      />
    </form>
  );
}
