import "server-only";
/**
 * A person's rights over their data (GDPR Art. 15, 17 and 20; README "Your data"; ADR 31):
 * everything held about them, at once, as JSON and as a readable page; and erasure, which
 * deletes what no law requires, keeps orders and contract evidence (unreadable) until their
 * retention ends, and destroys the person's key.
 *
 * A signed-in buyer asks from their account; a guest asks by email and proves the address by
 * the link mailed to it. Who may ask is decided here, for every caller.
 */
import crypto from "node:crypto";
import { createTranslator } from "use-intl/core";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { erasureRefusal, keptRecords, type ErasureOrder, type ErasureRefusal, type KeptRecord } from "@/lib/domain/privacy/erasure";
import { serverEnv } from "@/lib/env";
import { recordAudit, type AuditActor } from "@/lib/server/audit";
import { orderField } from "@/lib/server/checkout/access";
import { acceptanceField } from "@/lib/server/contracts/evidence";
import { subjectKeys } from "@/lib/server/crypto/subjects";
import { CATALOGUES } from "@/lib/server/i18n/catalogues";
import { escapeHtml } from "@/lib/server/mail/escape";
import { sendMail } from "@/lib/server/mail/transport";

export const PRIVACY_REQUEST_KINDS = ["export", "erase"] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];
export type PrivacyFailure = { ok: false; code: "SIGN_IN_REQUIRED" | "INVALID_EMAIL" | "INVALID_REQUEST" | "LINK_EXPIRED" | "CONFIRMATION_REQUIRED" | ErasureRefusal };

/** How long an emailed link opens the request. */
export const REQUEST_LINK_HOURS = 24;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

// ---------------------------------------------------------------------------------------
// What is held

export interface PersonalExport {
  format: "caravan-personal-data/1";
  generatedAt: string;
  emails: string[];
  account: null | {
    email: string;
    name: string;
    createdAt: string;
    emailVerified: boolean;
    addresses: { country: string; isDefault: boolean; fields: Record<string, string>; createdAt: string }[];
    sessions: { createdAt: string; lastActiveAt: string; expiresAt: string; userAgent: string | null }[];
    twoFactorEnabled: boolean;
    /** Browsers and networks signed in from (kept as a keyed hash only, to notice a new one). */
    knownDevices: { firstSeenAt: string; lastSeenAt: string }[];
  };
  orders: {
    number: string;
    placedAt: string;
    status: string;
    locale: string;
    destination: string;
    currency: string;
    email: string | null;
    shipTo: { address: Record<string, string> | null; lines: string[]; phone: string | null } | null;
    totals: { goodsMinor: number; shippingMinor: number; dutyMinor: number; taxMinor: number; totalMinor: number; dueOnDeliveryMinor: number };
    parcels: {
      seller: { name: string; country: string };
      /** What of the buyer's data this seller received to ship the parcel. */
      sharedWithSeller: string[];
      lines: { title: string; variantName: string; quantity: number; goodsMinor: number }[];
      deliveredAt: string | null;
      shipments: { carrier: string; trackingNumber: string; status: string }[];
    }[];
    payments: { status: string; amountMinor: number; currency: string; refundedMinor: number; createdAt: string; paidAt: string | null }[];
    withdrawals: { status: string; refundMinor: number; createdAt: string; refundedAt: string | null }[];
    contract: null | { acceptedAt: string; termsVersionId: string; locale: string; jurisdiction: string; ipAddress: string | null; userAgent: string | null; consents: unknown; totals: unknown };
    retainedUntil: string | null;
  }[];
  requests: { kind: string; createdAt: string; completedAt: string | null }[];
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Everything the store holds about `subjectId` (and the account `userId`), opened. */
export async function collectPersonalData(db: PrismaClient, subjectId: string, userId: string | null): Promise<PersonalExport> {
  const keys = subjectKeys();
  const open = (sealed: string | null, context: string) => (sealed === null ? Promise.resolve(null) : keys.openOrNull(db, sealed, context));
  const user = userId
    ? await db.user.findUnique({
        where: { id: userId },
        select: {
          email: true, name: true, createdAt: true, emailVerified: true, twoFactorEnabled: true,
          addresses: { orderBy: { createdAt: "asc" } }, sessions: { orderBy: { createdAt: "asc" } },
          knownDevices: { orderBy: { firstSeenAt: "asc" }, select: { firstSeenAt: true, lastSeenAt: true } },
        },
      })
    : null;
  const orders = await db.order.findMany({
    where: { OR: [{ subjectId }, ...(userId ? [{ userId }] : [])], demo: false },
    orderBy: { createdAt: "asc" },
    include: {
      subOrders: { orderBy: { position: "asc" }, include: { seller: { select: { name: true, country: true } }, lines: true, shipments: { select: { carrier: true, trackingNumber: true, status: true } } } },
      payments: { orderBy: { createdAt: "asc" } },
      withdrawals: { orderBy: { createdAt: "asc" } },
      acceptance: true,
    },
  });
  const emails = new Set<string>();
  if (user?.email) emails.add(user.email);
  const out: PersonalExport["orders"] = [];
  for (const order of orders) {
    const email = await open(order.emailSealed, orderField(order.id, "email"));
    if (email) emails.add(email);
    const address = await open(order.addressSealed, orderField(order.id, "address"));
    const shipTo = address ? (JSON.parse(address) as { address: Record<string, string> | null; lines: string[]; phone: string | null }) : null;
    const acceptance = order.acceptance;
    out.push({
      number: order.number,
      placedAt: order.createdAt.toISOString(),
      status: order.status,
      locale: order.locale,
      destination: order.destination,
      currency: order.currency,
      email,
      shipTo: shipTo ? { address: shipTo.address ?? null, lines: shipTo.lines ?? [], phone: shipTo.phone ?? null } : null,
      totals: { goodsMinor: order.goodsMinor, shippingMinor: order.shippingMinor, dutyMinor: order.dutyMinor, taxMinor: order.taxMinor, totalMinor: order.totalMinor, dueOnDeliveryMinor: order.dueOnDeliveryMinor },
      parcels: order.subOrders.map((sub) => ({
        seller: { name: sub.seller.name, country: sub.seller.country },
        sharedWithSeller: sub.lines.every((l) => l.kind === "DIGITAL") ? [] : ["name", "address", "phone"],
        lines: sub.lines.map((l) => ({ title: l.title, variantName: l.variantName, quantity: l.quantity, goodsMinor: l.goodsMinor })),
        deliveredAt: iso(sub.deliveredAt),
        shipments: sub.shipments.map((s) => ({ carrier: s.carrier, trackingNumber: s.trackingNumber, status: s.status })),
      })),
      payments: order.payments.map((p) => ({ status: p.status, amountMinor: p.amountMinor, currency: p.currency, refundedMinor: p.refundedMinor, createdAt: p.createdAt.toISOString(), paidAt: iso(p.paidAt) })),
      withdrawals: order.withdrawals.map((w) => ({ status: w.status, refundMinor: w.refundMinor, createdAt: w.createdAt.toISOString(), refundedAt: iso(w.refundedAt) })),
      contract: acceptance
        ? {
            acceptedAt: acceptance.acceptedAt.toISOString(),
            termsVersionId: acceptance.termsVersionId,
            locale: acceptance.locale,
            jurisdiction: acceptance.jurisdiction,
            ipAddress: await open(acceptance.ipSealed, acceptanceField(acceptance.id, "ip")),
            userAgent: await open(acceptance.userAgentSealed, acceptanceField(acceptance.id, "user-agent")),
            consents: acceptance.consents,
            totals: acceptance.totals,
          }
        : null,
      retainedUntil: iso(order.retainUntil),
    });
  }
  const addresses = [];
  for (const a of user?.addresses ?? []) {
    const fields = (await open(a.sealed, `buyer-address:${a.id}`)) ?? "{}";
    addresses.push({ country: a.country, isDefault: a.isDefault, fields: JSON.parse(fields) as Record<string, string>, createdAt: a.createdAt.toISOString() });
  }
  const requests = await db.privacyRequest.findMany({ where: { subjectId }, orderBy: { createdAt: "asc" }, select: { kind: true, createdAt: true, completedAt: true } });
  return {
    format: "caravan-personal-data/1",
    generatedAt: new Date().toISOString(),
    emails: [...emails],
    account: user
      ? {
          email: user.email,
          name: user.name,
          createdAt: user.createdAt.toISOString(),
          emailVerified: user.emailVerified,
          addresses,
          sessions: user.sessions.map((s) => ({ createdAt: s.createdAt.toISOString(), lastActiveAt: s.updatedAt.toISOString(), expiresAt: s.expiresAt.toISOString(), userAgent: s.userAgent })),
          twoFactorEnabled: user.twoFactorEnabled ?? false,
          knownDevices: user.knownDevices.map((d) => ({ firstSeenAt: d.firstSeenAt.toISOString(), lastSeenAt: d.lastSeenAt.toISOString() })),
        }
      : null,
    orders: out,
    requests: requests.map((r) => ({ kind: r.kind, createdAt: r.createdAt.toISOString(), completedAt: iso(r.completedAt) })),
  };
}

// ---------------------------------------------------------------------------------------
// Who asks

/** The signed-in viewer's subject (made from their address when the account predates keys per person). */
async function viewerSubject(viewer: Viewer, db: PrismaClient): Promise<string> {
  const user = await db.user.findUnique({ where: { id: viewer.userId }, select: { subjectId: true } });
  return user?.subjectId ?? subjectKeys().subjectForEmail(db, viewer.email);
}

export async function exportForViewer(viewer: Viewer | null, db: PrismaClient = getPrisma()): Promise<{ ok: true; data: PersonalExport } | PrivacyFailure> {
  if (!viewer) return { ok: false, code: "SIGN_IN_REQUIRED" };
  const subjectId = await viewerSubject(viewer, db);
  await db.$transaction(async (tx) => {
    await tx.privacyRequest.create({ data: { id: `prq_${crypto.randomBytes(12).toString("base64url")}`, kind: "export", subjectId, userId: viewer.userId, completedAt: new Date() } });
    await recordAudit(tx, { actor: { kind: "buyer", id: viewer.userId, name: "buyer" }, action: "privacy.export", subjectType: "subject", subjectId, before: {}, after: { via: "account" } });
  });
  return { ok: true, data: await collectPersonalData(db, subjectId, viewer.userId) };
}

/**
 * A guest (or anyone) asks by email. When the store holds data for the address, a link
 * valid for REQUEST_LINK_HOURS goes to it; the answer is the same either way, so the form
 * does not tell who is a customer.
 */
export async function requestByEmail(input: { email: unknown; kind: unknown; locale: unknown }, db: PrismaClient = getPrisma()): Promise<{ ok: true } | PrivacyFailure> {
  const email = typeof input.email === "string" ? input.email.trim() : "";
  if (!EMAIL.test(email) || email.length > 254) return { ok: false, code: "INVALID_EMAIL" };
  if (!PRIVACY_REQUEST_KINDS.includes(input.kind as PrivacyRequestKind)) return { ok: false, code: "INVALID_REQUEST" };
  const kind = input.kind as PrivacyRequestKind;
  const locale: Locale = isLocale(input.locale) ? input.locale : "en";
  const subjectId = await subjectKeys().findSubject(db, email);
  if (!subjectId) return { ok: true };
  const token = crypto.randomBytes(32).toString("base64url");
  await db.privacyRequest.create({
    data: { id: `prq_${crypto.randomBytes(12).toString("base64url")}`, kind, subjectId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + REQUEST_LINK_HOURS * 3_600_000) },
  });
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: "yourData.mail", timeZone: "UTC" });
  const link = `${serverEnv().CARAVAN_PUBLIC_URL.replace(/\/$/, "")}/${locale}/your-data/${token}`;
  const dir = locale === "ar" ? "rtl" : "ltr";
  const sent = await sendMail({
    to: email,
    subject: t(`${kind}.subject`),
    text: `${t(`${kind}.intro`)}\n\n${link}\n\n${t("expires", { hours: REQUEST_LINK_HOURS })}\n${t("ignore")}\n`,
    html: `<div dir="${dir}" lang="${locale}"><p>${escapeHtml(t(`${kind}.intro`))}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t(`${kind}.action`))}</a></p><p>${escapeHtml(t("expires", { hours: REQUEST_LINK_HOURS }))}</p><p>${escapeHtml(t("ignore"))}</p></div>`,
    idempotencyKey: `privacy-request:${hashToken(token)}`,
  });
  if (!sent.ok) throw new Error("privacy request mail could not be sent");
  return { ok: true };
}

export interface OpenedRequest {
  id: string;
  kind: PrivacyRequestKind;
  subjectId: string;
}

/** The request an emailed link opens, while it is valid and unused. */
export async function openRequest(token: unknown, db: PrismaClient = getPrisma()): Promise<{ ok: true; request: OpenedRequest } | PrivacyFailure> {
  if (typeof token !== "string" || !TOKEN.test(token)) return { ok: false, code: "LINK_EXPIRED" };
  const row = await db.privacyRequest.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.completedAt || !row.expiresAt || row.expiresAt.getTime() <= Date.now()) return { ok: false, code: "LINK_EXPIRED" };
  const subject = await db.dataSubject.findUnique({ where: { id: row.subjectId }, select: { wrappedKey: true } });
  if (!subject?.wrappedKey) return { ok: false, code: "LINK_EXPIRED" };
  return { ok: true, request: { id: row.id, kind: row.kind as PrivacyRequestKind, subjectId: row.subjectId } };
}

/** The export an emailed export link opens (it stays usable until it expires, to download both forms). */
export async function exportForToken(token: unknown, db: PrismaClient = getPrisma()): Promise<{ ok: true; data: PersonalExport } | PrivacyFailure> {
  const opened = await openRequest(token, db);
  if (!opened.ok) return opened;
  if (opened.request.kind !== "export") return { ok: false, code: "LINK_EXPIRED" };
  await recordAuditOutside(db, { actor: { kind: "buyer", name: "guest" }, action: "privacy.export", subjectType: "subject", subjectId: opened.request.subjectId, before: {}, after: { via: "email-link" } });
  const account = await db.user.findUnique({ where: { subjectId: opened.request.subjectId }, select: { id: true } });
  return { ok: true, data: await collectPersonalData(db, opened.request.subjectId, account?.id ?? null) };
}

async function recordAuditOutside(db: PrismaClient, entry: Parameters<typeof recordAudit>[1]): Promise<void> {
  await db.$transaction((tx) => recordAudit(tx, entry));
}

// ---------------------------------------------------------------------------------------
// Erasure

export interface ErasureResult {
  ok: true;
  kept: KeptRecord[];
  deleted: { account: boolean; addresses: number; sessions: number; carts: number };
}

async function erasureOrders(db: Prisma.TransactionClient, subjectId: string, userId: string | null): Promise<ErasureOrder[]> {
  const orders = await db.order.findMany({
    where: { OR: [{ subjectId }, ...(userId ? [{ userId }] : [])], demo: false },
    select: {
      id: true, status: true, retainUntil: true,
      subOrders: { select: { deliveredAt: true, lines: { select: { kind: true, digitalDelivery: { select: { status: true } } } } } },
      withdrawals: { select: { id: true, status: true } },
      payments: { select: { id: true } },
      acceptance: { select: { id: true } },
    },
  });
  return orders.map((o) => ({
    id: o.id,
    status: o.status,
    retainUntil: o.retainUntil,
    parcelsDelivered: o.subOrders.map((s) => s.deliveredAt !== null || (s.lines.length > 0 && s.lines.every((l) => l.kind === "DIGITAL" && l.digitalDelivery?.status === "DELIVERED"))),
    withdrawals: o.withdrawals,
    payments: o.payments,
    hasContract: o.acceptance !== null,
  }));
}

/**
 * Erases one person: deletes their account (with its sessions, sign-in methods and saved
 * addresses), their carts and unfinished checkouts, unlinks their orders, and destroys
 * their key, in one transaction. Orders and evidence stay (unreadable) with the legal basis
 * and end of retention recorded on the request.
 */
async function erase(db: PrismaClient, subjectId: string, userId: string | null, actor: AuditActor, requestId: string | null): Promise<ErasureResult | PrivacyFailure> {
  return db.$transaction(async (tx) => {
    // Decided inside the transaction that erases, on what it reads.
    const staff = userId ? await tx.user.findUnique({ where: { id: userId }, select: { role: true, sellerMember: { select: { id: true } } } }) : null;
    const orders = await erasureOrders(tx, subjectId, userId);
    const refusal = erasureRefusal({ staff: Boolean(staff && (staff.role === "OPERATOR" || staff.sellerMember)), orders });
    if (refusal) return { ok: false, code: refusal } as const;
    const kept = keptRecords(orders);
    let account = false;
    let addresses = 0;
    let sessions = 0;
    let carts = 0;
    if (userId) {
      const cartIds = (await tx.cart.findMany({ where: { ownerId: userId }, select: { id: true } })).map((c) => c.id);
      await tx.checkoutDraft.deleteMany({ where: { cartId: { in: cartIds } } });
      carts = (await tx.cart.deleteMany({ where: { id: { in: cartIds } } })).count;
      addresses = (await tx.buyerAddress.deleteMany({ where: { userId } })).count;
      sessions = (await tx.session.deleteMany({ where: { userId } })).count;
      await tx.order.updateMany({ where: { userId }, data: { userId: null } });
      account = (await tx.user.deleteMany({ where: { id: userId } })).count === 1;
    }
    await subjectKeys().erase(tx, subjectId);
    const now = new Date();
    if (requestId) await tx.privacyRequest.update({ where: { id: requestId }, data: { completedAt: now, tokenHash: null, kept: kept as unknown as Prisma.InputJsonValue } });
    else await tx.privacyRequest.create({ data: { id: `prq_${crypto.randomBytes(12).toString("base64url")}`, kind: "erase", subjectId, completedAt: now, kept: kept as unknown as Prisma.InputJsonValue } });
    // Unused links of this person open nothing any more.
    await tx.privacyRequest.updateMany({ where: { subjectId, completedAt: null }, data: { tokenHash: null, expiresAt: now } });
    await recordAudit(tx, {
      actor, action: "privacy.erase", subjectType: "subject", subjectId,
      before: {}, after: { account, addresses, sessions, carts, keptOrders: kept.filter((k) => k.type === "order").length },
    });
    return { ok: true, kept, deleted: { account, addresses, sessions, carts } } as const;
  });
}

const confirmed = (value: unknown) => value === true || value === "on" || value === "yes";

export async function eraseForViewer(viewer: Viewer | null, input: { confirm: unknown }, db: PrismaClient = getPrisma()): Promise<ErasureResult | PrivacyFailure> {
  if (!viewer) return { ok: false, code: "SIGN_IN_REQUIRED" };
  if (!confirmed(input.confirm)) return { ok: false, code: "CONFIRMATION_REQUIRED" };
  const subjectId = await viewerSubject(viewer, db);
  return erase(db, subjectId, viewer.userId, { kind: "buyer", id: viewer.userId, name: "buyer" }, null);
}

export async function eraseForToken(token: unknown, input: { confirm: unknown }, db: PrismaClient = getPrisma()): Promise<ErasureResult | PrivacyFailure> {
  const opened = await openRequest(token, db);
  if (!opened.ok) return opened;
  if (opened.request.kind !== "erase") return { ok: false, code: "LINK_EXPIRED" };
  if (!confirmed(input.confirm)) return { ok: false, code: "CONFIRMATION_REQUIRED" };
  const account = await db.user.findUnique({ where: { subjectId: opened.request.subjectId }, select: { id: true } });
  return erase(db, opened.request.subjectId, account?.id ?? null, { kind: "buyer", name: "guest" }, opened.request.id);
}

