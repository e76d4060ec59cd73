import { LOCALES } from "@/lib/domain/markets";
import { CATALOGUE_TAG } from "@/lib/domain/cache/tags";
import { parseSitemapFile, sitemapXml } from "@/lib/domain/seo/sitemap";
import { tagPage } from "@/lib/server/cache/tag-page";
import { countListedProducts, productSitemapPages, sitemapPages } from "@/lib/server/catalogue/sitemap";
import { PUBLIC_URL } from "@/lib/seo";

/** One sitemap file: none is built ahead; each renders on first request and is then cached. */
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = parseSitemapFile((await params).file, await countListedProducts());
  if (!file) return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  const [pages] = await Promise.all([file.kind === "pages" ? sitemapPages() : productSitemapPages(file.chunk), tagPage([CATALOGUE_TAG])]);
  return new Response(sitemapXml(PUBLIC_URL, LOCALES, pages), { headers: { "content-type": "application/xml; charset=utf-8" } });
}
