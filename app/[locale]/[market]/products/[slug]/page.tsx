import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { PriceTag } from "@/components/price/price-tag";
import { Gallery } from "@/components/product/gallery";
import { ViewBeacon } from "@/components/product/view-beacon";
import { getProduct, listPrerenderedProductSlugs, type ProductDetail } from "@/lib/server/catalogue/entities";
import { renditionUrl } from "@/lib/domain/images/uploads";
import { resolveShop, type ShopParams } from "@/lib/route-params";
import { countryName, flagEmoji, languageName } from "@/lib/display-names";
import { alternates, PUBLIC_URL } from "@/lib/seo";
import { toDecimalString } from "@/lib/domain/money";
import { productImageUrl } from "@/lib/images";
import { isLocale, textDirection } from "@/lib/domain/markets";
import { parseEnv } from "@/lib/env";
import { LandedCost } from "@/components/trade/landed-cost";
import { AddToCart } from "@/components/cart/add-to-cart";
import { getFx } from "@/lib/server/catalogue/queries";
import { quoteProductDelivery } from "@/lib/server/trade/product-delivery";
import { productPageTags } from "@/lib/domain/cache/tags";
import { tagPage } from "@/lib/server/cache/tag-page";
import { requestClock } from "@/lib/server/clock";

type Params = ShopParams & { slug: string };

/** Absolute image addresses for JSON-LD and Open Graph: the seller's photos (largest WebP), else the generated art. */
function shareImages(product: ProductDetail): string[] {
  if (product.images.length > 0) return product.images.map((image) => `${PUBLIC_URL}${renditionUrl(image.storageKey, image.widths[image.widths.length - 1]!, "webp")}`);
  return Array.from({ length: product.imageCount }, (_, i) => `${PUBLIC_URL}${productImageUrl(product.id, i)}`);
}

/** Product pages are cached and refreshed every five minutes (stock moves faster than prices). */
export const revalidate = 300;

/** The newest featured products (a fixed number) are prerendered for each locale's default market; every other page renders on first visit, then is cached. */
export async function generateStaticParams({ params }: { params: { locale: string } }) {
  if (!isLocale(params.locale) || !parseEnv().DATABASE_URL) return [];
  return (await listPrerenderedProductSlugs()).map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const p = await params;
  const { locale, market } = resolveShop(p);
  const product = await getProduct(p.slug, locale, market);
  if (!product) return {};
  return {
    title: product.title,
    description: product.description.slice(0, 160),
    alternates: alternates(locale, `/products/${product.slug}`),
    openGraph: { title: product.title, images: [shareImages(product)[0]!] },
  };
}

export default async function ProductPage({ params }: { params: Promise<Params> }) {
  const p = await params;
  const { locale, market } = resolveShop(p);
  const product = await getProduct(p.slug, locale, market);
  if (!product) notFound();
  const [t, fx] = await Promise.all([getTranslations({ locale, namespace: "product" }), getFx(), tagPage(productPageTags(product.id, product.seller.id))]);
  const delivery = quoteProductDelivery(product, market, fx, requestClock());
  const totalStock = product.variants.reduce((sum, v) => sum + v.stock, 0);
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description,
    sku: product.variants[0]?.sku,
    image: shareImages(product),
    category: product.category.name,
    countryOfOrigin: product.originCountry,
    brand: { "@type": "Brand", name: product.seller.name },
    offers: product.variants.map((v) => ({
      "@type": "Offer",
      sku: v.sku,
      price: toDecimalString(v.price.display),
      priceCurrency: v.price.display.currency,
      availability: v.stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      url: `${PUBLIC_URL}/${locale}/products/${product.slug}`,
      seller: { "@type": "Organization", name: product.seller.name },
    })),
  };
  return (
    <article className="product-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
      <ViewBeacon productId={product.id} />
      <Gallery productId={product.id} count={product.imageCount} title={product.title} locale={locale} images={product.images} />
      <div className="product-info">
        <p className="muted small">
          <Link href={{ pathname: "/catalogue", query: { category: product.category.slug } }}>{product.category.name}</Link>
        </p>
        <h1 lang={product.contentLocale} dir={textDirection(product.contentLocale)}>{product.title}</h1>
        {product.isFallback && (
          <p className="note" role="note" data-testid="translation-fallback">
            {t("translationFallback", { language: languageName(product.contentLocale, locale) })}
          </p>
        )}
        <div className="product-price">
          <PriceTag price={product.price} locale={locale} detailed />
        </div>
        <LandedCost delivery={delivery} market={market} locale={locale} />
        <p className={totalStock === 0 ? "stock-out" : "stock-in"} data-testid="stock">
          {product.kind === "DIGITAL" ? t("available") : totalStock === 0 ? t("outOfStock") : t("inStock", { count: totalStock })}
        </p>
        <AddToCart
          locale={locale}
          digital={product.kind === "DIGITAL"}
          variants={product.variants.map((v) => ({ id: v.id, label: v.name || v.sku, stock: v.stock }))}
        />
        <div lang={product.contentLocale} dir={textDirection(product.contentLocale)} className="description">
          <p>{product.description}</p>
        </div>
        {product.variants.length > 1 && (
          <section aria-labelledby="variants-heading">
            <h2 id="variants-heading">{t("variants")}</h2>
            <ul className="variant-list">
              {product.variants.map((v) => (
                <li key={v.sku}>
                  <span>{v.name || v.sku}</span> <PriceTag price={v.price} locale={locale} />{" "}
                  <span className="muted small">
                    {product.kind === "DIGITAL" ? "" : v.stock === 0 ? t("outOfStock") : t("inStock", { count: v.stock })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">{t("details")}</h2>
          <dl className="details">
            <dt>{t("category")}</dt>
            <dd>{product.category.name}</dd>
            <dt>{t("originLabel")}</dt>
            <dd>
              <span aria-hidden="true">{flagEmoji(product.originCountry)} </span>
              {countryName(product.originCountry, locale)}
            </dd>
            {product.hsCode && (
              <>
                <dt>{t("hsCode")}</dt>
                <dd>{product.hsCode}</dd>
              </>
            )}
            {product.weightGrams !== null && (
              <>
                <dt>{t("weight")}</dt>
                <dd>{t("weightValue", { grams: product.weightGrams })}</dd>
              </>
            )}
            {product.dimensionsMm && (
              <>
                <dt>{t("dimensions")}</dt>
                <dd>{t("dimensionsValue", product.dimensionsMm)}</dd>
              </>
            )}
          </dl>
          <p className="muted small">
            {t("translatedFrom", { languages: product.availableLocales.map((l) => languageName(l, locale)).join(", ") })}
          </p>
        </section>
        <aside className="seller-card" aria-label={product.seller.name}>
          <p>
            <strong>{product.seller.name}</strong>
          </p>
          <p className="small">
            <span aria-hidden="true">{flagEmoji(product.seller.country)} </span>
            {countryName(product.seller.country, locale)}
          </p>
          <Link href={`/sellers/${product.seller.handle}`}>{t("visitSeller", { seller: product.seller.name })}</Link>
        </aside>
      </div>
    </article>
  );
}
