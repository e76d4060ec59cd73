import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";
import type { Viewer } from "@/lib/domain/accounts";
import { tagsForChange } from "@/lib/domain/cache/tags";
import { changeVariant } from "@/lib/server/catalogue/changes";
import {
  addVariant,
  changeProductStatus,
  createProduct,
  getSellerProduct,
  listSellerProducts,
  panelOutcome,
  removeVariant,
  saveTranslations,
  updateProduct,
  updateVariant,
} from "@/lib/server/seller/products";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The seller panel's catalogue services on a database of their own: a draft made,
 * translated, given variants and activated (listed, its tags published), a price edit
 * audited, archive and restore; every refusal changes nothing; one seller never reads
 * or changes another's product or variant, by id or by SKU.
 */
let prisma: PrismaClient;

const sellerA = SELLERS.find((s) => s.handle === "hollerbach-solingen")!;
const sellerB = SELLERS.find((s) => s.id !== sellerA.id)!;
const productOfB = PRODUCTS.find((p) => p.sellerId === sellerB.id)!;
const variantOfB = productOfB.variants[0]!;

const viewerA: Viewer = { userId: "usr_a", email: "a@hollerbach.example", role: "BUYER", seller: { id: sellerA.id, role: "OWNER" } };
const viewerB: Viewer = { userId: "usr_b", email: "b@other.example", role: "BUYER", seller: { id: sellerB.id, role: "STAFF" } };
const buyer: Viewer = { userId: "usr_c", email: "c@buyer.example", role: "BUYER", seller: null };

const form = (fields: Record<string, string>) => (name: string) => fields[name] ?? null;

const core = {
  kind: "PHYSICAL", slug: "santoku-18-test", categoryId: "cat_kitchen", taxCategory: "STANDARD",
  hsCode: "8211.91", originCountry: "DE", weightGrams: "", lengthMm: "300", widthMm: "45", heightMm: "20",
};

/** Everything a refusal must leave as it was. */
async function snapshot() {
  const [products, variants, translations, audit, invalidations] = await Promise.all([
    prisma.product.findMany({ orderBy: { id: "asc" } }),
    prisma.variant.findMany({ orderBy: { id: "asc" } }),
    prisma.productTranslation.findMany({ orderBy: [{ productId: "asc" }, { locale: "asc" }] }),
    prisma.auditEntry.count(),
    prisma.cacheInvalidation.count(),
  ]);
  return { products, variants, translations, audit, invalidations };
}

let productId = "";
let variantId = "";

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `seller_products_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("a product from draft to active", () => {
  it("creates a draft in the seller's currency and original language, audited", async () => {
    await prisma.cacheInvalidation.deleteMany();
    const created = await createProduct(viewerA, form(core), prisma);
    expect(created).toMatchObject({ ok: true, slug: "santoku-18-test" });
    if (!created.ok) return;
    productId = created.productId;
    const stored = await prisma.product.findUniqueOrThrow({ where: { id: productId } });
    expect(stored).toMatchObject({
      sellerId: sellerA.id, status: "DRAFT", listed: false, kind: "PHYSICAL", hsCode: "821191", currency: sellerA.currency,
      originalLocale: sellerA.languages[0], weightGrams: null, lengthMm: 300,
    });
    const audit = await prisma.auditEntry.findMany({ where: { action: "product.create", subjectId: productId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "seller", after: { slug: "santoku-18-test", kind: "PHYSICAL", status: "DRAFT" } });
  });

  it("refuses to activate and names what is missing", async () => {
    const before = await snapshot();
    expect(await changeProductStatus(viewerA, productId, "ACTIVE", prisma)).toEqual({
      ok: false, code: "CANNOT_ACTIVATE", gaps: ["NO_VARIANT", "NO_ORIGINAL_TITLE", "NO_WEIGHT"],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("saves translations side by side and reports the missing locales", async () => {
    const saved = await saveTranslations(
      viewerA, productId,
      form({ "title.de": "Santoku 18 cm", "description.de": "Handgeschliffen in Solingen.", "title.en": "Santoku 18 cm knife", "description.en": "Hand-ground in Solingen." }),
      prisma,
    );
    expect(saved).toMatchObject({ ok: true, completeness: { done: 2, total: 8, missing: ["fr", "es", "ja", "zh-CN", "ar", "pt-BR"] } });
    const rows = await prisma.productTranslation.findMany({ where: { productId }, orderBy: { locale: "asc" } });
    expect(rows.map((r) => [r.locale, r.title])).toEqual([["de", "Santoku 18 cm"], ["en", "Santoku 18 cm knife"]]);
    expect(rows[0]!.searchTitle).not.toBe("");
  });

  it("adds a variant with the price parsed exactly into minor units, audited", async () => {
    const added = await addVariant(viewerA, productId, form({ sku: "HB-SANTOKU-18-T", price: "129.90", stock: "7", "name.de": "18 cm" }), prisma);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    variantId = added.variantId;
    const v = await prisma.variant.findUniqueOrThrow({ where: { id: variantId } });
    expect(v).toMatchObject({ sku: "HB-SANTOKU-18-T", priceMinor: 12990, currency: sellerA.currency, stock: 7, name: { de: "18 cm" } });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: productId } })).fromPriceMinor).toBe(12990);
    expect(await prisma.auditEntry.count({ where: { subjectId: "HB-SANTOKU-18-T", action: { in: ["variant.price", "variant.stock"] } } })).toBe(2);
  });

  it("activates once the weight is given: listed, audited, tags published", async () => {
    expect(await updateProduct(viewerA, productId, form({ ...core, weightGrams: "180", status: "DRAFT" }), prisma)).toEqual({ ok: true, productId });
    await prisma.cacheInvalidation.deleteMany();
    expect(await changeProductStatus(viewerA, productId, "ACTIVE", prisma)).toEqual({ ok: true, status: "ACTIVE" });
    const stored = await prisma.product.findUniqueOrThrow({ where: { id: productId } });
    expect(stored).toMatchObject({ status: "ACTIVE", listed: true, weightGrams: 180 });
    expect(stored.sortPriceEur).not.toBeNull();
    const status = await prisma.auditEntry.findMany({ where: { action: "product.status", subjectId: productId } });
    expect(status.map((e) => [e.before, e.after])).toEqual([[{ status: "DRAFT" }, { status: "ACTIVE" }]]);
    expect((await prisma.cacheInvalidation.findMany()).map((r) => r.tags)).toEqual([tagsForChange({ kind: "product", productId, sellerId: sellerA.id })]);
  });

  it("lists the product with its title, from-price, stock and completeness; filters and searches", async () => {
    const all = await listSellerProducts(viewerA, { q: "santoku 18 cm" }, prisma);
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    expect(all.products).toHaveLength(1);
    expect(all.products[0]).toMatchObject({
      id: productId, title: "Santoku 18 cm", status: "ACTIVE", variantCount: 1, fromPrice: { amountMinor: 12990, currency: sellerA.currency },
      totalStock: 7, completeness: { done: 2, total: 8 },
    });
    const bySku = await listSellerProducts(viewerA, { q: "hb-santoku-18" }, prisma);
    expect(bySku.ok && bySku.products.map((p) => p.id)).toEqual([productId]);
    const drafts = await listSellerProducts(viewerA, { status: "DRAFT", q: "santoku 18" }, prisma);
    expect(drafts.ok && drafts.products).toEqual([]);
    const own = await listSellerProducts(viewerA, {}, prisma);
    expect(own.ok && own.total).toBe(PRODUCTS.filter((p) => p.sellerId === sellerA.id).length + 1);
    const ofOther = await listSellerProducts(viewerA, { q: variantOfB.sku }, prisma);
    expect(ofOther.ok && ofOther.total).toBe(0);
  });

  it("edits a price: one audit entry with before and after, from-price and tags refreshed", async () => {
    await prisma.cacheInvalidation.deleteMany();
    expect(await updateVariant(viewerA, productId, variantId, form({ sku: "HB-SANTOKU-18-T", price: "119.5", stock: "7", "name.de": "18 cm", "name.en": "18 cm" }), prisma)).toEqual({ ok: true, variantId });
    const price = await prisma.auditEntry.findMany({ where: { action: "variant.price", subjectId: "HB-SANTOKU-18-T" }, orderBy: { id: "asc" } });
    expect(price.at(-1)).toMatchObject({ actorKind: "seller", before: { priceMinor: 12990 }, after: { priceMinor: 11950 } });
    // The stock did not change: no stock entry beyond the one written when the variant was added.
    expect(await prisma.auditEntry.count({ where: { action: "variant.stock", subjectId: "HB-SANTOKU-18-T" } })).toBe(1);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: productId } })).fromPriceMinor).toBe(11950);
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: variantId } })).name).toEqual({ en: "18 cm", de: "18 cm" });
    expect((await prisma.cacheInvalidation.findMany()).map((r) => r.tags)).toContainEqual(tagsForChange({ kind: "product", productId, sellerId: sellerA.id }));
  });

  it("keeps an active product's original title and last variant", async () => {
    const before = await snapshot();
    expect(await saveTranslations(viewerA, productId, form({ "title.en": "Santoku" }), prisma)).toMatchObject({ ok: false, code: "ORIGINAL_TITLE_REQUIRED" });
    expect(await removeVariant(viewerA, productId, variantId, prisma)).toEqual({ ok: false, code: "LAST_VARIANT" });
    expect(await updateProduct(viewerA, productId, form({ ...core, weightGrams: "", status: "ACTIVE" }), prisma)).toEqual({ ok: false, code: "CANNOT_ACTIVATE", gaps: ["NO_WEIGHT"] });
    expect(await snapshot()).toEqual(before);
  });

  it("archives (unlisted) and restores to draft, each audited", async () => {
    expect(await changeProductStatus(viewerA, productId, "ARCHIVE", prisma)).toEqual({ ok: true, status: "ARCHIVED" });
    expect(await prisma.product.findUniqueOrThrow({ where: { id: productId } })).toMatchObject({ status: "ARCHIVED", listed: false });
    expect(await changeProductStatus(viewerA, productId, "ACTIVE", prisma)).toEqual({ ok: false, code: "ARCHIVED_PRODUCT" });
    expect(await changeProductStatus(viewerA, productId, "RESTORE", prisma)).toEqual({ ok: true, status: "DRAFT" });
    expect(await prisma.product.findUniqueOrThrow({ where: { id: productId } })).toMatchObject({ status: "DRAFT", listed: false });
    const status = await prisma.auditEntry.findMany({ where: { action: "product.status", subjectId: productId }, orderBy: { id: "asc" } });
    expect(status.map((e) => e.after)).toEqual([{ status: "ACTIVE" }, { status: "ARCHIVED" }, { status: "DRAFT" }]);
  });
});

describe("refusals change nothing", () => {
  it("refuses bad fields with a code per field", async () => {
    const before = await snapshot();
    expect(await createProduct(viewerA, form({ ...core, slug: "Bad Slug", hsCode: "12", weightGrams: "-1" }), prisma)).toEqual({
      ok: false, code: "INVALID_INPUT", fields: { slug: "INVALID_SLUG", hsCode: "INVALID_HS_CODE", weightGrams: "INVALID_WEIGHT" },
    });
    expect(await createProduct(viewerA, form({ ...core, slug: productOfB.slug, categoryId: "cat_nope" }), prisma)).toEqual({
      ok: false, code: "INVALID_INPUT", fields: { categoryId: "UNKNOWN_CATEGORY", slug: "SLUG_TAKEN" },
    });
    expect(await updateProduct(viewerA, productId, form({ ...core, hsCode: "", status: "DRAFT" }), prisma)).toEqual({ ok: false, code: "INVALID_INPUT", fields: { hsCode: "MISSING_FIELD" } });
    expect(await saveTranslations(viewerA, productId, form({ "title.de": "Zeile\nzwei", "description.fr": "sans titre" }), prisma)).toEqual({
      ok: false, code: "INVALID_INPUT", fields: { "title.de": "INVALID_TEXT", "description.fr": "DESCRIPTION_WITHOUT_TITLE" },
    });
    expect(await addVariant(viewerA, productId, form({ sku: "HB-X", price: "12.345", stock: "1" }), prisma)).toEqual({ ok: false, code: "INVALID_INPUT", fields: { price: "INVALID_PRICE" } });
    expect(await addVariant(viewerA, productId, form({ sku: variantOfB.sku, price: "12", stock: "1" }), prisma)).toEqual({ ok: false, code: "INVALID_INPUT", fields: { sku: "SKU_TAKEN" } });
    expect(await updateVariant(viewerA, productId, variantId, form({ sku: variantOfB.sku, price: "12", stock: "1" }), prisma)).toEqual({ ok: false, code: "INVALID_INPUT", fields: { sku: "SKU_TAKEN" } });
    expect(await changeProductStatus(viewerA, productId, "SOLD_OUT", prisma)).toEqual({ ok: false, code: "INVALID_INPUT", fields: { status: "INVALID_CHOICE" } });
    expect(await createProduct(buyer, form(core), prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await createProduct(null, form(core), prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
  });

  it("removes a variant never ordered, and keeps one that was", async () => {
    const extra = await addVariant(viewerA, productId, form({ sku: "HB-SANTOKU-21-T", price: "139", stock: "2" }), prisma);
    expect(extra.ok).toBe(true);
    if (!extra.ok) return;
    await prisma.order.create({
      data: {
        id: "ord_seller_products", number: "CV-SP-1", cartId: "cart_sp", locale: "en", destination: "DE", currency: "EUR", emailSealed: "x",
        quote: {}, fingerprint: "f", pricingDate: "2026-11-27", lockedUntil: new Date(Date.now() + 60_000), goodsMinor: 11950, shippingMinor: 0,
        dutyMinor: 0, taxMinor: 0, totalMinor: 11950, dueOnDeliveryMinor: 0, testMode: true, accessKeyHash: "h",
      },
    });
    await prisma.stockReservation.create({ data: { id: "res_sp", orderId: "ord_seller_products", variantId, quantity: 1, expiresAt: new Date(Date.now() + 60_000) } });
    const before = await snapshot();
    expect(await removeVariant(viewerA, productId, variantId, prisma)).toEqual({ ok: false, code: "VARIANT_ORDERED" });
    expect(await snapshot()).toEqual(before);
    const view = await getSellerProduct(viewerA, productId, prisma);
    expect(view.ok && view.product.variants.map((v) => [v.sku, v.ordered])).toEqual([["HB-SANTOKU-18-T", true], ["HB-SANTOKU-21-T", false]]);
    expect(await removeVariant(viewerA, productId, extra.variantId, prisma)).toEqual({ ok: true, variantId: extra.variantId });
    expect(await prisma.variant.count({ where: { id: extra.variantId } })).toBe(0);
  });
});

describe("pages and form outcomes", () => {
  it("pages the list twenty at a time and keeps a page past the end on the last one", async () => {
    for (let i = 0; i < 21; i++) {
      expect((await createProduct(viewerA, form({ ...core, slug: `bulk-draft-${i}` }), prisma)).ok).toBe(true);
    }
    const first = await listSellerProducts(viewerA, { status: "DRAFT" }, prisma);
    expect(first.ok && [first.products.length, first.total, first.pages]).toEqual([20, 22, 2]);
    const past = await listSellerProducts(viewerA, { status: "DRAFT", page: 9 }, prisma);
    expect(past.ok && [past.page, past.products.length]).toEqual([2, 2]);
    const first20 = new Set(first.ok ? first.products.map((p) => p.id) : []);
    expect(past.ok && past.products.some((p) => first20.has(p.id))).toBe(false);
  });

  it("carries field codes back under the form's prefix", () => {
    expect(panelOutcome({ ok: false, code: "INVALID_INPUT", fields: { price: "INVALID_PRICE", "name.de": "TOO_LONG" } }, "variantSaved", { prefix: "var_1" })).toEqual({
      ok: false, code: "INVALID_INPUT", fields: { "var_1.price": "INVALID_PRICE", "var_1.name.de": "TOO_LONG" },
    });
    expect(panelOutcome({ ok: false, code: "VARIANT_ORDERED" }, "variantRemoved")).toEqual({ ok: false, code: "VARIANT_ORDERED" });
    expect(panelOutcome({ ok: true }, "created", { to: "/en/seller/products/prd_1" })).toEqual({ ok: true, notice: "created", to: "/en/seller/products/prd_1" });
  });
});

describe("one seller cannot reach another's catalogue", () => {
  it("answers NOT_FOUND for another seller's product and variant ids and SKUs, and changes nothing", async () => {
    const before = await snapshot();
    const bVariant = await prisma.variant.findUniqueOrThrow({ where: { sku: variantOfB.sku } });
    const bProduct = bVariant.productId;
    const notFound = { ok: false, code: "NOT_FOUND" };
    expect(await getSellerProduct(viewerA, bProduct, prisma)).toEqual(notFound);
    expect(await updateProduct(viewerA, bProduct, form({ ...core, status: "DRAFT" }), prisma)).toEqual(notFound);
    expect(await changeProductStatus(viewerA, bProduct, "ARCHIVE", prisma)).toEqual(notFound);
    // Not found before the request is judged: a bad choice for B's product says nothing either.
    expect(await changeProductStatus(viewerA, bProduct, "SOLD_OUT", prisma)).toEqual(notFound);
    expect(await saveTranslations(viewerA, bProduct, form({ "title.en": "Mine now" }), prisma)).toEqual(notFound);
    expect(await addVariant(viewerA, bProduct, form({ sku: "HB-STEAL", price: "1", stock: "1" }), prisma)).toEqual(notFound);
    expect(await updateVariant(viewerA, bProduct, bVariant.id, form({ sku: bVariant.sku, price: "1", stock: "0" }), prisma)).toEqual(notFound);
    expect(await removeVariant(viewerA, bProduct, bVariant.id, prisma)).toEqual(notFound);
    // B's variant under A's own product id is not found either.
    expect(await updateVariant(viewerA, productId, bVariant.id, form({ sku: bVariant.sku, price: "1", stock: "0" }), prisma)).toEqual(notFound);
    // By SKU through the catalogue's change service, as a seller: only their own.
    const actorA = { kind: "seller" as const, id: viewerA.userId, name: viewerA.email, sellerId: sellerA.id };
    expect(await changeVariant(actorA, { sku: bVariant.sku, priceMinor: 1 }, prisma)).toEqual(notFound);
    expect(await changeVariant({ kind: "seller", name: "no seller" }, { sku: "HB-SANTOKU-18-T", stock: 1 }, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    // And B cannot see A's new product.
    expect(await getSellerProduct(viewerB, productId, prisma)).toEqual(notFound);
    expect(await snapshot()).toEqual(before);
  });

  it("lets a seller change their own variant by SKU, audited as the seller", async () => {
    const actorA = { kind: "seller" as const, id: viewerA.userId, name: viewerA.email, sellerId: sellerA.id };
    expect(await changeVariant(actorA, { sku: "HB-SANTOKU-18-T", stock: 0 }, prisma)).toMatchObject({ ok: true, data: { stock: 0 } });
    const entry = await prisma.auditEntry.findFirst({ where: { action: "variant.stock", subjectId: "HB-SANTOKU-18-T" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorKind: "seller", before: { stock: 7 }, after: { stock: 0 } });
  });
});
