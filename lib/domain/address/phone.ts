/**
 * Phone numbers for delivery and customs, validated against the full numbering plans
 * (`libphonenumber-js/max`: not only the length, but the ranges in use and the type).
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { isAddressCountry, FIELD_MAX_LENGTH } from "./countries";
import { cleanText, type FieldResult } from "./text";

/** Number types a courier cannot call about a parcel. */
const UNREACHABLE_TYPES: ReadonlySet<string> = new Set(["PAGER", "PREMIUM_RATE", "VOICEMAIL"]);

/**
 * A phone number as E.164 ("+819012345678"). Accepts the national format of the
 * address's `country` ("090-1234-5678" for JP) or any country's number written
 * internationally ("+44 7400 123456", or with the country's international prefix).
 * The whole text must be the number: "090-1234-5678 after 6pm" is refused.
 */
export function parsePhone(country: string, raw: unknown): FieldResult {
  if (!isAddressCountry(country)) return { ok: false, code: "UNSUPPORTED_COUNTRY" };
  const cleaned = cleanText(raw, FIELD_MAX_LENGTH.phone);
  if (!cleaned.ok) return cleaned;
  if (cleaned.value === "") return { ok: false, code: "REQUIRED" };
  const number = parsePhoneNumberFromString(cleaned.value.normalize("NFKC"), { defaultCountry: country, extract: false });
  if (!number || !number.isValid()) return { ok: false, code: "INVALID_PHONE" };
  const type = number.getType();
  if (type && UNREACHABLE_TYPES.has(type)) return { ok: false, code: "INVALID_PHONE" };
  return { ok: true, value: number.number };
}
