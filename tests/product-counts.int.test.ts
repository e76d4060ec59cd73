/**
 * Anonymous daily product counts on a database of their own: the view beacon's route adds
 * exactly one view per call to the row for today (UTC) and the visitor's country; bad
 * input is refused with a code and writes nothing; bots and opted-out visitors are not
 * counted; the route is rate limited and never sets a cookie; adding to the cart adds one
 * cart for the product and the cart's market, in the same transaction.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "@/lib/domain/clock";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { createDatabase } from "./database";
import { stockedProduct, variantId } from "./checkout-support";

const url = await createDatabase(inject("databaseUrl"), `product_counts_${process.pid}`);
process.env.DATABASE_URL = url;
process.env.CARAVAN_RATE_LIMIT_API = "5/60";
process.env.CARAVAN_TRUST_PROXY = "true";

const route = await import("@/app/api/events/view/route");
const cart = await import("@/lib/server/cart");
const { getPrisma } = await import("@/lib/db/client");
const db = getPrisma();

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const product = stockedProduct("JP");
const other = stockedProduct("DE");
let client = 0;
/** A new client address per call: each test gets a rate-limit budget of its own. */
const freshClient = () => `198.51.100.${++client}`;

function beacon(body: string, headers: Record<string, string> = {}, ip = freshClient()) {
  return route.POST(
    new Request("http://shop.test/api/events/view", { method: "POST", body, headers: { "content-type": "application/json", "user-agent": CHROME, "x-forwarded-for": ip, ...headers } }),
  );
}
const view = (productId: string, headers: Record<string, string> = {}, ip?: string) => beacon(JSON.stringify({ productId }), headers, ip);

const today = () => new Date(new Date().toISOString().slice(0, 10) + "T00:00:00.000Z");
const rows = () => db.productDayStat.findMany({ orderBy: [{ productId: "asc" }, { country: "asc" }] });
const row = (productId: string, country: string, day = today()) =>
  db.productDayStat.findUnique({ where: { productId_day_country: { productId, day, country } } });

beforeAll(async () => {
  await migrate(url);
  await seed(db);
  await db.productDayStat.deleteMany();
});

describe("POST /api/events/view", () => {
  it("adds one view per call to today's row for the visitor's market country, with 204, no cookie and no caching", async () => {
    const first = await view(product.id, { cookie: "caravan_market=FR" });
    expect(first.status).toBe(204);
    expect(first.headers.get("set-cookie")).toBeNull();
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await row(product.id, "FR")).toMatchObject({ views: 1, carts: 0 });
    expect((await view(product.id, { cookie: "caravan_market=FR" })).status).toBe(204);
    expect(await row(product.id, "FR")).toMatchObject({ views: 2, carts: 0 });
    // Another country is another row; the first is untouched.
    await view(product.id, { cookie: "caravan_market=jp" });
    expect(await row(product.id, "JP")).toMatchObject({ views: 1 });
    expect(await row(product.id, "FR")).toMatchObject({ views: 2 });
  });

  it("without a market cookie counts the language's default market, else the store's", async () => {
    await db.productDayStat.deleteMany();
    await view(other.id, { cookie: "NEXT_LOCALE=de" });
    await view(other.id, { cookie: "caravan_market=XX" });
    expect(await rows()).toEqual([
      expect.objectContaining({ productId: other.id, country: "DE", views: 1 }),
      expect.objectContaining({ productId: other.id, country: "US", views: 1 }),
    ]);
  });

  it("refuses an unknown, unlisted or malformed product with 400 and a code, writing nothing", async () => {
    await db.productDayStat.deleteMany();
    await db.product.update({ where: { id: other.id }, data: { listed: false } });
    try {
      for (const [body, code] of [
        [JSON.stringify({ productId: "prod_does_not_exist" }), "PRODUCT_NOT_FOUND"],
        [JSON.stringify({ productId: other.id }), "PRODUCT_NOT_FOUND"],
        [JSON.stringify({ productId: 42 }), "PRODUCT_NOT_FOUND"],
        [JSON.stringify({ productId: "x'; DROP TABLE \"Product\"; --" }), "PRODUCT_NOT_FOUND"],
        ["not json", "INVALID_BODY"],
        ["", "INVALID_BODY"],
        [JSON.stringify({ productId: product.id, pad: "x".repeat(2000) }), "INVALID_BODY"],
      ] as const) {
        const response = await beacon(body);
        expect(response.status, body.slice(0, 40)).toBe(400);
        expect(await response.json()).toEqual({ ok: false, code });
        expect(response.headers.get("set-cookie")).toBeNull();
      }
    } finally {
      await db.product.update({ where: { id: other.id }, data: { listed: true } });
    }
    expect(await rows()).toEqual([]);
  });

  it("answers 204 without counting crawlers, an absent user agent, or Do Not Track / Global Privacy Control", async () => {
    await db.productDayStat.deleteMany();
    for (const headers of [
      { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" } as Record<string, string>,
      { "user-agent": "" },
      { dnt: "1" },
      { "sec-gpc": "1" },
    ]) expect((await view(product.id, headers)).status).toBe(204);
    expect(await rows()).toEqual([]);
    // Headless Chromium is a browser and is counted.
    await view(product.id, { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36" });
    expect(await rows()).toHaveLength(1);
  });

  it("is rate limited per client: past the budget it answers 429 and counts nothing more", async () => {
    await db.productDayStat.deleteMany();
    const ip = freshClient();
    for (let i = 0; i < 5; i++) expect((await view(product.id, { cookie: "caravan_market=FR" }, ip)).status).toBe(204);
    const refused = await view(product.id, { cookie: "caravan_market=FR" }, ip);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ ok: false, code: "RATE_LIMITED" });
    expect(await row(product.id, "FR")).toMatchObject({ views: 5 });
  });

  it("takes POST only", async () => {
    expect((await route.GET()).status).toBe(405);
  });
});

describe("addToCart", () => {
  const clock = fixedClock(new Date());
  const FR = findMarket("FR") as MarketDefinition;
  const JP = findMarket("JP") as MarketDefinition;

  it("adds one cart per add for the product and the cart's market country", async () => {
    await db.productDayStat.deleteMany();
    const added = await cart.addToCart(undefined, { variantId: variantId(product), quantity: "2" }, FR, clock, db);
    expect(added.ok).toBe(true);
    expect(await row(product.id, "FR", new Date(clock.now().toISOString().slice(0, 10)))).toMatchObject({ views: 0, carts: 1 });
    await cart.addToCart(added.ok ? added.cartId : undefined, { variantId: variantId(product, 1), quantity: "1" }, FR, clock, db);
    await cart.addToCart(undefined, { variantId: variantId(product), quantity: "1" }, JP, clock, db);
    expect(await rows()).toEqual([
      expect.objectContaining({ productId: product.id, country: "FR", views: 0, carts: 2 }),
      expect.objectContaining({ productId: product.id, country: "JP", views: 0, carts: 1 }),
    ]);
  });

  it("counts nothing when the add is refused", async () => {
    await db.productDayStat.deleteMany();
    expect(await cart.addToCart(undefined, { variantId: "var_no_such_variant", quantity: "1" }, FR, clock, db)).toEqual({ ok: false, code: "VARIANT_NOT_FOUND" });
    expect(await cart.addToCart(undefined, { variantId: variantId(product), quantity: "0" }, FR, clock, db)).toMatchObject({ ok: false });
    expect(await rows()).toEqual([]);
  });
});
