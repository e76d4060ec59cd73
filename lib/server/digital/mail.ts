import "server-only";
import { createTranslator } from "use-intl/core";
import { directionOf, type Locale } from "@/lib/domain/markets";
import type { HeldReason } from "@/lib/domain/digital";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { escapeHtml } from "@/lib/server/mail/escape";
import type { RenderedMail } from "@/lib/server/mail/order-confirmation";

/**
 * The email a seller's members get when a paid digital line is held back (no licence
 * key left in the pool, or no file to deliver), in the seller's language, with the link
 * to the product's media page where keys and the file are added. Rendering only.
 */
export interface HeldLineMail {
  locale: Locale;
  orderNumber: string;
  productTitle: string;
  quantity: number;
  reason: HeldReason;
  /** Absolute link to the product's media page in the seller panel. */
  mediaUrl: string;
}

export function renderHeldLineMail(view: HeldLineMail): RenderedMail {
  const t = createTranslator({ locale: view.locale, messages: CATALOGUES[view.locale], namespace: "downloads.mail", timeZone: "UTC" });
  const rtl = directionOf(view.locale) === "rtl";
  const iso = (value: string) => (rtl ? `\u2068${value}\u2069` : value);
  const values = { order: iso(view.orderNumber), product: iso(view.productTitle), quantity: view.quantity };
  const subject = t("heldSubject", values);
  const body = t(`held.${view.reason}`, values);
  const action = t("heldAction");
  const text = `${body}\n\n${action}\n${view.mediaUrl}\n`;
  const dir = rtl ? "rtl" : "ltr";
  const html = `<!doctype html><html lang="${escapeHtml(view.locale)}" dir="${dir}"><body style="font-family:sans-serif">`
    + `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(view.mediaUrl)}">${escapeHtml(action)}</a></p></body></html>`;
  return { subject, text, html };
}
