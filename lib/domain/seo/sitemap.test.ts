import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/domain/markets";
import { MAX_SITEMAP_BYTES, MAX_URLS_PER_SITEMAP, PRODUCTS_PER_SITEMAP, parseSitemapFile, sitemapFiles, sitemapIndexXml, sitemapXml } from "./sitemap";

describe("sitemaps", () => {
  it("splits the catalogue into files the index lists, and knows only those files", () => {
    expect(sitemapFiles(0)).toEqual(["pages.xml"]);
    expect(sitemapFiles(97)).toEqual(["pages.xml", "products-1.xml"]);
    expect(sitemapFiles(100_000)).toHaveLength(1 + 100_000 / PRODUCTS_PER_SITEMAP);
    expect(parseSitemapFile("products-40.xml", 100_000)).toEqual({ kind: "products", chunk: 40 });
    for (const bad of ["products-41.xml", "products-0.xml", "products-01.xml", "products-1.xml.gz", "../x", "pages"]) {
      expect(parseSitemapFile(bad, 100_000), bad).toBeNull();
    }
  });

  it("a full product file stays within the protocol's limits", () => {
    const slug = "a-rather-long-product-slug-of-sixty-characters-or-so-1234567";
    const pages = Array.from({ length: PRODUCTS_PER_SITEMAP }, (_, i) => ({ path: `/products/${slug}-${i}`, lastModified: "2026-12-01T00:00:00.000Z" }));
    const xml = sitemapXml("https://caravan.example", LOCALES, pages);
    expect((xml.match(/<url>/g) ?? []).length).toBe(PRODUCTS_PER_SITEMAP * LOCALES.length);
    expect(PRODUCTS_PER_SITEMAP * LOCALES.length).toBeLessThanOrEqual(MAX_URLS_PER_SITEMAP);
    expect(Buffer.byteLength(xml)).toBeLessThan(MAX_SITEMAP_BYTES);
  });

  it("escapes what XML needs escaped and lists alternates per URL", () => {
    const xml = sitemapXml("https://x.example", ["en", "ar"], [{ path: "/products/a&b<c>" }]);
    expect(xml).toContain("<loc>https://x.example/en/products/a&amp;b&lt;c&gt;</loc>");
    expect(xml).toContain('hreflang="ar" href="https://x.example/ar/products/a&amp;b&lt;c&gt;"');
    expect(sitemapIndexXml("https://x.example", ["pages.xml"])).toContain("<loc>https://x.example/sitemaps/pages.xml</loc>");
  });
});
