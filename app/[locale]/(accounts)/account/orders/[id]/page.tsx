import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AccountNav } from "@/components/account/account-nav";
import { OrderDetails } from "@/components/order/order-details";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { loadAccountOrder } from "@/lib/server/account/orders";
import { signedInViewer } from "@/lib/server/panels/viewer";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "order" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/** One of the buyer's orders, as the confirmation link shows it; another buyer's order is the 404 page. */
export default async function AccountOrderPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale: raw, id } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const viewer = await signedInViewer(locale, `/${locale}/account/orders/${encodeURIComponent(id)}`);
  const [t, found] = await Promise.all([getTranslations({ locale, namespace: "accountPages.orders" }), loadAccountOrder(viewer, id)]);
  if (!found.ok) notFound();
  const { order, accessKey } = found.data;
  return (
    <div className="account-area">
      <AccountNav locale={locale} current="orders" />
      <p>
        <a href={`/${locale}/account/orders`}>{t("back")}</a>
      </p>
      <OrderDetails order={order} locale={locale} accessKey={accessKey} heading={<h1>{t("orderTitle", { number: order.number })}</h1>} />
    </div>
  );
}
