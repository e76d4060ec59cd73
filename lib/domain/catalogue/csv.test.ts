import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LOCALES } from "@/lib/domain/markets";
import { CSV_COLUMNS, formatCatalogueCsv, parseCatalogueCsv, readCsvRecords, type CatalogueRow } from "./csv";

const base: CatalogueRow = {
  sku: "TEA-50G",
  productSlug: "green-tea",
  kind: "PHYSICAL",
  categorySlug: "tea",
  hsCode: "090210",
  originCountry: "JP",
  weightGrams: 60,
  taxCategory: "STANDARD",
  priceMinor: 1250,
  stock: 4,
  status: "ACTIVE",
  variantName: { en: "50 g", ja: "50g" },
  title: { en: "Green tea", ja: "緑茶" },
  description: { en: "Sencha, first flush.", ja: "" },
};

/** A file with the header and one row per object of cells (column -> cell). */
function file(rows: Record<string, string>[], eol = "\r\n"): string {
  const lines = [CSV_COLUMNS.join(","), ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? "").join(","))];
  return lines.join(eol) + eol;
}
const good: Record<string, string> = {
  sku: "A-1", product_slug: "a", kind: "physical", category_slug: "tea", hs_code: "090210", origin_country: "JP",
  weight_grams: "100", tax_category: "standard", price: "12.50", stock: "3", status: "active", title_en: "A",
};

describe("readCsvRecords", () => {
  it("reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM", () => {
    const { records } = readCsvRecords('\uFEFFa,b\r\n"x, ""y""","line1\r\nline2"\r\n\r\nlast,\n');
    expect(records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ['x, "y"', "line1\r\nline2"] },
      { line: 5, cells: ["last", ""] },
    ]);
  });
  it("reports an unterminated quote at the line its record starts", () => {
    expect(readCsvRecords('a\n"open\nstill').error).toEqual({ line: 2, code: "UNTERMINATED_QUOTE" });
  });
  it("reads a last record without a line break", () => {
    expect(readCsvRecords("a,b\n1,2").records).toHaveLength(2);
  });
});

describe("parseCatalogueCsv", () => {
  it("reads a valid row exactly, price in minor units", () => {
    const { rows, errors } = parseCatalogueCsv(file([good]), { currency: "EUR" });
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 2, row: { sku: "A-1", priceMinor: 1250, kind: "PHYSICAL", title: { en: "A" }, description: { en: "" } } });
  });

  it("refuses more decimals than the currency has", () => {
    expect(parseCatalogueCsv(file([{ ...good, price: "12.5" }]), { currency: "JPY" }).errors).toEqual([{ line: 2, field: "price", code: "INVALID_PRICE" }]);
    expect(parseCatalogueCsv(file([{ ...good, price: "1250" }]), { currency: "JPY" }).rows[0]!.row.priceMinor).toBe(1250);
    expect(parseCatalogueCsv(file([{ ...good, price: "1.234" }]), { currency: "KWD" }).rows[0]!.row.priceMinor).toBe(1234);
    expect(parseCatalogueCsv(file([{ ...good, price: "1.234" }]), { currency: "EUR" }).errors[0]!.code).toBe("INVALID_PRICE");
  });

  it.each([
    [{ price: "-1" }, "price", "INVALID_PRICE"],
    [{ price: "0" }, "price", "INVALID_PRICE"],
    [{ price: "1e3" }, "price", "INVALID_PRICE"],
    [{ price: "" }, "price", "MISSING_FIELD"],
    [{ stock: "1.5" }, "stock", "INVALID_STOCK"],
    [{ stock: "-2" }, "stock", "INVALID_STOCK"],
    [{ kind: "service" }, "kind", "INVALID_KIND"],
    [{ hs_code: "12" }, "hs_code", "INVALID_HS_CODE"],
    [{ hs_code: "" }, "hs_code", "MISSING_FIELD"],
    [{ kind: "digital" }, "hs_code", "HS_CODE_NOT_ALLOWED"],
    [{ origin_country: "jpn" }, "origin_country", "INVALID_COUNTRY"],
    [{ tax_category: "food" }, "tax_category", "INVALID_TAX_CATEGORY"],
    [{ status: "gone" }, "status", "INVALID_STATUS"],
    [{ title_en: "" }, "title_en", "NO_TITLE"],
    [{ title_en: "x".repeat(201) }, "title_en", "TOO_LONG"],
    [{ description_de: "nur Text" }, "description_de", "DESCRIPTION_WITHOUT_TITLE"],
    [{ sku: "" }, "sku", "MISSING_FIELD"],
    [{ sku: "a b" }, "sku", "INVALID_SKU"],
    [{ product_slug: "Not A Slug" }, "product_slug", "INVALID_SLUG"],
    [{ weight_grams: "heavy" }, "weight_grams", "INVALID_WEIGHT"],
  ])("refuses %o in %s with %s", (change, field, code) => {
    const { rows, errors } = parseCatalogueCsv(file([{ ...good, ...change }]), { currency: "EUR" });
    expect(rows).toEqual([]);
    expect(errors).toContainEqual({ line: 2, field, code });
  });

  it("accepts a digital product without an HS code", () => {
    const { rows } = parseCatalogueCsv(file([{ ...good, kind: "digital", hs_code: "", tax_category: "ebook" }]), { currency: "EUR" });
    expect(rows[0]!.row).toMatchObject({ kind: "DIGITAL", hsCode: null, taxCategory: "EBOOK" });
  });

  it("reports a duplicate SKU and leaves out the whole product of a bad row", () => {
    const { rows, errors } = parseCatalogueCsv(
      file([good, { ...good, sku: "A-2", product_slug: "b" }, { ...good, sku: "A-3", product_slug: "b", stock: "x" }, { ...good, product_slug: "c" }]),
      { currency: "EUR" },
    );
    expect(rows.map((r) => r.row.sku)).toEqual(["A-1"]);
    expect(errors).toEqual([
      { line: 3, field: "product_slug", code: "PRODUCT_HAS_ERRORS" },
      { line: 4, field: "stock", code: "INVALID_STOCK" },
      { line: 5, field: "sku", code: "DUPLICATE_SKU" },
    ]);
  });

  it("refuses rows of one product that disagree on the product's columns", () => {
    const { errors } = parseCatalogueCsv(file([good, { ...good, sku: "A-2", title_en: "Other" }]), { currency: "EUR" });
    expect(errors).toContainEqual({ line: 3, field: "title_en", code: "INCONSISTENT_PRODUCT" });
  });

  it("reports missing and unknown columns on the header line, and rows of the wrong width", () => {
    expect(parseCatalogueCsv("sku,colour\nA,red\n", { currency: "EUR" }).errors).toContainEqual({ line: 1, field: "colour", code: "UNKNOWN_COLUMN" });
    expect(parseCatalogueCsv("sku\nA\n", { currency: "EUR" }).errors).toContainEqual({ line: 1, field: "price", code: "MISSING_COLUMN" });
    const text = file([good]) + "A-9,a\r\n";
    expect(parseCatalogueCsv(text, { currency: "EUR" }).errors).toContainEqual({ line: 3, field: "", code: "WRONG_CELL_COUNT" });
  });

  it("numbers lines past a quoted cell with line breaks, LF files too", () => {
    const text = file([{ ...good, description_en: '"one\ntwo\nthree"' }, { ...good, sku: "A-2", product_slug: "b", price: "x" }], "\n");
    expect(parseCatalogueCsv(text, { currency: "EUR" }).errors).toEqual([{ line: 5, field: "price", code: "INVALID_PRICE" }]);
  });
});

describe("formatCatalogueCsv", () => {
  const text = fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 30 })
    .map((s) => s.replace(/[\u0000-\u001f\u007f]/g, "").trim())
    .filter((s) => s.length > 0);
  const localised = fc.dictionary(fc.constantFrom(...LOCALES), text, { minKeys: 1 });
  const row = fc.record({
    sku: fc.stringMatching(/^[A-Z0-9][A-Z0-9._-]{0,20}$/),
    kind: fc.constantFrom("PHYSICAL" as const, "DIGITAL" as const),
    hs: fc.stringMatching(/^\d{6,10}$/),
    weightGrams: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
    taxCategory: fc.constantFrom("STANDARD" as const, "BOOK" as const, "EBOOK" as const),
    priceMinor: fc.integer({ min: 1, max: 1_000_000_000 }),
    stock: fc.integer({ min: 0, max: 10_000_000 }),
    status: fc.constantFrom("DRAFT" as const, "ACTIVE" as const),
    variantName: fc.dictionary(fc.constantFrom(...LOCALES), text),
    title: localised,
    description: fc.dictionary(fc.constantFrom(...LOCALES), fc.oneof(text, text.map((t) => `${t}\r\n"${t}", ${t}\n${t}`))),
  });

  it("round-trips exactly through parseCatalogueCsv, in a two- and a zero-decimal currency", () => {
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.sku, maxLength: 8 }), fc.constantFrom("EUR", "JPY", "KWD"), (generated, currency) => {
        const rows: CatalogueRow[] = generated.map((g, i) => {
          const description = Object.fromEntries(Object.keys(g.title).map((l) => [l, g.description[l as keyof typeof g.description] ?? ""]));
          return {
            sku: g.sku,
            productSlug: `product-${i}`,
            kind: g.kind,
            categorySlug: "tea",
            hsCode: g.kind === "PHYSICAL" ? g.hs : null,
            originCountry: "JP",
            weightGrams: g.weightGrams,
            taxCategory: g.taxCategory,
            priceMinor: g.priceMinor,
            stock: g.stock,
            status: g.status,
            variantName: g.variantName,
            title: g.title,
            description,
          };
        });
        const parsed = parseCatalogueCsv(formatCatalogueCsv(rows, { currency }), { currency });
        expect(parsed.errors).toEqual([]);
        expect(parsed.rows.map((r) => r.row)).toEqual(rows);
        expect(parsed.rows.map((r) => r.line)).toEqual(parsed.rows.map((_, i) => parsed.rows.slice(0, i).reduce((n, r) => n + 1 + (Object.values(r.row.description).join("").match(/\r\n|\n/g)?.length ?? 0), 2)));
      }),
      { numRuns: 200 },
    );
  });

  it("writes the example row", () => {
    const parsed = parseCatalogueCsv(formatCatalogueCsv([base], { currency: "EUR" }), { currency: "EUR" });
    expect(parsed.rows[0]!.row).toEqual(base);
  });
});
