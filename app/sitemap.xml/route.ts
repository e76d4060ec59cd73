import { CATALOGUE_TAG } from "@/lib/domain/cache/tags";
import { sitemapFiles, sitemapIndexXml } from "@/lib/domain/seo/sitemap";
import { tagPage } from "@/lib/server/cache/tag-page";
import { countListedProducts } from "@/lib/server/catalogue/sitemap";
import { PUBLIC_URL } from "@/lib/seo";

/** The sitemap index: rendered on first request, cached, refreshed hourly or when the catalogue changes. */
export const revalidate = 3600;

export async function GET() {
  const [count] = await Promise.all([countListedProducts(), tagPage([CATALOGUE_TAG])]);
  return new Response(sitemapIndexXml(PUBLIC_URL, sitemapFiles(count)), { headers: { "content-type": "application/xml; charset=utf-8" } });
}
