import "server-only";
import crypto from "node:crypto";
import { createTranslator } from "use-intl/core";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Locale } from "@/lib/domain/markets";
import { deviceKey, noticeForDevice } from "@/lib/domain/two-factor";
import { serverEnv } from "@/lib/env";
import { storeSecret } from "@/lib/server/checkout/access";
import { clientAddress } from "@/lib/server/http/client-address";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { escapeHtml } from "@/lib/server/mail/escape";
import { sendMail } from "@/lib/server/mail/transport";

/**
 * Sign-in from a new device: a browser (user agent) on a network (IP /24, IPv6 /48) this
 * account has not signed in from for 90 days gets a notice by mail, with the time and a
 * link to the sessions page (not for an account's very first device). Only a keyed hash of the two is kept (KnownDevice), never
 * the address; the session rows keep none either (better-auth's IP tracking is off).
 */
export function deviceHash(userAgent: string | null, ip: string | null): string {
  return crypto.createHmac("sha256", storeSecret()).update("caravan:device\n").update(deviceKey(userAgent, ip)).digest("base64url");
}

export interface DeviceSeen {
  /** First sign-in from it within 90 days, and the account has another device: the notice goes out. */
  isNew: boolean;
}

/** Records a sign-in from the request's device; says whether it is new to the account. */
export async function recordDevice(userId: string, request: Request, now: Date, db: PrismaClient = getPrisma()): Promise<DeviceSeen> {
  const ip = clientAddress(request.headers, serverEnv().CARAVAN_TRUST_PROXY);
  const hash = deviceHash(request.headers.get("user-agent"), ip === "unknown" ? null : ip);
  const devices = await db.knownDevice.findMany({ where: { userId }, select: { deviceHash: true, lastSeenAt: true } });
  const known = devices.find((d) => d.deviceHash === hash);
  const others = devices.filter((d) => d.deviceHash !== hash).map((d) => d.lastSeenAt);
  await db.knownDevice.upsert({ where: { userId_deviceHash: { userId, deviceHash: hash } }, create: { userId, deviceHash: hash, firstSeenAt: now, lastSeenAt: now }, update: { lastSeenAt: now } });
  return { isNew: noticeForDevice(known?.lastSeenAt ?? null, others, now) };
}

/** The notice mail, in the visitor's language. */
export async function sendNewDeviceNotice(to: string, locale: Locale, at: Date): Promise<void> {
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "twoFactor.mail.newDevice", timeZone: "UTC" });
  const link = new URL(`/${locale}/account/sessions`, serverEnv().CARAVAN_PUBLIC_URL).toString();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(at);
  const dir = locale === "ar" ? "rtl" : "ltr";
  const intro = t("intro", { when });
  const result = await sendMail({
    to,
    subject: t("subject"),
    text: `${intro}\n\n${t("notYou")}\n${link}\n`,
    html: `<div dir="${dir}" lang="${locale}"><p>${escapeHtml(intro)}</p><p>${escapeHtml(t("notYou"))}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t("action"))}</a></p></div>`,
  });
  if (!result.ok) throw new Error("new device notice could not be sent");
}

/**
 * After a sign-in finished (password, and the second step when on): remember the device
 * and, when new, send the notice. The person is signed in either way: a failure here
 * costs the notice, not the session.
 */
export async function noticeNewDevice(user: { id: string; email: string }, request: Request, locale: Locale, now: Date = new Date()): Promise<void> {
  try {
    const seen = await recordDevice(user.id, request, now);
    if (seen.isNew) await sendNewDeviceNotice(user.email, locale, now);
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "new device notice failed", error: error instanceof Error ? error.name : "unknown" }));
  }
}
