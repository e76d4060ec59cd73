import { getTranslations } from "next-intl/server";
import { NotFoundMessage } from "@/components/errors/not-found-message";
import { resolveShop, type ShopParams } from "@/lib/route-params";

/**
 * The page the proxy answers unknown paths with (status 404 set by the proxy's rewrite).
 * Rendered as a page, not through `notFound()`, so the HTML carries the message, the
 * layout and the page's language even without JavaScript; one cached copy per locale
 * and market, whatever path was asked for.
 */
export const revalidate = false;

export async function generateMetadata({ params }: { params: Promise<ShopParams> }) {
  const { locale } = resolveShop(await params);
  const t = await getTranslations({ locale, namespace: "errors" });
  return { title: t("notFoundTitle"), robots: { index: false, follow: true } };
}

export default async function MissingPage({ params }: { params: Promise<ShopParams> }) {
  const { locale } = resolveShop(await params);
  return <NotFoundMessage locale={locale} />;
}
