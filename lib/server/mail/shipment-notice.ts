/**
 * The buyer's shipment notices (shipped, at customs, out for delivery, delivered, a
 * delivery problem), in the buyer's language, from the `parcelMail` messages. Renders
 * a `ShipmentNoticeView` only (no I/O); lib/server/logistics/notices.ts fills it and
 * sends the result. Values are escaped in the HTML part and isolated in right-to-left
 * languages, as in the order confirmation.
 */
import "server-only";
import { createTranslator } from "use-intl/core";
import type { NoticeKind } from "@/lib/domain/logistics/notices";
import { directionOf, type Locale } from "@/lib/domain/markets";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { escapeHtml } from "./escape";
import type { RenderedMail } from "./order-confirmation";

export interface ShipmentNoticeView {
  locale: Locale;
  kind: NoticeKind;
  orderNumber: string;
  /** Absolute http(s) link to the order page. */
  orderUrl: string;
  /** The carrier's name as the buyer knows it (or its code). */
  carrier: string;
  trackingNumber: string;
  /** The carrier's tracking page for this parcel, when the store knows it. */
  trackingUrl: string | null;
  /** Calendar dates (YYYY-MM-DD, UTC). */
  estimate: { from: string; to: string } | null;
}

function checkedUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) throw new TypeError("links must be absolute http(s) URLs");
  return url.href;
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Noto Sans','Noto Sans JP','Noto Sans SC','Noto Naskh Arabic',Arial,sans-serif;";

export function renderShipmentNotice(view: ShipmentNoticeView): RenderedMail {
  const { locale, kind } = view;
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "parcelMail", timeZone: "UTC" });
  const dir = directionOf(locale);
  const rtl = dir === "rtl";
  const start = rtl ? "right" : "left";
  const isolate = (value: string) => (rtl ? `\u2068${value}\u2069` : value);
  const orderUrl = checkedUrl(view.orderUrl);
  const trackingUrl = view.trackingUrl ? checkedUrl(view.trackingUrl) : null;

  const subject = t(`subject.${kind}`, { number: isolate(view.orderNumber) });
  const heading = t(`heading.${kind}`);
  const estimate = view.estimate
    ? view.estimate.from === view.estimate.to
      ? t("estimateDay", { from: new Date(`${view.estimate.from}T00:00:00Z`) })
      : t("estimateRange", { from: new Date(`${view.estimate.from}T00:00:00Z`), to: new Date(`${view.estimate.to}T00:00:00Z`) })
    : null;
  const facts: [string, string][] = [
    [t("status"), heading],
    [t("carrier"), view.carrier],
    [t("trackingNumber"), view.trackingNumber],
  ];
  if (estimate && kind !== "DELIVERED") facts.push([t("estimate"), estimate]);

  const text = [
    heading,
    "",
    t(`intro.${kind}`, { number: isolate(view.orderNumber) }),
    "",
    ...facts.map(([label, value]) => t("labelValue", { label, value: isolate(value) })),
    "",
    ...(trackingUrl ? [t("trackLink", { url: trackingUrl })] : []),
    t("orderLink", { url: orderUrl }),
    "",
    "-".repeat(40),
    t("footer"),
    "",
  ].join("\n");

  const intro = escapeHtml(t(`intro.${kind}`, { number: "\uE000" })).replace("\uE000", `<bdi>${escapeHtml(view.orderNumber)}</bdi>`);
  const rows = facts
    .map(([label, value]) => `<tr><th scope="row" style="text-align:${start};padding:4px 0;padding-${rtl ? "left" : "right"}:16px;font-weight:600;vertical-align:top;">${escapeHtml(label)}</th><td style="padding:4px 0;"><bdi>${escapeHtml(value)}</bdi></td></tr>`)
    .join("");
  const button = (href: string, label: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;margin-top:8px;margin-${rtl ? "left" : "right"}:8px;padding:12px 20px;background-color:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">${escapeHtml(label)}</a>`;
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${locale}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background-color:#f4f4f5;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="background-color:#f4f4f5;"><tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="width:100%;max-width:600px;background-color:#ffffff;${FONT}font-size:16px;line-height:1.5;color:#18181b;text-align:${start};">`,
    `<tr><td style="padding:24px;">`,
    `<h1 style="margin:0 0 12px;font-size:24px;line-height:1.25;">${escapeHtml(heading)}</h1>`,
    `<p style="margin:0 0 16px;">${intro}</p>`,
    `<table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin-bottom:16px;">${rows}</table>`,
    trackingUrl ? button(trackingUrl, t("trackButton")) : "",
    button(orderUrl, t("viewOrder")),
    `</td></tr>`,
    `<tr><td style="padding:0 24px 24px;"><p style="margin:0;padding-top:16px;border-top:1px solid #e4e4e7;font-size:13px;color:#52525b;">${escapeHtml(t("footer"))}</p></td></tr>`,
    "</table>",
    "</td></tr></table>",
    "</body>",
    "</html>",
  ].join("\n");
  return { subject, text, html };
}
