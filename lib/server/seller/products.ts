import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { requireSellerMember, type Viewer } from "@/lib/domain/accounts";
import { tagsForChange } from "@/lib/domain/cache/tags";
import type { Localised, ProductKindValue, ProductStatusValue, TaxCategoryValue } from "@/lib/domain/catalogue/csv";
import {
  activationGaps,
  nextStatus,
  originalLocaleFor,
  parseNewProduct,
  parseProductCore,
  parseTranslations,
  parseVariant,
  translationCompleteness,
  type ActivationGap,
  type Completeness,
  type FieldIssues,
  type StatusChange,
} from "@/lib/domain/catalogue/editing";
import { LOCALES, isLocale, localizedText, type Locale } from "@/lib/domain/markets";
import { money, type Money } from "@/lib/domain/money";
import { recordAudit } from "@/lib/server/audit";
import { applyVariantChange, type Actor } from "@/lib/server/catalogue/changes";
import { refreshDerivedColumns, translationSearchText } from "@/lib/server/catalogue/derived";
import { publishInvalidation } from "@/lib/server/cache/invalidation";
import { actorOf } from "@/lib/server/panels/actor";

/**
 * The seller panel's catalogue: a seller's own products, created and edited field by
 * field, their translations side by side, their variants, and their status (draft,
 * active, archived). Every service authorises the viewer as a member of their seller
 * and reads and writes only that seller's rows: another seller's product, variant or
 * SKU is NOT_FOUND. Bad input is refused with a code per field and nothing written.
 * Each change writes in one transaction with its audit entries (price, stock, status,
 * creation), keeps the derived columns right and publishes the cache tags of every page
 * showing the product, so the storefront shows the change at once in every locale and
 * market.
 */

export type SellerProductsErrorCode =
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "CANNOT_ACTIVATE"
  | "ARCHIVED_PRODUCT"
  | "NOT_ARCHIVED"
  | "ALREADY_ARCHIVED"
  | "ORIGINAL_TITLE_REQUIRED"
  | "VARIANT_ORDERED"
  | "LAST_VARIANT";

export type Refusal = { ok: false; code: SellerProductsErrorCode; fields?: FieldIssues; gaps?: ActivationGap[] };
export type Result<T> = ({ ok: true } & T) | Refusal;

type Tx = Prisma.TransactionClient;

const PAGE_SIZE = 20;

interface Member {
  sellerId: string;
  actor: Actor;
}

function member(viewer: Viewer | null): Member | Refusal {
  const sellerId = viewer?.seller?.id;
  if (!viewer || !sellerId) return { ok: false, code: "FORBIDDEN" };
  const guard = requireSellerMember(viewer, sellerId);
  if (!guard.ok) return { ok: false, code: "FORBIDDEN" };
  return { sellerId, actor: { ...actorOf(viewer), kind: "seller", sellerId } };
}

const isRefusal = (value: Member | Refusal): value is Refusal => "ok" in value;

function invalid(issues: FieldIssues): Refusal {
  return { ok: false, code: "INVALID_INPUT", fields: issues };
}

type Get = (name: string) => string | null | undefined;

/** Locks the seller's own product for the change; null when it is not theirs (or not there). */
async function lockProduct(tx: Tx, sellerId: string, productId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE id = ${productId} AND "sellerId" = ${sellerId} FOR UPDATE`;
  if (!rows[0]) return null;
  return tx.product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      id: true, sellerId: true, kind: true, status: true, hsCode: true, weightGrams: true, originalLocale: true, currency: true,
      translations: { select: { locale: true } },
      _count: { select: { variants: true } },
    },
  });
}

async function publish(tx: Tx, productId: string, sellerId: string): Promise<void> {
  await refreshDerivedColumns(tx, { productIds: [productId] });
  await publishInvalidation(tx, tagsForChange({ kind: "product", productId, sellerId }));
}

async function categoryExists(db: Tx | PrismaClient, categoryId: string): Promise<boolean> {
  return (await db.category.count({ where: { id: categoryId } })) > 0;
}

// ---------------------------------------------------------------------------------------
// Reading

export interface SellerProductRow {
  id: string;
  slug: string;
  /** In the product's original language ("" when it has no title there yet). */
  title: string;
  titleLocale: string;
  status: ProductStatusValue;
  kind: ProductKindValue;
  variantCount: number;
  /** The cheapest variant in the seller's currency; null without variants. */
  fromPrice: Money | null;
  totalStock: number;
  completeness: Completeness;
}

export interface ProductListQuery {
  status?: string | null;
  q?: string | null;
  page?: number;
}

/** The seller's own products, newest first, filtered by status and by text in a title or a SKU. */
export async function listSellerProducts(
  viewer: Viewer | null,
  query: ProductListQuery,
  db: PrismaClient = getPrisma(),
): Promise<Result<{ products: SellerProductRow[]; total: number; page: number; pages: number }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  const status = ["DRAFT", "ACTIVE", "ARCHIVED"].includes(query.status ?? "") ? (query.status as ProductStatusValue) : undefined;
  const q = (query.q ?? "").trim().slice(0, 100);
  const where: Prisma.ProductWhereInput = {
    sellerId: who.sellerId,
    ...(status ? { status } : {}),
    ...(q
      ? { OR: [{ translations: { some: { title: { contains: q, mode: "insensitive" } } } }, { variants: { some: { sku: { contains: q, mode: "insensitive" } } } }] }
      : {}),
  };
  const total = await db.product.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1) || 1), pages);
  const rows = await db.product.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true, slug: true, status: true, kind: true, originalLocale: true, currency: true,
      translations: { select: { locale: true, title: true } },
      variants: { select: { priceMinor: true, currency: true, stock: true } },
    },
  });
  return {
    ok: true,
    total,
    page,
    pages,
    products: rows.map((p) => {
      const original = p.translations.find((t) => t.locale === p.originalLocale);
      const cheapest = p.variants.reduce<{ priceMinor: number; currency: string } | null>((min, v) => (!min || v.priceMinor < min.priceMinor ? v : min), null);
      return {
        id: p.id,
        slug: p.slug,
        title: original?.title ?? "",
        titleLocale: p.originalLocale,
        status: p.status,
        kind: p.kind,
        variantCount: p.variants.length,
        fromPrice: cheapest ? money(cheapest.priceMinor, cheapest.currency) : null,
        totalStock: p.variants.reduce((sum, v) => sum + v.stock, 0),
        completeness: translationCompleteness(p.translations.map((t) => t.locale)),
      };
    }),
  };
}

export interface SellerVariantView {
  id: string;
  sku: string;
  name: Localised;
  price: Money;
  stock: number;
  /** Ordered (or held in a checkout) at least once: it can only be set to stock 0, not removed. */
  ordered: boolean;
}

export interface SellerProductView {
  id: string;
  slug: string;
  kind: ProductKindValue;
  status: ProductStatusValue;
  categoryId: string;
  taxCategory: TaxCategoryValue;
  hsCode: string | null;
  originCountry: string;
  originalLocale: string;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  currency: string;
  translations: Partial<Record<Locale, { title: string; description: string }>>;
  completeness: Completeness;
  variants: SellerVariantView[];
  gaps: ActivationGap[];
}

function localised(value: Prisma.JsonValue): Localised {
  const out: Localised = {};
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const locale of LOCALES) {
      const text = (value as Record<string, unknown>)[locale];
      if (typeof text === "string" && text !== "") out[locale] = text;
    }
  }
  return out;
}

/** One of the seller's own products, for its edit page. */
export async function getSellerProduct(viewer: Viewer | null, productId: string, db: PrismaClient = getPrisma()): Promise<Result<{ product: SellerProductView }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  const p = await db.product.findFirst({
    where: { id: productId, sellerId: who.sellerId },
    include: {
      translations: { select: { locale: true, title: true, description: true } },
      variants: { orderBy: [{ position: "asc" }, { sku: "asc" }], include: { _count: { select: { orderLines: true, reservations: true } } } },
    },
  });
  if (!p) return { ok: false, code: "NOT_FOUND" };
  const translations: SellerProductView["translations"] = {};
  for (const t of p.translations) if (isLocale(t.locale)) translations[t.locale] = { title: t.title, description: t.description };
  const titled = p.translations.map((t) => t.locale);
  return {
    ok: true,
    product: {
      id: p.id, slug: p.slug, kind: p.kind, status: p.status, categoryId: p.categoryId, taxCategory: p.taxCategory, hsCode: p.hsCode,
      originCountry: p.originCountry, originalLocale: p.originalLocale, weightGrams: p.weightGrams, lengthMm: p.lengthMm, widthMm: p.widthMm,
      heightMm: p.heightMm, currency: p.currency, translations, completeness: translationCompleteness(titled),
      variants: p.variants.map((v) => ({
        id: v.id, sku: v.sku, name: localised(v.name), price: money(v.priceMinor, v.currency), stock: v.stock,
        ordered: v._count.orderLines + v._count.reservations > 0,
      })),
      gaps: activationGaps({ kind: p.kind, originalLocale: p.originalLocale, hsCode: p.hsCode, weightGrams: p.weightGrams, variantCount: p.variants.length, titledLocales: titled }),
    },
  };
}

/** The seller's currency and original language, for the new-product form. */
export async function getSellerCatalogueSettings(viewer: Viewer | null, db: PrismaClient = getPrisma()): Promise<Result<{ currency: string; originalLocale: Locale; country: string }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  const seller = await db.seller.findUnique({ where: { id: who.sellerId }, select: { currency: true, languages: true, country: true } });
  if (!seller) return { ok: false, code: "FORBIDDEN" };
  return { ok: true, currency: seller.currency, originalLocale: originalLocaleFor(seller.languages), country: seller.country };
}

/** The categories a product can be filed under, named in `locale`. */
export async function listCategoryChoices(locale: Locale, db: PrismaClient = getPrisma()): Promise<{ id: string; name: string }[]> {
  const rows = await db.category.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], include: { translations: true } });
  return rows.map((c) => {
    const names = Object.fromEntries(c.translations.map((t) => [t.locale, t.name]));
    return { id: c.id, name: localizedText(names, locale, "en") || c.slug };
  });
}

// ---------------------------------------------------------------------------------------
// Writing

/** A new product, a DRAFT of the signed-in seller's, in their currency and original language. */
export async function createProduct(viewer: Viewer | null, get: Get, db: PrismaClient = getPrisma()): Promise<Result<{ productId: string; slug: string }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  const parsed = parseNewProduct(get);
  if (!parsed.ok) return invalid(parsed.issues);
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const seller = await tx.seller.findUniqueOrThrow({ where: { id: who.sellerId }, select: { currency: true, languages: true } });
    const issues: FieldIssues = {};
    if (!(await categoryExists(tx, input.categoryId))) issues.categoryId = "UNKNOWN_CATEGORY";
    if ((await tx.product.count({ where: { slug: input.slug } })) > 0) issues.slug = "SLUG_TAKEN";
    if (Object.keys(issues).length > 0) return invalid(issues);
    const productId = `prd_${randomUUID()}`;
    await tx.product.create({
      data: {
        id: productId, sellerId: who.sellerId, slug: input.slug, kind: input.kind, categoryId: input.categoryId, taxCategory: input.taxCategory,
        hsCode: input.hsCode, originCountry: input.originCountry, originalLocale: originalLocaleFor(seller.languages),
        weightGrams: input.weightGrams, lengthMm: input.lengthMm, widthMm: input.widthMm, heightMm: input.heightMm,
        status: "DRAFT", fromPriceMinor: 0, currency: seller.currency,
      },
    });
    await recordAudit(tx, {
      actor: who.actor, action: "product.create", subjectType: "product", subjectId: productId,
      before: {}, after: { slug: input.slug, kind: input.kind, status: "DRAFT" },
    });
    await publish(tx, productId, who.sellerId);
    return { ok: true, productId, slug: input.slug } as const;
  });
}

async function recordStatus(tx: Tx, actor: Actor, productId: string, before: ProductStatusValue, after: ProductStatusValue): Promise<void> {
  if (before === after) return;
  await recordAudit(tx, { actor, action: "product.status", subjectType: "product", subjectId: productId, before: { status: before }, after: { status: after } });
}

/**
 * The product's own fields and its status (DRAFT or ACTIVE; an archived product keeps
 * its status until restored). The kind is fixed. A product stays or becomes ACTIVE only
 * without activation gaps; they are named in the refusal.
 */
export async function updateProduct(viewer: Viewer | null, productId: string, get: Get, db: PrismaClient = getPrisma()): Promise<Result<{ productId: string }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  return db.$transaction(async (tx) => {
    const product = await lockProduct(tx, who.sellerId, productId);
    if (!product) return { ok: false, code: "NOT_FOUND" } as const;
    const parsed = parseProductCore(get, product.kind);
    const wanted = (get("status") ?? "").trim().toUpperCase();
    const issues: FieldIssues = parsed.ok ? {} : { ...parsed.issues };
    if (product.status !== "ARCHIVED" && wanted !== "DRAFT" && wanted !== "ACTIVE") issues.status = "INVALID_CHOICE";
    if (parsed.ok && !(await categoryExists(tx, parsed.data.categoryId))) issues.categoryId = "UNKNOWN_CATEGORY";
    if (!parsed.ok || Object.keys(issues).length > 0) return invalid(issues);
    const status: ProductStatusValue = product.status === "ARCHIVED" ? "ARCHIVED" : (wanted as ProductStatusValue);
    if (status === "ACTIVE") {
      const gaps = activationGaps({
        kind: product.kind, originalLocale: product.originalLocale, hsCode: parsed.data.hsCode, weightGrams: parsed.data.weightGrams,
        variantCount: product._count.variants, titledLocales: product.translations.map((t) => t.locale),
      });
      if (gaps.length > 0) return { ok: false, code: "CANNOT_ACTIVATE", gaps } as const;
    }
    await tx.product.update({ where: { id: productId }, data: { ...parsed.data, status } });
    await recordStatus(tx, who.actor, productId, product.status, status);
    await publish(tx, productId, who.sellerId);
    return { ok: true, productId } as const;
  });
}

/** Activate, return to draft, archive (unlisted, kept for orders and records) or restore (to draft). */
export async function changeProductStatus(viewer: Viewer | null, productId: string, change: string | null, db: PrismaClient = getPrisma()): Promise<Result<{ status: ProductStatusValue }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  const changes: readonly StatusChange[] = ["DRAFT", "ACTIVE", "ARCHIVE", "RESTORE"];
  return db.$transaction(async (tx) => {
    // Another seller's product is not found, whatever was asked of it.
    const product = await lockProduct(tx, who.sellerId, productId);
    if (!product) return { ok: false, code: "NOT_FOUND" } as const;
    if (!changes.includes(change as StatusChange)) return invalid({ status: "INVALID_CHOICE" });
    const next = nextStatus(product.status, change as StatusChange);
    if (!next.ok) return { ok: false, code: next.code } as const;
    if (next.status === "ACTIVE") {
      const gaps = activationGaps({
        kind: product.kind, originalLocale: product.originalLocale, hsCode: product.hsCode, weightGrams: product.weightGrams,
        variantCount: product._count.variants, titledLocales: product.translations.map((t) => t.locale),
      });
      if (gaps.length > 0) return { ok: false, code: "CANNOT_ACTIVATE", gaps } as const;
    }
    await tx.product.update({ where: { id: productId }, data: { status: next.status } });
    await recordStatus(tx, who.actor, productId, product.status, next.status);
    await publish(tx, productId, who.sellerId);
    return { ok: true, status: next.status } as const;
  });
}

/**
 * Every locale's title and description at once (the side-by-side form): a locale with
 * a title is written, one left empty is removed. An ACTIVE product keeps its title in
 * its original language.
 */
export async function saveTranslations(viewer: Viewer | null, productId: string, get: Get, db: PrismaClient = getPrisma()): Promise<Result<{ completeness: Completeness }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  const parsed = parseTranslations(get);
  return db.$transaction(async (tx) => {
    const product = await lockProduct(tx, who.sellerId, productId);
    if (!product) return { ok: false, code: "NOT_FOUND" } as const;
    if (!parsed.ok) return invalid(parsed.issues);
    const entries = LOCALES.flatMap((locale) => {
      const t = parsed.data[locale];
      return t ? [{ locale, ...t }] : [];
    });
    if (product.status === "ACTIVE" && !entries.some((e) => e.locale === product.originalLocale)) {
      return { ok: false, code: "ORIGINAL_TITLE_REQUIRED", fields: { [`title.${product.originalLocale}`]: "MISSING_FIELD" } } as const;
    }
    await tx.productTranslation.deleteMany({ where: { productId, locale: { notIn: entries.map((e) => e.locale) } } });
    for (const { locale, title, description } of entries) {
      const search = translationSearchText(title, description);
      await tx.productTranslation.upsert({
        where: { productId_locale: { productId, locale } },
        create: { productId, locale, title, description, ...search },
        update: { title, description, ...search },
      });
    }
    await publish(tx, productId, who.sellerId);
    return { ok: true, completeness: translationCompleteness(entries.map((e) => e.locale)) } as const;
  });
}

function nameJson(name: Localised): Record<string, string> {
  return Object.fromEntries(LOCALES.filter((l) => name[l] !== undefined).map((l) => [l, name[l]!]));
}

/** A new variant of the seller's product: a SKU no other variant in the store has, a price in the seller's currency. */
export async function addVariant(viewer: Viewer | null, productId: string, get: Get, db: PrismaClient = getPrisma()): Promise<Result<{ variantId: string }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  return db.$transaction(async (tx) => {
    const product = await lockProduct(tx, who.sellerId, productId);
    if (!product) return { ok: false, code: "NOT_FOUND" } as const;
    const parsed = parseVariant(get, product.currency);
    if (!parsed.ok) return invalid(parsed.issues);
    const { sku, name, priceMinor, stock } = parsed.data;
    if ((await tx.variant.count({ where: { sku } })) > 0) return invalid({ sku: "SKU_TAKEN" });
    const last = await tx.variant.aggregate({ where: { productId }, _max: { position: true } });
    const variantId = `var_${randomUUID()}`;
    await tx.variant.create({
      data: { id: variantId, productId, sku, name: nameJson(name), priceMinor, currency: product.currency, stock, position: (last._max.position ?? -1) + 1 },
    });
    await recordAudit(tx, { actor: who.actor, action: "variant.price", subjectType: "variant", subjectId: sku, before: {}, after: { priceMinor, currency: product.currency } });
    await recordAudit(tx, { actor: who.actor, action: "variant.stock", subjectType: "variant", subjectId: sku, before: {}, after: { stock } });
    await publish(tx, productId, who.sellerId);
    return { ok: true, variantId } as const;
  });
}

async function findOwnVariant(tx: Tx, sellerId: string, productId: string, variantId: string) {
  const product = await lockProduct(tx, sellerId, productId);
  if (!product) return null;
  const variant = await tx.variant.findFirst({
    where: { id: variantId, productId },
    include: { _count: { select: { orderLines: true, reservations: true } } },
  });
  return variant ? { product, variant } : null;
}

/**
 * A variant's SKU, names, price and stock. Price and stock go through the catalogue's
 * change service (audit entries before and after, from-price, cache tags), scoped to
 * the seller, in this same transaction.
 */
export async function updateVariant(viewer: Viewer | null, productId: string, variantId: string, get: Get, db: PrismaClient = getPrisma()): Promise<Result<{ variantId: string }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  return db.$transaction(async (tx) => {
    const found = await findOwnVariant(tx, who.sellerId, productId, variantId);
    if (!found) return { ok: false, code: "NOT_FOUND" } as const;
    const { product, variant } = found;
    const parsed = parseVariant(get, product.currency);
    if (!parsed.ok) return invalid(parsed.issues);
    const { sku, name, priceMinor, stock } = parsed.data;
    if (sku !== variant.sku && (await tx.variant.count({ where: { sku } })) > 0) return invalid({ sku: "SKU_TAKEN" });
    await tx.variant.update({ where: { id: variantId }, data: { sku, name: nameJson(name) } });
    const change = {
      sku,
      ...(priceMinor !== variant.priceMinor ? { priceMinor } : {}),
      ...(stock !== variant.stock ? { stock } : {}),
    };
    if (change.priceMinor !== undefined || change.stock !== undefined) {
      const changed = await applyVariantChange(tx, who.actor, change);
      if (!changed.ok) throw new Error(`variant change refused: ${changed.code}`);
    } else {
      await publish(tx, productId, who.sellerId);
    }
    return { ok: true, variantId } as const;
  });
}

/**
 * Removes a variant that was never ordered (nor held in a checkout); one that was
 * stays for the orders' sake: set its stock to 0 instead. An ACTIVE product keeps at
 * least one variant.
 */
export async function removeVariant(viewer: Viewer | null, productId: string, variantId: string, db: PrismaClient = getPrisma()): Promise<Result<{ variantId: string }>> {
  const who = member(viewer);
  if (isRefusal(who)) return who;
  return db.$transaction(async (tx) => {
    const found = await findOwnVariant(tx, who.sellerId, productId, variantId);
    if (!found) return { ok: false, code: "NOT_FOUND" } as const;
    const { product, variant } = found;
    if (variant._count.orderLines + variant._count.reservations > 0) return { ok: false, code: "VARIANT_ORDERED" } as const;
    if (product.status === "ACTIVE" && product._count.variants <= 1) return { ok: false, code: "LAST_VARIANT" } as const;
    await tx.variant.delete({ where: { id: variantId } });
    await recordAudit(tx, {
      actor: who.actor, action: "variant.stock", subjectType: "variant", subjectId: variant.sku,
      before: { stock: variant.stock, priceMinor: variant.priceMinor, currency: variant.currency }, after: { removed: true },
    });
    await publish(tx, productId, who.sellerId);
    return { ok: true, variantId } as const;
  });
}

/** A service's result as the panel's form post carries it back (lib/server/panels/http.ts). */
export function panelOutcome(
  result: { ok: true } | Refusal,
  notice: string,
  options: { to?: string; prefix?: string } = {},
): { ok: true; notice: string; to?: string } | { ok: false; code: string; fields?: Record<string, string> } {
  if (result.ok) return options.to ? { ok: true, notice, to: options.to } : { ok: true, notice };
  if (!result.fields) return { ok: false, code: result.code };
  // A page with several forms of one kind (a form per variant) tells them apart by the prefix.
  const fields = Object.fromEntries(Object.entries(result.fields).map(([name, code]) => [options.prefix ? `${options.prefix}.${name}` : name, code]));
  return { ok: false, code: result.code, fields };
}

/** The largest form post the translations form may send: eight descriptions at their longest, percent-encoded. */
export const TRANSLATIONS_MAX_BYTES = 1024 * 1024;
