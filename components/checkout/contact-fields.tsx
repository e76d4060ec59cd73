import { useTranslations } from "next-intl";
import { FIELD_MAX_LENGTH } from "@/lib/domain/address/countries";
import { EMAIL_MAX_LENGTH } from "@/lib/domain/address/email";
import type { AddressErrorCode } from "@/lib/domain/address/text";

/** Email and phone alone: the contact of an order that ships nothing (digital goods). */
export function ContactFields({ values, errors }: { values: Partial<Record<string, string>>; errors: readonly { field: string; code: AddressErrorCode | string }[] }) {
  const t = useTranslations("address");
  return (
    <div className="address-fields">
      {(["email", "phone"] as const).map((field) => {
        const id = `contact-${field}`;
        const error = errors.find((e) => e.field === field);
        return (
          <div key={field} className="field">
            <label htmlFor={id}>{t(`label.${field}`)}</label>
            {field === "phone" && (
              <p id={`${id}-hint`} className="field-hint">
                {t("phoneHint")}
              </p>
            )}
            <input
              id={id}
              name={field}
              type={field === "phone" ? "tel" : "email"}
              inputMode={field === "phone" ? "tel" : "email"}
              autoComplete={field === "phone" ? "tel" : "email"}
              dir="ltr"
              spellCheck={false}
              required
              maxLength={field === "phone" ? FIELD_MAX_LENGTH.phone : EMAIL_MAX_LENGTH}
              defaultValue={values[field] ?? ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={[field === "phone" ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
            />
            {error && (
              <p id={`${id}-error`} className="field-error">
                {t(`error.${error.code as AddressErrorCode}`)}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
