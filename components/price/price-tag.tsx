import { getFormatter, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/domain/money/format";
import type { Locale } from "@/lib/domain/markets";
import type { PriceView } from "@/lib/server/catalogue/pricing";

/** The buyer's price, and when converted, the seller's price with the rate's source and date. */
export async function PriceTag({ price, locale, detailed = false }: { price: PriceView; locale: Locale; detailed?: boolean }) {
  const t = await getTranslations({ locale, namespace: "price" });
  const format = await getFormatter({ locale });
  return (
    <span className="price-tag">
      <span className="price" data-testid="price" data-currency={price.display.currency} data-amount-minor={price.display.amountMinor}>
        {formatMoney(price.display, locale)}
      </span>
      {price.converted && (
        <span className="price-original" data-testid="original-price">
          {t("original", { price: formatMoney(price.original, locale) })}
        </span>
      )}
      {detailed && price.converted && price.rateDate && (
        <span className="price-rate" data-testid="rate-date">
          {t("rateNote", {
            source: price.sources.map((s) => t(`source${s}`)).join(", "),
            date: format.dateTime(new Date(`${price.rateDate}T00:00:00Z`), { dateStyle: "long" }),
          })}
        </span>
      )}
      {price.converted && price.stale && (
        <span className="price-rate" data-testid="rate-stale">
          {t("indicative")}
        </span>
      )}
    </span>
  );
}
