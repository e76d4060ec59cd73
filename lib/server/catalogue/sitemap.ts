import "server-only";
import { getPrisma } from "@/lib/db/client";
import { PRODUCTS_PER_SITEMAP, type SitemapPage } from "@/lib/domain/seo/sitemap";

/** How many products are listed: the number of product sitemap files follows from it. */
export async function countListedProducts(): Promise<number> {
  return getPrisma().product.count({ where: { listed: true } });
}

/** The pages that are not products: home, catalogue, help and every storefront. */
export async function sitemapPages(): Promise<SitemapPage[]> {
  const sellers = await getPrisma().seller.findMany({ where: { status: "ACTIVE" }, select: { handle: true }, orderBy: { handle: "asc" } });
  return [{ path: "" }, { path: "/catalogue" }, { path: "/help" }, ...sellers.map((s) => ({ path: `/sellers/${s.handle}` }))];
}

/** One file's products (1-based chunk), in slug order so a product stays in its file as others arrive. */
export async function productSitemapPages(chunk: number): Promise<SitemapPage[]> {
  const rows = await getPrisma().product.findMany({
    where: { listed: true },
    select: { slug: true, createdAt: true },
    orderBy: { slug: "asc" },
    skip: (chunk - 1) * PRODUCTS_PER_SITEMAP,
    take: PRODUCTS_PER_SITEMAP,
  });
  return rows.map((r) => ({ path: `/products/${r.slug}`, lastModified: r.createdAt.toISOString() }));
}
