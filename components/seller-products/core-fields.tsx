import { getTranslations } from "next-intl/server";
import type { ProductKindValue, TaxCategoryValue } from "@/lib/domain/catalogue/csv";
import { isFieldCode, PRODUCT_KINDS, TAX_CATEGORIES } from "@/lib/domain/catalogue/editing";
import type { Locale } from "@/lib/domain/markets";
import { Field } from "./fields";

export interface CoreValues {
  kind: ProductKindValue;
  slug: string;
  categoryId: string;
  taxCategory: TaxCategoryValue;
  hsCode: string;
  originCountry: string;
  weightGrams: string;
  lengthMm: string;
  widthMm: string;
  heightMm: string;
}

/** A field's refusal in words, or nothing. */
export async function fieldErrors(locale: Locale, issues: Record<string, string>) {
  const t = await getTranslations({ locale, namespace: "sellerProducts.fieldError" });
  return (name: string): string | undefined => {
    const code = issues[name];
    if (!code) return undefined;
    return isFieldCode(code) ? t(code) : t("MISSING_FIELD");
  };
}

/**
 * The product's own fields, for the new-product and the edit form. The kind and the
 * web address are chosen on creation only; on the edit form they are shown, not asked.
 */
export async function CoreFields({
  locale,
  categories,
  values,
  issues,
  isNew,
}: {
  locale: Locale;
  categories: { id: string; name: string }[];
  values: CoreValues;
  issues: Record<string, string>;
  isNew: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "sellerProducts" });
  const error = await fieldErrors(locale, issues);
  const physical = values.kind === "PHYSICAL";
  const hsLookup = `/${locale}/seller/hs-codes?q=${encodeURIComponent(values.hsCode)}`;
  return (
    <>
      {isNew ? (
        <>
          <Field id="kind" label={t("field.kind")} hint={t("field.kindFixed")} error={error("kind")}>
            {(a) => (
              <select name="kind" defaultValue={values.kind} {...a}>
                {PRODUCT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="slug" label={t("field.slug")} hint={t("field.slugHint")} error={error("slug")}>
            {(a) => <input name="slug" defaultValue={values.slug} required maxLength={200} pattern="[a-z0-9]+(-[a-z0-9]+)*" autoCapitalize="none" spellCheck={false} {...a} />}
          </Field>
        </>
      ) : (
        <p>
          {t("field.kind")}: <strong>{t(`kind.${values.kind}`)}</strong> <span className="muted small">({t("field.kindFixed")})</span>
        </p>
      )}
      <Field id="categoryId" label={t("field.category")} error={error("categoryId")}>
        {(a) => (
          <select name="categoryId" defaultValue={values.categoryId} required {...a}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="taxCategory" label={t("field.taxCategory")} error={error("taxCategory")}>
        {(a) => (
          <select name="taxCategory" defaultValue={values.taxCategory} {...a}>
            {TAX_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`tax.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(isNew || physical) && (
        <Field
          id="hsCode"
          label={t("field.hsCode")}
          hint={
            <>
              {t("field.hsCodeHint")} <a href={hsLookup}>{t("field.hsLookup")}</a>
            </>
          }
          error={error("hsCode")}
        >
          {(a) => <input name="hsCode" defaultValue={values.hsCode} inputMode="numeric" maxLength={14} dir="ltr" {...a} />}
        </Field>
      )}
      <Field id="originCountry" label={t("field.originCountry")} hint={t("field.originCountryHint")} error={error("originCountry")}>
        {(a) => <input name="originCountry" defaultValue={values.originCountry} required maxLength={2} autoCapitalize="characters" dir="ltr" {...a} />}
      </Field>
      {(isNew || physical) && (
        <fieldset className="product-measures">
          <legend>{t("field.physicalOnly")}</legend>
          <Field id="weightGrams" label={t("field.weight")} error={error("weightGrams")}>
            {(a) => <input name="weightGrams" type="number" min={1} max={1_000_000} step={1} defaultValue={values.weightGrams} {...a} />}
          </Field>
          <Field id="lengthMm" label={t("field.length")} error={error("lengthMm")}>
            {(a) => <input name="lengthMm" type="number" min={1} max={10_000} step={1} defaultValue={values.lengthMm} {...a} />}
          </Field>
          <Field id="widthMm" label={t("field.width")} error={error("widthMm")}>
            {(a) => <input name="widthMm" type="number" min={1} max={10_000} step={1} defaultValue={values.widthMm} {...a} />}
          </Field>
          <Field id="heightMm" label={t("field.height")} error={error("heightMm")}>
            {(a) => <input name="heightMm" type="number" min={1} max={10_000} step={1} defaultValue={values.heightMm} {...a} />}
          </Field>
        </fieldset>
      )}
    </>
  );
}
