// No `server-only` here: the background job runner and the benchmark (tsx) call it too.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { tagsForChange } from "@/lib/domain/cache/tags";
import {
  formatCatalogueCsv,
  groupByProduct,
  parseCatalogueCsv,
  type CatalogueRow,
  type CsvErrorCode,
  type CsvRowError,
  type Localised,
  type ParsedCatalogueRow,
} from "@/lib/domain/catalogue/csv";
import { isLocale, LOCALES } from "@/lib/domain/markets";
import { refreshDerivedColumns, translationSearchText } from "@/lib/server/catalogue/derived";
import { publishInvalidation } from "@/lib/server/cache/invalidation";
import { recordAudits, type AuditActor, type AuditInput } from "@/lib/server/audit";

type Tx = Prisma.TransactionClient;

export interface ImportOptions {
  /** Called (and awaited) after each chunk with the data rows handled so far and the file's data rows. */
  onProgress?: (done: number, total: number) => unknown;
  /** Rows per chunk (whole products: a chunk may run a little over). One transaction per chunk. */
  chunkSize?: number;
  /** Who the audit entries name (a seller member for the seller panel's import); the platform's import by default. */
  actor?: AuditActor;
}

/** The platform's own import (scripts, the benchmark). */
export const PLATFORM_IMPORT: AuditActor = { kind: "system", name: "catalogue import" };

export interface ImportResult {
  /** Rows whose product or variant was created or changed. */
  imported: number;
  /** Rows equal to what is stored: nothing written for them. */
  unchanged: number;
  failed: CsvRowError[];
}

export class UnknownSellerError extends Error {
  constructor(sellerId: string) {
    super(`Unknown seller ${sellerId}`);
    this.name = "UnknownSellerError";
  }
}

const DEFAULT_CHUNK = 500;

interface StoredProduct {
  id: string;
  sellerId: string;
  slug: string;
  categoryId: string;
  kind: string;
  taxCategory: string;
  hsCode: string | null;
  originCountry: string;
  weightGrams: number | null;
  status: string;
  translations: { locale: string; title: string; description: string }[];
  variants: { position: number }[];
}

interface StoredVariant {
  id: string;
  sku: string;
  productId: string;
  name: Prisma.JsonValue;
  priceMinor: number;
  currency: string;
  stock: number;
  product: { sellerId: string; slug: string };
}

/** A product's writes, decided before any of them is made. */
interface ProductPlan {
  rows: ParsedCatalogueRow[];
  productId: string;
  create?: Prisma.ProductCreateManyInput;
  update?: Prisma.ProductUpdateInput;
  translations?: Prisma.ProductTranslationCreateManyInput[];
  newVariants: Prisma.VariantCreateManyInput[];
  changedVariants: { sku: string; data: Prisma.VariantUpdateInput }[];
  changedRows: number;
  /** The price, stock and status changes, as the audit log records them. */
  audits: Omit<AuditInput, "actor">[];
}

/** A JSON value as a map of locale to text (unknown keys and non-text values dropped). */
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

function sameLocalised(a: Localised, b: Localised): boolean {
  return LOCALES.every((l) => a[l] === b[l]);
}

/** The variant name in locale order, so an equal name is stored with equal JSON. */
function nameJson(name: Localised): Record<string, string> {
  return Object.fromEntries(LOCALES.filter((l) => name[l] !== undefined).map((l) => [l, name[l]!]));
}

function productFields(row: CatalogueRow, categoryId: string) {
  return {
    categoryId,
    kind: row.kind,
    taxCategory: row.taxCategory,
    hsCode: row.hsCode,
    originCountry: row.originCountry,
    weightGrams: row.weightGrams,
    status: row.status,
  };
}

function sameTranslations(stored: StoredProduct["translations"], row: CatalogueRow): boolean {
  const locales = LOCALES.filter((l) => row.title[l] !== undefined);
  if (stored.length !== locales.length) return false;
  return stored.every((t) => isLocale(t.locale) && row.title[t.locale] === t.title && (row.description[t.locale] ?? "") === t.description);
}

function translationRows(productId: string, row: CatalogueRow): Prisma.ProductTranslationCreateManyInput[] {
  return LOCALES.filter((l) => row.title[l] !== undefined).map((locale) => {
    const title = row.title[locale]!;
    const description = row.description[locale] ?? "";
    return { productId, locale, title, description, ...translationSearchText(title, description) };
  });
}

/** The original language of a new listing: the seller's first language if the file has it, else the first titled one. */
function originalLocaleOf(row: CatalogueRow, languages: readonly string[]): string {
  const first = languages.find(isLocale);
  if (first && row.title[first] !== undefined) return first;
  return LOCALES.find((l) => row.title[l] !== undefined) ?? LOCALES[0];
}

interface SellerContext {
  sellerId: string;
  currency: string;
  languages: string[];
  categories: Map<string, string>;
}

/**
 * Decides one product's writes against what is stored, or the row errors that refuse it
 * whole: a SKU or slug of another seller is never touched.
 */
function planProduct(
  rows: ParsedCatalogueRow[],
  seller: SellerContext,
  products: Map<string, StoredProduct>,
  variants: Map<string, StoredVariant>,
): { plan?: ProductPlan; errors: CsvRowError[] } {
  const first = rows[0]!.row;
  const errors: CsvRowError[] = [];
  const fail = (line: number, field: string, code: CsvErrorCode) => errors.push({ line, field, code });
  const categoryId = seller.categories.get(first.categorySlug);
  const stored = products.get(first.productSlug);
  if (!categoryId) for (const r of rows) fail(r.line, "category_slug", "UNKNOWN_CATEGORY");
  if (stored && stored.sellerId !== seller.sellerId) for (const r of rows) fail(r.line, "product_slug", "SLUG_TAKEN");
  for (const r of rows) {
    const variant = variants.get(r.row.sku);
    if (!variant) continue;
    if (variant.product.sellerId !== seller.sellerId) fail(r.line, "sku", "SKU_TAKEN");
    else if (variant.product.slug !== r.row.productSlug) fail(r.line, "sku", "SKU_IN_OTHER_PRODUCT");
  }
  if (errors.length > 0 || !categoryId) {
    const bad = new Set(errors.map((e) => e.line));
    for (const r of rows) if (!bad.has(r.line)) fail(r.line, "product_slug", "PRODUCT_HAS_ERRORS");
    return { errors };
  }

  const productId = stored?.id ?? `prd_${randomUUID()}`;
  const fields = productFields(first, categoryId);
  const plan: ProductPlan = { rows, productId, newVariants: [], changedVariants: [], changedRows: 0, audits: [] };
  let productChanged = false;
  if (!stored) {
    productChanged = true;
    plan.create = {
      id: productId,
      sellerId: seller.sellerId,
      slug: first.productSlug,
      ...fields,
      originalLocale: originalLocaleOf(first, seller.languages),
      fromPriceMinor: Math.min(...rows.map((r) => r.row.priceMinor)),
      currency: seller.currency,
    };
    plan.translations = translationRows(productId, first);
    plan.audits.push({ action: "product.create", subjectType: "product", subjectId: productId, before: {}, after: { slug: first.productSlug, status: first.status } });
  } else {
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => stored[k] !== fields[k]);
    if (changed) plan.update = { kind: fields.kind, taxCategory: fields.taxCategory, hsCode: fields.hsCode, originCountry: fields.originCountry, weightGrams: fields.weightGrams, status: fields.status, category: { connect: { id: categoryId } } };
    if (!sameTranslations(stored.translations, first)) plan.translations = translationRows(productId, first);
    productChanged = changed || plan.translations !== undefined;
    if (stored.status !== fields.status) plan.audits.push({ action: "product.status", subjectType: "product", subjectId: productId, before: { status: stored.status }, after: { status: fields.status } });
  }

  let position = stored ? Math.max(-1, ...stored.variants.map((v) => v.position)) + 1 : 0;
  for (const { row } of rows) {
    const variant = variants.get(row.sku);
    if (!variant) {
      plan.newVariants.push({ id: `var_${randomUUID()}`, productId, sku: row.sku, name: nameJson(row.variantName), priceMinor: row.priceMinor, currency: seller.currency, stock: row.stock, position: position++ });
      plan.audits.push({ action: "variant.create", subjectType: "variant", subjectId: row.sku, before: {}, after: { priceMinor: row.priceMinor, currency: seller.currency, stock: row.stock } });
      plan.changedRows++;
      continue;
    }
    const same = variant.priceMinor === row.priceMinor && variant.stock === row.stock && variant.currency === seller.currency && sameLocalised(localised(variant.name), row.variantName);
    if (!same) plan.changedVariants.push({ sku: row.sku, data: { name: nameJson(row.variantName), priceMinor: row.priceMinor, currency: seller.currency, stock: row.stock } });
    // One entry per field changed, as the catalogue's change services write them.
    if (variant.priceMinor !== row.priceMinor || variant.currency !== seller.currency) {
      plan.audits.push({ action: "variant.price", subjectType: "variant", subjectId: row.sku, before: { priceMinor: variant.priceMinor, currency: variant.currency }, after: { priceMinor: row.priceMinor, currency: seller.currency } });
    }
    if (variant.stock !== row.stock) plan.audits.push({ action: "variant.stock", subjectType: "variant", subjectId: row.sku, before: { stock: variant.stock }, after: { stock: row.stock } });
    if (!same || productChanged) plan.changedRows++;
  }
  return { plan, errors };
}

function hasWrites(plan: ProductPlan): boolean {
  return Boolean(plan.create || plan.update || plan.translations || plan.newVariants.length || plan.changedVariants.length);
}

/** Writes the plans (whole products) with their audit entries, refreshes their derived columns and publishes their tags, in `tx`. */
async function writePlans(tx: Tx, sellerId: string, plans: ProductPlan[], actor: AuditActor): Promise<void> {
  const creates = plans.flatMap((p) => (p.create ? [p.create] : []));
  if (creates.length) await tx.product.createMany({ data: creates });
  for (const p of plans) if (p.update) await tx.product.update({ where: { id: p.productId }, data: p.update });
  const retranslated = plans.filter((p) => p.translations && !p.create).map((p) => p.productId);
  if (retranslated.length) await tx.productTranslation.deleteMany({ where: { productId: { in: retranslated } } });
  const translations = plans.flatMap((p) => p.translations ?? []);
  if (translations.length) await tx.productTranslation.createMany({ data: translations });
  const newVariants = plans.flatMap((p) => p.newVariants);
  if (newVariants.length) await tx.variant.createMany({ data: newVariants });
  for (const p of plans) for (const v of p.changedVariants) await tx.variant.update({ where: { sku: v.sku }, data: v.data });
  await recordAudits(tx, plans.flatMap((p) => p.audits.map((a) => ({ ...a, actor }))));
  const productIds = plans.map((p) => p.productId);
  await refreshDerivedColumns(tx, { productIds });
  await publishInvalidation(tx, productIds.flatMap((productId) => tagsForChange({ kind: "product", productId, sellerId })));
}

const TRANSACTION = { timeout: 120_000, maxWait: 30_000 } as const;

/**
 * Imports a seller's catalogue file: creates new SKUs, updates changed rows, leaves equal
 * rows alone (re-importing a file writes nothing). Works through the file in chunks of
 * whole products, one transaction each, reporting progress after each; should a chunk's
 * transaction fail (a concurrent writer took a SKU), its products are retried one
 * transaction each, so a failure never leaves part of a product written.
 */
export async function importCatalogueCsv(db: PrismaClient, sellerId: string, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const seller = await db.seller.findUnique({ where: { id: sellerId }, select: { currency: true, languages: true } });
  if (!seller) throw new UnknownSellerError(sellerId);
  const parsed = parseCatalogueCsv(text, { currency: seller.currency });
  const categories = new Map((await db.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  const context: SellerContext = { sellerId, currency: seller.currency, languages: seller.languages, categories };
  const actor = options.actor ?? PLATFORM_IMPORT;
  const failed = [...parsed.errors];
  let imported = 0;
  let unchanged = 0;
  // Rows refused by the parser count as done from the start.
  let done = parsed.total - parsed.rows.length;

  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const chunks: ParsedCatalogueRow[][][] = [];
  let current: ParsedCatalogueRow[][] = [];
  let size = 0;
  for (const group of groupByProduct(parsed.rows)) {
    current.push(group);
    size += group.length;
    if (size >= chunkSize) {
      chunks.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length) chunks.push(current);

  for (const chunk of chunks) {
    const rows = chunk.flat();
    const [products, variants] = await Promise.all([
      db.product.findMany({
        where: { slug: { in: chunk.map((g) => g[0]!.row.productSlug) } },
        select: {
          id: true, sellerId: true, slug: true, categoryId: true, kind: true, taxCategory: true, hsCode: true, originCountry: true, weightGrams: true, status: true,
          translations: { select: { locale: true, title: true, description: true } },
          variants: { select: { position: true } },
        },
      }),
      db.variant.findMany({
        where: { sku: { in: rows.map((r) => r.row.sku) } },
        select: { id: true, sku: true, productId: true, name: true, priceMinor: true, currency: true, stock: true, product: { select: { sellerId: true, slug: true } } },
      }),
    ]);
    const productsBySlug = new Map(products.map((p) => [p.slug, p]));
    const variantsBySku = new Map(variants.map((v) => [v.sku, v]));
    const plans: ProductPlan[] = [];
    for (const group of chunk) {
      const { plan, errors } = planProduct(group, context, productsBySlug, variantsBySku);
      failed.push(...errors);
      if (!plan) continue;
      if (hasWrites(plan)) plans.push(plan);
      else unchanged += group.length;
    }
    if (plans.length) {
      try {
        await db.$transaction((tx) => writePlans(tx, sellerId, plans, actor), TRANSACTION);
        for (const p of plans) {
          imported += p.changedRows;
          unchanged += p.rows.length - p.changedRows;
        }
      } catch {
        for (const p of plans) {
          try {
            await db.$transaction((tx) => writePlans(tx, sellerId, [p], actor), TRANSACTION);
            imported += p.changedRows;
            unchanged += p.rows.length - p.changedRows;
          } catch {
            for (const r of p.rows) failed.push({ line: r.line, field: "", code: "WRITE_FAILED" });
          }
        }
      }
    }
    done += rows.length;
    await options.onProgress?.(done, parsed.total);
  }
  if (chunks.length === 0) await options.onProgress?.(done, parsed.total);
  failed.sort((a, b) => a.line - b.line);
  return { imported, unchanged, failed };
}

/** The seller's catalogue as a file `importCatalogueCsv` reads back unchanged: products by slug, variants in their order. */
export async function exportCatalogueCsv(db: PrismaClient, sellerId: string): Promise<string> {
  const seller = await db.seller.findUnique({ where: { id: sellerId }, select: { currency: true } });
  if (!seller) throw new UnknownSellerError(sellerId);
  const products = await db.product.findMany({
    where: { sellerId },
    orderBy: { slug: "asc" },
    select: {
      slug: true, kind: true, taxCategory: true, hsCode: true, originCountry: true, weightGrams: true, status: true,
      category: { select: { slug: true } },
      translations: { select: { locale: true, title: true, description: true } },
      variants: { orderBy: [{ position: "asc" }, { sku: "asc" }], select: { sku: true, name: true, priceMinor: true, stock: true } },
    },
  });
  const rows: CatalogueRow[] = products.flatMap((p) => {
    const title: Localised = {};
    const description: Localised = {};
    for (const t of p.translations) {
      if (!isLocale(t.locale)) continue;
      title[t.locale] = t.title;
      description[t.locale] = t.description;
    }
    return p.variants.map((v) => ({
      sku: v.sku,
      productSlug: p.slug,
      kind: p.kind,
      categorySlug: p.category.slug,
      hsCode: p.kind === "PHYSICAL" ? p.hsCode : null,
      originCountry: p.originCountry,
      weightGrams: p.weightGrams,
      taxCategory: p.taxCategory,
      priceMinor: v.priceMinor,
      stock: v.stock,
      status: p.status,
      variantName: localised(v.name),
      title,
      description,
    }));
  });
  return formatCatalogueCsv(rows, { currency: seller.currency });
}
