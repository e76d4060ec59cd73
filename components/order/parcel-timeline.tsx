import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain/markets";
import { statusLabelKey, statusTone, type DateRange, type ParcelTimeline as ParcelTimelineData } from "@/lib/domain/logistics/timeline";
import { loadOrderTimeline } from "@/lib/server/logistics/timeline";

/** One load per order and request, however many parcels ask for it. */
const timelineOf = cache((orderId: string) => loadOrderTimeline(orderId));

/**
 * A parcel's tracking inside the order view (components/order/order-details.tsx):
 * the parcel at `index` of the order, whose access the page has already settled.
 * Digital-only parcels have nothing to track and show nothing.
 */
export async function ParcelTimeline({ orderId, index, locale }: { orderId: string; index: number; locale: Locale }) {
  const parcel = (await timelineOf(orderId))[index];
  if (!parcel || parcel.digital) return null;
  return <ParcelTracking timeline={parcel.timeline} locale={locale} />;
}

/** A mark beside the status in words (never colour alone): a tick when delivered, "!" on trouble, an arrow on the way. */
const MARKS = { done: "✓", problem: "!", moving: "➜" } as const;

/**
 * The shipments of one parcel: carrier, tracking number, status in words, the delivery
 * estimate (with the one it replaced, struck through) and the events newest first as
 * an ordered list. Places and the carrier's own words are shown as the carrier wrote
 * them, marked as of unknown language; dates in the page's locale, in UTC.
 */
export async function ParcelTracking({ timeline, locale }: { timeline: ParcelTimelineData; locale: Locale }) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "tracking" }), getFormatter({ locale })]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const range = (r: DateRange) => (r.from.getTime() === r.to.getTime() ? day(r.from) : t("estimateRange", { from: day(r.from), to: day(r.to) }));
  const moment = (d: Date) => format.dateTime(d, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });

  if (timeline.notShipped) {
    const estimate = timeline.notShipped.sellerEstimate;
    return (
      <section className="parcel-tracking" data-testid="parcel-tracking">
        <h3>{t("heading")}</h3>
        <p className="small" data-testid="parcel-not-shipped">
          {estimate ? t("notShippedEstimate", { from: day(estimate.from), to: day(estimate.to) }) : t("notShipped")}
        </p>
      </section>
    );
  }

  const count = timeline.shipments.length;
  return (
    <section className="parcel-tracking" data-testid="parcel-tracking">
      <h3>{t("heading")}</h3>
      {timeline.shipments.map((shipment, i) => {
        const tone = statusTone(shipment.status);
        return (
          <div key={shipment.id} className="shipment" data-testid="shipment" data-status={shipment.status}>
            {count > 1 && <h4>{t("shipmentOf", { index: i + 1, count })}</h4>}
            <dl className="details shipment-facts">
              <dt>{t("carrier")}</dt>
              <dd data-testid="shipment-carrier">{shipment.carrierName}</dd>
              <dt>{t("trackingNumber")}</dt>
              <dd data-testid="shipment-tracking-number">
                <span dir="ltr" className="tracking-number">
                  {shipment.trackingNumber}
                </span>
              </dd>
              <dt>{t("currentStatus")}</dt>
              <dd data-testid="shipment-status">
                <span className={`tracking-mark tracking-${tone}`} aria-hidden="true">
                  {MARKS[tone]}
                </span>{" "}
                <strong>{t(statusLabelKey(shipment.status))}</strong>
              </dd>
              <dt>{shipment.deliveredAt ? t("status.DELIVERED") : t("estimate")}</dt>
              <dd data-testid="shipment-estimate">
                {shipment.deliveredAt ? (
                  t("delivered", { date: day(shipment.deliveredAt) })
                ) : shipment.estimate ? (
                  <>
                    <span data-testid="shipment-estimate-current">{range(shipment.estimate)}</span>
                    {shipment.previousEstimate && (
                      <>
                        {" "}
                        <del className="muted" data-testid="shipment-estimate-previous">
                          {t("estimateWas", { range: range(shipment.previousEstimate) })}
                        </del>
                        <span className="visually-hidden"> {t("estimateChangedNote")}</span>
                      </>
                    )}
                  </>
                ) : (
                  t("noEstimate")
                )}
              </dd>
            </dl>
            <h4 className="small tracking-history-heading" id={`history-${shipment.id}`}>
              {t("history")}
            </h4>
            {shipment.events.length === 0 ? (
              <p className="small muted">{t("noEvents")}</p>
            ) : (
              <ol className="tracking-events" reversed aria-labelledby={`history-${shipment.id}`} data-testid="tracking-events">
                {shipment.events.map((event) => {
                  const eventTone = statusTone(event.status);
                  return (
                    <li key={event.id} className="tracking-event" data-testid="tracking-event" data-status={event.status}>
                      <time dateTime={event.at.toISOString()} className="small muted">
                        {moment(event.at)}
                      </time>
                      <span className="tracking-event-status">
                        <span className={`tracking-mark tracking-${eventTone}`} aria-hidden="true">
                          {MARKS[eventTone]}
                        </span>{" "}
                        <span data-testid="tracking-event-status">{t(statusLabelKey(event.status))}</span>
                        {event.bySeller && <span className="small muted"> · {t("sellerUpdate")}</span>}
                      </span>
                      {event.location && (
                        <span className="small tracking-place" lang="und" dir="auto" data-testid="tracking-event-place">
                          {event.location}
                        </span>
                      )}
                      {event.carrierText && (
                        <span className="small tracking-words">
                          <span className="muted">{t("carrierWords")}</span>{" "}
                          <q lang="und" dir="auto" data-testid="tracking-event-carrier-text">
                            {event.carrierText}
                          </q>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
          </div>
        );
      })}
    </section>
  );
}
