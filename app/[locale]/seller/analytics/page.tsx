import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SellerDashboardView } from "@/components/analytics/seller-dashboard";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { sellerDashboard } from "@/lib/server/analytics/dashboard";
import { pagePath, sellerViewer } from "@/lib/server/panels/viewer";

/**
 * The seller's sales of the last 104 weeks from the precomputed weekly sums: revenue
 * and units by week, by destination country (small countries merged), top products,
 * the funnel from views to carts to orders, returns and withdrawals, and one product's
 * stored forecast (`?product=`; another seller's product id is ignored).
 */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "analytics" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function SellerAnalyticsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const path = `/${locale}/seller/analytics`;
  const viewer = await sellerViewer(locale, pagePath(path, query));
  const productId = typeof query.product === "string" ? query.product : undefined;
  const result = await sellerDashboard(viewer, { locale, productId });
  if (!result.ok) notFound();
  return <SellerDashboardView locale={locale} path={path} result={result} />;
}
