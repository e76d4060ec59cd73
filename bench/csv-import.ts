/**
 * `npm run bench -- csv-import [--rows 10000] [--chunk 500]` (or `npx tsx bench/csv-import.ts`):
 * a seller's catalogue file of that many rows (two variants per product, titles in four
 * languages) imported into a throwaway seeded database, then the same file again
 * (nothing to write), then with every price changed (an update per variant), then the
 * export; then a file of as many new rows through the seller panel's way in: queued as a
 * `catalogue.import` job and run by the job runner, progress in the job row, in the name
 * of a seller member. Prints rows/s and seconds for each; the target is a first import
 * of 10,000 rows in under 60 s, directly and through the job.
 */
import { createPrismaClient } from "@/lib/db/client";
import { CSV_COLUMNS, writeCsvRecords } from "@/lib/domain/catalogue/csv";
import { exportCatalogueCsv, importCatalogueCsv } from "@/lib/server/catalogue/csv-import";
import { enqueueJob, runNextJob } from "@/lib/server/jobs";
import { registerJobHandlers } from "@/lib/server/jobs/handlers";
import { CATALOGUE_IMPORT_JOB, catalogueImportResult } from "@/lib/server/seller-imports/job";
import { startTestDatabase } from "@/tests/database";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 10_000);
const CHUNK = arg("chunk", 500);
const TARGET_SECONDS = 60;
const SELLER = "sel_de_solingen_knives";

function file(rows: number, priceShift = 0, prefix = "BENCH"): string {
  const records: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const product = Math.floor(i / 2);
    const cells: Record<string, string> = {
      sku: `${prefix}-${product}-${i % 2}`,
      product_slug: `${prefix.toLowerCase()}-knife-${product}`,
      kind: "physical",
      category_slug: "kitchen-knives",
      hs_code: "821191",
      origin_country: "DE",
      weight_grams: String(150 + (product % 300)),
      tax_category: "standard",
      price: `${20 + priceShift + (product % 400)}.${String((i % 2) * 50).padStart(2, "0")}`,
      stock: String(product % 40),
      status: "active",
      variant_name_de: i % 2 ? "Groß" : "Klein",
      variant_name_en: i % 2 ? "Large" : "Small",
      title_de: `Kochmesser Nr. ${product}, geschmiedet`,
      description_de: `Handgeschliffen in Solingen.\nKlinge ${product} mm, "Damast".`,
      title_en: `Chef's knife no. ${product}, forged`,
      description_en: `Hand-ground in Solingen. Blade ${product} mm.`,
      title_ja: `包丁 ${product}番`,
      title_ar: `سكين طاهٍ رقم ${product}`,
    };
    records.push(CSV_COLUMNS.map((c) => cells[c] ?? ""));
  }
  return writeCsvRecords([CSV_COLUMNS, ...records]);
}

async function timed<T>(label: string, rows: number, run: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(22)} ${seconds.toFixed(2).padStart(7)} s  ${Math.round(rows / seconds).toString().padStart(7)} rows/s`);
  return { result, seconds };
}

async function main() {
  const db = await startTestDatabase({ name: "bench-csv" });
  const prisma = createPrismaClient(db.url);
  try {
    const text = file(ROWS);
    console.log(`${ROWS} rows, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, chunks of ${CHUNK} rows`);
    let reported = 0;
    const first = await timed("import (new)", ROWS, () =>
      importCatalogueCsv(prisma, SELLER, text, {
        chunkSize: CHUNK,
        onProgress: (done, total) => {
          if (done - reported >= total / 10 || done === total) {
            reported = done;
            process.stderr.write(`  ${done}/${total}\n`);
          }
        },
      }),
    );
    const again = await timed("import (unchanged)", ROWS, () => importCatalogueCsv(prisma, SELLER, text, { chunkSize: CHUNK }));
    const changed = await timed("import (all changed)", ROWS, () => importCatalogueCsv(prisma, SELLER, file(ROWS, 1), { chunkSize: CHUNK }));
    await timed("export", ROWS, () => exportCatalogueCsv(prisma, SELLER));

    // The seller panel's way: the file in a job's payload, run by the runner as a seller member.
    await prisma.user.create({ data: { id: "usr_bench_seller", email: "bench-seller@shop.example", name: "Bench seller" } });
    await prisma.sellerMember.create({ data: { id: "sm_bench_seller", userId: "usr_bench_seller", sellerId: SELLER, role: "OWNER" } });
    await registerJobHandlers();
    const jobText = file(ROWS, 0, "JOB");
    const viaJob = await timed("job (new, queued)", ROWS, async () => {
      const id = await enqueueJob({ kind: CATALOGUE_IMPORT_JOB, sellerId: SELLER, requestedBy: "usr_bench_seller", payload: { fileName: "bench.csv", text: jobText } }, prisma);
      await runNextJob(prisma);
      return prisma.job.findUniqueOrThrow({ where: { id } });
    });
    const jobResult = catalogueImportResult(viaJob.result.result);
    const audits = await prisma.auditEntry.count({ where: { actorKind: "seller", action: "variant.create" } });

    const ok =
      first.result.imported === ROWS && first.result.failed.length === 0 && again.result.unchanged === ROWS && again.result.imported === 0 && changed.result.imported === ROWS &&
      viaJob.result.status === "DONE" && viaJob.result.done === ROWS && jobResult?.imported === ROWS && jobResult.failed.length === 0 && audits === ROWS;
    console.log(`first import: ${first.result.imported} imported, ${first.result.failed.length} failed; again: ${again.result.unchanged} unchanged`);
    console.log(`through the job: ${viaJob.result.status}, ${viaJob.result.done}/${viaJob.result.total} rows, ${jobResult?.imported ?? 0} imported, ${audits} audit entries in the seller's name`);
    const met = first.seconds < TARGET_SECONDS && viaJob.seconds < TARGET_SECONDS && ok;
    console.log(`target: first import under ${TARGET_SECONDS} s, directly and through the job: ${met ? "met" : "MISSED"}`);
    if (!met) process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

void main();
