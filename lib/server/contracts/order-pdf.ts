import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { accessKeyMatches, orderField, isOrderId } from "@/lib/server/checkout/access";
import { verifyAcceptance } from "./evidence";
import { contractPdf } from "./pdf";
import { OPERATOR } from "./contract";
import { subjectKeys } from "@/lib/server/crypto/subjects";

/**
 * GET /api/orders/{id}/contract?key=: the buyer's durable copy, as a PDF: the contract
 * exactly as accepted (the text the evidence record kept) and the acceptance evidence,
 * in the language it was accepted in. Only a record that verifies is printed.
 */
export type ContractPdfResult = { ok: true; pdf: Buffer; filename: string } | { ok: false; status: 404 | 409 };

export async function contractPdfForGuest(orderId: unknown, key: unknown, db: PrismaClient = getPrisma()): Promise<ContractPdfResult> {
  if (!isOrderId(orderId)) return { ok: false, status: 404 };
  const order = await db.order.findUnique({ where: { id: orderId }, include: { subOrders: { orderBy: { position: "asc" }, include: { seller: true } } } });
  if (!order || !accessKeyMatches(key, order.accessKeyHash)) return { ok: false, status: 404 };
  const verified = await verifyAcceptance(db, order.id);
  if (!verified.ok) return { ok: false, status: verified.problems.includes("NOT_FOUND") ? 404 : 409 };
  const record = verified.record;
  const locale: Locale = isLocale(record.locale) ? record.locale : "en";
  const keys = subjectKeys();
  const opened = order.addressSealed ? await keys.openOrNull(db, order.addressSealed, orderField(order.id, "address")) : null;
  const address = opened === null ? null : (JSON.parse(opened) as { address: { name?: string } | null });
  // An erased buyer is named by neither: the contract keeps the order number and the terms.
  const buyerName = address?.address?.name ?? (await keys.openOrNull(db, order.emailSealed, orderField(order.id, "email"))) ?? "—";
  const pdf = await contractPdf({
    locale,
    orderNumber: order.number,
    placedAt: order.createdAt.toISOString(),
    buyerName,
    parties: { operator: OPERATOR.legalName, sellers: order.subOrders.map((s) => ({ name: s.seller.legalName ?? s.seller.name, country: s.seller.country })) },
    contract: { text: record.text, locale },
    evidence: {
      termsVersionId: record.termsVersionId,
      textSha256: record.textSha256,
      acceptedAt: record.acceptedAt.toISOString(),
      locale: record.locale,
      consents: record.consents,
      recordId: record.id,
      signingKeyId: record.signingKeyId,
    },
  });
  return { ok: true, pdf, filename: `caravan-contract-${order.number}.pdf` };
}
