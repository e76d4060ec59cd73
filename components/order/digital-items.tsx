import { getFormatter, getTranslations } from "next-intl/server";
import { CsrfField } from "@/components/forms/csrf-field";
import type { Locale } from "@/lib/domain/markets";
import { requestClock } from "@/lib/server/clock";
import { digitalItemsOf } from "@/lib/server/digital/delivery";

/**
 * The order's digital lines for their buyer: delivered (the download link with its
 * expiry and downloads left, a button for a new link, the licence keys), pending (when
 * it will be delivered), or held back (why). Rendered only where access to the order
 * is settled (the guest's key, or the signed-in owner); nothing without digital lines.
 */
export async function DigitalItems({ orderId, locale, accessKey }: { orderId: string; locale: Locale; accessKey: string }) {
  const now = requestClock().now();
  const items = await digitalItemsOf(orderId, locale, now);
  if (items.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "downloads" }), getFormatter({ locale })]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return (
    <section className="checkout-section digital-items" id="digital-items" data-testid="digital-items">
      <h2>{t("heading")}</h2>
      <ul className="digital-item-list">
        {items.map((item) => (
          <li key={item.lineId} className="digital-item" data-testid="digital-item" data-state={item.state} data-line-id={item.lineId}>
            <h3 className="digital-item-title">
              {item.title}
              {item.variantName && <span className="muted small"> · {item.variantName}</span>}
            </h3>
            {item.state === "NOT_PAID" && <p className="small">{t("notPaid")}</p>}
            {item.state === "PENDING" && (
              <p className="small" data-testid="digital-pending">
                {item.availableFrom && item.availableFrom > now ? t("pending", { date: date(item.availableFrom) }) : t("pendingSoon")}
              </p>
            )}
            {item.state === "HELD" && item.heldReason && (
              <p className="note small" role="status" data-testid="digital-held">
                {t(`held.${item.heldReason}`)}
              </p>
            )}
            {item.state === "DELIVERED" && (
              <>
                {item.deliveredAt && <p className="muted small">{t("delivered", { date: date(item.deliveredAt) })}</p>}
                {item.link && item.link.state === "USABLE" && (
                  <p>
                    <a href={item.link.path} className="button primary" data-testid="download-link">
                      {t("download")}
                    </a>{" "}
                    <span className="small" data-testid="download-terms">
                      {t("linkTerms", { date: date(item.link.expiresAt), remaining: item.link.remaining })}
                    </span>
                  </p>
                )}
                {item.link && item.link.state !== "USABLE" && <p className="small">{t("linkSpent")}</p>}
                {item.hasFile && (
                  <form action="/api/downloads" method="post">
                    <CsrfField />
                    <input type="hidden" name="locale" value={locale} />
                    <input type="hidden" name="order" value={orderId} />
                    <input type="hidden" name="line" value={item.lineId} />
                    <input type="hidden" name="key" value={accessKey} />
                    <button type="submit" data-testid="download-new-link">
                      {t("newLink")}
                    </button>
                  </form>
                )}
                {item.licenceKeys.length > 0 && (
                  <div data-testid="licence-keys">
                    <p className="small">{t("licenceKeys", { count: item.licenceKeys.length })}</p>
                    <ul className="licence-keys">
                      {item.licenceKeys.map((key, i) => (
                        <li key={i}>
                          <code dir="ltr">{key}</code>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
