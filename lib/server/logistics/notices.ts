import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { findCarrier, trackingUrl } from "@/lib/domain/logistics/carriers";
import { isNoticeKind } from "@/lib/domain/logistics/notices";
import { isLocale } from "@/lib/domain/markets";
import { orderField } from "@/lib/server/checkout/access";
import { orderLink } from "@/lib/server/checkout/confirmation";
import type { JobHandler } from "@/lib/server/jobs";
import { renderShipmentNotice } from "@/lib/server/mail/shipment-notice";
import { sendMail, type SendMailOptions } from "@/lib/server/mail/transport";
import { subjectKeys } from "@/lib/server/crypto/subjects";

/** The carrier's public tracking page, when it is one the buyer can open from an email (an absolute http(s) link). */
function publicTrackingUrl(carrier: string, trackingNumber: string): string | null {
  const url = trackingUrl(carrier, trackingNumber);
  return url && /^https?:\/\//.test(url) ? url : null;
}

/**
 * The `shipment.notice` job: mails one notice (payload `{ shipmentId, kind }`) that
 * recordTrackingEvent claimed in its transaction. Sent at most once per notice, twice
 * over: the job writes `sentAt` into its own result as soon as the mail is handed over,
 * so a job taken up again (its runner crashed, or the result could not be saved) finds
 * it and sends nothing; and the message's idempotency key is the notice's, so the
 * outbox keeps one file for it. A failed send throws: the runner tries again later.
 */
export function shipmentNoticeHandler(options: { mail?: SendMailOptions } = {}): JobHandler {
  return async (job) => {
    const payload = (job.payload ?? {}) as { shipmentId?: unknown; kind?: unknown };
    if (typeof payload.shipmentId !== "string" || !isNoticeKind(payload.kind)) return { ok: false, code: "INVALID_PAYLOAD" };
    const kind = payload.kind;
    const own = await job.db.job.findUnique({ where: { id: job.id }, select: { result: true } });
    const marker = (own?.result ?? {}) as { sentAt?: unknown };
    if (typeof marker.sentAt === "string") return { ok: true, result: { ...(own!.result as Prisma.JsonObject), alreadySent: true } };

    const shipment = await job.db.shipment.findUnique({
      where: { id: payload.shipmentId },
      select: {
        carrier: true, trackingNumber: true, estimatedFrom: true, estimatedTo: true,
        subOrder: { select: { order: { select: { id: true, number: true, locale: true, emailSealed: true } } } },
      },
    });
    if (!shipment) return { ok: false, code: "NOT_FOUND" };
    const order = shipment.subOrder.order;
    const locale = isLocale(order.locale) ? order.locale : "en";
    const rendered = renderShipmentNotice({
      locale,
      kind,
      orderNumber: order.number,
      orderUrl: orderLink(order.id, locale),
      carrier: findCarrier(shipment.carrier)?.name ?? shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      trackingUrl: publicTrackingUrl(shipment.carrier, shipment.trackingNumber),
      estimate: shipment.estimatedFrom && shipment.estimatedTo ? { from: shipment.estimatedFrom.toISOString().slice(0, 10), to: shipment.estimatedTo.toISOString().slice(0, 10) } : null,
    });
    const to = await subjectKeys().openOrNull(job.db, order.emailSealed, orderField(order.id, "email"));
    // The buyer's data was erased: there is no one to tell.
    if (to === null) return { ok: true, result: { shipmentId: payload.shipmentId, kind, skipped: "ERASED" } };
    const sent = await sendMail({ to, ...rendered, idempotencyKey: `shipment-notice:${payload.shipmentId}:${kind}` }, options.mail);
    if (!sent.ok) throw new Error("MAIL_FAILED");
    const result = { shipmentId: payload.shipmentId, kind, locale, sentAt: new Date().toISOString(), messageId: sent.messageId };
    await job.db.job.update({ where: { id: job.id }, data: { result } });
    return { ok: true, result };
  };
}
