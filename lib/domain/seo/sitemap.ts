/**
 * Sitemaps (sitemaps.org protocol): an index of sitemap files, each within the
 * protocol's limits (50,000 URLs, 50 MB uncompressed), so the catalogue can grow
 * without one document growing with it. Every page is listed once per locale, with the
 * other locales as hreflang alternates.
 */

/** Products per sitemap file: 8 locales x 2,500 = 20,000 URLs, about 22 MB with alternates. */
export const PRODUCTS_PER_SITEMAP = 2_500;
export const MAX_URLS_PER_SITEMAP = 50_000;
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

export interface SitemapPage {
  /** Public path after the locale: "" (home), "/catalogue", "/products/x". */
  path: string;
  lastModified?: string;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** The files of the index: one of pages, then one per PRODUCTS_PER_SITEMAP products. */
export function sitemapFiles(productCount: number): string[] {
  const chunks = Math.ceil(productCount / PRODUCTS_PER_SITEMAP);
  return ["pages.xml", ...Array.from({ length: chunks }, (_, i) => `products-${i + 1}.xml`)];
}

/** Which file a name is: the pages, a product chunk (1-based), or none. */
export function parseSitemapFile(name: string, productCount: number): { kind: "pages" } | { kind: "products"; chunk: number } | null {
  if (name === "pages.xml") return { kind: "pages" };
  const match = /^products-([1-9]\d{0,5})\.xml$/.exec(name);
  if (!match) return null;
  const chunk = Number(match[1]);
  return chunk <= Math.ceil(productCount / PRODUCTS_PER_SITEMAP) ? { kind: "products", chunk } : null;
}

export function sitemapIndexXml(base: string, files: readonly string[]): string {
  const entries = files.map((file) => `<sitemap><loc>${escapeXml(`${base}/sitemaps/${file}`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

export function sitemapXml(base: string, locales: readonly string[], pages: readonly SitemapPage[]): string {
  const out: string[] = [];
  for (const page of pages) {
    const alternates = locales
      .map((l) => `<xhtml:link rel="alternate" hreflang="${escapeXml(l)}" href="${escapeXml(`${base}/${l}${page.path}`)}"/>`)
      .join("");
    for (const locale of locales) {
      const lastmod = page.lastModified ? `<lastmod>${escapeXml(page.lastModified)}</lastmod>` : "";
      out.push(`<url><loc>${escapeXml(`${base}/${locale}${page.path}`)}</loc>${lastmod}${alternates}</url>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${out.join("\n")}\n</urlset>\n`;
}
