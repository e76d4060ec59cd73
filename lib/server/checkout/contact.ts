import "server-only";
import { addressLines, parseAddress, parseEmail, parsePhone, type AddressErrorCode, type AddressField } from "@/lib/domain/address";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * The buyer's contact and address as checkout reads them from the form: email always;
 * a phone number always (carriers need it for customs, and its country is location
 * evidence for digital goods); a postal address in the country's format when anything
 * ships. Every error at once, as codes the form translates.
 */
export interface ContactError {
  field: AddressField | "country" | "email";
  code: AddressErrorCode;
}

export interface Contact {
  country: string;
  email: string;
  /** E.164. */
  phone: string;
  /** The phone number's country, if it has one. */
  phoneCountry: string | null;
  /** The checked address, null when nothing ships. */
  address: Record<string, string> | null;
  /** The address as printed lines (label, confirmation, email). */
  lines: string[];
}

export type ContactResult = { ok: true; contact: Contact } | { ok: false; errors: ContactError[] };

/** The form fields checkout keeps for the contact, as entered. */
export const CONTACT_INPUTS = ["email", "phone", "name", "organization", "line1", "line2", "dependentLocality", "city", "region", "postalCode"] as const;

export function readContact(country: string, raw: Record<string, unknown>, needsAddress: boolean): ContactResult {
  const errors: ContactError[] = [];
  const email = parseEmail(raw.email);
  if (!email.ok) errors.push({ field: "email", code: email.code });
  let phone: string | null = null;
  let address: Record<string, string> | null = null;
  let lines: string[] = [];
  if (needsAddress) {
    const parsed = parseAddress(country, raw);
    if (parsed.ok) {
      const { country: _country, ...fields } = parsed.address;
      void _country;
      address = Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === "string"));
      phone = parsed.address.phone;
      lines = addressLines(parsed.address);
    } else errors.push(...parsed.errors);
  } else {
    const parsed = parsePhone(country, raw.phone);
    if (parsed.ok) phone = parsed.value;
    else errors.push({ field: "phone", code: parsed.code });
  }
  if (errors.length > 0 || !email.ok || !phone) return { ok: false, errors };
  const phoneCountry = parsePhoneNumberFromString(phone)?.country ?? null;
  return { ok: true, contact: { country, email: email.value, phone, phoneCountry, address, lines } };
}
