import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { ProductCard as Card } from "@/lib/server/catalogue/queries";
import { countryName, flagEmoji } from "@/lib/display-names";
import { PriceTag } from "@/components/price/price-tag";
import { productImageUrl } from "@/lib/images";
import { ProductPicture } from "@/components/product/product-picture";
import { textDirection, type Locale } from "@/lib/domain/markets";

export async function ProductCard({ product, locale }: { product: Card; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "product" });
  return (
    <article className="product-card">
      <Link href={`/products/${product.slug}`} className="product-card-link">
        {product.image ? (
          <ProductPicture image={product.image} sizes="(max-width: 600px) 50vw, 320px" alt="" fallbackWidth={320} />
        ) : (
          // eslint-disable-next-line @next/next/no-img-element -- generated SVG, no optimisation needed
          <img src={productImageUrl(product.id, 0)} alt="" width={320} height={240} loading="lazy" />
        )}
        <h3 lang={product.contentLocale} dir={textDirection(product.contentLocale)}>{product.title}</h3>
      </Link>
      <p className="muted small">
        <span aria-hidden="true">{flagEmoji(product.originCountry)} </span>
        {t("origin", { country: countryName(product.originCountry, locale) })} ·{" "}
        {product.kind === "DIGITAL" ? t("digital") : t("physical")}
      </p>
      <PriceTag price={product.price} locale={locale} />
      <p className="small">
        <Link href={`/sellers/${product.seller.handle}`}>{t("soldBy", { seller: product.seller.name })}</Link>
      </p>
      {product.stock === 0 && <p className="stock-out small">{t("outOfStock")}</p>}
    </article>
  );
}

export function ProductGrid({ children }: { children: React.ReactNode }) {
  return <div className="product-grid">{children}</div>;
}
