import "server-only";
import { createTranslator } from "use-intl/core";
import { localeOfPath } from "@/lib/domain/accounts";
import { LOCALES, type Locale } from "@/lib/domain/markets";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { sendMail } from "@/lib/server/mail/transport";
import { escapeHtml } from "@/lib/server/mail/escape";

export type AccountMailKind = "verify" | "reset";


/** The locale of a link: its `callbackURL` (the page it returns to) starts with the locale. */
export function mailLocale(link: string): Locale {
  let back: string | null = null;
  try {
    const url = new URL(link);
    back = url.searchParams.get("callbackURL") ?? url.searchParams.get("redirectTo");
  } catch {
    back = null;
  }
  return localeOfPath(back, LOCALES, "en");
}

/** The verification or password-reset mail, in the visitor's language, through the store's mail transport. */
export async function sendAccountMail(kind: AccountMailKind, to: string, link: string): Promise<void> {
  const locale = mailLocale(link);
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: `auth.mail.${kind}`, timeZone: "UTC" });
  const dir = locale === "ar" ? "rtl" : "ltr";
  const result = await sendMail({
    to,
    subject: t("subject"),
    text: `${t("intro")}\n\n${link}\n\n${t("ignore")}\n`,
    html: `<div dir="${dir}" lang="${locale}"><p>${escapeHtml(t("intro"))}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t("action"))}</a></p><p>${escapeHtml(t("ignore"))}</p></div>`,
  });
  if (!result.ok) throw new Error("account mail could not be sent");
}
