import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { PRODUCTS } from "@/prisma/seed-data";
import { CSV_COLUMNS, writeCsvRecords, type CsvRowError } from "@/lib/domain/catalogue/csv";
import { exportCatalogueCsv, importCatalogueCsv } from "@/lib/server/catalogue/csv-import";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The seller's catalogue file against a seeded database of its own: a large file with
 * bad rows, re-imports that write nothing, export then import, other sellers' SKUs,
 * and products refused whole.
 */
const SELLER = "sel_de_solingen_knives"; // EUR
const OTHER_SKU = PRODUCTS.find((p) => p.sellerId !== SELLER)!.variants[0]!.sku;
let prisma: PrismaClient;

type Cells = Record<string, string>;
const csv = (rows: Cells[]) => writeCsvRecords([CSV_COLUMNS, ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? ""))]);

function row(product: number, variant: number, change: Cells = {}): Cells {
  return {
    sku: `IMP-${product}-${variant}`,
    product_slug: `imported-knife-${product}`,
    kind: "physical",
    category_slug: "kitchen-knives",
    hs_code: "821191",
    origin_country: "DE",
    weight_grams: "240",
    tax_category: "standard",
    price: `${40 + (product % 50)}.${String(variant * 25).padStart(2, "0")}`,
    stock: String(product % 17),
    status: "active",
    variant_name_de: `Größe ${variant}`,
    variant_name_en: `Size ${variant}`,
    title_de: `Kochmesser ${product}`,
    description_de: `Geschmiedet, "handgeschliffen", Nr. ${product}\nZweite Zeile`,
    title_en: `Chef's knife ${product}`,
    title_ja: `包丁 ${product}`,
    ...change,
  };
}

/** 500 rows: 493 good (246 products of two variants, one of one), 7 bad ones, each its own product. */
const BAD: { cells: Cells; field: string; code: CsvRowError["code"] }[] = [
  { cells: { price: "12.345" }, field: "price", code: "INVALID_PRICE" },
  { cells: { stock: "-3" }, field: "stock", code: "INVALID_STOCK" },
  { cells: { kind: "service" }, field: "kind", code: "INVALID_KIND" },
  { cells: { hs_code: "82" }, field: "hs_code", code: "INVALID_HS_CODE" },
  { cells: { kind: "digital", tax_category: "ebook" }, field: "hs_code", code: "HS_CODE_NOT_ALLOWED" },
  { cells: { title_de: "", title_en: "", title_ja: "", description_de: "" }, field: "title_en", code: "NO_TITLE" },
  { cells: { category_slug: "no-such-category" }, field: "category_slug", code: "UNKNOWN_CATEGORY" },
];
const LARGE: Cells[] = [];
const expectedFailures: CsvRowError[] = [];
// Line 1 is the header; a record takes one line more per line break in its cells.
let line = 2;
const push = (cells: Cells) => {
  LARGE.push(cells);
  line += 1 + Object.values(cells).join("").split("\n").length - 1;
};
for (let p = 0; p < 247; p++) {
  push(row(p, 1));
  if (p < 246) push(row(p, 2));
  if (p % 35 === 0 && p / 35 < BAD.length) {
    const bad = BAD[p / 35]!;
    expectedFailures.push({ line, field: bad.field, code: bad.code });
    push(row(1000 + p, 1, bad.cells));
  }
}

async function versions(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ v: string }[]>`
    SELECT 'p' || id || xmin::text AS v FROM "Product"
    UNION ALL SELECT 't' || "productId" || locale || xmin::text FROM "ProductTranslation"
    UNION ALL SELECT 'v' || sku || xmin::text FROM "Variant" ORDER BY 1`;
  return rows.map((r) => r.v);
}

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `catalogue_csv_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("importCatalogueCsv", () => {
  it("imports the 493 good rows of 500 and reports the 7 bad ones by line and code", async () => {
    expect(LARGE).toHaveLength(500);
    const progress: [number, number][] = [];
    const result = await importCatalogueCsv(prisma, SELLER, csv(LARGE), { chunkSize: 120, onProgress: (done, total) => progress.push([done, total]) });
    expect(result.failed).toEqual(expectedFailures);
    expect(result).toMatchObject({ imported: 493, unchanged: 0 });
    expect(progress.at(-1)).toEqual([500, 500]);
    expect(progress.length).toBeGreaterThan(3);
    expect(await prisma.variant.count({ where: { sku: { startsWith: "IMP-" } } })).toBe(493);

    const product = await prisma.product.findUniqueOrThrow({ where: { slug: "imported-knife-3" }, include: { translations: true, variants: { orderBy: { position: "asc" } } } });
    expect(product).toMatchObject({ sellerId: SELLER, currency: "EUR", fromPriceMinor: 4325, listed: true, originalLocale: "de", hsCode: "821191" });
    expect(product.variants.map((v) => [v.sku, v.priceMinor, v.name])).toEqual([
      ["IMP-3-1", 4325, { en: "Size 1", de: "Größe 1" }],
      ["IMP-3-2", 4350, { en: "Size 2", de: "Größe 2" }],
    ]);
    expect(product.translations.find((t) => t.locale === "de")?.description).toBe('Geschmiedet, "handgeschliffen", Nr. 3\nZweite Zeile');
    expect(product.translations.find((t) => t.locale === "en")?.description).toBe("");
    const tags = (await prisma.cacheInvalidation.findMany()).flatMap((r) => r.tags);
    expect(tags).toContain(`product:${product.id}`);
    expect(tags).toContain("catalogue");
  });

  it("writes nothing when the same file comes again", async () => {
    const before = await versions();
    const invalidations = await prisma.cacheInvalidation.count();
    const result = await importCatalogueCsv(prisma, SELLER, csv(LARGE));
    expect(result).toEqual({ imported: 0, unchanged: 493, failed: expectedFailures });
    expect(await versions()).toEqual(before);
    expect(await prisma.cacheInvalidation.count()).toBe(invalidations);
  });

  it("updates a changed row and nothing else", async () => {
    const before = await versions();
    const changed = LARGE.map((r) => (r.sku === "IMP-7-2" ? { ...r, price: "1.00", stock: "99" } : r));
    const result = await importCatalogueCsv(prisma, SELLER, csv(changed));
    expect(result).toMatchObject({ imported: 1, unchanged: 492 });
    const after = await versions();
    expect(after.filter((v) => !before.includes(v)).every((v) => v.startsWith("vIMP-7-2") || v.startsWith("p"))).toBe(true);
    const product = await prisma.product.findUniqueOrThrow({ where: { slug: "imported-knife-7" } });
    expect(product.fromPriceMinor).toBe(100);
    // And back: the stored catalogue is the large file's again.
    expect(await importCatalogueCsv(prisma, SELLER, csv(LARGE))).toMatchObject({ imported: 1, unchanged: 492 });
  });

  it("updates a product's own columns and translations on all its rows", async () => {
    const changed = LARGE.map((r) => (r.product_slug === "imported-knife-9" ? { ...r, status: "draft", title_en: "", title_fr: "Couteau 9", description_fr: "Forgé" } : r));
    const result = await importCatalogueCsv(prisma, SELLER, csv(changed));
    expect(result).toMatchObject({ imported: 2, unchanged: 491 });
    const product = await prisma.product.findUniqueOrThrow({ where: { slug: "imported-knife-9" }, include: { translations: { orderBy: { locale: "asc" } } } });
    expect(product).toMatchObject({ status: "DRAFT", listed: false });
    expect(product.translations.map((t) => [t.locale, t.title, t.description])).toEqual([
      ["de", "Kochmesser 9", 'Geschmiedet, "handgeschliffen", Nr. 9\nZweite Zeile'],
      ["fr", "Couteau 9", "Forgé"],
      ["ja", "包丁 9", ""],
    ]);
    expect(product.translations.find((t) => t.locale === "fr")?.searchTitle).not.toBe("");
    expect(await importCatalogueCsv(prisma, SELLER, csv(changed))).toMatchObject({ imported: 0, unchanged: 493 });
  });

  it("refuses a product slug of another seller", async () => {
    const other = PRODUCTS.find((p) => p.sellerId !== SELLER)!;
    const result = await importCatalogueCsv(prisma, SELLER, csv([row(5000, 1, { product_slug: other.slug })]));
    expect(result.failed).toEqual([{ line: 2, field: "product_slug", code: "SLUG_TAKEN" }]);
    expect(await prisma.variant.count({ where: { sku: "IMP-5000-1" } })).toBe(0);
  });

  it("round-trips the seller's export with every row unchanged", async () => {
    const text = await exportCatalogueCsv(prisma, SELLER);
    const before = await versions();
    const rows = await prisma.variant.count({ where: { product: { sellerId: SELLER } } });
    const result = await importCatalogueCsv(prisma, SELLER, text);
    expect(result).toEqual({ imported: 0, unchanged: rows, failed: [] });
    expect(await versions()).toEqual(before);
    expect(await exportCatalogueCsv(prisma, SELLER)).toBe(text);
  });

  it("refuses another seller's SKU and leaves it untouched", async () => {
    const before = await prisma.variant.findUniqueOrThrow({ where: { sku: OTHER_SKU }, include: { product: true } });
    const result = await importCatalogueCsv(prisma, SELLER, csv([row(2000, 1, { sku: OTHER_SKU, price: "1.00" })]));
    expect(result).toEqual({ imported: 0, unchanged: 0, failed: [{ line: 2, field: "sku", code: "SKU_TAKEN" }] });
    expect(await prisma.variant.findUniqueOrThrow({ where: { sku: OTHER_SKU }, include: { product: true } })).toEqual(before);
    expect(await prisma.product.count({ where: { slug: "imported-knife-2000" } })).toBe(0);
  });

  it("writes no part of a product with one bad row", async () => {
    const result = await importCatalogueCsv(prisma, SELLER, csv([row(3000, 1), row(3000, 2, { price: "abc" }), row(3001, 1), row(3001, 2, { sku: OTHER_SKU })]));
    expect(result.imported).toBe(0);
    expect(result.failed).toEqual([
      { line: 2, field: "product_slug", code: "PRODUCT_HAS_ERRORS" },
      { line: 4, field: "price", code: "INVALID_PRICE" },
      { line: 6, field: "product_slug", code: "PRODUCT_HAS_ERRORS" },
      { line: 8, field: "sku", code: "SKU_TAKEN" },
    ]);
    expect(await prisma.product.count({ where: { slug: { in: ["imported-knife-3000", "imported-knife-3001"] } } })).toBe(0);
    expect(await prisma.variant.count({ where: { sku: { in: ["IMP-3000-1", "IMP-3001-1"] } } })).toBe(0);
  });

  it("rolls back a product whose write fails midway, and still writes the others of its chunk", async () => {
    // The database refuses the second variant of one product, after its product row and first variant went in.
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_sku() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.sku = 'IMP-4001-2' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_sku BEFORE INSERT ON "Variant" FOR EACH ROW EXECUTE FUNCTION refuse_sku()`);
    try {
      const text = csv([row(4000, 1), row(4000, 2), row(4001, 1), row(4001, 2), row(4002, 1)]);
      const result = await importCatalogueCsv(prisma, SELLER, text);
      expect(result).toEqual({
        imported: 3,
        unchanged: 0,
        failed: [
          { line: 6, field: "", code: "WRITE_FAILED" },
          { line: 8, field: "", code: "WRITE_FAILED" },
        ],
      });
      expect(await prisma.product.count({ where: { slug: "imported-knife-4001" } })).toBe(0);
      expect(await prisma.variant.count({ where: { sku: { startsWith: "IMP-4001-" } } })).toBe(0);
      expect(await prisma.variant.count({ where: { sku: { in: ["IMP-4000-1", "IMP-4000-2", "IMP-4002-1"] } } })).toBe(3);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_sku ON "Variant"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_sku()`);
    }
  });
});
