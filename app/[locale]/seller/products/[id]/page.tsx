import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PanelForm } from "@/components/panel/panel-parts";
import { CoreFields, fieldErrors } from "@/components/seller-products/core-fields";
import { Field } from "@/components/seller-products/fields";
import { ProductNotice } from "@/components/seller-products/notice";
import { decodeIssues, EDITABLE_STATUSES } from "@/lib/domain/catalogue/editing";
import { LOCALES, isLocale, textDirection, type Locale } from "@/lib/domain/markets";
import { decimalsOf, toDecimalString } from "@/lib/domain/money";
import { formatMoney } from "@/lib/domain/money/format";
import { languageName } from "@/lib/display-names";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";
import { getSellerProduct, listCategoryChoices, type SellerVariantView } from "@/lib/server/seller/products";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "sellerProducts" });
  return { title: t("editTitle"), robots: { index: false, follow: false } };
}

/** An example price in the currency's own decimals: 12.50 EUR, 1250 JPY, 12.500 KWD. */
function examplePrice(currency: string): string {
  const digits = decimalsOf(currency);
  return digits === 0 ? "1250" : `12.${"5".padEnd(digits, "0")}`;
}

async function VariantFields({
  locale,
  prefix,
  currency,
  variant,
  issues,
}: {
  locale: Locale;
  prefix: string;
  currency: string;
  variant: SellerVariantView | null;
  issues: Record<string, string>;
}) {
  const t = await getTranslations({ locale, namespace: "sellerProducts" });
  const error = await fieldErrors(locale, issues);
  const id = (name: string) => `${prefix}-${name.replace(".", "-")}`;
  const key = (name: string) => `${prefix}.${name}`;
  return (
    <>
      <div className="variant-row">
        <Field id={id("sku")} label={t("sku")} error={error(key("sku"))}>
          {(a) => <input name="sku" defaultValue={variant?.sku ?? ""} required maxLength={100} dir="ltr" spellCheck={false} autoCapitalize="characters" {...a} />}
        </Field>
        <Field id={id("price")} label={t("price", { currency })} hint={t("priceHint", { example: examplePrice(currency) })} error={error(key("price"))}>
          {(a) => <input name="price" defaultValue={variant ? toDecimalString(variant.price) : ""} required inputMode="decimal" dir="ltr" {...a} />}
        </Field>
        <Field id={id("stock")} label={t("stock")} error={error(key("stock"))}>
          {(a) => <input name="stock" type="number" min={0} step={1} defaultValue={variant?.stock ?? 0} required {...a} />}
        </Field>
      </div>
      <details className="variant-names" open={LOCALES.some((l) => issues[key(`name.${l}`)])}>
        <summary>{t("names")}</summary>
        {LOCALES.map((l) => (
          <Field key={l} id={id(`name.${l}`)} label={t("nameIn", { language: languageName(l, locale) })} error={error(key(`name.${l}`))}>
            {(a) => <input name={`name.${l}`} defaultValue={variant?.name[l] ?? ""} maxLength={100} lang={l} dir={textDirection(l)} {...a} />}
          </Field>
        ))}
      </details>
    </>
  );
}

/** One product of the seller's: status, own fields, translations side by side, variants. */
export default async function EditProductPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  const search = await searchParams;
  const path = `/${locale}/seller/products/${id}`;
  const viewer = await sellerViewer(locale, pagePath(path, search));
  const [result, categories, t] = await Promise.all([getSellerProduct(viewer, id), listCategoryChoices(locale), getTranslations({ locale, namespace: "sellerProducts" })]);
  if (!result.ok) notFound();
  const product = result.product;
  const issues = decodeIssues(typeof search.fields === "string" ? search.fields : undefined);
  const error = await fieldErrors(locale, issues);
  const returnTo = pagePath(path);
  const original = product.translations[product.originalLocale as Locale];
  const originalLanguage = languageName(product.originalLocale, locale);
  const statusAction = `/api/seller/products/${product.id}/status`;
  const archived = product.status === "ARCHIVED";
  const ordered = [product.originalLocale, ...LOCALES.filter((l) => l !== product.originalLocale)].filter(isLocale);
  return (
    <>
      <p>
        <a href={`/${locale}/seller/products`}>{t("back")}</a>
      </p>
      <h1 lang={original ? product.originalLocale : undefined} dir={original ? textDirection(product.originalLocale) : undefined}>
        {original?.title ?? t("editTitle")}
      </h1>
      <ProductNotice locale={locale} search={search} />
      <ul className="product-links">
        <li>
          <a href={`/${locale}/seller/products/${product.id}/media`}>{t("media")}</a>
        </li>
        {product.status === "ACTIVE" && (
          <li>
            <a href={`/${locale}/products/${product.slug}`} data-testid="view-in-store">
              {t("viewInStore")}
            </a>
          </li>
        )}
      </ul>

      <section aria-labelledby="status-heading" className="product-section">
        <h2 id="status-heading">{t("statusHeading")}</h2>
        <p data-testid="product-status" data-status={product.status}>
          {t("currentStatus", { status: t(`status.${product.status}`) })}
        </p>
        {product.status !== "ACTIVE" && !archived && product.gaps.length > 0 && (
          <div className="note" data-testid="activation-gaps">
            <p>{t("gapsHeading")}</p>
            <ul>
              {product.gaps.map((gap) => (
                <li key={gap} data-gap={gap}>
                  {t(`gap.${gap}`, { language: originalLanguage })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {archived && <p className="muted">{t("archivedNote")}</p>}
        <div className="product-status-actions">
          {product.status === "DRAFT" && (
            <PanelForm action={statusAction} locale={locale} returnTo={returnTo} className="inline-form">
              <input type="hidden" name="change" value="ACTIVE" />
              <button type="submit">{t("activate")}</button>
            </PanelForm>
          )}
          {product.status === "ACTIVE" && (
            <PanelForm action={statusAction} locale={locale} returnTo={returnTo} className="inline-form">
              <input type="hidden" name="change" value="DRAFT" />
              <button type="submit">{t("toDraft")}</button>
            </PanelForm>
          )}
          <PanelForm action={statusAction} locale={locale} returnTo={returnTo} className="inline-form">
            <input type="hidden" name="change" value={archived ? "RESTORE" : "ARCHIVE"} />
            <button type="submit">{archived ? t("restore") : t("archive")}</button>
          </PanelForm>
        </div>
      </section>

      <section aria-labelledby="details-heading" className="product-section">
        <h2 id="details-heading">{t("details")}</h2>
        <PanelForm action={`/api/seller/products/${product.id}`} locale={locale} returnTo={returnTo} label={t("details")}>
          <p className="muted small" dir="ltr">
            {t("field.slug")}: {product.slug}
          </p>
          <CoreFields
            locale={locale}
            categories={categories}
            isNew={false}
            issues={issues}
            values={{
              kind: product.kind, slug: product.slug, categoryId: product.categoryId, taxCategory: product.taxCategory, hsCode: product.hsCode ?? "",
              originCountry: product.originCountry, weightGrams: product.weightGrams?.toString() ?? "", lengthMm: product.lengthMm?.toString() ?? "",
              widthMm: product.widthMm?.toString() ?? "", heightMm: product.heightMm?.toString() ?? "",
            }}
          />
          {!archived && (
            <Field id="status" label={t("field.status")} error={error("status")}>
              {(a) => (
                <select name="status" defaultValue={product.status} {...a}>
                  {EDITABLE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <button type="submit">{t("save")}</button>
        </PanelForm>
      </section>

      <section aria-labelledby="translations-heading" className="product-section">
        <h2 id="translations-heading">{t("translations")}</h2>
        <p data-testid="translation-completeness">
          <strong>{t("languagesDone", { done: product.completeness.done, total: product.completeness.total })}</strong>{" "}
          {product.completeness.missing.length > 0
            ? t("missingLocales", { languages: new Intl.ListFormat(locale, { type: "conjunction" }).format(product.completeness.missing.map((l) => languageName(l, locale))) })
            : t("allTranslated")}
        </p>
        {product.completeness.missing.length > 0 && <p className="muted small">{t("fallbackNote", { language: originalLanguage })}</p>}
        <PanelForm action={`/api/seller/products/${product.id}/translations`} locale={locale} returnTo={returnTo} label={t("translations")}>
          <div className="translations-grid">
            {ordered.map((l) => {
              const language = languageName(l, locale);
              const text = product.translations[l];
              return (
                <fieldset key={l} className="translation" data-locale={l}>
                  <legend>
                    {language}
                    {l === product.originalLocale && <span className="muted small"> ({t("original")})</span>}
                  </legend>
                  <Field id={`title-${l}`} label={t("titleIn", { language })} error={error(`title.${l}`)}>
                    {(a) => <input name={`title.${l}`} defaultValue={text?.title ?? ""} maxLength={200} lang={l} dir={textDirection(l)} {...a} />}
                  </Field>
                  <Field id={`description-${l}`} label={t("descriptionIn", { language })} error={error(`description.${l}`)}>
                    {(a) => <textarea name={`description.${l}`} defaultValue={text?.description ?? ""} rows={5} maxLength={10_000} lang={l} dir={textDirection(l)} {...a} />}
                  </Field>
                </fieldset>
              );
            })}
          </div>
          <button type="submit">{t("saveTranslations")}</button>
        </PanelForm>
      </section>

      <section aria-labelledby="variants-heading" className="product-section">
        <h2 id="variants-heading">{t("variants")}</h2>
        {product.variants.length === 0 && <p>{t("noVariants")}</p>}
        {product.variants.map((v) => (
          <PanelForm key={v.id} action={`/api/seller/products/${product.id}/variants/${v.id}`} locale={locale} returnTo={returnTo} className="panel-form variant-form">
            <fieldset data-sku={v.sku}>
              <legend dir="ltr">
                {t("variantLegend", { sku: v.sku })} · {formatMoney(v.price, locale)}
              </legend>
              <VariantFields locale={locale} prefix={v.id} currency={product.currency} variant={v} issues={issues} />
              <div className="variant-actions">
                <button type="submit" name="intent" value="save">
                  {t("saveVariant")}
                </button>
                {v.ordered ? (
                  <p className="muted small">{t("orderedNote")}</p>
                ) : (
                  <button type="submit" name="intent" value="remove" className="secondary">
                    {t("removeVariant")}
                  </button>
                )}
              </div>
            </fieldset>
          </PanelForm>
        ))}
        <h3 id="add-variant-heading">{t("addVariant")}</h3>
        <PanelForm action={`/api/seller/products/${product.id}/variants`} locale={locale} returnTo={returnTo} label={t("addVariant")}>
          <VariantFields locale={locale} prefix="new" currency={product.currency} variant={null} issues={issues} />
          <button type="submit">{t("add")}</button>
        </PanelForm>
      </section>
    </>
  );
}
