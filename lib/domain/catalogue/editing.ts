/**
 * The seller panel's product form, without I/O: each field read from the form's text
 * into a typed value or a refusal code per field, the rules a product must meet to be
 * ACTIVE, and how complete its translations are. Prices are decimals in the seller's
 * currency, read exactly into minor units (lib/domain/money parseDecimal). The service
 * (lib/server/seller/products.ts) adds what only the database knows (categories, SKUs
 * and slugs taken, variants ever ordered).
 */
import { LOCALES, isLocale, type Locale } from "@/lib/domain/markets";
import { parseDecimal } from "@/lib/domain/money";
import { LIMITS, type Localised, type ProductKindValue, type ProductStatusValue, type TaxCategoryValue } from "./csv";

export const FIELD_CODES = [
  "MISSING_FIELD",
  "INVALID_CHOICE",
  "INVALID_SLUG",
  "INVALID_HS_CODE",
  "HS_CODE_NOT_ALLOWED",
  "INVALID_COUNTRY",
  "INVALID_WEIGHT",
  "INVALID_DIMENSION",
  "INVALID_TEXT",
  "TOO_LONG",
  "DESCRIPTION_WITHOUT_TITLE",
  "INVALID_SKU",
  "INVALID_PRICE",
  "INVALID_STOCK",
  // Decided by the service, against the database:
  "UNKNOWN_CATEGORY",
  "SLUG_TAKEN",
  "SKU_TAKEN",
] as const;

export type FieldCode = (typeof FIELD_CODES)[number];

/** Refusals per form field (`hsCode`, `title.de`, `price`): the page shows each beside its field. */
export type FieldIssues = Record<string, FieldCode>;

export type Parsed<T> = { ok: true; data: T } | { ok: false; issues: FieldIssues };

/** What the activation check can find missing, named to the seller. */
export const ACTIVATION_GAPS = ["NO_VARIANT", "NO_ORIGINAL_TITLE", "NO_HS_CODE", "NO_WEIGHT"] as const;
export type ActivationGap = (typeof ACTIVATION_GAPS)[number];

/** The refusals of the seller's product services the panel translates (messages `panel.error.<CODE>`). */
export const SELLER_PRODUCT_ERROR_CODES = [
  "INVALID_INPUT",
  "CANNOT_ACTIVATE",
  "ARCHIVED_PRODUCT",
  "NOT_ARCHIVED",
  "ALREADY_ARCHIVED",
  "ORIGINAL_TITLE_REQUIRED",
  "VARIANT_ORDERED",
  "LAST_VARIANT",
] as const;

export function isFieldCode(value: string): value is FieldCode {
  return (FIELD_CODES as readonly string[]).includes(value);
}

export const PRODUCT_KINDS: readonly ProductKindValue[] = ["PHYSICAL", "DIGITAL"];
export const TAX_CATEGORIES: readonly TaxCategoryValue[] = ["STANDARD", "BOOK", "EBOOK"];
export const PRODUCT_STATUSES: readonly ProductStatusValue[] = ["DRAFT", "ACTIVE", "ARCHIVED"];
/** The statuses the product form offers; ARCHIVED has its own archive and restore buttons. */
export const EDITABLE_STATUSES: readonly ProductStatusValue[] = ["DRAFT", "ACTIVE"];

export const EDIT_LIMITS = { ...LIMITS, dimensionMm: 10_000 } as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const HS_CODE = /^\d{6,10}$/;
const COUNTRY = /^[A-Z]{2}$/;
const INTEGER = /^\d+$/;
/** Control characters other than tab and line breaks (allowed in descriptions only). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK_OR_TAB = /[\t\r\n]/;

type Field = string | null | undefined;

/**
 * An HS code as the seller types it: spaces and dots (`8211.91`) are dropped, then
 * 6 to 10 digits. Required for physical goods, refused for digital ones.
 */
export function checkHsCode(kind: ProductKindValue, value: Field): { ok: true; hsCode: string | null } | { ok: false; code: FieldCode } {
  const digits = (value ?? "").replace(/[\s.]/g, "");
  if (kind === "DIGITAL") return digits === "" ? { ok: true, hsCode: null } : { ok: false, code: "HS_CODE_NOT_ALLOWED" };
  if (digits === "") return { ok: false, code: "MISSING_FIELD" };
  return HS_CODE.test(digits) ? { ok: true, hsCode: digits } : { ok: false, code: "INVALID_HS_CODE" };
}

function choice<T extends string>(value: Field, options: readonly T[]): T | undefined {
  const v = (value ?? "").trim().toUpperCase();
  return (options as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** A positive whole number up to `max`, or null when empty. */
function measure(value: Field, max: number): number | null | "invalid" {
  const v = (value ?? "").trim();
  if (v === "") return null;
  if (!INTEGER.test(v)) return "invalid";
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 1 && n <= max ? n : "invalid";
}

/** One line of text (a title, a variant name): trimmed; "" when empty. */
export function checkLine(value: Field, max: number): { ok: true; text: string } | { ok: false; code: FieldCode } {
  const v = (value ?? "").trim();
  if (v.length > max) return { ok: false, code: "TOO_LONG" };
  if (CONTROL.test(v) || LINE_BREAK_OR_TAB.test(v)) return { ok: false, code: "INVALID_TEXT" };
  return { ok: true, text: v };
}

/** A description: line breaks and tabs allowed, line breaks stored as `\n`. */
export function checkDescription(value: Field, max: number): { ok: true; text: string } | { ok: false; code: FieldCode } {
  const v = (value ?? "").replace(/\r\n?/g, "\n").trim();
  if (v.length > max) return { ok: false, code: "TOO_LONG" };
  if (CONTROL.test(v)) return { ok: false, code: "INVALID_TEXT" };
  return { ok: true, text: v };
}

export interface ProductCore {
  categoryId: string;
  taxCategory: TaxCategoryValue;
  hsCode: string | null;
  originCountry: string;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

export interface NewProduct extends ProductCore {
  kind: ProductKindValue;
  slug: string;
}

/**
 * The product's own fields. `kind` is read from the form on creation only (it is fixed
 * afterwards: pass the stored kind). Dimensions and weight are for physical goods:
 * a digital product stores none.
 */
export function parseProductCore(get: (name: string) => Field, kind: ProductKindValue): Parsed<ProductCore> {
  const issues: FieldIssues = {};
  const categoryId = (get("categoryId") ?? "").trim();
  if (categoryId === "") issues.categoryId = "MISSING_FIELD";
  const taxCategory = choice(get("taxCategory"), TAX_CATEGORIES);
  if (!taxCategory) issues.taxCategory = "INVALID_CHOICE";
  const hs = checkHsCode(kind, get("hsCode"));
  if (!hs.ok) issues.hsCode = hs.code;
  const originCountry = (get("originCountry") ?? "").trim().toUpperCase();
  if (originCountry === "") issues.originCountry = "MISSING_FIELD";
  else if (!COUNTRY.test(originCountry)) issues.originCountry = "INVALID_COUNTRY";
  const physical = kind === "PHYSICAL";
  const weight = physical ? measure(get("weightGrams"), EDIT_LIMITS.weightGrams) : null;
  if (weight === "invalid") issues.weightGrams = "INVALID_WEIGHT";
  const dims = (["lengthMm", "widthMm", "heightMm"] as const).map((name) => {
    const value = physical ? measure(get(name), EDIT_LIMITS.dimensionMm) : null;
    if (value === "invalid") issues[name] = "INVALID_DIMENSION";
    return value === "invalid" ? null : value;
  });
  if (Object.keys(issues).length > 0 || !taxCategory || !hs.ok || weight === "invalid") return { ok: false, issues };
  return {
    ok: true,
    data: { categoryId, taxCategory, hsCode: hs.hsCode, originCountry, weightGrams: weight, lengthMm: dims[0] ?? null, widthMm: dims[1] ?? null, heightMm: dims[2] ?? null },
  };
}

/** A new product: its kind and address (slug) as well as its own fields. */
export function parseNewProduct(get: (name: string) => Field): Parsed<NewProduct> {
  const kind = choice(get("kind"), PRODUCT_KINDS);
  const slug = (get("slug") ?? "").trim().toLowerCase();
  const issues: FieldIssues = {};
  if (!kind) issues.kind = "INVALID_CHOICE";
  if (slug === "") issues.slug = "MISSING_FIELD";
  else if (slug.length > EDIT_LIMITS.slug) issues.slug = "TOO_LONG";
  else if (!SLUG.test(slug)) issues.slug = "INVALID_SLUG";
  const core = parseProductCore(get, kind ?? "PHYSICAL");
  if (!core.ok) Object.assign(issues, kind ? core.issues : Object.fromEntries(Object.entries(core.issues).filter(([f]) => f !== "hsCode")));
  if (!kind || !core.ok || Object.keys(issues).length > 0) return { ok: false, issues };
  return { ok: true, data: { ...core.data, kind, slug } };
}

export interface TranslationInput {
  title: string;
  description: string;
}

/**
 * Every locale's title and description from the side-by-side form (`title.<locale>`,
 * `description.<locale>`). A locale with an empty title has no translation (it is
 * removed); a description needs a title.
 */
export function parseTranslations(get: (name: string) => Field): Parsed<Partial<Record<Locale, TranslationInput>>> {
  const issues: FieldIssues = {};
  const out: Partial<Record<Locale, TranslationInput>> = {};
  for (const locale of LOCALES) {
    const title = checkLine(get(`title.${locale}`), EDIT_LIMITS.title);
    const description = checkDescription(get(`description.${locale}`), EDIT_LIMITS.description);
    if (!title.ok) issues[`title.${locale}`] = title.code;
    if (!description.ok) issues[`description.${locale}`] = description.code;
    if (!title.ok || !description.ok) continue;
    if (title.text === "") {
      if (description.text !== "") issues[`description.${locale}`] = "DESCRIPTION_WITHOUT_TITLE";
      continue;
    }
    out[locale] = { title: title.text, description: description.text };
  }
  return Object.keys(issues).length > 0 ? { ok: false, issues } : { ok: true, data: out };
}

export interface VariantInput {
  sku: string;
  /** Locale to name; locales without a name are left out. */
  name: Localised;
  /** Minor units of the seller's currency. */
  priceMinor: number;
  stock: number;
}

/** Exactly the seller's decimal in minor units: `12.5` EUR is 1250, `1200` JPY is 1200, `12.345` EUR is refused. */
export function parsePrice(value: Field, currency: string): { ok: true; priceMinor: number } | { ok: false; code: FieldCode } {
  const v = (value ?? "").trim();
  if (v === "") return { ok: false, code: "MISSING_FIELD" };
  try {
    const { amountMinor } = parseDecimal(v, currency);
    if (v.startsWith("-") || amountMinor < 1 || amountMinor > EDIT_LIMITS.priceMinor) return { ok: false, code: "INVALID_PRICE" };
    return { ok: true, priceMinor: amountMinor };
  } catch {
    return { ok: false, code: "INVALID_PRICE" };
  }
}

export function parseStock(value: Field): { ok: true; stock: number } | { ok: false; code: FieldCode } {
  const v = (value ?? "").trim();
  if (v === "") return { ok: false, code: "MISSING_FIELD" };
  const n = INTEGER.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n <= EDIT_LIMITS.stock ? { ok: true, stock: n } : { ok: false, code: "INVALID_STOCK" };
}

/** A variant from its form: SKU, price, stock and optional names per locale (`name.<locale>`). */
export function parseVariant(get: (name: string) => Field, currency: string): Parsed<VariantInput> {
  const issues: FieldIssues = {};
  const sku = (get("sku") ?? "").trim();
  if (sku === "") issues.sku = "MISSING_FIELD";
  else if (sku.length > EDIT_LIMITS.sku) issues.sku = "TOO_LONG";
  else if (!SKU.test(sku)) issues.sku = "INVALID_SKU";
  const price = parsePrice(get("price"), currency);
  if (!price.ok) issues.price = price.code;
  const stock = parseStock(get("stock"));
  if (!stock.ok) issues.stock = stock.code;
  const name: Localised = {};
  for (const locale of LOCALES) {
    const line = checkLine(get(`name.${locale}`), EDIT_LIMITS.variantName);
    if (!line.ok) issues[`name.${locale}`] = line.code;
    else if (line.text !== "") name[locale] = line.text;
  }
  if (Object.keys(issues).length > 0 || !price.ok || !stock.ok) return { ok: false, issues };
  return { ok: true, data: { sku, name, priceMinor: price.priceMinor, stock: stock.stock } };
}

export interface ActivationFacts {
  kind: ProductKindValue;
  originalLocale: string;
  hsCode: string | null;
  weightGrams: number | null;
  variantCount: number;
  /** Locales with a title. */
  titledLocales: readonly string[];
}

/** What keeps a product from being ACTIVE, in the order the form shows them; empty when it may be. */
export function activationGaps(facts: ActivationFacts): ActivationGap[] {
  const gaps: ActivationGap[] = [];
  if (facts.variantCount < 1) gaps.push("NO_VARIANT");
  if (!facts.titledLocales.includes(facts.originalLocale)) gaps.push("NO_ORIGINAL_TITLE");
  if (facts.kind === "PHYSICAL") {
    if (!facts.hsCode || !HS_CODE.test(facts.hsCode)) gaps.push("NO_HS_CODE");
    if (facts.weightGrams === null || facts.weightGrams < 1) gaps.push("NO_WEIGHT");
  }
  return gaps;
}

export type StatusChange = "DRAFT" | "ACTIVE" | "ARCHIVE" | "RESTORE";

/**
 * The status a change leads to from `from`, or why not: an archived product is
 * restored (to DRAFT) before anything else; archiving twice or restoring what is not
 * archived is refused.
 */
export function nextStatus(from: ProductStatusValue, change: StatusChange): { ok: true; status: ProductStatusValue } | { ok: false; code: "ARCHIVED_PRODUCT" | "NOT_ARCHIVED" | "ALREADY_ARCHIVED" } {
  switch (change) {
    case "ARCHIVE":
      return from === "ARCHIVED" ? { ok: false, code: "ALREADY_ARCHIVED" } : { ok: true, status: "ARCHIVED" };
    case "RESTORE":
      return from === "ARCHIVED" ? { ok: true, status: "DRAFT" } : { ok: false, code: "NOT_ARCHIVED" };
    default:
      return from === "ARCHIVED" ? { ok: false, code: "ARCHIVED_PRODUCT" } : { ok: true, status: change };
  }
}

export interface Completeness {
  done: number;
  total: number;
  /** The store's locales without a title, in the store's order. */
  missing: Locale[];
}

/** How many of the store's locales have a title. */
export function translationCompleteness(titledLocales: readonly string[]): Completeness {
  const have = new Set(titledLocales.filter(isLocale));
  const missing = LOCALES.filter((l) => !have.has(l));
  return { done: LOCALES.length - missing.length, total: LOCALES.length, missing };
}

/** A product's original language when it is created: the seller's first language the store has, else English. */
export function originalLocaleFor(sellerLanguages: readonly string[]): Locale {
  return sellerLanguages.find(isLocale) ?? LOCALES[0];
}

/** Encodes field issues for the `?fields=` parameter of the page: `hsCode:INVALID_HS_CODE,price:INVALID_PRICE`. */
export function encodeIssues(issues: FieldIssues): string {
  return Object.entries(issues)
    .map(([field, code]) => `${field}:${code}`)
    .join(",");
}

/** A field's name, maybe under a form's prefix: `price`, `title.zh-CN`, `var_1f3a.price`. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;
const CODE = /^[A-Z_]+$/;

/** Reads `?fields=` back; anything malformed is dropped. */
export function decodeIssues(value: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (value ?? "").split(",")) {
    const [field, code] = pair.split(":");
    if (field && code && FIELD_NAME.test(field) && CODE.test(code)) out[field] = code;
  }
  return out;
}
