import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { sellerTag } from "@/lib/domain/cache/tags";
import type { Viewer } from "@/lib/domain/accounts";
import { seed } from "@/prisma/seed";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * Seller onboarding and the operator's seller management on a database of their own
 * and the suite's Stripe sandbox: opening a shop (pending, never listed), refusals that
 * change nothing, approval that lists the shop's products and refreshes its pages,
 * suspension, settings with their audit entries, and payouts connected on the sandbox's
 * onboarding page.
 */
const url = await createDatabase(inject("databaseUrl"), `seller_onboarding_${process.pid}`);
process.env.DATABASE_URL = url;
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");

const { createSeller } = await import("@/lib/server/sellers/onboarding");
const shop = await import("@/lib/server/sellers/shop");
const admin = await import("@/lib/server/sellers/admin");
const { getSeller } = await import("@/lib/server/catalogue/entities");
const { refreshDerivedColumns } = await import("@/lib/server/catalogue/derived");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");

let prisma: PrismaClient;
let counter = 0;

async function user(role: "BUYER" | "OPERATOR" = "BUYER"): Promise<Viewer> {
  const id = `usr_onboard_${++counter}`;
  const email = `${id}@example.com`;
  await prisma.user.create({ data: { id, email, name: id, emailVerified: true, role } });
  return { userId: id, email, role, seller: null };
}

/** The viewer as the next request sees it, with the seller membership from the database. */
async function reload(viewer: Viewer): Promise<Viewer> {
  const member = await prisma.sellerMember.findUnique({ where: { userId: viewer.userId } });
  return { ...viewer, seller: member ? { id: member.sellerId, role: member.role } : null };
}

const form = (changes: Record<string, string | null> = {}) => {
  const all: Record<string, string | null> = {
    legalName: "Kaffeerösterei Weiß GmbH", displayName: "Rösterei Weiß", country: "DE", currency: "EUR",
    "language-de": "on", "language-en": "on", originalLanguage: "de",
    shipFrom: "Lindenstraße 4\n10969 Berlin", returnDays: "30", returnShippingPaidBy: "SELLER",
    vatNumber: "DE 123 456 789", iossNumber: "", abn: "", trader: "yes", ...changes,
  };
  return (name: string) => all[name] ?? null;
};

const snapshot = async () => ({
  sellers: await prisma.seller.count(),
  members: await prisma.sellerMember.count(),
  audit: await prisma.auditEntry.count(),
  invalidations: await prisma.cacheInvalidation.count(),
});

let operator: Viewer;

beforeAll(async () => {
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma);
  operator = await user("OPERATOR");
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("opening a shop", () => {
  it("creates a pending seller, its owner and the audit entry", async () => {
    const buyer = await user();
    const result = await createSeller(buyer, form(), prisma);
    expect(result).toEqual({ ok: true, sellerId: "sel_de_rosterei_weiss", handle: "rosterei-weiss" });
    const seller = await prisma.seller.findUniqueOrThrow({ where: { id: "sel_de_rosterei_weiss" } });
    expect(seller).toMatchObject({
      status: "PENDING", name: "Rösterei Weiß", legalName: "Kaffeerösterei Weiß GmbH", country: "DE", currency: "EUR",
      languages: ["de", "en"], shipFrom: ["Lindenstraße 4", "10969 Berlin"], returnDays: 30, returnShippingPaidBy: "SELLER",
      vatNumber: "DE123456789", iossNumber: null, abn: null, trader: true, payoutsReady: false, approvedAt: null, paymentAccountId: null,
    });
    expect(await prisma.sellerMember.findUnique({ where: { userId: buyer.userId } })).toMatchObject({ sellerId: seller.id, role: "OWNER" });
    const entries = await prisma.auditEntry.findMany({ where: { action: "seller.create", subjectId: seller.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorKind: "buyer", subjectType: "seller", before: {}, after: { handle: "rosterei-weiss", status: "PENDING" } });
  });

  it("gives a clashing name the next free handle", async () => {
    const result = await createSeller(await user(), form({ legalName: "Another Weiß" }), prisma);
    expect(result).toEqual({ ok: true, sellerId: "sel_de_rosterei_weiss_2", handle: "rosterei-weiss-2" });
  });

  it("refuses someone who already works for a shop, and bad input, changing nothing", async () => {
    const owner = await reload(await user());
    const created = await createSeller(owner, form({ displayName: "Owner's Shop" }), prisma);
    expect(created.ok).toBe(true);
    const before = await snapshot();
    // Both as the session says and as the database says (a stale viewer without the membership).
    expect(await createSeller(await reload(owner), form({ displayName: "Second Shop" }), prisma)).toEqual({ ok: false, code: "ALREADY_SELLER" });
    expect(await createSeller(owner, form({ displayName: "Second Shop" }), prisma)).toEqual({ ok: false, code: "ALREADY_SELLER" });
    expect(await snapshot()).toEqual(before);
    const fresh = await user();
    const after = await snapshot();
    for (const [changes, code] of [
      [{ abn: "51 824 753 557" }, "INVALID_ABN"],
      [{ iossNumber: "IM12345" }, "INVALID_IOSS_NUMBER"],
      [{ vatNumber: "DE12345" }, "INVALID_VAT_NUMBER"],
      [{ returnDays: "7" }, "RETURN_DAYS_TOO_SHORT"],
      [{ currency: "XPF" }, "UNKNOWN_CURRENCY"],
      [{ country: "ZZ" }, "UNKNOWN_COUNTRY"],
      [{ "language-de": null, "language-en": null }, "LANGUAGE_REQUIRED"],
    ] as const) {
      expect(await createSeller(fresh, form(changes), prisma)).toEqual({ ok: false, code });
    }
    expect(await snapshot()).toEqual(after);
    expect(await prisma.sellerMember.findUnique({ where: { userId: fresh.userId } })).toBeNull();
  });
});

/** A pending shop of its own with one of the seed's products moved to it. */
async function pendingShopWithProduct(name: string): Promise<{ owner: Viewer; sellerId: string; handle: string; productId: string }> {
  const owner = await user();
  const created = await createSeller(owner, form({ displayName: name }), prisma);
  if (!created.ok) throw new Error(created.code);
  const product = PRODUCTS.find((p) => p.sellerId === SELLERS[2]!.id && !usedProducts.has(p.id))!;
  usedProducts.add(product.id);
  await prisma.product.update({ where: { id: product.id }, data: { sellerId: created.sellerId } });
  await refreshDerivedColumns(prisma, { productIds: [product.id] });
  return { owner: await reload(owner), sellerId: created.sellerId, handle: created.handle, productId: product.id };
}
const usedProducts = new Set<string>();
const listed = async (productId: string) => (await prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { listed: true } })).listed;

describe("approval", () => {
  it("keeps a pending shop's products unlisted and its page missing", async () => {
    const { productId, handle } = await pendingShopWithProduct("Pending Parlour");
    expect(await listed(productId)).toBe(false);
    expect(await getSeller(handle, "en")).toBeNull();
  });

  it("lets only the operator approve; a buyer or a seller is refused and nothing changes", async () => {
    const { sellerId, productId, owner } = await pendingShopWithProduct("Waiting Room");
    const buyer = await user();
    const staff = await user();
    await prisma.sellerMember.create({ data: { id: `sm_${staff.userId}`, userId: staff.userId, sellerId: SELLERS[0]!.id, role: "STAFF" } });
    const otherSeller = await reload(staff);
    const before = await snapshot();
    for (const viewer of [buyer, owner, otherSeller]) {
      expect(await admin.approveSeller(viewer, sellerId, "Looks fine", prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await admin.changeSellerStatusForOperator(viewer, sellerId, "SUSPENDED", "No", prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await admin.setSellerCommissionForOperator(viewer, sellerId, "0", "Free", prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await admin.listSellersForOperator(viewer, { status: null }, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
      expect(await admin.sellerForOperator(viewer, sellerId, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    }
    expect(await admin.approveSeller(null, sellerId, "Looks fine", prisma)).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(await admin.approveSeller(operator, sellerId, "  ", prisma)).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect(await admin.approveSeller(operator, "sel_nobody", "Looks fine", prisma)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: sellerId } })).status).toBe("PENDING");
    expect(await listed(productId)).toBe(false);
  });

  it("approves: live at once, products listed, the shop's pages refreshed, audited", async () => {
    const { sellerId, productId, handle } = await pendingShopWithProduct("Approved Atelier");
    const since = (await prisma.cacheInvalidation.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const now = new Date("2026-12-01T12:00:00Z");
    expect(await admin.approveSeller(operator, sellerId, "Documents checked", prisma, now)).toEqual({ ok: true });
    expect(await prisma.seller.findUniqueOrThrow({ where: { id: sellerId } })).toMatchObject({ status: "ACTIVE", approvedAt: now });
    expect(await listed(productId)).toBe(true);
    expect(await getSeller(handle, "en")).toMatchObject({ handle });
    const published = await prisma.cacheInvalidation.findMany({ where: { id: { gt: since } } });
    expect(published.flatMap((p) => p.tags)).toContain(sellerTag(sellerId));
    const entries = await prisma.auditEntry.findMany({ where: { action: "seller.approve", subjectId: sellerId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorKind: "operator", reason: "Documents checked", before: { status: "PENDING" }, after: { status: "ACTIVE" } });
    // Once only.
    expect(await admin.approveSeller(operator, sellerId, "Again", prisma)).toEqual({ ok: false, code: "NOT_PENDING" });
  });

  it("suspends (unlisted, page missing) and reactivates; a pending shop cannot be reactivated past approval", async () => {
    const { sellerId, productId, handle } = await pendingShopWithProduct("Suspended Stall");
    expect(await admin.changeSellerStatusForOperator(operator, sellerId, "ACTIVE", "Skip approval", prisma)).toEqual({ ok: false, code: "NOT_SUSPENDED" });
    expect(await admin.approveSeller(operator, sellerId, "OK", prisma)).toEqual({ ok: true });
    expect(await admin.changeSellerStatusForOperator(operator, sellerId, "SUSPENDED", "Complaints", prisma)).toEqual({ ok: true });
    expect(await listed(productId)).toBe(false);
    expect(await getSeller(handle, "en")).toBeNull();
    expect(await admin.changeSellerStatusForOperator(operator, sellerId, "SUSPENDED", "Twice", prisma)).toEqual({ ok: false, code: "ALREADY_SUSPENDED" });
    expect(await admin.changeSellerStatusForOperator(operator, sellerId, "ACTIVE", "Resolved", prisma)).toEqual({ ok: true });
    expect(await listed(productId)).toBe(true);
  });

  it("lists pending shops first, filters by status, and sets a commission in percent", async () => {
    const list = await admin.listSellersForOperator(operator, { status: null }, prisma);
    if (!list.ok) throw new Error(list.code);
    const statuses = list.sellers.map((s) => s.status);
    expect(statuses.indexOf("ACTIVE")).toBeGreaterThan(statuses.lastIndexOf("PENDING"));
    expect(list.defaultCommissionBps).toBe(1000);
    const pending = await admin.listSellersForOperator(operator, { status: "PENDING" }, prisma);
    expect(pending.ok && pending.sellers.length > 0 && pending.sellers.every((s) => s.status === "PENDING")).toBe(true);
    const target = SELLERS[1]!.id;
    expect(await admin.setSellerCommissionForOperator(operator, target, "12.5", "Promotion", prisma)).toEqual({ ok: true });
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: target } })).commissionBps).toBe(1250);
    const before = await snapshot();
    for (const bad of ["", "abc", "50.01", "-1", "12.345"]) {
      expect((await admin.setSellerCommissionForOperator(operator, target, bad, "Bad", prisma)).ok, bad).toBe(false);
    }
    expect(await admin.setSellerCommissionForOperator(operator, "sel_nobody", "10", "Nobody", prisma)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
    const detail = await admin.sellerForOperator(operator, target, prisma);
    expect(detail.ok && detail.seller.commissionBps).toBe(1250);
    expect(await admin.sellerForOperator(operator, "sel_nobody", prisma)).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});

describe("the seller's own shop", () => {
  it("shows the overview to a member only", async () => {
    const { owner, sellerId } = await pendingShopWithProduct("Overview Outlet");
    const overview = await shop.sellerOverview(owner, prisma);
    expect(overview.ok && overview.overview).toMatchObject({ id: sellerId, status: "PENDING", payoutsReady: false, awaitingShipment: 0 });
    expect(overview.ok && overview.overview.products.ACTIVE + overview.overview.products.DRAFT + overview.overview.products.ARCHIVED).toBe(1);
    expect(await shop.sellerOverview(await user(), prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
  });

  it("saves settings, audits return policy and tax numbers, and fixes country and currency once there are products", async () => {
    const { owner, sellerId } = await pendingShopWithProduct("Settings Shop");
    const settings = form({ displayName: "Settings Shop" });
    expect(await shop.updateSellerSettings(owner, form({ displayName: "Settings Shop", returnDays: "60", returnShippingPaidBy: "BUYER", iossNumber: "IM2760000001" }), prisma)).toEqual({ ok: true });
    const entries = await prisma.auditEntry.findMany({ where: { action: "seller.settings", subjectId: sellerId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      before: { returnDays: 30, returnShippingPaidBy: "SELLER", iossNumber: null },
      after: { returnDays: 60, returnShippingPaidBy: "BUYER", iossNumber: "IM2760000001" },
    });
    const before = await snapshot();
    const was = await prisma.seller.findUniqueOrThrow({ where: { id: sellerId } });
    expect(await shop.updateSellerSettings(owner, form({ displayName: "Settings Shop", country: "AT" }), prisma)).toEqual({ ok: false, code: "COUNTRY_LOCKED" });
    expect(await shop.updateSellerSettings(owner, form({ displayName: "Settings Shop", currency: "USD" }), prisma)).toEqual({ ok: false, code: "CURRENCY_LOCKED" });
    expect(await shop.updateSellerSettings(owner, form({ abn: "123" }), prisma)).toEqual({ ok: false, code: "INVALID_ABN" });
    expect(await shop.updateSellerSettings(await user(), settings, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
    expect(await prisma.seller.findUniqueOrThrow({ where: { id: sellerId } })).toEqual(was);
    // No change to watched fields: no entry.
    expect(await shop.updateSellerSettings(owner, form({ displayName: "Settings Shop", returnDays: "60", returnShippingPaidBy: "BUYER", iossNumber: "IM2760000001", legalName: "New Legal" }), prisma)).toEqual({ ok: true });
    expect(await prisma.auditEntry.count({ where: { action: "seller.settings", subjectId: sellerId } })).toBe(1);
  });

  it("lets a shop without products change its country and currency", async () => {
    const owner = await reload(await user());
    const created = await createSeller(owner, form({ displayName: "Empty Shop" }), prisma);
    expect(created.ok).toBe(true);
    expect(await shop.updateSellerSettings(await reload(owner), form({ displayName: "Empty Shop", country: "AT" }), prisma)).toEqual({ ok: true });
  });

  it("connects payouts through the sandbox's onboarding page", async () => {
    const owner = await user();
    const created = await createSeller(owner, form({ displayName: "Payout Place" }), prisma);
    if (!created.ok) throw new Error(created.code);
    const member = await reload(owner);
    const urls = { returnUrl: "http://shop.test/api/seller/payouts/return?locale=en", refreshUrl: "http://shop.test/en/seller/settings" };
    expect(await shop.completePayouts(member, prisma)).toEqual({ ok: true, ready: false });
    const link = await shop.connectPayouts(member, urls, prisma);
    if (!link.ok) throw new Error(link.code);
    const accountId = (await prisma.seller.findUniqueOrThrow({ where: { id: created.sellerId } })).paymentAccountId;
    expect(accountId).toMatch(/^acct_/);
    expect(await shop.completePayouts(member, prisma)).toEqual({ ok: true, ready: false });
    const submitted = await fetch(link.url, { method: "POST", body: new URLSearchParams({ action: "submit" }), redirect: "manual" });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get("location")).toBe(urls.returnUrl);
    expect(await shop.completePayouts(member, prisma)).toEqual({ ok: true, ready: true });
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: created.sellerId } })).payoutsReady).toBe(true);
    expect(await prisma.auditEntry.count({ where: { action: "seller.payouts", subjectId: created.sellerId } })).toBe(1);
    // A second connect keeps the same account.
    const again = await shop.connectPayouts(member, urls, prisma);
    expect(again.ok).toBe(true);
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: created.sellerId } })).paymentAccountId).toBe(accountId);
    expect(await shop.connectPayouts(await user(), urls, prisma)).toEqual({ ok: false, code: "FORBIDDEN" });
  });

  it("ensureSellerAccounts records payoutsReady for the sellers whose accounts are ready", async () => {
    const target = SELLERS[3]!.id;
    await prisma.seller.updateMany({ where: { status: "ACTIVE" }, data: { payoutsReady: false } });
    const report = await ensureSellerAccounts(prisma, "http://shop.test");
    expect(report.failed).toBe(0);
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: target } })).payoutsReady).toBe(true);
    await ensureSellerAccounts(prisma, "http://shop.test");
    expect(await prisma.seller.count({ where: { status: "ACTIVE", payoutsReady: false } })).toBe(0);
  });
});
