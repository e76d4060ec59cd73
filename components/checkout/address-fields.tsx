import { useLocale, useTranslations } from "next-intl";
import {
  addressFormat,
  EMAIL_MAX_LENGTH,
  FIELD_MAX_LENGTH,
  findRegion,
  isAddressCountry,
  regionName,
  scriptFor,
  type AddressErrorCode,
  type AddressField,
} from "@/lib/domain/address";

type FormField = AddressField | "email";

export interface AddressFieldsProps {
  /** The destination country (ISO 3166-1 alpha-2); decides the fields, their order and labels. */
  country: string;
  /** What to prefill: the buyer's last entry, as posted, or a saved address. */
  values: Partial<Record<FormField, string>>;
  /** The errors of the last attempt (parseAddress, parseEmail), shown beside their fields. */
  errors: readonly { field: FormField | "country"; code: AddressErrorCode }[];
  /** Put before every field's name (`shipping.` gives `shipping.line1`), for two addresses in one form. */
  namePrefix?: string;
  /** Whether to ask for the email address too (after the phone). Default: true. */
  email?: boolean;
}

/** The browser's autofill token of each field (WHATWG autocomplete). */
const AUTOCOMPLETE: Readonly<Record<FormField, string>> = {
  name: "name",
  organization: "organization",
  line1: "address-line1",
  line2: "address-line2",
  dependentLocality: "address-level3",
  city: "address-level2",
  region: "address-level1",
  postalCode: "postal-code",
  phone: "tel",
  email: "email",
};

/**
 * A destination country's address fields, in that country's order and with its labels
 * (state, prefecture, emirate; ZIP code, postcode, PIN code...): labelled inputs with
 * autofill tokens, a list for fixed regions, the postal-code example as a hint, and each
 * error beside its field. Plain form fields: posting works without JavaScript; the
 * fields post under their names in ADDRESS_FIELDS (plus `country` and `email`).
 */
export function AddressFields({ country, values, errors, namePrefix = "", email = true }: AddressFieldsProps) {
  const t = useTranslations("address");
  const locale = useLocale();
  const code = country.toUpperCase();
  const idBase = `address-${namePrefix.replace(/[^A-Za-z0-9_-]/g, "-")}`;

  if (!isAddressCountry(code)) {
    return (
      <p className="field-error" role="alert">
        {t("error.UNSUPPORTED_COUNTRY")}
      </p>
    );
  }

  const script = scriptFor(code, locale);
  const format = addressFormat(code, script);
  const fields: FormField[] = [...format.fields, ...(email ? (["email"] as const) : [])];
  const numericPostalCode = format.postalCode ? /^[\d\s-]+$/.test(format.postalCode.example) : false;

  return (
    <div className="address-fields">
      <input type="hidden" name={`${namePrefix}country`} value={code} />
      {fields.map((field) => {
        const id = `${idBase}${field}`;
        const error = errors.find((candidate) => candidate.field === field);
        const required = field === "email" || format.required.has(field);
        const maxLength = field === "email" ? EMAIL_MAX_LENGTH : FIELD_MAX_LENGTH[field];
        const label = field === "email" ? t("label.email") : t(`label.${format.labels[field] ?? "name"}`);
        const hint =
          field === "postalCode" && format.postalCode
            ? t("postalCodeHint", { example: format.postalCode.example })
            : field === "phone"
              ? t("phoneHint")
              : undefined;
        const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
        const shared = {
          id,
          name: `${namePrefix}${field}`,
          autoComplete: AUTOCOMPLETE[field],
          required,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
        } as const;
        const value = values[field] ?? "";

        let control;
        if (field === "region" && format.regions) {
          const selected = value ? findRegion(code, format.regions, value)?.code : undefined;
          control = (
            <select {...shared} defaultValue={selected ?? ""}>
              <option value="">{t("choose")}</option>
              {format.regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {regionName(region, script)}
                </option>
              ))}
            </select>
          );
        } else if (field === "phone" || field === "email") {
          control = <input {...shared} type={field === "phone" ? "tel" : "email"} inputMode={field === "phone" ? "tel" : "email"} dir="ltr" spellCheck={false} maxLength={maxLength} defaultValue={value} />;
        } else if (field === "postalCode") {
          control = (
            <input
              {...shared}
              type="text"
              inputMode={numericPostalCode ? "numeric" : "text"}
              autoCapitalize={numericPostalCode ? undefined : "characters"}
              dir="ltr"
              spellCheck={false}
              maxLength={maxLength}
              defaultValue={value}
            />
          );
        } else {
          control = <input {...shared} type="text" dir="auto" maxLength={maxLength} defaultValue={value} />;
        }

        return (
          <div key={field} className="field">
            <label htmlFor={id}>
              {label}
              {required ? null : <span className="field-optional"> {t("optional")}</span>}
            </label>
            {hint ? (
              <p id={`${id}-hint`} className="field-hint">
                {hint}
              </p>
            ) : null}
            {control}
            {error ? (
              <p id={`${id}-error`} className="field-error">
                {t(`error.${error.code}`, { max: maxLength })}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
