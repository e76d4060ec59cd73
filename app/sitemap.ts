import type { MetadataRoute } from "next";
import { LOCALES } from "@/lib/domain/markets";
import { listProductSlugs, listSellerHandles } from "@/lib/server/catalogue/entities";
import { PUBLIC_URL } from "@/lib/seo";
import { CATALOGUE_TAG } from "@/lib/domain/cache/tags";
import { tagPage } from "@/lib/server/cache/tag-page";

export const revalidate = 3600;

function entry(path: string, lastModified?: Date): MetadataRoute.Sitemap {
  const languages = Object.fromEntries(LOCALES.map((l) => [l, `${PUBLIC_URL}/${l}${path}`]));
  return LOCALES.map((locale) => ({ url: `${PUBLIC_URL}/${locale}${path}`, lastModified, alternates: { languages } }));
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [products, sellers] = await Promise.all([listProductSlugs(), listSellerHandles(), tagPage([CATALOGUE_TAG])]);
  return [
    ...entry(""),
    ...entry("/catalogue"),
    ...entry("/help"),
    ...sellers.flatMap((handle) => entry(`/sellers/${handle}`)),
    ...products.flatMap((p) => entry(`/products/${p.slug}`, p.updatedAt)),
  ];
}
