import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";
import { FX_TAG, tagsForChange } from "@/lib/domain/cache/tags";
import { listAudit, recordAudit, type AuditActor } from "@/lib/server/audit";
import { changeSellerStatus, changeVariant } from "@/lib/server/catalogue/changes";
import { readFxTable } from "@/lib/server/fx/load";
import { overrideFxRate, setSellerCommission, setSellerStatus } from "@/lib/server/operator";
import { createDatabase } from "./database";
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The audit log on a database of its own: every operator service and catalogue change
 * writes exactly one entry with what was and what became, in the change's transaction;
 * refused input writes nothing and changes nothing; the database keeps entries as written.
 */
const operator: AuditActor = { kind: "operator", id: "op_ada", name: "Ada" };
let prisma: PrismaClient;

const seller = SELLERS[0]!;
const variant = PRODUCTS.find((p) => p.sellerId !== seller.id)!.variants[0]!;

const entries = (where: { action?: string; subjectId?: string } = {}) => prisma.auditEntry.findMany({ where, orderBy: { id: "asc" } });

beforeAll(async () => {
  const url = await createDatabase(inject("databaseUrl"), `audit_${process.pid}`);
  await migrate(url);
  prisma = createPrismaClient(url);
  await seed(prisma);
});
afterAll(async () => {
  await prisma?.$disconnect();
});

describe("setSellerCommission", () => {
  it("sets the commission and writes one entry with before and after", async () => {
    const was = await prisma.seller.findUniqueOrThrow({ where: { id: seller.id } });
    expect(await setSellerCommission(operator, seller.id, 1250, "Promotional rate for Q1", prisma)).toEqual({ ok: true });
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: seller.id } })).commissionBps).toBe(1250);
    const written = await entries({ action: "seller.commission" });
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      actor: operator, actorKind: "operator", subjectType: "seller", subjectId: seller.id, reason: "Promotional rate for Q1",
      before: { commissionBps: was.commissionBps }, after: { commissionBps: 1250 },
    });
  });

  it("refuses bad input and changes nothing", async () => {
    const count = await prisma.auditEntry.count();
    const cases: [AuditActor, string, number, string, string][] = [
      [operator, "sel_nobody", 1000, "reason", "SELLER_NOT_FOUND"],
      [operator, seller.id, 5001, "reason", "BPS_OUT_OF_RANGE"],
      [operator, seller.id, -1, "reason", "BPS_OUT_OF_RANGE"],
      [operator, seller.id, 12.5, "reason", "BPS_OUT_OF_RANGE"],
      [operator, seller.id, 1000, "   ", "REASON_REQUIRED"],
      [operator, seller.id, 1000, "x".repeat(1001), "REASON_TOO_LONG"],
      [operator, seller.id, 1000, "bad\u0007bell", "INVALID_REASON"],
      [{ kind: "buyer", name: "Bo" }, seller.id, 1000, "reason", "FORBIDDEN"],
    ];
    for (const [actor, id, bps, reason, code] of cases) {
      expect(await setSellerCommission(actor, id, bps, reason, prisma)).toEqual({ ok: false, code });
    }
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: seller.id } })).commissionBps).toBe(1250);
    expect(await prisma.auditEntry.count()).toBe(count);
  });
});

describe("setSellerStatus", () => {
  it("suspends and reactivates through the catalogue's change, one entry each, publishing the seller's tags", async () => {
    await prisma.cacheInvalidation.deleteMany();
    expect(await setSellerStatus(operator, seller.id, "SUSPENDED", "Counterfeit listings reported", prisma)).toEqual({ ok: true });
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: seller.id } })).status).toBe("SUSPENDED");
    expect((await prisma.cacheInvalidation.findMany()).map((r) => r.tags)).toEqual([tagsForChange({ kind: "seller", sellerId: seller.id })]);
    const suspended = await entries({ action: "seller.suspend" });
    expect(suspended).toHaveLength(1);
    expect(suspended[0]).toMatchObject({ actor: operator, subjectType: "seller", subjectId: seller.id, before: { status: "ACTIVE" }, after: { status: "SUSPENDED" }, reason: "Counterfeit listings reported" });

    expect(await setSellerStatus(operator, seller.id, "ACTIVE", "Listings removed", prisma)).toEqual({ ok: true });
    const activated = await entries({ action: "seller.activate" });
    expect(activated).toHaveLength(1);
    expect(activated[0]).toMatchObject({ before: { status: "SUSPENDED" }, after: { status: "ACTIVE" } });
  });

  it("refuses an unknown seller, a bad status or no reason, and changes nothing", async () => {
    const count = await prisma.auditEntry.count();
    expect(await setSellerStatus(operator, "sel_nobody", "SUSPENDED", "reason", prisma)).toEqual({ ok: false, code: "SELLER_NOT_FOUND" });
    expect(await setSellerStatus(operator, seller.id, "CLOSED" as "ACTIVE", "reason", prisma)).toEqual({ ok: false, code: "INVALID_STATUS" });
    expect(await setSellerStatus(operator, seller.id, "SUSPENDED", "", prisma)).toEqual({ ok: false, code: "REASON_REQUIRED" });
    expect((await prisma.seller.findUniqueOrThrow({ where: { id: seller.id } })).status).toBe("ACTIVE");
    expect(await prisma.auditEntry.count()).toBe(count);
  });
});

describe("overrideFxRate", () => {
  const now = new Date("2026-12-01T10:00:00Z");

  it("stores today's MANUAL rate, publishes the fx tag and writes one entry with the rate it replaced", async () => {
    const was = (await readFxTable(prisma, "2026-12-01")).rates.get("JPY")!;
    await prisma.cacheInvalidation.deleteMany();
    expect(await overrideFxRate(operator, "JPY", "161.2500", "ECB feed late", prisma, now)).toEqual({ ok: true });
    const row = await prisma.fxRate.findUniqueOrThrow({ where: { base_quote_date: { base: "EUR", quote: "JPY", date: new Date("2026-12-01T00:00:00Z") } } });
    expect({ rate: row.rate.toString(), source: row.source }).toEqual({ rate: "161.25", source: "MANUAL" });
    expect((await readFxTable(prisma)).rates.get("JPY")).toMatchObject({ rate: "161.25", source: "MANUAL" });
    expect((await prisma.cacheInvalidation.findMany()).flatMap((r) => r.tags)).toContain(FX_TAG);
    const written = await entries({ action: "fx.override" });
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      actor: operator, subjectType: "fxRate", subjectId: "EUR/JPY", reason: "ECB feed late",
      before: { rate: was.rate, date: was.date, source: was.source }, after: { rate: "161.25", date: "2026-12-01", source: "MANUAL" },
    });
  });

  it("refuses a malformed or non-positive rate, an unknown currency or no reason, and changes nothing", async () => {
    const count = await prisma.auditEntry.count();
    const rates = await prisma.fxRate.count();
    for (const [quote, rate, reason, code] of [
      ["USD", "0", "r", "INVALID_RATE"],
      ["USD", "0.0000", "r", "INVALID_RATE"],
      ["USD", "-1.08", "r", "INVALID_RATE"],
      ["USD", "1e3", "r", "INVALID_RATE"],
      ["USD", "abc", "r", "INVALID_RATE"],
      ["USD", "1.12345678901", "r", "INVALID_RATE"],
      ["USD", "", "r", "INVALID_RATE"],
      ["XXX", "1.1", "r", "UNKNOWN_CURRENCY"],
      ["EUR", "1", "r", "UNKNOWN_CURRENCY"],
      ["USD", "1.1", " ", "REASON_REQUIRED"],
    ] as const) {
      expect(await overrideFxRate(operator, quote, rate, reason, prisma, now)).toEqual({ ok: false, code });
    }
    expect(await prisma.fxRate.count()).toBe(rates);
    expect(await prisma.auditEntry.count()).toBe(count);
  });
});

describe("catalogue changes", () => {
  const system: AuditActor = { kind: "system", name: "catalogue:update" };

  it("a price change and a stock change each write one entry with before and after", async () => {
    const was = await prisma.variant.findUniqueOrThrow({ where: { sku: variant.sku } });
    expect((await changeVariant(system, { sku: variant.sku, priceMinor: was.priceMinor + 100, reason: "New season" }, prisma)).ok).toBe(true);
    expect(await entries({ subjectId: variant.sku })).toMatchObject([
      { action: "variant.price", actor: system, subjectType: "variant", reason: "New season", before: { priceMinor: was.priceMinor, currency: was.currency }, after: { priceMinor: was.priceMinor + 100, currency: was.currency } },
    ]);
    expect((await changeVariant(system, { sku: variant.sku, stock: was.stock + 5 }, prisma)).ok).toBe(true);
    const stock = await entries({ action: "variant.stock", subjectId: variant.sku });
    expect(stock).toHaveLength(1);
    expect(stock[0]).toMatchObject({ before: { stock: was.stock }, after: { stock: was.stock + 5 }, reason: null });
  });

  it("a change that fails writes no entry", async () => {
    const count = await prisma.auditEntry.count();
    expect(await changeVariant(system, { sku: "NO-SUCH-SKU", priceMinor: 100 }, prisma)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await changeVariant(system, { sku: variant.sku, stock: -1 }, prisma)).ok).toBe(false);
    expect(await changeSellerStatus(system, { handle: "nobody", status: "SUSPENDED" }, prisma)).toEqual({ ok: false, code: "NOT_FOUND" });
    // An entry written before the change fails is rolled back with it.
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, { actor: system, action: "variant.stock", subjectType: "variant", subjectId: variant.sku, before: { stock: 1 }, after: { stock: -1 } });
        await tx.variant.update({ where: { sku: variant.sku }, data: { stock: -1 } });
      }),
    ).rejects.toThrow();
    expect(await prisma.auditEntry.count()).toBe(count);
  });
});

describe("the AuditEntry table", () => {
  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    const count = await prisma.auditEntry.count();
    expect(count).toBeGreaterThan(0);
    for (const sql of [`UPDATE "AuditEntry" SET reason = 'changed'`, `DELETE FROM "AuditEntry"`, `TRUNCATE "AuditEntry"`]) {
      await expect(prisma.$executeRawUnsafe(sql)).rejects.toThrow(/append-only/);
    }
    await expect(prisma.auditEntry.deleteMany()).rejects.toThrow(/append-only/);
    expect(await prisma.auditEntry.count()).toBe(count);
    expect(await prisma.auditEntry.count({ where: { reason: "changed" } })).toBe(0);
  });
});

describe("listAudit", () => {
  const clerk: AuditActor = { kind: "seller", id: "sel_x", name: "Clerk" };

  beforeAll(async () => {
    // Seven entries in one transaction; entries sharing an `at` are ordered by id.
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 7; i++) {
        await recordAudit(tx, { actor: i % 2 ? clerk : operator, action: "variant.stock", subjectType: "listing-test", subjectId: `sku-${i % 3}`, before: { stock: i }, after: { stock: i + 1 } });
      }
    });
  });

  it("returns entries newest first, a page at a time, each entry once", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listAudit(prisma, { subjectType: "listing-test", limit: 3, ...(cursor ? { cursor } : {}) });
      if (!page.ok) throw new Error(page.code);
      expect(page.data.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.entries.map((e) => (e.before as { stock: number }).stock));
      if (!page.data.nextCursor) break;
      cursor = page.data.nextCursor;
    }
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);

    const all = await listAudit(prisma, { limit: 100 });
    if (!all.ok) throw new Error(all.code);
    const times = all.data.entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.data.entries.at(-1)?.action).toBe("seller.commission");
  });

  it("filters by action, subject, actor kind and time", async () => {
    const ok = async (filter: Parameters<typeof listAudit>[1]) => {
      const page = await listAudit(prisma, filter);
      if (!page.ok) throw new Error(page.code);
      return page.data.entries;
    };
    expect((await ok({ subjectType: "listing-test", subjectId: "sku-1" })).map((e) => e.subjectId)).toEqual(["sku-1", "sku-1"]);
    expect((await ok({ subjectType: "listing-test", actorKind: "seller" })).map((e) => e.actor)).toEqual([clerk, clerk, clerk]);
    expect((await ok({ action: "fx.override" })).map((e) => e.subjectId)).toEqual(["EUR/JPY"]);
    expect(await ok({ action: "seller.suspend", subjectType: "seller", subjectId: seller.id })).toHaveLength(1);
    const listed = await ok({ subjectType: "listing-test" });
    const oldest = listed.at(-1)!.at;
    const newest = listed[0]!.at;
    expect(await ok({ subjectType: "listing-test", from: oldest })).toHaveLength(7);
    expect(await ok({ subjectType: "listing-test", to: oldest })).toHaveLength(0);
    expect(await ok({ subjectType: "listing-test", from: oldest, to: newest })).toHaveLength(listed.filter((e) => e.at < newest).length);
    expect(await ok({ from: new Date(newest.getTime() + 1) })).toHaveLength(0);
  });

  it("refuses a limit outside 1 to 100 and a cursor it did not issue", async () => {
    expect(await listAudit(prisma, { limit: 0 })).toEqual({ ok: false, code: "INVALID_LIMIT" });
    expect(await listAudit(prisma, { limit: 101 })).toEqual({ ok: false, code: "INVALID_LIMIT" });
    expect(await listAudit(prisma, { cursor: "not-a-cursor" })).toEqual({ ok: false, code: "INVALID_CURSOR" });
  });
});
