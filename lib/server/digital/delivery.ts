import "server-only";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/domain/accounts";
import type { Clock } from "@/lib/domain/clock";
import { jurisdictionOf, withdrawalRule } from "@/lib/domain/contracts/jurisdiction";
import {
  attachmentDisposition,
  deliveryDue,
  deliveryOutcome,
  keysNeeded,
  linkState,
  linkTerms,
  linkToken,
  parseRange,
  tokenLinkId,
  tokenMatches,
  type HeldReason,
  type LinkState,
} from "@/lib/domain/digital";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { licenceKeyContext } from "@/lib/domain/seller-media/digital";
import { digitalDeliveryFrom } from "@/lib/domain/withdrawal";
import { serverEnv } from "@/lib/env";
import { recordAudit, type AuditActor } from "@/lib/server/audit";
import { accessKeyMatches, isOrderId, storeSecret } from "@/lib/server/checkout/access";
import { openText } from "@/lib/server/crypto/pii";
import { enqueueJob, type JobHandler } from "@/lib/server/jobs";
import { sendMail } from "@/lib/server/mail/transport";
import { getStorage, type Storage } from "@/lib/server/storage";
import { renderHeldLineMail } from "./mail";

/**
 * Digital delivery (README, "Digital delivery"). After a payment settles, each digital
 * order line gets a DigitalDelivery row: delivered at once when the buyer consented to
 * immediate supply (or the law gives no withdrawal right), else PENDING until the
 * withdrawal period ends, when the `digital.deliver` job delivers it.
 *
 * Delivering a line takes one licence key per unit from the product's pool when it has
 * one (FOR UPDATE SKIP LOCKED, so concurrent orders never share a key), then marks the
 * line DELIVERED and issues a download link when the product has a file. A pool that is
 * empty or short holds the line back (HELD, NO_LICENCE_KEY), tells the seller's members
 * once by email, and the next keys the seller adds deliver it. Delivering again changes
 * nothing: the line's row is locked and a DELIVERED line is left as it is.
 */

export const DIGITAL_DELIVER_JOB = "digital.deliver";
export const DELIVERY_ACTOR: AuditActor = { kind: "system", name: "digital-delivery" };

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

/** The secret download links are signed with: CARAVAN_DOWNLOAD_SECRET, else one derived from the session secret. */
export function downloadSecret(): string {
  const configured = serverEnv().CARAVAN_DOWNLOAD_SECRET;
  if (configured) return configured;
  return createHmac("sha256", storeSecret()).update("download-links").digest("base64url");
}

const newLinkId = () => `dl_${randomBytes(16).toString("base64url")}`;

/** The path of a link (the buyer's page makes it absolute by being on the same origin). */
export function downloadPath(linkId: string, orderLineId: string, locale: Locale): string {
  return `/api/downloads/${linkToken(linkId, orderLineId, downloadSecret())}?${new URLSearchParams({ locale })}`;
}

async function issueLink(tx: Tx, deliveryId: string, now: Date): Promise<string> {
  const env = serverEnv();
  const id = newLinkId();
  await tx.downloadLink.create({ data: { id, deliveryId, ...linkTerms(now, env.CARAVAN_DOWNLOAD_HOURS, env.CARAVAN_DOWNLOAD_LIMIT), createdAt: now } });
  return id;
}

// ---------------------------------------------------------------------------------------
// At settlement, and by the job

export interface StartOutcome {
  delivered: number;
  held: number;
  pending: number;
}

/**
 * Called once a payment has settled (lib/server/checkout/fulfil.ts settle): delivers
 * what is due now and schedules the rest. Safe to call again.
 */
export async function startDigitalDelivery(orderId: string, clock: Clock, db: Db = getPrisma()): Promise<StartOutcome> {
  const outcome: StartOutcome = { delivered: 0, held: 0, pending: 0 };
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, status: true, destination: true, paidAt: true, digitalConsent: true, lines: { where: { kind: "DIGITAL" }, select: { id: true } } },
  });
  if (!order || order.status !== "PAID" || !order.paidAt || order.lines.length === 0) return outcome;
  const from = digitalDeliveryFrom(withdrawalRule(jurisdictionOf(order.destination)), order.paidAt, order.digitalConsent === true);
  const now = clock.now();
  await db.$transaction(async (tx) => {
    const created = await tx.digitalDelivery.createMany({ data: order.lines.map((line) => ({ id: `dd_${randomUUID()}`, orderLineId: line.id })), skipDuplicates: true });
    // The first call schedules the delivery; later ones find the rows and the job already there.
    if (created.count > 0 && !deliveryDue(from, now)) await enqueueJob({ kind: DIGITAL_DELIVER_JOB, payload: { orderId }, runAfter: from }, tx);
  });
  if (!deliveryDue(from, now)) {
    outcome.pending = order.lines.length;
    return outcome;
  }
  for (const line of order.lines) {
    const result = await deliverLine(line.id, now, db);
    if (result === "DELIVERED") outcome.delivered++;
    else if (result === "HELD") outcome.held++;
  }
  return outcome;
}

/**
 * The `digital.deliver` job: the order's pending digital lines. It is queued to run once
 * the withdrawal period is over (runAfter), which is when the runner claims it.
 */
export const deliverDigitalJob: JobHandler = async (job) => {
  const payload = job.payload as { orderId?: unknown } | null;
  const orderId = typeof payload?.orderId === "string" ? payload.orderId : null;
  if (!orderId) return { ok: false, code: "INVALID_PAYLOAD" };
  const result = await deliverPendingLines(orderId, new Date(), job.db);
  return { ok: true, result: { ...result } };
};

/** Delivers an order's PENDING digital lines (the scheduled job, once their time has come). */
export async function deliverPendingLines(orderId: string, now: Date, db: Db = getPrisma()): Promise<StartOutcome> {
  const outcome: StartOutcome = { delivered: 0, held: 0, pending: 0 };
  const lines = await db.orderLine.findMany({ where: { orderId, kind: "DIGITAL", order: { status: "PAID" }, digitalDelivery: { status: "PENDING" } }, select: { id: true } });
  for (const line of lines) {
    const result = await deliverLine(line.id, now, db);
    if (result === "DELIVERED") outcome.delivered++;
    else if (result === "HELD") outcome.held++;
  }
  return outcome;
}

type LineResult = "DELIVERED" | "HELD" | "SKIPPED";

interface HeldNotice {
  deliveryId: string;
  reason: HeldReason;
  orderNumber: string;
  productId: string;
  sellerId: string;
  title: string;
  quantity: number;
}

/**
 * Delivers one line (its DigitalDelivery row must exist): keys from the pool, the
 * download link, DELIVERED; or HELD with the reason, the seller told once.
 */
export async function deliverLine(orderLineId: string, now: Date, db: Db = getPrisma()): Promise<LineResult> {
  let notice: HeldNotice | null = null;
  const result = await db.$transaction(async (tx): Promise<LineResult> => {
    const rows = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT id, status::text AS status FROM "DigitalDelivery" WHERE "orderLineId" = ${orderLineId} FOR UPDATE`;
    const delivery = rows[0];
    if (!delivery || delivery.status === "DELIVERED") return "SKIPPED";
    const line = await tx.orderLine.findUniqueOrThrow({
      where: { id: orderLineId },
      select: { id: true, productId: true, quantity: true, withdrawnQuantity: true, title: true, order: { select: { status: true, number: true } }, subOrder: { select: { sellerId: true } } },
    });
    // Units the buyer withdrew from within the period are never supplied.
    const units = line.quantity - line.withdrawnQuantity;
    if (line.order.status !== "PAID" || units <= 0) return "SKIPPED";
    const [poolSize, file] = await Promise.all([
      tx.licenceKey.count({ where: { productId: line.productId } }),
      tx.digitalFile.findUnique({ where: { productId: line.productId }, select: { productId: true } }),
    ]);
    const needed = keysNeeded(units, poolSize > 0);
    const taken = needed === 0 ? [] : await tx.$queryRaw<{ id: string }[]>`
      UPDATE "LicenceKey" SET "orderLineId" = ${line.id}, "assignedAt" = ${now}
      WHERE id IN (
        SELECT id FROM "LicenceKey"
        WHERE "productId" = ${line.productId} AND "orderLineId" IS NULL
        ORDER BY "createdAt", id
        LIMIT ${needed}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id`;
    const outcome = deliveryOutcome({ needed, taken: taken.length, hasFile: file !== null });
    if (outcome.status === "HELD") {
      // A short pool gives back what it had: the line waits for enough keys for every unit.
      if (taken.length > 0) await tx.licenceKey.updateMany({ where: { id: { in: taken.map((k) => k.id) } }, data: { orderLineId: null, assignedAt: null } });
      if (delivery.status !== "HELD") {
        await tx.digitalDelivery.update({ where: { id: delivery.id }, data: { status: "HELD", heldReason: outcome.reason } });
        await recordAudit(tx, {
          actor: DELIVERY_ACTOR, action: "digital.hold", subjectType: "orderLine", subjectId: line.id,
          before: { status: delivery.status }, after: { status: "HELD", heldReason: outcome.reason, keysNeeded: needed, keysAvailable: taken.length },
        });
        notice = { deliveryId: delivery.id, reason: outcome.reason, orderNumber: line.order.number, productId: line.productId, sellerId: line.subOrder.sellerId, title: line.title, quantity: line.quantity };
      }
      return "HELD";
    }
    await tx.digitalDelivery.update({ where: { id: delivery.id }, data: { status: "DELIVERED", heldReason: null, deliveredAt: now } });
    if (file) await issueLink(tx, delivery.id, now);
    await recordAudit(tx, {
      actor: DELIVERY_ACTOR, action: "digital.deliver", subjectType: "orderLine", subjectId: line.id,
      before: { status: delivery.status }, after: { status: "DELIVERED", licenceKeys: taken.length, file: file !== null },
    });
    return "DELIVERED";
  });
  if (notice) await tellSeller(notice, db);
  return result;
}

/** Delivers the product's held lines, oldest first (after the seller added keys or a file). */
export async function deliverHeldLines(productId: string, now: Date, db: Db = getPrisma()): Promise<{ delivered: number; held: number }> {
  const held = await db.digitalDelivery.findMany({
    where: { status: "HELD", orderLine: { productId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { orderLineId: true },
  });
  let delivered = 0;
  let stillHeld = 0;
  for (const row of held) {
    const result = await deliverLine(row.orderLineId, now, db);
    if (result === "DELIVERED") delivered++;
    else if (result === "HELD") stillHeld++;
  }
  return { delivered, held: stillHeld };
}

async function tellSeller(notice: HeldNotice, db: Db): Promise<void> {
  try {
    const seller = await db.seller.findUnique({ where: { id: notice.sellerId }, select: { languages: true, members: { select: { userId: true } } } });
    if (!seller) return;
    const locale: Locale = seller.languages.find((l): l is Locale => isLocale(l)) ?? "en";
    const base = serverEnv().CARAVAN_PUBLIC_URL.replace(/\/$/, "");
    const mail = renderHeldLineMail({
      locale, orderNumber: notice.orderNumber, productTitle: notice.title, quantity: notice.quantity, reason: notice.reason,
      mediaUrl: `${base}/${locale}/seller/products/${encodeURIComponent(notice.productId)}/media`,
    });
    // Read as users (not through the relation), so that their sealed addresses are opened.
    const members = await db.user.findMany({ where: { id: { in: seller.members.map((m) => m.userId) } }, select: { email: true } });
    for (const member of members) {
      await sendMail({ to: member.email, ...mail, idempotencyKey: `digital-held:${notice.deliveryId}:${member.email}` });
    }
  } catch (error) {
    // The hold is recorded; a mail that could not go out must not undo it.
    console.error(JSON.stringify({ level: "error", message: "held delivery mail failed", delivery: notice.deliveryId, error: error instanceof Error ? error.message : String(error) }));
  }
}

// ---------------------------------------------------------------------------------------
// The buyer's view

export interface DigitalItemView {
  lineId: string;
  title: string;
  variantName: string;
  quantity: number;
  state: "DELIVERED" | "PENDING" | "HELD" | "NOT_PAID";
  /** PENDING: when the line will be delivered. */
  availableFrom: Date | null;
  heldReason: HeldReason | null;
  deliveredAt: Date | null;
  /** The newest link, when the product has a file. */
  link: { path: string; expiresAt: Date; remaining: number; state: LinkState } | null;
  hasFile: boolean;
  licenceKeys: string[];
}

/**
 * An order's digital lines as its buyer sees them. The caller has settled access (the
 * guest's key, or the signed-in owner): the licence keys are opened for the buyer here.
 */
export async function digitalItemsOf(orderId: string, locale: Locale, now: Date, db: Db = getPrisma()): Promise<DigitalItemView[]> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      status: true, destination: true, paidAt: true, digitalConsent: true,
      lines: {
        where: { kind: "DIGITAL" },
        orderBy: { id: "asc" },
        select: {
          id: true, title: true, variantName: true, quantity: true, productId: true,
          variant: { select: { product: { select: { digitalFile: { select: { productId: true } } } } } },
          digitalDelivery: { select: { status: true, heldReason: true, deliveredAt: true, links: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 } } },
        },
      },
    },
  });
  if (!order || order.lines.length === 0) return [];
  const from = order.paidAt ? digitalDeliveryFrom(withdrawalRule(jurisdictionOf(order.destination)), order.paidAt, order.digitalConsent === true) : null;
  const keys = await db.licenceKey.findMany({ where: { orderLineId: { in: order.lines.map((l) => l.id) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { orderLineId: true, productId: true, keySealed: true } });
  return order.lines.map((line): DigitalItemView => {
    const delivery = line.digitalDelivery;
    const paid = order.status === "PAID";
    const state: DigitalItemView["state"] = !paid ? "NOT_PAID" : delivery?.status === "DELIVERED" ? "DELIVERED" : delivery?.status === "HELD" ? "HELD" : "PENDING";
    const latest = state === "DELIVERED" ? delivery?.links[0] : undefined;
    return {
      lineId: line.id,
      title: line.title,
      variantName: line.variantName,
      quantity: line.quantity,
      state,
      availableFrom: state === "PENDING" ? from : null,
      heldReason: state === "HELD" ? ((delivery?.heldReason as HeldReason | null) ?? "NO_LICENCE_KEY") : null,
      deliveredAt: delivery?.deliveredAt ?? null,
      hasFile: line.variant.product.digitalFile !== null,
      link: latest
        ? { path: downloadPath(latest.id, line.id, locale), expiresAt: latest.expiresAt, remaining: Math.max(0, latest.maxDownloads - latest.used), state: linkState(latest, now) }
        : null,
      licenceKeys: state === "DELIVERED" ? keys.filter((k) => k.orderLineId === line.id).map((k) => openText(k.keySealed, licenceKeyContext(k.productId))) : [],
    };
  });
}

// ---------------------------------------------------------------------------------------
// A new link, asked for on the order page

export type NewLinkResult = { ok: true; orderId: string; linkId: string } | { ok: false; code: "NOT_FOUND" | "NOT_DELIVERED" };

/**
 * Issues a fresh link for a delivered line of the order, for the guest holding the
 * order's key or the signed-in buyer who placed it. Anything else is NOT_FOUND.
 */
export async function issueNewLink(
  input: { orderId: unknown; lineId: unknown; key: unknown; viewer: Viewer | null },
  now: Date,
  db: Db = getPrisma(),
): Promise<NewLinkResult> {
  if (!isOrderId(input.orderId) || typeof input.lineId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(input.lineId)) return { ok: false, code: "NOT_FOUND" };
  const order = await db.order.findUnique({ where: { id: input.orderId }, select: { id: true, status: true, userId: true, accessKeyHash: true } });
  if (!order) return { ok: false, code: "NOT_FOUND" };
  const owner = input.viewer !== null && order.userId !== null && order.userId === input.viewer.userId;
  if (!owner && !accessKeyMatches(input.key, order.accessKeyHash)) return { ok: false, code: "NOT_FOUND" };
  const line = await db.orderLine.findFirst({
    where: { id: input.lineId, orderId: order.id, kind: "DIGITAL" },
    select: { id: true, productId: true, digitalDelivery: { select: { id: true, status: true } } },
  });
  if (!line) return { ok: false, code: "NOT_FOUND" };
  if (order.status !== "PAID" || line.digitalDelivery?.status !== "DELIVERED") return { ok: false, code: "NOT_DELIVERED" };
  const file = await db.digitalFile.findUnique({ where: { productId: line.productId }, select: { productId: true } });
  if (!file) return { ok: false, code: "NOT_DELIVERED" };
  const deliveryId = line.digitalDelivery.id;
  const linkId = await db.$transaction(async (tx) => {
    const id = await issueLink(tx, deliveryId, now);
    await recordAudit(tx, {
      actor: owner ? { kind: "buyer", id: input.viewer!.userId, name: "buyer" } : { kind: "buyer", name: "guest" },
      action: "digital.link", subjectType: "orderLine", subjectId: line.id, before: {}, after: { linkId: id },
    });
    return id;
  });
  return { ok: true, orderId: order.id, linkId };
}

// ---------------------------------------------------------------------------------------
// A download

export type DownloadRefusal = "INVALID" | "EXPIRED" | "USED_UP";

export type DownloadResult =
  | {
      ok: true;
      status: 200 | 206;
      bytes: Uint8Array;
      size: number;
      range: { start: number; end: number } | null;
      contentType: string;
      disposition: string;
    }
  | { ok: false; code: "UNSATISFIABLE"; size: number }
  | {
      ok: false;
      code: DownloadRefusal;
      /** For a genuine link (expired or used up): where the buyer gets a new one. */
      renew: { orderId: string; lineId: string } | null;
    };

/**
 * One download through a link: the token must be signed for the link and its order
 * line, the link still usable; the use is counted by a conditional increment (never
 * past the limit, never after the expiry, even under concurrent requests) and recorded
 * with the range asked. An unsatisfiable range is answered without counting.
 */
export async function openDownload(token: unknown, rangeHeader: string | null, now: Date, deps: { db?: Db; storage?: Storage } = {}): Promise<DownloadResult> {
  const db = deps.db ?? getPrisma();
  const storage = deps.storage ?? getStorage();
  const invalid = { ok: false, code: "INVALID", renew: null } as const;
  const linkId = tokenLinkId(token);
  if (!linkId) return invalid;
  const link = await db.downloadLink.findUnique({
    where: { id: linkId },
    select: {
      id: true, expiresAt: true, used: true, maxDownloads: true,
      delivery: { select: { status: true, orderLineId: true, orderLine: { select: { orderId: true, productId: true, order: { select: { status: true } } } } } },
    },
  });
  if (!link || !tokenMatches(token as string, link.id, link.delivery.orderLineId, downloadSecret())) return invalid;
  if (link.delivery.status !== "DELIVERED" || link.delivery.orderLine.order.status !== "PAID") return invalid;
  const renew = { orderId: link.delivery.orderLine.orderId, lineId: link.delivery.orderLineId };
  const state = linkState(link, now);
  if (state !== "USABLE") return { ok: false, code: state, renew };
  const file = await db.digitalFile.findUnique({ where: { productId: link.delivery.orderLine.productId } });
  if (!file) return invalid;
  const stored = await storage.get(file.storageKey);
  if (!stored) return invalid;
  const range = parseRange(rangeHeader, stored.size);
  if (range.kind === "unsatisfiable") return { ok: false, code: "UNSATISFIABLE", size: stored.size };
  const counted = await db.$transaction(async (tx) => {
    const moved = await tx.$executeRaw`UPDATE "DownloadLink" SET used = used + 1 WHERE id = ${link.id} AND used < "maxDownloads" AND "expiresAt" > ${now}`;
    if (moved !== 1) return false;
    await tx.download.create({
      data: { id: `dwn_${randomUUID()}`, linkId: link.id, at: now, rangeFrom: range.kind === "partial" ? range.start : null, rangeTo: range.kind === "partial" ? range.end : null },
    });
    return true;
  });
  if (!counted) {
    const again = await db.downloadLink.findUniqueOrThrow({ where: { id: link.id }, select: { expiresAt: true, used: true, maxDownloads: true } });
    const after = linkState(again, now);
    return { ok: false, code: after === "USABLE" ? "USED_UP" : after, renew };
  }
  const base = { ok: true as const, size: stored.size, contentType: file.mimeType || stored.contentType, disposition: attachmentDisposition(file.fileName) };
  if (range.kind === "partial") return { ...base, status: 206, bytes: stored.bytes.subarray(range.start, range.end + 1), range: { start: range.start, end: range.end } };
  return { ...base, status: 200, bytes: stored.bytes, range: null };
}
