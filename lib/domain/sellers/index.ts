/**
 * Sellers without I/O: the onboarding and settings form's rules (names, country,
 * currency, languages, ship-from address, return policy, tax numbers), the shop's
 * handle and id derived from its name, and the refusal codes the panels translate
 * (messages `panel.error.*`). The services pass in what the store knows (the FX
 * table's currencies); nothing here reads a database.
 */
import { LOCALES, type Locale } from "@/lib/domain/markets";

/** ISO 3166-1 alpha-2: every officially assigned country code. */
export const ISO_COUNTRIES: ReadonlySet<string> = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
    "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
    "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
    "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

export function isCountryCode(value: unknown): value is string {
  return typeof value === "string" && ISO_COUNTRIES.has(value);
}

export const RETURN_PAYERS = ["BUYER", "SELLER"] as const;
export type ReturnPayer = (typeof RETURN_PAYERS)[number];

/** The shortest return period the store accepts, in days from delivery (the EU's withdrawal period). */
export const MIN_RETURN_DAYS = 14;
export const MAX_RETURN_DAYS = 365;
export const NAME_MAX = 120;
export const ADDRESS_LINE_MAX = 200;
export const ADDRESS_LINES_MAX = 6;

export const SELLER_ERROR_CODES = [
  "LEGAL_NAME_REQUIRED",
  "DISPLAY_NAME_REQUIRED",
  "NAME_TOO_LONG",
  "UNKNOWN_COUNTRY",
  "UNKNOWN_CURRENCY",
  "LANGUAGE_REQUIRED",
  "ORIGINAL_LANGUAGE_NOT_CHOSEN",
  "SHIP_FROM_REQUIRED",
  "ADDRESS_TOO_LONG",
  "RETURN_DAYS_TOO_SHORT",
  "RETURN_DAYS_INVALID",
  "RETURN_PAYER_INVALID",
  "TRADER_REQUIRED",
  "INVALID_VAT_NUMBER",
  "INVALID_IOSS_NUMBER",
  "INVALID_ABN",
  "ALREADY_SELLER",
  "COUNTRY_LOCKED",
  "CURRENCY_LOCKED",
  "NOT_PENDING",
  "NOT_SUSPENDED",
  "ALREADY_SUSPENDED",
  "PAYOUTS_UNAVAILABLE",
  "PAYOUTS_NOT_FINISHED",
] as const;
export type SellerErrorCode = (typeof SELLER_ERROR_CODES)[number];

export interface SellerProfile {
  legalName: string;
  name: string;
  country: string;
  currency: string;
  /** The locales the seller writes in; the first is the original language of their listings. */
  languages: Locale[];
  shipFrom: string[];
  returnDays: number;
  returnShippingPaidBy: ReturnPayer;
  vatNumber: string | null;
  iossNumber: string | null;
  abn: string | null;
  trader: boolean;
}

export type ProfileResult = { ok: true; data: SellerProfile } | { ok: false; code: SellerErrorCode };

/** The form's fields, one value per name (checkboxes named `language-<locale>`). */
export type ProfileFields = (name: string) => string | null | undefined;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function cleanText(value: string | null | undefined): string {
  return (value ?? "").replace(/\s+/g, " ").trim();
}

/** Tax numbers as people type them: spaces, dots and hyphens dropped, upper case. */
export function compactTaxNumber(value: string): string {
  return value.replace(/[\s.\-]/g, "").toUpperCase();
}

/**
 * EU VAT identification numbers (VIES formats): the member state's prefix (EL for
 * Greece, XI for Northern Ireland) and its national pattern. Format only; whether the
 * number is registered is for VIES to say.
 */
const VAT_PATTERNS: Record<string, RegExp> = {
  AT: /^U\d{8}$/, BE: /^[01]\d{9}$/, BG: /^\d{9,10}$/, CY: /^\d{8}[A-Z]$/, CZ: /^\d{8,10}$/, DE: /^\d{9}$/,
  DK: /^\d{8}$/, EE: /^\d{9}$/, EL: /^\d{9}$/, ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/, FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/, HR: /^\d{11}$/, HU: /^\d{8}$/, IE: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/, LT: /^(?:\d{9}|\d{12})$/, LU: /^\d{8}$/, LV: /^\d{11}$/, MT: /^\d{8}$/, NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/, PT: /^\d{9}$/, RO: /^[1-9]\d{1,9}$/, SE: /^\d{10}01$/, SI: /^\d{8}$/, SK: /^\d{10}$/,
  XI: /^(?:\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
};

export function isEuVatNumber(value: string): boolean {
  const compact = compactTaxNumber(value);
  const pattern = VAT_PATTERNS[compact.slice(0, 2)];
  return pattern !== undefined && pattern.test(compact.slice(2));
}

/** An EU IOSS identification number: IM, then ten digits (the member state's three and seven of its own). */
export function isIossNumber(value: string): boolean {
  return /^IM\d{10}$/.test(compactTaxNumber(value));
}

const ABN_WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];

/** An Australian Business Number: 11 digits; subtract 1 from the first, weigh, and the sum divides by 89. */
export function isAbn(value: string): boolean {
  const compact = compactTaxNumber(value);
  if (!/^\d{11}$/.test(compact) || compact[0] === "0") return false;
  const digits = [...compact].map(Number);
  digits[0] = digits[0]! - 1;
  return digits.reduce((sum, digit, i) => sum + digit * ABN_WEIGHTS[i]!, 0) % 89 === 0;
}

function optionalNumber(value: string | null | undefined, valid: (v: string) => boolean): { ok: true; value: string | null } | { ok: false } {
  const raw = (value ?? "").trim();
  if (!raw) return { ok: true, value: null };
  return valid(raw) ? { ok: true, value: compactTaxNumber(raw) } : { ok: false };
}

/**
 * The onboarding (and settings) form's fields to a seller profile, or the first
 * refusal. `currencies` are the ones the store's FX table can convert.
 */
export function parseSellerProfile(field: ProfileFields, context: { currencies: ReadonlySet<string> }): ProfileResult {
  const legalName = cleanText(field("legalName"));
  const name = cleanText(field("displayName"));
  if (!legalName) return { ok: false, code: "LEGAL_NAME_REQUIRED" };
  if (!name) return { ok: false, code: "DISPLAY_NAME_REQUIRED" };
  if (legalName.length > NAME_MAX || name.length > NAME_MAX) return { ok: false, code: "NAME_TOO_LONG" };
  if (CONTROL.test(legalName + name)) return { ok: false, code: "LEGAL_NAME_REQUIRED" };

  const country = cleanText(field("country")).toUpperCase();
  if (!isCountryCode(country)) return { ok: false, code: "UNKNOWN_COUNTRY" };
  const currency = cleanText(field("currency")).toUpperCase();
  if (!context.currencies.has(currency)) return { ok: false, code: "UNKNOWN_CURRENCY" };

  const chosen = LOCALES.filter((locale) => Boolean(field(`language-${locale}`)));
  if (chosen.length === 0) return { ok: false, code: "LANGUAGE_REQUIRED" };
  const original = cleanText(field("originalLanguage"));
  let languages: Locale[] = chosen;
  if (original) {
    const first = chosen.find((locale) => locale === original);
    if (!first) return { ok: false, code: "ORIGINAL_LANGUAGE_NOT_CHOSEN" };
    languages = [first, ...chosen.filter((locale) => locale !== first)];
  }

  const shipFrom = (field("shipFrom") ?? "").split(/\r?\n/).map(cleanText).filter(Boolean);
  if (shipFrom.length === 0) return { ok: false, code: "SHIP_FROM_REQUIRED" };
  if (shipFrom.length > ADDRESS_LINES_MAX || shipFrom.some((line) => line.length > ADDRESS_LINE_MAX || CONTROL.test(line))) return { ok: false, code: "ADDRESS_TOO_LONG" };

  const daysText = cleanText(field("returnDays"));
  if (!/^\d{1,4}$/.test(daysText)) return { ok: false, code: "RETURN_DAYS_INVALID" };
  const returnDays = Number(daysText);
  if (returnDays < MIN_RETURN_DAYS) return { ok: false, code: "RETURN_DAYS_TOO_SHORT" };
  if (returnDays > MAX_RETURN_DAYS) return { ok: false, code: "RETURN_DAYS_INVALID" };
  const payer = cleanText(field("returnShippingPaidBy"));
  if (!(RETURN_PAYERS as readonly string[]).includes(payer)) return { ok: false, code: "RETURN_PAYER_INVALID" };

  const vat = optionalNumber(field("vatNumber"), isEuVatNumber);
  if (!vat.ok) return { ok: false, code: "INVALID_VAT_NUMBER" };
  const ioss = optionalNumber(field("iossNumber"), isIossNumber);
  if (!ioss.ok) return { ok: false, code: "INVALID_IOSS_NUMBER" };
  const abn = optionalNumber(field("abn"), isAbn);
  if (!abn.ok) return { ok: false, code: "INVALID_ABN" };

  const trader = field("trader");
  if (trader !== "yes" && trader !== "no") return { ok: false, code: "TRADER_REQUIRED" };

  return {
    ok: true,
    data: {
      legalName, name, country, currency, languages, shipFrom, returnDays,
      returnShippingPaidBy: payer as ReturnPayer,
      vatNumber: vat.value, iossNumber: ioss.value, abn: abn.value,
      trader: trader === "yes",
    },
  };
}

/** A shop's handle from its display name: kebab-case ASCII (accents dropped), "shop" when nothing Latin is left. */
export function handleBase(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  return ascii || "shop";
}

/** The `n`th candidate handle: the base, then `-2`, `-3`, ... */
export function handleCandidate(base: string, n: number): string {
  return n <= 1 ? base : `${base}-${n}`;
}

/** A seller's id as the seed writes them: `sel_<country>_<handle with underscores>`. */
export function sellerIdFor(country: string, handle: string): string {
  return `sel_${country.toLowerCase()}_${handle.replace(/-/g, "_")}`;
}

/** The first candidate whose handle and id are both free. */
export function firstFreeHandle(name: string, country: string, taken: (candidate: { handle: string; id: string }) => boolean, limit = 1000): { handle: string; id: string } | null {
  const base = handleBase(name);
  for (let n = 1; n <= limit; n++) {
    const handle = handleCandidate(base, n);
    const candidate = { handle, id: sellerIdFor(country, handle) };
    if (!taken(candidate)) return candidate;
  }
  return null;
}

/**
 * What settings may change once the shop has products: prices are written in its
 * currency and its parcels' duties depend on its country, so both stay.
 */
export function checkLockedFields(current: { country: string; currency: string }, next: { country: string; currency: string }, hasProducts: boolean): SellerErrorCode | null {
  if (!hasProducts) return null;
  if (current.country !== next.country) return "COUNTRY_LOCKED";
  if (current.currency !== next.currency) return "CURRENCY_LOCKED";
  return null;
}

export type SellerStatusName = "PENDING" | "ACTIVE" | "SUSPENDED";

/** The operator's status filter: pending shops first, then live ones, then suspended. */
export const STATUS_ORDER: readonly SellerStatusName[] = ["PENDING", "ACTIVE", "SUSPENDED"];

export function parseStatusFilter(value: unknown): SellerStatusName | null {
  return typeof value === "string" && (STATUS_ORDER as readonly string[]).includes(value) ? (value as SellerStatusName) : null;
}
