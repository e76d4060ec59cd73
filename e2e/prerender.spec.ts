import fs from "node:fs";
import path from "node:path";
import { test, expect } from "./fixtures";
import { PRODUCTS } from "../prisma/seed-data";
import { LOCALES, defaultMarketFor } from "../lib/domain/markets";

/**
 * Guards the static shape of the store (docs/adr/0004, 0008): per-user chrome or a
 * request-time API in the shared shell would turn these pages dynamic, and the build
 * would silently stop prerendering them. Reads the build's own prerender manifest.
 */
type Manifest = { routes: Record<string, { initialRevalidateSeconds: number | false }> };
const manifest = JSON.parse(
  fs.readFileSync(path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "prerender-manifest.json"), "utf8"),
) as Manifest;

// The build prerenders the newest featured products, at most 12 (PRERENDERED_PRODUCTS).
const FEATURED = PRODUCTS.filter((p) => p.featured).map((p) => p.slug);
const BOUND = 12;

test.describe("prerendered pages", () => {
  for (const locale of LOCALES) {
    const market = defaultMarketFor(locale).country.toLowerCase();
    test(`${locale}: home, catalogue and every featured product are prerendered with their revalidate times`, () => {
      const expected: [string, number][] = [
        [`/${locale}/${market}`, 3600],
        [`/${locale}/${market}/catalogue`, 3600],
        [`/${locale}/${market}/help`, 0],
        [`/${locale}/${market}/privacy`, 0],
        ...FEATURED.map((slug): [string, number] => [`/${locale}/${market}/products/${slug}`, 300]),
      ];
      for (const [route, seconds] of expected) {
        const entry = manifest.routes[route];
        expect(entry, `${route} is prerendered`).toBeDefined();
        // Help and the privacy notice have no data: prerendered once, never revalidated.
        if (seconds === 0) expect(entry!.initialRevalidateSeconds, route).toBe(false);
        else expect(entry!.initialRevalidateSeconds, `${route} revalidates`).toBe(seconds);
      }
    });
  }

  test("there are featured products to check, and the build prerenders a bounded number of pages", () => {
    expect(FEATURED.length).toBeGreaterThan(3);
    expect(FEATURED.length).toBeLessThanOrEqual(BOUND);
    const pages = Object.keys(manifest.routes).filter((route) => /^\/[a-z]{2}(-[A-Z]{2})?\/[a-z]{2}\//.test(route) || /^\/[a-z]{2}(-[A-Z]{2})?\/[a-z]{2}$/.test(route));
    // Per locale: home, catalogue, help, the privacy notice, the 404 page and at most BOUND products.
    expect(pages.length).toBeLessThanOrEqual(LOCALES.length * (5 + BOUND));
  });
});
