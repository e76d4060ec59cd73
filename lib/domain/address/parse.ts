/**
 * A buyer's address as typed (a form's fields, a JSON body) turned into a clean,
 * checked `Address`, or every problem with it at once as `{ field, code }` pairs the
 * UI translates. No English strings, no I/O.
 */
import { addressFormat, isAddressCountry, FIELD_MAX_LENGTH, type AddressCountry, type AddressField } from "./countries";
import { parsePhone } from "./phone";
import type { Region } from "./regions";
import { cleanText, looseKey, type AddressErrorCode } from "./text";

/** A checked address: optional fields are absent, not empty; `region` is a code where the country has a list. */
export interface Address {
  country: AddressCountry;
  name: string;
  organization?: string;
  line1: string;
  line2?: string;
  dependentLocality?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  /** E.164 ("+819012345678"). */
  phone: string;
}

export interface AddressError {
  field: AddressField | "country";
  code: AddressErrorCode;
}

export type AddressResult = { ok: true; address: Address } | { ok: false; errors: AddressError[] };

/** Countries whose postal codes are digits only: spaces and a leading "CH-"-style country prefix go. */
const DIGIT_POSTAL_CODES: ReadonlySet<AddressCountry> = new Set(["DE", "FR", "ES", "IT", "KR", "CN", "AU", "MX", "IN", "CH", "KW", "KE"]);

/**
 * A postal code in the country's canonical form: upper case, NFKC (full-width digits
 * typed with a Japanese IME become ASCII), spacing and hyphens as the post writes them
 * (GB "SW1A 1AA", CA "K1A 0B1", NL "1234 AB", JP "123-4567", BR "12345-678", US
 * "12345" or "12345-6789"). The result is then checked against the country's pattern.
 */
export function normalisePostalCode(country: AddressCountry, text: string): string {
  const upper = text.normalize("NFKC").toUpperCase().replace(/[‐‑‒–—−]/gu, "-").replace(/\s+/gu, " ").trim();
  const compact = upper.replace(/ /g, "");
  switch (country) {
    case "US": {
      const zip = /^(\d{5})-?(\d{4})?$/.exec(compact) ?? /^(\d{5}) (\d{4})$/.exec(upper);
      return zip ? (zip[2] ? `${zip[1]}-${zip[2]}` : zip[1]!) : upper;
    }
    case "GB":
      if (/^BFPO\d{1,4}$/.test(compact)) return `BFPO ${compact.slice(4)}`;
      return compact.length >= 5 && compact.length <= 7 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : upper;
    case "CA": {
      const code = compact.replace(/-/g, "");
      return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : upper;
    }
    case "NL":
      return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : upper;
    case "JP": {
      const code = compact.replace(/^〒/u, "");
      return /^\d{7}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
    }
    case "BR": {
      // "01.310-100" is a common way of writing a CEP.
      const code = compact.replace(/\./g, "");
      return /^\d{8}$/.test(code) ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
    }
    default:
      return DIGIT_POSTAL_CODES.has(country) ? compact.replace(new RegExp(`^${country}-`), "") : upper;
  }
}

/** The region of `regions` that `text` names: by code ("CA", "US-CA"), local or English name, or abbreviation. */
export function findRegion(country: AddressCountry, regions: readonly Region[], text: string): Region | undefined {
  const upper = text.toUpperCase();
  const code = upper.startsWith(`${country}-`) ? upper.slice(country.length + 1) : upper;
  const byCode = regions.find((region) => region.code === code);
  if (byCode) return byCode;
  const key = looseKey(text);
  return regions.find((region) => [region.local, region.english, region.abbreviation].some((name) => name !== undefined && looseKey(name) === key));
}

/**
 * Checks an address for `country` (an ISO 3166-1 alpha-2 code of a ship-to country).
 * Only the fields the country uses are read; the others are ignored. Errors come in
 * the order the fields are entered, at most one per field.
 */
export function parseAddress(country: string, raw: Record<string, unknown>): AddressResult {
  const code = typeof country === "string" ? country.trim().toUpperCase() : "";
  if (!isAddressCountry(code)) return { ok: false, errors: [{ field: "country", code: "UNSUPPORTED_COUNTRY" }] };
  const format = addressFormat(code);
  const values: Partial<Record<AddressField, string>> = {};
  const errors: AddressError[] = [];
  const fail = (field: AddressField, errorCode: AddressErrorCode) => errors.push({ field, code: errorCode });

  for (const field of format.fields) {
    if (field === "phone") {
      const phone = parsePhone(code, raw.phone);
      if (phone.ok) values.phone = phone.value;
      else fail(field, phone.code);
      continue;
    }
    const cleaned = cleanText(raw[field], FIELD_MAX_LENGTH[field]);
    if (!cleaned.ok) {
      fail(field, cleaned.code);
      continue;
    }
    let value = cleaned.value;
    if (value === "") {
      if (format.required.has(field)) fail(field, "REQUIRED");
      continue;
    }
    if (field === "postalCode" && format.postalCode) {
      value = normalisePostalCode(code, value);
      if (!format.postalCode.pattern.test(value)) {
        fail(field, "INVALID_POSTAL_CODE");
        continue;
      }
    }
    if (field === "region" && format.regions) {
      const region = findRegion(code, format.regions, value);
      if (!region) {
        fail(field, "INVALID_REGION");
        continue;
      }
      value = region.code;
    }
    values[field] = value;
  }

  if (errors.length > 0) return { ok: false, errors };
  // Every format requires these three, so no error means each is present.
  const { name, line1, phone, ...optional } = values;
  return { ok: true, address: { country: code, name: name!, line1: line1!, phone: phone!, ...optional } };
}
