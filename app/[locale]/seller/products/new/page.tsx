import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PanelForm } from "@/components/panel/panel-parts";
import { CoreFields } from "@/components/seller-products/core-fields";
import { ProductNotice } from "@/components/seller-products/notice";
import { decodeIssues } from "@/lib/domain/catalogue/editing";
import { isLocale } from "@/lib/domain/markets";
import { currencyName, languageName } from "@/lib/display-names";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";
import { getSellerCatalogueSettings, listCategoryChoices } from "@/lib/server/seller/products";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sellerProducts" });
  return { title: t("newTitle"), robots: { index: false, follow: false } };
}

/** A new product: its kind, address and own fields; it starts as a draft. */
export default async function NewProductPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const search = await searchParams;
  const path = `/${locale}/seller/products/new`;
  const viewer = await sellerViewer(locale, pagePath(path, search));
  const [settings, categories, t] = await Promise.all([
    getSellerCatalogueSettings(viewer),
    listCategoryChoices(locale),
    getTranslations({ locale, namespace: "sellerProducts" }),
  ]);
  if (!settings.ok) notFound();
  const issues = decodeIssues(typeof search.fields === "string" ? search.fields : undefined);
  return (
    <>
      <p>
        <a href={`/${locale}/seller/products`}>{t("back")}</a>
      </p>
      <h1>{t("newTitle")}</h1>
      <ProductNotice locale={locale} search={search} />
      <p>{t("newIntro", { currency: currencyName(settings.currency, locale), language: languageName(settings.originalLocale, locale) })}</p>
      <PanelForm action="/api/seller/products" locale={locale} returnTo={path} label={t("newTitle")}>
        <CoreFields
          locale={locale}
          categories={categories}
          isNew
          issues={issues}
          values={{
            kind: "PHYSICAL", slug: "", categoryId: categories[0]?.id ?? "", taxCategory: "STANDARD", hsCode: "", originCountry: settings.country,
            weightGrams: "", lengthMm: "", widthMm: "", heightMm: "",
          }}
        />
        <button type="submit">{t("create")}</button>
      </PanelForm>
    </>
  );
}
