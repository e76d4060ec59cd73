import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireOperator, type Viewer } from "@/lib/domain/accounts";
import { maskEmail } from "@/lib/domain/operator/mask";
import { HIDDEN_MARK, maskName, maskPhone, parseRevealRequest, REVEAL_FIELDS, type RevealField, type RevealRefusal } from "@/lib/domain/privacy";
import { maskStoredShipTo } from "@/lib/domain/seller-orders";
import { recordAudit } from "@/lib/server/audit";
import { orderField } from "@/lib/server/checkout/access";
import { subjectKeys } from "@/lib/server/crypto/subjects";
import { actorOf } from "@/lib/server/panels/actor";

/**
 * The buyer's personal details on the operator's order page: masked by default, and
 * revealed one field at a time for one answer only, each reveal with the operator's
 * reason in the audit log (`pii.reveal`: who, which order, which field, why; never the
 * value). Nothing of a reveal is stored: the value is in the one response that asked.
 */
type AddressRecord = { address: Record<string, string> | null; lines: string[]; phone?: string };
type SealedOrder = { id: string; destination: string; emailSealed: string; addressSealed: string | null };

export interface BuyerFieldView {
  field: RevealField;
  masked: string;
  /** Whether the order holds this detail at all (a digital order has no address or phone). */
  held: boolean;
}

/** The buyer's details in the clear, as lines; null where the order holds none or its key is gone. */
async function plainDetails(db: PrismaClient, order: SealedOrder): Promise<Record<RevealField, string[] | null> & { record: AddressRecord | null }> {
  const keys = subjectKeys();
  let email: string | null = null;
  let record: AddressRecord | null = null;
  // Erased (null), or sealed under a key the store no longer holds: nothing to show.
  try {
    email = await keys.openOrNull(db, order.emailSealed, orderField(order.id, "email"));
  } catch {
    email = null;
  }
  try {
    const opened = order.addressSealed ? await keys.openOrNull(db, order.addressSealed, orderField(order.id, "address")) : null;
    record = opened === null ? null : (JSON.parse(opened) as AddressRecord);
  } catch {
    record = null;
  }
  const name = record?.address?.name?.trim() || null;
  const lines = (record?.lines ?? []).filter((line) => line.trim() && line.trim() !== name);
  return {
    record,
    email: email ? [email] : null,
    name: name ? [name] : null,
    address: lines.length > 0 ? [...lines, order.destination] : null,
    phone: record?.phone ? [record.phone] : null,
  };
}

/** Every field as the operator first sees it: masked. */
export async function maskedBuyer(db: PrismaClient, order: SealedOrder): Promise<BuyerFieldView[]> {
  const plain = await plainDetails(db, order);
  const address = plain.record?.address ?? null;
  const masked: Record<RevealField, string> = {
    email: plain.email ? maskEmail(plain.email[0]!) : HIDDEN_MARK,
    name: maskName(address?.name),
    address: plain.address ? maskStoredShipTo(order.destination, address ? { ...address, name: "" } : null) : HIDDEN_MARK,
    phone: maskPhone(plain.record?.phone),
  };
  return REVEAL_FIELDS.map((field) => ({ field, masked: masked[field], held: plain[field] !== null }));
}

export type RevealErrorCode = RevealRefusal | "FORBIDDEN" | "NOT_FOUND" | "REVEAL_NOT_HELD";
export type RevealResult = { ok: true; field: RevealField; lines: string[] } | { ok: false; code: RevealErrorCode };

/**
 * Reveals one of an order's buyer details to an operator who gave a reason (10 to 500
 * characters). The audit entry is written first; without it, nothing is shown. Bad input
 * (no reason, a field that is not one of the four) is refused with a code and writes nothing.
 */
export async function revealBuyerField(viewer: Viewer | null, orderId: unknown, field: unknown, reason: unknown, db: PrismaClient = getPrisma()): Promise<RevealResult> {
  const allowed = requireOperator(viewer);
  if (!allowed.ok || !viewer) return { ok: false, code: "FORBIDDEN" };
  if (typeof orderId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) return { ok: false, code: "NOT_FOUND" };
  const order = await db.order.findUnique({ where: { id: orderId }, select: { id: true, destination: true, emailSealed: true, addressSealed: true } });
  if (!order) return { ok: false, code: "NOT_FOUND" };
  const parsed = parseRevealRequest(field, reason);
  if (!parsed.ok) return parsed;
  const lines = (await plainDetails(db, order))[parsed.field];
  if (!lines) return { ok: false, code: "REVEAL_NOT_HELD" };
  await db.$transaction((tx) =>
    recordAudit(tx, { actor: actorOf(viewer), action: "pii.reveal", subjectType: "order", subjectId: order.id, before: {}, after: { field: parsed.field }, reason: parsed.reason }),
  );
  return { ok: true, field: parsed.field, lines };
}
