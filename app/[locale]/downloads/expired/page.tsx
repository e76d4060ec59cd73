import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CsrfField } from "@/components/forms/csrf-field";
import { isLocale, type Locale } from "@/lib/domain/markets";

/** "Download link no longer valid": where a refused download lands; per buyer, never cached. */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "downloads.expired" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
const REASONS = ["EXPIRED", "USED_UP", "INVALID"] as const;

export default async function DownloadExpiredPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale: raw } = await params;
  if (!isLocale(raw)) notFound();
  const locale: Locale = raw;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations({ locale, namespace: "downloads.expired" });
  const asked = one(query.reason);
  const reason = (REASONS as readonly string[]).includes(asked) ? (asked as (typeof REASONS)[number]) : "INVALID";
  const order = one(query.order);
  const line = one(query.line);
  const key = one(query.key);
  // A genuine link (expired or used up) comes with its order: a new one is a click away.
  const renewable = reason !== "INVALID" && order !== "" && line !== "" && key !== "";
  return (
    <div className="checkout-page" data-testid="download-expired" data-reason={reason}>
      <h1>{t("title")}</h1>
      <p role="status">{t(reason)}</p>
      {renewable && (
        <>
          <p>{t("renew")}</p>
          <form action="/api/downloads" method="post" className="checkout-form">
            <CsrfField />
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="order" value={order} />
            <input type="hidden" name="line" value={line} />
            <input type="hidden" name="key" value={key} />
            <button type="submit" className="primary" data-testid="download-renew">
              {t("newLink")}
            </button>
          </form>
          <p>
            <a href={`/${locale}/checkout/complete?${new URLSearchParams({ order, key })}`}>{t("orderPage")}</a>
          </p>
        </>
      )}
    </div>
  );
}
