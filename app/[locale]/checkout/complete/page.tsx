import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrderDetails } from "@/components/order/order-details";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { orderOnReturn } from "@/lib/server/checkout/confirmation";
import { requestClock } from "@/lib/server/clock";

/** The buyer's order after payment: per buyer, never cached. */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "order" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function OrderCompletePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "order" });
  const order = await orderOnReturn(one(query.order), one(query.key), one(query.session_id), requestClock());
  if (!order) {
    return (
      <div className="checkout-page">
        <h1>{t("notFoundTitle")}</h1>
        <p data-testid="order-not-found">{t("notFound")}</p>
      </div>
    );
  }
  return <OrderDetails order={order} locale={locale} accessKey={one(query.key) ?? ""} heading={<h1>{t(`heading.${order.status}`)}</h1>} />;
}
