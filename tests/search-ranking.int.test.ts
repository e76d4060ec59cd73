import { beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { CATALOGUE_TAG } from "@/lib/domain/cache/tags";
import { startListener } from "@/lib/cache/incremental-cache-handler.mjs";
import { createDatabase } from "./database";

/**
 * A search's ranking kept between requests, on a database of its own (it changes what
 * matches without the change services): kept only while this process hears the catalogue's
 * invalidations, dropped at once when the catalogue tag is published, and never the
 * cards, whose stock and prices are read on every request.
 */
const url = await createDatabase(inject("databaseUrl"), `search_ranking_${process.pid}`);
process.env.DATABASE_URL = url;
const { searchProducts } = await import("@/lib/server/catalogue/queries");
const { hearsInvalidations } = await import("@/lib/server/cache/epoch");
const { publishInvalidation } = await import("@/lib/server/cache/invalidation");
const { getPrisma } = await import("@/lib/db/client");
const db = getPrisma();
const US = findMarket("US") as MarketDefinition;
const listener = () => (globalThis as unknown as Record<symbol, { failing: boolean }>)[Symbol.for("caravan.cache")]!;

beforeAll(async () => {
  await migrate(url);
  await seed(db);
  startListener(url);
  for (let waited = 0; !hearsInvalidations() && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  expect(hearsInvalidations()).toBe(true);
}, 120_000);

describe("a search's ranking kept between requests", () => {
  it("is kept while nothing is published, with the cards read fresh, and dropped when the catalogue tag is", async () => {
    const first = await searchProducts("en", US, "tea", 1);
    expect(first.items.length).toBeGreaterThan(2);
    const [gone, restocked] = first.items as [(typeof first.items)[0], (typeof first.items)[0]];

    // The product stops matching, unannounced: the kept ranking still lists it.
    await db.$executeRaw`UPDATE "Product" SET "searchVector" = NULL WHERE id = ${gone.id}`;
    const kept = await searchProducts("en", US, "tea", 1);
    expect(kept.total).toBe(first.total);
    expect(kept.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));

    // Stock is never kept: the card shows it as it is now.
    await db.$executeRaw`UPDATE "Variant" SET stock = stock + 7 WHERE "productId" = ${restocked.id}`;
    const fresh = await searchProducts("en", US, "tea", 1);
    expect(fresh.items.find((i) => i.id === restocked.id)!.stock).toBe(restocked.stock + 7);

    // The catalogue tag is published: the next search ranks again.
    await publishInvalidation(db, [CATALOGUE_TAG]);
    await expect.poll(async () => (await searchProducts("en", US, "tea", 1)).items.map((i) => i.id), { timeout: 10_000 }).not.toContain(gone.id);
    expect((await searchProducts("en", US, "tea", 1)).total).toBe(first.total - 1);
  });

  it("is not kept while the process does not hear invalidations", async () => {
    const before = await searchProducts("en", US, "knife", 1);
    const first = before.items[0]!;
    listener().failing = true;
    try {
      await db.$executeRaw`UPDATE "Product" SET "searchVector" = NULL WHERE id = ${first.id}`;
      const after = await searchProducts("en", US, "knife", 1);
      expect(after.items.map((i) => i.id)).not.toContain(first.id);
      expect(after.total).toBe(before.total - 1);
    } finally {
      listener().failing = false;
    }
  });

  it("shows the cards in the ranking's order", async () => {
    const { searchPageSql } = await import("@/lib/server/catalogue/queries");
    const { searchQuery } = await import("@/lib/domain/search/fold");
    for (const [text, page] of [["coffee", 1], ["tea", 2]] as const) {
      const ranked = await db.$queryRaw<{ id: string }[]>(searchPageSql(searchQuery(text), page));
      expect(ranked.length).toBeGreaterThan(1);
      expect((await searchProducts("en", US, text, page)).items.map((i) => i.id)).toEqual(ranked.map((r) => r.id));
    }
  });

  it("keeps each query and page apart", async () => {
    const one = await searchProducts("en", US, "tea", 1);
    const two = await searchProducts("en", US, "tea", 2);
    const other = await searchProducts("en", US, "coffee", 1);
    expect(two.page).toBe(2);
    expect(two.items.map((i) => i.id)).not.toEqual(one.items.map((i) => i.id));
    expect(other.items.map((i) => i.id)).not.toEqual(one.items.map((i) => i.id));
  });
});
