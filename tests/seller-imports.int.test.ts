import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { PRODUCTS } from "@/prisma/seed-data";
import type { Viewer } from "@/lib/domain/accounts";
import { CSV_COLUMNS, writeCsvRecords, type CsvRowError } from "@/lib/domain/catalogue/csv";
import { drainJobs, type JobContext } from "@/lib/server/jobs";
import { registerJobHandlers } from "@/lib/server/jobs/handlers";
import { catalogueImport, exportSellerCatalogue, listCatalogueImports, startCatalogueImport } from "@/lib/server/seller-imports";
import { CATALOGUE_IMPORT_JOB, catalogueImportResult, runCatalogueImport } from "@/lib/server/seller-imports/job";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The seller panel's catalogue import on a database of its own: the seller is the
 * viewer's, another seller's SKUs are refused and untouched, the job records its
 * progress and result, export then import changes nothing, a failed write leaves no part
 * of a product, and another seller cannot see the job.
 */
const SELLER = "sel_de_solingen_knives"; // EUR
const OTHER = "sel_jp_kyoto_tea";
const OTHER_SKU = PRODUCTS.find((p) => p.sellerId === OTHER)!.variants[0]!.sku;
let prisma: PrismaClient;

const member = (id: string, sellerId: string): Viewer => ({ userId: `usr_${id}`, email: `${id}@shop.example`, role: "BUYER", seller: { id: sellerId, role: "STAFF" } });
const knives = member("knives", SELLER);
const tea = member("tea", OTHER);
const buyer: Viewer = { userId: "usr_buyer", email: "buyer@shop.example", role: "BUYER", seller: null };

type Cells = Record<string, string>;
const csv = (rows: Cells[]) => writeCsvRecords([CSV_COLUMNS, ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? ""))]);
const upload = (text: string, name = "catalogue.csv") => ({ name, bytes: new TextEncoder().encode(text) });

function row(product: number, variant: number, change: Cells = {}): Cells {
  return {
    sku: `SI-${product}-${variant}`,
    product_slug: `seller-import-knife-${product}`,
    kind: "physical",
    category_slug: "kitchen-knives",
    hs_code: "821191",
    origin_country: "DE",
    weight_grams: "210",
    tax_category: "standard",
    price: `${30 + (product % 40)}.${variant === 1 ? "00" : "50"}`,
    stock: String(product % 11),
    status: "active",
    variant_name_en: `Size ${variant}`,
    title_en: `Paring knife ${product}`,
    title_de: `Schälmesser ${product}`,
    ...change,
  };
}

/** 1,200 rows of 600 two-variant products, and 3 bad ones (their own products), at known lines. */
const BIG: Cells[] = [];
const BIG_FAILURES: CsvRowError[] = [];
for (let p = 0; p < 600; p++) {
  BIG.push(row(p, 1), row(p, 2));
  if (p % 200 === 100) {
    BIG_FAILURES.push({ line: BIG.length + 2, field: "price", code: "INVALID_PRICE" });
    BIG.push(row(5000 + p, 1, { price: "free" }));
  }
}

async function versions(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ v: string }[]>`
    SELECT 'p' || id || xmin::text AS v FROM "Product"
    UNION ALL SELECT 't' || "productId" || locale || xmin::text FROM "ProductTranslation"
    UNION ALL SELECT 'v' || sku || xmin::text FROM "Variant" ORDER BY 1`;
  return rows.map((r) => r.v);
}

async function importAs(viewer: Viewer, text: string) {
  const started = await startCatalogueImport(viewer, upload(text), prisma);
  if (!started.ok) throw new Error(started.code);
  expect(await drainJobs(prisma)).toBeGreaterThanOrEqual(1);
  const job = await catalogueImport(viewer, started.jobId, prisma);
  if (!job.ok) throw new Error(job.code);
  return job.data;
}

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `seller_imports_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma, { demoAccounts: false });
  for (const viewer of [knives, tea, buyer]) {
    await prisma.user.create({ data: { id: viewer.userId, email: viewer.email, name: viewer.email } });
    if (viewer.seller) await prisma.sellerMember.create({ data: { id: `sm_${viewer.userId}`, userId: viewer.userId, sellerId: viewer.seller.id, role: "STAFF" } });
  }
  await registerJobHandlers();
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("seller catalogue imports", () => {
  it("queues the file for the viewer's own seller and records the job's progress and result", async () => {
    const started = await startCatalogueImport(knives, upload(csv(BIG), "knives.csv"), prisma);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const queued = await prisma.job.findUniqueOrThrow({ where: { id: started.jobId } });
    expect(queued).toMatchObject({ kind: CATALOGUE_IMPORT_JOB, sellerId: SELLER, requestedBy: knives.userId, status: "QUEUED", done: 0 });
    expect(queued.payload).toMatchObject({ fileName: "knives.csv", text: csv(BIG) });

    // The import, then the analytics refresh it queues for the seller.
    expect(await drainJobs(prisma)).toBe(2);
    expect(await prisma.job.count({ where: { kind: "analytics.refresh", sellerId: SELLER, status: "DONE" } })).toBe(1);
    const job = await catalogueImport(knives, started.jobId, prisma);
    expect(job.ok && job.data).toMatchObject({ status: "DONE", done: 1203, total: 1203, fileName: "knives.csv", result: { imported: 1200, unchanged: 0, failed: BIG_FAILURES } });
    expect(await prisma.product.count({ where: { slug: { startsWith: "seller-import-knife-" }, sellerId: SELLER } })).toBe(600);
    expect(await prisma.product.count({ where: { slug: { startsWith: "seller-import-knife-" }, NOT: { sellerId: SELLER } } })).toBe(0);

    const listed = await listCatalogueImports(knives, prisma);
    expect(listed.ok && listed.data[0]).toMatchObject({ id: started.jobId, fileName: "knives.csv", status: "DONE", imported: 1200, unchanged: 0, failed: 3 });
  });

  it("reports progress after every chunk through the job", async () => {
    const calls: [number, number][] = [];
    const context: JobContext = {
      id: "job_progress",
      sellerId: SELLER,
      requestedBy: knives.userId,
      payload: { fileName: "again.csv", text: csv(BIG) },
      db: prisma,
      progress: async (done, total) => {
        calls.push([done, total]);
      },
    };
    const outcome = await runCatalogueImport(context);
    expect(outcome.ok && catalogueImportResult(outcome.result as never)).toEqual({ imported: 0, unchanged: 1200, failed: BIG_FAILURES });
    // Chunks of 500 rows: the 3 refused rows count as done from the start.
    expect(calls).toEqual([
      [503, 1203],
      [1003, 1203],
      [1203, 1203],
    ]);
  });

  it("names the seller member in the import's audit entries, one per price and stock change", async () => {
    const created = await prisma.auditEntry.findMany({ where: { action: "variant.create", subjectId: "SI-7-2" } });
    expect(created).toHaveLength(1);
    expect(created[0]!.actor).toEqual({ kind: "seller", id: knives.userId, name: knives.email });
    expect(created[0]!.after).toEqual({ priceMinor: 3750, currency: "EUR", stock: 7 });

    const changed = BIG.map((r) => (r.sku === "SI-7-2" ? { ...r, price: "12.00" } : r.sku === "SI-8-1" ? { ...r, stock: "40" } : r.product_slug === "seller-import-knife-9" ? { ...r, status: "draft" } : r));
    const job = await importAs(knives, csv(changed));
    expect(job.result).toMatchObject({ imported: 4, unchanged: 1196 });
    const entries = await prisma.auditEntry.findMany({ where: { action: { in: ["variant.price", "variant.stock", "product.status"] } }, orderBy: [{ action: "asc" }, { id: "asc" }] });
    expect(entries.map((e) => [e.action, e.subjectId, e.before, e.after, e.actorKind])).toEqual([
      ["product.status", (await prisma.product.findUniqueOrThrow({ where: { slug: "seller-import-knife-9" } })).id, { status: "ACTIVE" }, { status: "DRAFT" }, "seller"],
      ["variant.price", "SI-7-2", { priceMinor: 3750, currency: "EUR" }, { priceMinor: 1200, currency: "EUR" }, "seller"],
      ["variant.stock", "SI-8-1", { stock: 8 }, { stock: 40 }, "seller"],
    ]);
    expect(entries.every((e) => (e.actor as { id?: string }).id === knives.userId)).toBe(true);
    // And back to the file as it was.
    expect((await importAs(knives, csv(BIG))).result).toMatchObject({ imported: 4, unchanged: 1196 });
  });

  it("refuses a row with another seller's SKU by line and code, changing nothing of theirs", async () => {
    const before = await prisma.variant.findUniqueOrThrow({ where: { sku: OTHER_SKU }, include: { product: true } });
    const audits = await prisma.auditEntry.count();
    const job = await importAs(knives, csv([row(900, 1), row(901, 1, { sku: OTHER_SKU, price: "1.00", stock: "0" })]));
    expect(job.result).toEqual({ imported: 1, unchanged: 0, failed: [{ line: 3, field: "sku", code: "SKU_TAKEN" }] });
    expect(await prisma.variant.findUniqueOrThrow({ where: { sku: OTHER_SKU }, include: { product: true } })).toEqual(before);
    expect(await prisma.product.count({ where: { slug: "seller-import-knife-901" } })).toBe(0);
    // Only the new product's two entries (product and variant).
    expect(await prisma.auditEntry.count()).toBe(audits + 2);
    expect(await prisma.auditEntry.count({ where: { subjectId: OTHER_SKU } })).toBe(0);
  });

  it("imports into the viewer's seller only: the same file from another seller's member finds every SKU taken", async () => {
    const before = await versions();
    // Prices in yen, the tea house's currency.
    const job = await importAs(tea, csv(BIG.slice(0, 4).map((r) => ({ ...r, price: "4500" }))));
    expect(job.result?.imported).toBe(0);
    expect(job.result?.failed.map((f) => [f.line, f.code])).toEqual([
      [2, "SLUG_TAKEN"], [2, "SKU_TAKEN"], [3, "SLUG_TAKEN"], [3, "SKU_TAKEN"], [4, "SLUG_TAKEN"], [4, "SKU_TAKEN"], [5, "SLUG_TAKEN"], [5, "SKU_TAKEN"],
    ]);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id }, select: { sellerId: true } })).toEqual({ sellerId: OTHER });
    expect(await versions()).toEqual(before);
  });

  it("refuses an upload that is not UTF-8 CSV text, and a viewer of no seller, queueing nothing", async () => {
    const jobs = await prisma.job.count();
    expect(await startCatalogueImport(knives, { name: "latin1.csv", bytes: new Uint8Array([0x73, 0x6b, 0x75, 0x0a, 0xe9]) }, prisma)).toEqual({ ok: false, code: "IMPORT_NOT_UTF8" });
    expect(await startCatalogueImport(knives, upload("name,price\nKnife,1.00\n"), prisma)).toEqual({ ok: false, code: "IMPORT_NOT_CSV" });
    expect(await startCatalogueImport(knives, null, prisma)).toEqual({ ok: false, code: "IMPORT_FILE_MISSING" });
    expect(await startCatalogueImport(buyer, upload(csv(BIG)), prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await exportSellerCatalogue(buyer, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await prisma.job.count()).toBe(jobs);
  });

  it("exports only the viewer's products, and the export imports back with every row unchanged", async () => {
    const exported = await exportSellerCatalogue(knives, prisma);
    if (!exported.ok) throw new Error(exported.code);
    expect(exported.data.fileName).toBe("hollerbach-solingen-catalogue.csv");
    expect(exported.data.text.startsWith("\uFEFFsku,product_slug,")).toBe(true);
    expect(exported.data.text).not.toContain(OTHER_SKU);
    const rows = await prisma.variant.count({ where: { product: { sellerId: SELLER } } });
    expect(exported.data.text.trimEnd().split("\r\n").length).toBeGreaterThanOrEqual(rows + 1);

    const before = await versions();
    const audits = await prisma.auditEntry.count();
    const job = await importAs(knives, exported.data.text);
    expect(job.result).toEqual({ imported: 0, unchanged: rows, failed: [] });
    expect(await versions()).toEqual(before);
    expect(await prisma.auditEntry.count()).toBe(audits);
    const again = await exportSellerCatalogue(knives, prisma);
    expect(again.ok && again.data.text).toBe(exported.data.text);
  });

  it("leaves no part of a product whose chunk fails to write, and writes the others whole", async () => {
    // The database refuses one product's second variant, after its product row and first variant went in.
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_import_sku() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.sku = 'SI-7001-2' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_import_sku BEFORE INSERT ON "Variant" FOR EACH ROW EXECUTE FUNCTION refuse_import_sku()`);
    try {
      const audits = await prisma.auditEntry.count();
      const job = await importAs(knives, csv([row(7000, 1), row(7000, 2), row(7001, 1), row(7001, 2), row(7002, 1)]));
      expect(job.status).toBe("DONE");
      expect(job.result).toEqual({
        imported: 3,
        unchanged: 0,
        failed: [
          { line: 4, field: "", code: "WRITE_FAILED" },
          { line: 5, field: "", code: "WRITE_FAILED" },
        ],
      });
      expect(await prisma.product.count({ where: { slug: "seller-import-knife-7001" } })).toBe(0);
      expect(await prisma.variant.count({ where: { sku: { startsWith: "SI-7001-" } } })).toBe(0);
      expect(await prisma.variant.count({ where: { sku: { in: ["SI-7000-1", "SI-7000-2", "SI-7002-1"] } } })).toBe(3);
      // Audit entries only for what was written: two products and three variants.
      expect(await prisma.auditEntry.count()).toBe(audits + 5);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER refuse_import_sku ON "Variant"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION refuse_import_sku()`);
    }
  });

  it("stops midway with whole products only, and a rerun from the start finishes the file", async () => {
    const file = csv(Array.from({ length: 600 }, (_, i) => [row(10_000 + i, 1), row(10_000 + i, 2)]).flat());
    let calls = 0;
    const context = (progress: JobContext["progress"]): JobContext => ({ id: "job_crash", sellerId: SELLER, requestedBy: knives.userId, payload: { fileName: "crash.csv", text: file }, db: prisma, progress });
    // The process dies after the second chunk (500 rows each) was written.
    await expect(
      runCatalogueImport(
        context(async () => {
          if (++calls === 2) throw new Error("lost the database");
        }),
      ),
    ).rejects.toThrow("lost the database");
    const variantsPerProduct = () => prisma.$queryRaw<{ variants: number }[]>`
      SELECT count(v.sku)::int AS variants FROM "Product" p LEFT JOIN "Variant" v ON v."productId" = p.id
       WHERE p.slug LIKE 'seller-import-knife-1____' GROUP BY p.id`;
    const counts = await variantsPerProduct();
    expect(counts).toHaveLength(500);
    expect(counts.every((c) => c.variants === 2)).toBe(true);
    const outcome = await runCatalogueImport(context(async () => {}));
    expect(outcome.ok && catalogueImportResult(outcome.result as never)).toEqual({ imported: 200, unchanged: 1000, failed: [] });
    const after = await variantsPerProduct();
    expect(after).toHaveLength(600);
    expect(after.every((c) => c.variants === 2)).toBe(true);
  });

  it("shows a job to its own seller only", async () => {
    const mine = await listCatalogueImports(knives, prisma);
    if (!mine.ok) throw new Error(mine.code);
    const jobId = mine.data[0]!.id;
    expect((await catalogueImport(knives, jobId, prisma)).ok).toBe(true);
    expect(await catalogueImport(tea, jobId, prisma)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await catalogueImport(buyer, jobId, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await catalogueImport(knives, "job_no_such_job", prisma)).toEqual({ ok: false, code: "NOT_FOUND" });
    const theirs = await listCatalogueImports(tea, prisma);
    expect(theirs.ok && theirs.data.map((j) => j.id)).not.toContain(jobId);
    expect(theirs.ok && theirs.data.length).toBe(1);
  });
});
