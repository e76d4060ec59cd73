import { test, expect } from "./fixtures";
import { DEMO, signIn } from "./sign-in";
import { messages, text } from "./messages";

/**
 * The seller panel's catalogue import: a file of 500 rows with 7 bad ones runs as a
 * background job, its page follows the progress to the end and lists the bad lines
 * with their reasons in the page's language; the same file again changes nothing; the
 * job is invisible to another seller.
 */
const en = messages("en");
const de = messages("de");

type Cells = Record<string, string>;
/** The file as a seller writes it (lib/domain/catalogue/csv.ts): the required columns and two languages; no cell needs quoting. */
const COLUMNS = ["sku", "product_slug", "kind", "category_slug", "hs_code", "origin_country", "weight_grams", "tax_category", "price", "stock", "status", "variant_name_en", "variant_name_de", "title_en", "title_de"];
const writeCsv = (rows: Cells[]) => [COLUMNS, ...rows.map((r) => COLUMNS.map((c) => r[c] ?? ""))].map((cells) => cells.join(",") + "\r\n").join("");
/** Unique per run, so a retry imports new products again. */
const RUN = `E2E${Date.now().toString(36).toUpperCase()}`;

function row(product: number, variant: number, change: Cells = {}): Cells {
  return {
    sku: `${RUN}-${product}-${variant}`,
    product_slug: `${RUN.toLowerCase()}-knife-${product}`,
    kind: "physical",
    category_slug: "kitchen-knives",
    hs_code: "821191",
    origin_country: "DE",
    weight_grams: "180",
    tax_category: "standard",
    price: `${25 + (product % 30)}.${variant === 1 ? "00" : "90"}`,
    stock: String(3 + (product % 9)),
    status: "draft",
    variant_name_en: variant === 1 ? "Small" : "Large",
    variant_name_de: variant === 1 ? "Klein" : "Groß",
    title_en: `Test knife ${product}`,
    title_de: `Testmesser ${product}`,
    ...change,
  };
}

/** Each bad row is a product of its own, so its neighbours import. */
const BAD: { cells: Cells; code: string }[] = [
  { cells: { price: "12.345" }, code: "INVALID_PRICE" },
  { cells: { stock: "many" }, code: "INVALID_STOCK" },
  { cells: { kind: "service" }, code: "INVALID_KIND" },
  { cells: { hs_code: "82" }, code: "INVALID_HS_CODE" },
  { cells: { origin_country: "Germany" }, code: "INVALID_COUNTRY" },
  { cells: { title_en: "", title_de: "" }, code: "NO_TITLE" },
  { cells: { category_slug: "no-such-category" }, code: "UNKNOWN_CATEGORY" },
];

/** 500 rows (no line breaks in cells: row n is on line n + 1): 493 good ones, 7 bad ones at known lines. */
function catalogueFile(): { csv: string; bad: { line: number; code: string }[] } {
  const rows: Cells[] = [];
  const bad: { line: number; code: string }[] = [];
  for (let p = 0; rows.length < 500; p++) {
    rows.push(row(p, 1));
    if (rows.length < 500) rows.push(row(p, 2));
    if (p % 30 === 10 && bad.length < BAD.length && rows.length < 500) {
      const b = BAD[bad.length]!;
      rows.push(row(9000 + p, 1, b.cells));
      bad.push({ line: rows.length + 1, code: b.code });
    }
  }
  return { csv: writeCsv(rows), bad };
}

test.describe("seller imports", () => {
  test("the demo seller imports 500 rows with 7 bad ones, the same file again changes nothing, and another seller cannot open the import", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const { csv, bad } = catalogueFile();
    expect(bad).toHaveLength(7);
    const file = { name: "knives.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };

    await signIn(page, DEMO.seller("hollerbach-solingen"), { returnTo: "/en/seller/imports" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(en, "sellerImports.list.title"));
    await page.getByLabel(text(en, "sellerImports.upload.file"), { exact: true }).setInputFiles(file);
    await page.getByRole("button", { name: text(en, "sellerImports.upload.submit") }).click();
    await expect(page).toHaveURL(/\/en\/seller\/imports\/job_[0-9a-f-]+$/);
    const jobUrl = new URL(page.url()).pathname;
    const jobId = jobUrl.split("/").pop()!;

    // The poller follows the job in place, then the page shows the results.
    await expect(page.locator("progress")).toBeVisible();
    await expect(page.getByTestId("import-imported")).toHaveText("493", { timeout: 90_000 });
    await expect(page.getByTestId("import-status")).toHaveText(text(en, "sellerImports.status.DONE"));
    await expect(page.getByTestId("import-rows")).toHaveText("500 of 500 rows");
    await expect(page.locator("progress")).toHaveAttribute("value", "500");
    await expect(page.getByTestId("import-unchanged")).toHaveText("0");
    await expect(page.getByTestId("import-refused")).toHaveText("7");
    const failures = page.getByTestId("import-failures").locator("tbody tr");
    await expect(failures).toHaveCount(7);
    for (const [i, b] of bad.entries()) {
      await expect(failures.nth(i).locator("td").first()).toHaveText(String(b.line));
      await expect(failures.nth(i).locator("td").nth(2)).toHaveText(text(en, `sellerImports.reason.${b.code}`));
    }
    // A reload shows the same job, from the database.
    await page.reload();
    await expect(page.getByTestId("import-imported")).toHaveText("493");

    // The same file again, in German: nothing imported, the bad lines refused again, in German.
    await page.goto("/de/seller/imports");
    await expect(page.getByTestId("imports-recent").getByRole("link", { name: "knives.csv" }).first()).toBeVisible();
    await page.getByLabel(text(de, "sellerImports.upload.file"), { exact: true }).setInputFiles(file);
    await page.getByRole("button", { name: text(de, "sellerImports.upload.submit") }).click();
    await expect(page).toHaveURL(/\/de\/seller\/imports\/job_/);
    expect(new URL(page.url()).pathname).not.toBe(jobUrl);
    await expect(page.getByTestId("import-unchanged")).toHaveText("493", { timeout: 90_000 });
    await expect(page.getByTestId("import-imported")).toHaveText("0");
    await expect(page.getByTestId("import-refused")).toHaveText("7");
    await expect(page.getByTestId("import-failures").locator("tbody tr").first().locator("td").nth(2)).toHaveText(text(de, `sellerImports.reason.${bad[0]!.code}`));

    // The seller's own catalogue file (a download, UTF-8 with a byte-order mark) imports back with nothing changed.
    const exported = await page.request.get("/api/seller/catalogue.csv");
    expect(exported.status()).toBe(200);
    expect(exported.headers()["content-disposition"]).toBe('attachment; filename="hollerbach-solingen-catalogue.csv"');
    const bytes = await exported.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const exportedText = bytes.toString("utf8");
    expect(exportedText).toContain(`${RUN}-0-1,`);
    expect(exportedText).not.toContain("JP-TEA-");
    await page.goto("/en/seller/imports");
    await page.getByLabel(text(en, "sellerImports.upload.file"), { exact: true }).setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: bytes });
    await page.getByRole("button", { name: text(en, "sellerImports.upload.submit") }).click();
    await expect(page.getByTestId("import-refused")).toHaveText("0", { timeout: 90_000 });
    await expect(page.getByTestId("import-imported")).toHaveText("0");
    await expect(page.getByText(text(en, "sellerImports.job.noFailures"))).toBeVisible();

    // Another seller: the page and its JSON are not found.
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, DEMO.seller("ujigawa-chaho"), { returnTo: "/en/seller/imports" });
      const response = await otherPage.goto(jobUrl);
      expect(response?.status()).toBe(404);
      await expect(otherPage.getByTestId("import-imported")).toHaveCount(0);
      const json = await otherPage.request.get(`/api/seller/imports/${jobId}`);
      expect(json.status()).toBe(404);
      const own = await page.request.get(`/api/seller/imports/${jobId}`);
      expect(await own.json()).toMatchObject({ ok: true, status: "DONE", done: 500, total: 500, imported: 493, failed: 7 });
    } finally {
      await other.close();
    }
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the import page reloads itself until the job is done", async ({ page }) => {
      const rows = [row(20_000, 1), row(20_000, 2), row(20_001, 1, { price: "-1" })];
      const csv = writeCsv(rows);
      await signIn(page, DEMO.seller("hollerbach-solingen"), { returnTo: "/en/seller/imports" });
      await page.getByLabel(text(en, "sellerImports.upload.file"), { exact: true }).setInputFiles({ name: "small.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await page.getByRole("button", { name: text(en, "sellerImports.upload.submit") }).click();
      await expect(page).toHaveURL(/\/en\/seller\/imports\/job_/);
      await expect(page.getByTestId("import-imported")).toHaveText("2", { timeout: 60_000 });
      await expect(page.getByTestId("import-failures").locator("tbody tr")).toHaveCount(1);
      await expect(page.getByTestId("import-failures").locator("td").nth(2)).toHaveText(text(en, "sellerImports.reason.INVALID_PRICE"));
    });
  });
});
