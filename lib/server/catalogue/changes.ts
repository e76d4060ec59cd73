// No `server-only` here: the operator command `catalogue:update` (tsx) calls these services too.
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { tagsForChange } from "@/lib/domain/cache/tags";
import { isLocale } from "@/lib/domain/markets";
import { refreshDerivedColumns, translationSearchText } from "@/lib/server/catalogue/derived";
import { publishInvalidation } from "@/lib/server/cache/invalidation";
import { recordAudit, type AuditActor } from "@/lib/server/audit";

/**
 * Changes to the catalogue that shoppers see: a variant's price and stock, a product's
 * text in one language, a seller's status. Each one validates its input, checks who
 * asks, writes in one transaction, and in that same transaction publishes the cache
 * tags of every page that shows what changed (docs/adr/0009), so the pages in every
 * locale and market show the change on their next request. A change of price, stock or
 * status writes its audit entry (before and after) in that transaction too.
 */

/**
 * Who asks: the operator's own tools (the `catalogue:update` command, kind `system`), the
 * operator's services (kind `operator`) and a seller's member (kind `seller`, with the
 * seller's id, which scopes every change to that seller's own listings; the seller
 * panel's services authorised the member before).
 */
export type Actor = AuditActor & { sellerId?: string };

export type ChangeErrorCode = "INVALID_INPUT" | "NOT_FOUND" | "FORBIDDEN";
export type ChangeResult<T> = { ok: true; data: T } | { ok: false; code: ChangeErrorCode; issues?: { path: string; code: string }[] };

function authorise(actor: Actor): boolean {
  return (actor.kind === "system" || actor.kind === "operator") && actor.name.trim().length > 0;
}

/** A variant's price and stock: the operator's tools, or a seller for their own variants only. */
function authoriseVariantChange(actor: Actor): boolean {
  if (actor.kind === "seller") return actor.name.trim().length > 0 && typeof actor.sellerId === "string" && actor.sellerId.length > 0;
  return authorise(actor);
}

const text = (max: number) => z.string().trim().min(1).max(max).refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "CONTROL_CHARACTER");

/** Why the change was made, kept in the audit log. */
const reason = text(1000).optional();

const variantChange = z
  .object({
    sku: text(100),
    /** Minor units of the variant's own currency, net of destination taxes. */
    priceMinor: z.number().int().min(1).max(1_000_000_000).optional(),
    stock: z.number().int().min(0).max(10_000_000).optional(),
    reason,
  })
  .strict()
  .refine((v) => v.priceMinor !== undefined || v.stock !== undefined, { message: "NOTHING_TO_CHANGE", path: ["priceMinor"] });

const translationChange = z
  .object({
    slug: text(200),
    locale: z.string().refine(isLocale, "UNKNOWN_LOCALE"),
    title: text(200),
    description: text(10_000),
  })
  .strict();

const sellerChange = z.object({ handle: text(100), status: z.enum(["ACTIVE", "SUSPENDED"]), reason }).strict();

function invalid(error: z.ZodError): { ok: false; code: "INVALID_INPUT"; issues: { path: string; code: string }[] } {
  return { ok: false, code: "INVALID_INPUT", issues: error.issues.map((i) => ({ path: i.path.join("."), code: i.message || i.code })) };
}

export interface VariantState {
  productId: string;
  sku: string;
  priceMinor: number;
  currency: string;
  stock: number;
  fromPriceMinor: number;
}

export async function changeVariant(actor: Actor, input: unknown, db: PrismaClient = getPrisma()): Promise<ChangeResult<VariantState>> {
  if (!authoriseVariantChange(actor)) return { ok: false, code: "FORBIDDEN" };
  const parsed = variantChange.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return db.$transaction((tx) => applyVariantChange(tx, actor, parsed.data));
}

/**
 * A variant's price and stock change inside the caller's transaction (the seller panel
 * edits a variant's names in the same one): audit entries, derived columns and cache
 * tags as changeVariant. A seller actor reaches only a variant of their own seller;
 * another's SKU is NOT_FOUND.
 */
export async function applyVariantChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  change: { sku: string; priceMinor?: number; stock?: number; reason?: string },
): Promise<ChangeResult<VariantState>> {
  if (!authoriseVariantChange(actor)) return { ok: false, code: "FORBIDDEN" };
  const { sku, priceMinor, stock, reason } = change;
  const onlySeller = actor.kind === "seller" ? actor.sellerId : null;
  // Lock the variant's product so concurrent price changes recompute the from-price in turn.
  const found = await tx.$queryRaw<{ productId: string; sellerId: string }[]>`
    SELECT v."productId", p."sellerId" FROM "Variant" v JOIN "Product" p ON p.id = v."productId"
     WHERE v.sku = ${sku} AND (${onlySeller}::text IS NULL OR p."sellerId" = ${onlySeller}::text) FOR UPDATE OF p`;
  const target = found[0];
  if (!target) return { ok: false, code: "NOT_FOUND" };
  const was = await tx.variant.findUniqueOrThrow({ where: { sku }, select: { priceMinor: true, currency: true, stock: true } });
  const variant = await tx.variant.update({
    where: { sku },
    data: { ...(priceMinor !== undefined ? { priceMinor } : {}), ...(stock !== undefined ? { stock } : {}) },
  });
  // One entry per field changed, so the log filters price changes apart from stock counts.
  if (priceMinor !== undefined) {
    await recordAudit(tx, {
      actor, action: "variant.price", subjectType: "variant", subjectId: sku, reason,
      before: { priceMinor: was.priceMinor, currency: was.currency },
      after: { priceMinor: variant.priceMinor, currency: variant.currency },
    });
  }
  if (stock !== undefined) {
    await recordAudit(tx, { actor, action: "variant.stock", subjectType: "variant", subjectId: sku, reason, before: { stock: was.stock }, after: { stock: variant.stock } });
  }
  await refreshDerivedColumns(tx, { productIds: [target.productId] });
  const { fromPriceMinor } = await tx.product.findUniqueOrThrow({ where: { id: target.productId }, select: { fromPriceMinor: true } });
  await publishInvalidation(tx, tagsForChange({ kind: "product", productId: target.productId, sellerId: target.sellerId }));
  return {
    ok: true,
    data: { productId: target.productId, sku, priceMinor: variant.priceMinor, currency: variant.currency, stock: variant.stock, fromPriceMinor },
  };
}

export async function changeTranslation(actor: Actor, input: unknown, db: PrismaClient = getPrisma()): Promise<ChangeResult<{ productId: string }>> {
  if (!authorise(actor)) return { ok: false, code: "FORBIDDEN" };
  const parsed = translationChange.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { slug, locale, title, description } = parsed.data;
  return db.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { slug }, select: { id: true, sellerId: true } });
    if (!product) return { ok: false, code: "NOT_FOUND" } as const;
    const search = translationSearchText(title, description);
    await tx.productTranslation.upsert({
      where: { productId_locale: { productId: product.id, locale } },
      create: { productId: product.id, locale, title, description, ...search },
      update: { title, description, ...search },
    });
    await refreshDerivedColumns(tx, { productIds: [product.id] });
    await publishInvalidation(tx, tagsForChange({ kind: "product", productId: product.id, sellerId: product.sellerId }));
    return { ok: true, data: { productId: product.id } } as const;
  });
}

export async function changeSellerStatus(actor: Actor, input: unknown, db: PrismaClient = getPrisma()): Promise<ChangeResult<{ sellerId: string; status: "ACTIVE" | "SUSPENDED" }>> {
  if (!authorise(actor)) return { ok: false, code: "FORBIDDEN" };
  const parsed = sellerChange.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { handle, status, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    const found = await tx.$queryRaw<{ id: string; status: "ACTIVE" | "SUSPENDED" }[]>`
      SELECT id, status::text AS status FROM "Seller" WHERE handle = ${handle} FOR UPDATE`;
    const seller = found[0];
    if (!seller) return { ok: false, code: "NOT_FOUND" } as const;
    await tx.seller.update({ where: { id: seller.id }, data: { status } });
    await recordAudit(tx, {
      actor, action: status === "SUSPENDED" ? "seller.suspend" : "seller.activate", subjectType: "seller", subjectId: seller.id, reason,
      before: { status: seller.status }, after: { status },
    });
    await refreshDerivedColumns(tx, { sellerIds: [seller.id] });
    await publishInvalidation(tx, tagsForChange({ kind: "seller", sellerId: seller.id }));
    return { ok: true, data: { sellerId: seller.id, status } } as const;
  });
}
