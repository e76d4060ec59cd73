/**
 * The seller's catalogue file: one CSV row per variant, the product's own columns
 * repeated on each of its rows. RFC 4180 (quoted cells may hold commas, quotes and line
 * breaks; CRLF or LF; UTF-8 with or without a byte-order mark). Prices are decimals in
 * the seller's currency, read exactly into minor units. Pure: the import service adds
 * what only the database knows (categories, SKUs of other sellers).
 */
import { LOCALES, type Locale } from "@/lib/domain/markets";
import { money, parseDecimal, toDecimalString } from "@/lib/domain/money";

export const CSV_ERROR_CODES = [
  "UNTERMINATED_QUOTE",
  "MISSING_COLUMN",
  "UNKNOWN_COLUMN",
  "DUPLICATE_COLUMN",
  "WRONG_CELL_COUNT",
  "MISSING_FIELD",
  "INVALID_SKU",
  "INVALID_SLUG",
  "INVALID_KIND",
  "INVALID_HS_CODE",
  "HS_CODE_NOT_ALLOWED",
  "INVALID_COUNTRY",
  "INVALID_WEIGHT",
  "INVALID_TAX_CATEGORY",
  "INVALID_PRICE",
  "INVALID_STOCK",
  "INVALID_STATUS",
  "INVALID_TEXT",
  "TOO_LONG",
  "NO_TITLE",
  "DESCRIPTION_WITHOUT_TITLE",
  "DUPLICATE_SKU",
  "INCONSISTENT_PRODUCT",
  /** Another row of the same product is bad: a product is imported whole or not at all. */
  "PRODUCT_HAS_ERRORS",
  // Decided by the import service, against the database:
  "UNKNOWN_CATEGORY",
  "SKU_TAKEN",
  "SLUG_TAKEN",
  "SKU_IN_OTHER_PRODUCT",
  "WRITE_FAILED",
] as const;
export type CsvErrorCode = (typeof CSV_ERROR_CODES)[number];

/** `line` is the physical line (1 = the header) on which the row starts. */
export interface CsvRowError {
  line: number;
  field: string;
  code: CsvErrorCode;
}

export type ProductKindValue = "PHYSICAL" | "DIGITAL";
export type TaxCategoryValue = "STANDARD" | "BOOK" | "EBOOK";
export type ProductStatusValue = "DRAFT" | "ACTIVE" | "ARCHIVED";
export type Localised = Partial<Record<Locale, string>>;

export interface CatalogueRow {
  sku: string;
  productSlug: string;
  kind: ProductKindValue;
  categorySlug: string;
  /** 6 to 10 digits for physical goods; null for digital goods. */
  hsCode: string | null;
  originCountry: string;
  weightGrams: number | null;
  taxCategory: TaxCategoryValue;
  /** Minor units of the seller's currency. */
  priceMinor: number;
  stock: number;
  status: ProductStatusValue;
  variantName: Localised;
  title: Localised;
  /** A description only for a locale with a title; "" when its cell is empty. */
  description: Localised;
}

export interface ParsedCatalogueRow {
  line: number;
  row: CatalogueRow;
}

export interface ParsedCatalogue {
  /** Valid rows of products whose every row is valid, in file order. */
  rows: ParsedCatalogueRow[];
  errors: CsvRowError[];
  /** Data rows in the file (valid or not). */
  total: number;
}

export const LIMITS = {
  sku: 100,
  slug: 200,
  variantName: 100,
  title: 200,
  description: 10_000,
  /** Minor units, as the catalogue's change services allow. */
  priceMinor: 1_000_000_000,
  stock: 10_000_000,
  weightGrams: 1_000_000,
} as const;

const BASE_COLUMNS = [
  "sku",
  "product_slug",
  "kind",
  "category_slug",
  "hs_code",
  "origin_country",
  "weight_grams",
  "tax_category",
  "price",
  "stock",
  "status",
] as const;

export const CSV_COLUMNS: readonly string[] = [
  ...BASE_COLUMNS,
  ...LOCALES.map((l) => `variant_name_${l}`),
  ...LOCALES.map((l) => `title_${l}`),
  ...LOCALES.map((l) => `description_${l}`),
];

// ---------------------------------------------------------------------------------------
// RFC 4180 records

export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Splits CSV text into records of cells. Line breaks inside quotes are kept as written;
 * outside quotes CRLF, LF or a lone CR ends a record. Blank lines are skipped.
 */
export function readCsvRecords(text: string): { records: CsvRecord[]; error?: { line: number; code: "UNTERMINATED_QUOTE" } } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "" && !wasQuoted)) records.push({ line: start, cells });
    cells = [];
    cell = "";
    wasQuoted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n" || (c === "\r" && source[i + 1] !== "\n")) line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") {
      quoted = true;
      wasQuoted = true;
    } else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else cell += c;
  }
  if (quoted) return { records, error: { line: start, code: "UNTERMINATED_QUOTE" } };
  if (cell !== "" || cells.length > 0 || wasQuoted) endRecord();
  return { records };
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record per line, CRLF-terminated (RFC 4180). */
export function writeCsvRecords(records: readonly (readonly string[])[]): string {
  return records.map((r) => r.map(quoteCell).join(",") + "\r\n").join("");
}

// ---------------------------------------------------------------------------------------
// Catalogue rows

const SKU = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HS_CODE = /^\d{6,10}$/;
const COUNTRY = /^[A-Z]{2}$/;
const INTEGER = /^\d+$/;
/** Control characters other than tab and line breaks (these are allowed in descriptions only). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK_OR_TAB = /[\t\r\n]/;

const KINDS: Record<string, ProductKindValue> = { physical: "PHYSICAL", digital: "DIGITAL" };
const TAX_CATEGORIES: Record<string, TaxCategoryValue> = { standard: "STANDARD", book: "BOOK", ebook: "EBOOK" };
const STATUSES: Record<string, ProductStatusValue> = { draft: "DRAFT", active: "ACTIVE", archived: "ARCHIVED" };

function invert<T extends string>(table: Record<string, T>): Record<T, string> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [v, k])) as Record<T, string>;
}
const KIND_NAMES = invert(KINDS);
const TAX_NAMES = invert(TAX_CATEGORIES);
const STATUS_NAMES = invert(STATUSES);

function parseRow(get: (column: string) => string, line: number, currency: string): { row?: CatalogueRow; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const fail = (field: string, code: CsvErrorCode) => {
    errors.push({ line, field, code });
    return undefined;
  };
  const required = (field: string): string | undefined => {
    const value = get(field);
    return value === "" ? fail(field, "MISSING_FIELD") : value;
  };
  const identifier = (field: string, pattern: RegExp, max: number, code: CsvErrorCode): string => {
    const value = required(field);
    if (value === undefined) return "";
    if (value.length > max) return fail(field, "TOO_LONG") ?? "";
    return pattern.test(value) ? value : (fail(field, code) ?? "");
  };
  const choice = <T extends string>(field: string, table: Record<string, T>, code: CsvErrorCode): T | undefined => {
    const value = required(field);
    if (value === undefined) return undefined;
    return table[value.toLowerCase()] ?? fail(field, code);
  };
  const text = (field: string, max: number, multiline: boolean): string | undefined => {
    const value = get(field);
    if (value === "") return undefined;
    if (value.length > max) return fail(field, "TOO_LONG");
    if (CONTROL.test(value) || (!multiline && LINE_BREAK_OR_TAB.test(value))) return fail(field, "INVALID_TEXT");
    return value;
  };

  const sku = identifier("sku", SKU, LIMITS.sku, "INVALID_SKU");
  const productSlug = identifier("product_slug", SLUG, LIMITS.slug, "INVALID_SLUG");
  const kind = choice("kind", KINDS, "INVALID_KIND");
  const categorySlug = identifier("category_slug", SLUG, LIMITS.slug, "INVALID_SLUG");

  let hsCode: string | null = get("hs_code") || null;
  if (kind === "DIGITAL" && hsCode !== null) fail("hs_code", "HS_CODE_NOT_ALLOWED");
  else if (kind === "PHYSICAL" && hsCode === null) fail("hs_code", "MISSING_FIELD");
  else if (hsCode !== null && !HS_CODE.test(hsCode)) fail("hs_code", "INVALID_HS_CODE");
  if (kind !== "PHYSICAL") hsCode = null;

  const originCountry = required("origin_country");
  if (originCountry !== undefined && !COUNTRY.test(originCountry)) fail("origin_country", "INVALID_COUNTRY");

  const weightCell = get("weight_grams");
  let weightGrams: number | null = null;
  if (weightCell !== "") {
    weightGrams = INTEGER.test(weightCell) ? Number(weightCell) : NaN;
    if (!Number.isSafeInteger(weightGrams) || weightGrams < 1 || weightGrams > LIMITS.weightGrams) fail("weight_grams", "INVALID_WEIGHT");
  }

  const taxCategory = choice("tax_category", TAX_CATEGORIES, "INVALID_TAX_CATEGORY");

  let priceMinor = 0;
  const priceCell = required("price");
  if (priceCell !== undefined) {
    try {
      priceMinor = parseDecimal(priceCell, currency).amountMinor;
      if (priceCell.trim().startsWith("-") || priceMinor < 1 || priceMinor > LIMITS.priceMinor) fail("price", "INVALID_PRICE");
    } catch {
      fail("price", "INVALID_PRICE");
    }
  }

  let stock = 0;
  const stockCell = required("stock");
  if (stockCell !== undefined) {
    stock = INTEGER.test(stockCell) ? Number(stockCell) : NaN;
    if (!Number.isSafeInteger(stock) || stock > LIMITS.stock) fail("stock", "INVALID_STOCK");
  }

  const status = choice("status", STATUSES, "INVALID_STATUS");

  const variantName: Localised = {};
  const title: Localised = {};
  const description: Localised = {};
  for (const locale of LOCALES) {
    const name = text(`variant_name_${locale}`, LIMITS.variantName, false);
    if (name !== undefined) variantName[locale] = name;
    const t = text(`title_${locale}`, LIMITS.title, false);
    const d = text(`description_${locale}`, LIMITS.description, true);
    if (t !== undefined) {
      title[locale] = t;
      description[locale] = d ?? "";
    } else if (d !== undefined && get(`title_${locale}`) === "") fail(`description_${locale}`, "DESCRIPTION_WITHOUT_TITLE");
  }
  if (LOCALES.every((l) => get(`title_${l}`) === "")) fail(`title_${LOCALES[0]}`, "NO_TITLE");

  if (errors.length > 0 || !kind || !taxCategory || !status || originCountry === undefined) return { errors };
  return {
    errors,
    row: { sku, productSlug, kind, categorySlug, hsCode, originCountry, weightGrams, taxCategory, priceMinor, stock, status, variantName, title, description },
  };
}

/** The columns a product's rows must agree on (the first is the product's own). */
const PRODUCT_FIELDS = ["kind", "category_slug", "hs_code", "origin_country", "weight_grams", "tax_category", "status"] as const;

function productField(row: CatalogueRow, field: (typeof PRODUCT_FIELDS)[number]): unknown {
  switch (field) {
    case "kind":
      return row.kind;
    case "category_slug":
      return row.categorySlug;
    case "hs_code":
      return row.hsCode;
    case "origin_country":
      return row.originCountry;
    case "weight_grams":
      return row.weightGrams;
    case "tax_category":
      return row.taxCategory;
    case "status":
      return row.status;
  }
}

function inconsistentField(first: CatalogueRow, other: CatalogueRow): string | undefined {
  for (const field of PRODUCT_FIELDS) if (productField(first, field) !== productField(other, field)) return field;
  for (const locale of LOCALES) {
    if (first.title[locale] !== other.title[locale]) return `title_${locale}`;
    if (first.description[locale] !== other.description[locale]) return `description_${locale}`;
  }
  return undefined;
}

/**
 * Reads a catalogue file. Every bad row is reported with its line, column and code;
 * a product with any bad row is left out whole (its other rows report
 * PRODUCT_HAS_ERRORS), so an import never writes part of a product.
 */
export function parseCatalogueCsv(text: string, options: { currency: string }): ParsedCatalogue {
  const { records, error } = readCsvRecords(text);
  const errors: CsvRowError[] = [];
  if (error) errors.push({ line: error.line, field: "", code: error.code });
  const [header, ...data] = records;
  if (!header) return { rows: [], errors, total: 0 };

  const index = new Map<string, number>();
  header.cells.forEach((name, i) => {
    const column = name.trim();
    if (index.has(column)) errors.push({ line: header.line, field: column, code: "DUPLICATE_COLUMN" });
    else if (!CSV_COLUMNS.includes(column)) errors.push({ line: header.line, field: column, code: "UNKNOWN_COLUMN" });
    index.set(column, i);
  });
  for (const column of BASE_COLUMNS) if (!index.has(column)) errors.push({ line: header.line, field: column, code: "MISSING_COLUMN" });
  // Locale columns may be left out: a missing column is an empty cell.
  if (errors.some((e) => e.line === header.line)) return { rows: [], errors, total: data.length };

  const valid: ParsedCatalogueRow[] = [];
  const badSlugs = new Set<string>();
  const slugOfLine = new Map<number, string>();
  const firstOfSku = new Map<string, number>();
  const firstOfSlug = new Map<string, CatalogueRow>();
  for (const record of data) {
    if (record.cells.length !== header.cells.length) {
      errors.push({ line: record.line, field: "", code: "WRONG_CELL_COUNT" });
      const slug = record.cells[index.get("product_slug")!]?.trim();
      if (slug) badSlugs.add(slug);
      continue;
    }
    const get = (column: string) => {
      const i = index.get(column);
      return i === undefined ? "" : record.cells[i]!.trim();
    };
    const slug = get("product_slug");
    slugOfLine.set(record.line, slug);
    const parsed = parseRow(get, record.line, options.currency);
    if (parsed.row) {
      const sku = parsed.row.sku;
      const first = firstOfSlug.get(slug);
      const mismatch = first && inconsistentField(first, parsed.row);
      if (firstOfSku.has(sku)) parsed.errors.push({ line: record.line, field: "sku", code: "DUPLICATE_SKU" });
      else if (mismatch) parsed.errors.push({ line: record.line, field: mismatch, code: "INCONSISTENT_PRODUCT" });
      else {
        firstOfSku.set(sku, record.line);
        if (!first) firstOfSlug.set(slug, parsed.row);
        valid.push({ line: record.line, row: parsed.row });
        continue;
      }
    }
    errors.push(...parsed.errors);
    badSlugs.add(slug);
  }
  const rows: ParsedCatalogueRow[] = [];
  for (const r of valid) {
    if (badSlugs.has(r.row.productSlug)) errors.push({ line: r.line, field: "product_slug", code: "PRODUCT_HAS_ERRORS" });
    else rows.push(r);
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors, total: data.length };
}

/** Rows grouped by product, in the order each product first appears. */
export function groupByProduct<T extends { row: CatalogueRow }>(rows: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const group = groups.get(r.row.productSlug);
    if (group) group.push(r);
    else groups.set(r.row.productSlug, [r]);
  }
  return [...groups.values()];
}

/** The file for these rows (with a byte-order mark, so spreadsheets read it as UTF-8). */
export function formatCatalogueCsv(rows: readonly CatalogueRow[], options: { currency: string }): string {
  const records = rows.map((r) => [
    r.sku,
    r.productSlug,
    KIND_NAMES[r.kind],
    r.categorySlug,
    r.hsCode ?? "",
    r.originCountry,
    r.weightGrams === null ? "" : String(r.weightGrams),
    TAX_NAMES[r.taxCategory],
    toDecimalString(money(r.priceMinor, options.currency)),
    String(r.stock),
    STATUS_NAMES[r.status],
    ...LOCALES.map((l) => r.variantName[l] ?? ""),
    ...LOCALES.map((l) => r.title[l] ?? ""),
    ...LOCALES.map((l) => (r.title[l] === undefined ? "" : (r.description[l] ?? ""))),
  ]);
  return "\uFEFF" + writeCsvRecords([CSV_COLUMNS, ...records]);
}
