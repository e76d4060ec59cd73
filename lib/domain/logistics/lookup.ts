/**
 * The public order lookup's input, without I/O: an order number in the store's format
 * (lib/domain/checkout ORDER_NUMBER; typed in any case, with spaces around) and an
 * email address. The email is compared in lower case, whole, as the buyer may have
 * typed it differently at checkout.
 */
import { ORDER_NUMBER } from "@/lib/domain/checkout";
import { parseEmail } from "@/lib/domain/address/email";
import { REGIONS } from "@/lib/domain/address/regions";
import type { AddressCountry } from "@/lib/domain/address/countries";

export type LookupRefusal = "ORDER_NUMBER_REQUIRED" | "INVALID_ORDER_NUMBER" | "EMAIL_REQUIRED" | "INVALID_EMAIL";

export type LookupInput = { ok: true; number: string; email: string } | { ok: false; code: LookupRefusal; number: string };

/** An order number as typed, trimmed and upper-cased (at most 40 characters kept, for echoing back). */
export function normaliseOrderNumber(raw: unknown): string {
  return typeof raw === "string" ? raw.trim().toUpperCase().slice(0, 40) : "";
}

/** The form for comparing two email addresses: NFC, trimmed, lower case. */
export function emailKey(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}

export function parseLookupInput(input: { number: unknown; email: unknown }): LookupInput {
  const number = normaliseOrderNumber(input.number);
  if (number === "") return { ok: false, code: "ORDER_NUMBER_REQUIRED", number };
  if (!ORDER_NUMBER.test(number)) return { ok: false, code: "INVALID_ORDER_NUMBER", number };
  const email = parseEmail(input.email ?? "");
  if (!email.ok) return { ok: false, code: email.code === "REQUIRED" ? "EMAIL_REQUIRED" : "INVALID_EMAIL", number };
  return { ok: true, number, email: emailKey(email.value) };
}

/** Every answer the lookup page translates (`panel.error.<CODE>`). */
export const LOOKUP_CODES = ["ORDER_NUMBER_REQUIRED", "INVALID_ORDER_NUMBER", "EMAIL_REQUIRED", "INVALID_EMAIL", "NO_MATCHING_ORDER", "LOOKUP_EXPIRED"] as const;
export type LookupCode = (typeof LOOKUP_CODES)[number];

export function isLookupCode(value: unknown): value is LookupCode {
  return typeof value === "string" && (LOOKUP_CODES as readonly string[]).includes(value);
}

/** Where an order ships to, at most: the city, else the region (Japanese addresses have no city line), and the country. */
export interface ShipToPlace {
  city: string | null;
  region: { local: string; english: string } | null;
  country: string;
}

export function shipToPlace(address: Record<string, string> | null | undefined, country: string): ShipToPlace {
  const city = address?.city?.trim() || null;
  const code = address?.region?.trim().toUpperCase();
  const found = !city && code ? REGIONS[country as AddressCountry]?.find((r) => r.code === code) : undefined;
  return { city, region: found ? { local: found.local, english: found.english || found.local } : null, country };
}
