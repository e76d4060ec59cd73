/**
 * `npm run screenshots -- [base URL]`: phone-sized PNGs of the main pages in a
 * left-to-right and a right-to-left locale, into `screenshots/` (git-ignored),
 * for reviewing layout changes by eye.
 */
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "@/lib/browser";
import { PRODUCTS } from "@/prisma/seed-data";

const base = process.argv[2] ?? "http://localhost:3000";
const product = PRODUCTS.find((p) => p.featured)!;
const pages = ["", "/catalogue", `/products/${product.slug}`, "/search?q=tea"];
const browserPath = await findChromium();
if (!browserPath) {
  console.error("No Chromium found (apt-get install chromium, or npx playwright install chromium).");
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: browserPath.path, args: CHROMIUM_ARGS });
fs.mkdirSync("screenshots", { recursive: true });
for (const locale of ["en", "ar", "ja"]) {
  for (const [viewportName, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(`${base}/${locale}${path}`);
      const name = `${locale}-${viewportName}-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}.png`;
      await page.screenshot({ path: `screenshots/${name}`, fullPage: viewportName === "phone" });
      console.log(`screenshots/${name}`);
    }
    await context.close();
  }
}
await browser.close();
