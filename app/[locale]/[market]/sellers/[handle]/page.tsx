import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProductCard, ProductGrid } from "@/components/catalogue/product-card";
import { getSeller } from "@/lib/server/catalogue/entities";
import { sellerProducts } from "@/lib/server/catalogue/queries";
import { resolveShop, type ShopParams } from "@/lib/route-params";
import { countryName, currencyName, flagEmoji, languageName } from "@/lib/display-names";
import { alternates } from "@/lib/seo";
import { sellerPageTags } from "@/lib/domain/cache/tags";
import { tagPage } from "@/lib/server/cache/tag-page";

type Params = ShopParams & { handle: string };

export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const p = await params;
  const { locale } = resolveShop(p);
  const seller = await getSeller(p.handle, locale);
  if (!seller) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("sellerTitle", { name: seller.name }), description: seller.bio.slice(0, 160), alternates: alternates(locale, `/sellers/${seller.handle}`) };
}

export default async function SellerPage({ params }: { params: Promise<Params> }) {
  const p = await params;
  const { locale, market } = resolveShop(p);
  const seller = await getSeller(p.handle, locale);
  if (!seller) notFound();
  const t = await getTranslations({ locale, namespace: "seller" });
  const [, products] = await Promise.all([tagPage(sellerPageTags(seller.id)), sellerProducts(locale, market, seller.id)]);
  return (
    <>
      <header className="seller-header">
        <h1>{seller.name}</h1>
        <p>
          <span aria-hidden="true">{flagEmoji(seller.country)} </span>
          {t("from", { country: countryName(seller.country, locale) })} ·{" "}
          {t("languages", { languages: seller.languages.map((l) => languageName(l, locale)).join(", ") })} ·{" "}
          {t("currency", { currency: currencyName(seller.currency, locale) })}
        </p>
        {seller.bio && <p className="seller-bio">{seller.bio}</p>}
      </header>
      <section aria-labelledby="seller-products">
        <h2 id="seller-products">{t("products", { seller: seller.name })}</h2>
        {products.length === 0 ? (
          <p>{t("noProducts")}</p>
        ) : (
          <ProductGrid>
            {products.map((item) => (
              <ProductCard key={item.id} product={item} locale={locale} />
            ))}
          </ProductGrid>
        )}
      </section>
    </>
  );
}
