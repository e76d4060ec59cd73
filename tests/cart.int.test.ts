import { describe, expect, inject, it } from "vitest";
import { fixedClock } from "@/lib/domain/clock";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { MAX_QUANTITY } from "@/lib/domain/cart";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";

process.env.DATABASE_URL = inject("databaseUrl");
const cart = await import("@/lib/server/cart");
const { getPrisma } = await import("@/lib/db/client");
const { changeVariant } = await import("@/lib/server/catalogue/changes");

/** The cart service on the shared seeded database: every test makes its own cart. */
const NOW = new Date("2026-11-30T10:00:00Z");
const clock = fixedClock(NOW);
const JP = findMarket("JP") as MarketDefinition;
const DE = findMarket("DE") as MarketDefinition;
const AU = findMarket("AU") as MarketDefinition;
const actor = { kind: "system", name: "test" } as const;

const sellerCountry = (p: (typeof PRODUCTS)[number]) => SELLERS.find((s) => s.id === p.sellerId)!.country;
const japanese = PRODUCTS.find((p) => sellerCountry(p) === "JP" && p.kind === "PHYSICAL" && p.variants.every((v) => v.stock > 5))!;
const german = PRODUCTS.find((p) => sellerCountry(p) === "DE" && p.kind === "PHYSICAL" && p.variants.every((v) => v.stock > 5))!;
const ebook = PRODUCTS.find((p) => p.kind === "DIGITAL" && p.taxCategory === "EBOOK")!;
const seeds = PRODUCTS.find((p) => p.hsCode?.startsWith("1209"))!;
const variantId = (p: (typeof PRODUCTS)[number], i = 0) => `var_${p.variants[i]!.sku.toLowerCase()}`;

async function newCartWith(product: (typeof PRODUCTS)[number], quantity = 1, market = JP) {
  const added = await cart.addToCart(undefined, { variantId: variantId(product), quantity: String(quantity) }, market, clock);
  if (!added.ok) throw new Error(added.code);
  return added.cartId;
}

describe("cart", () => {
  it("creates a cart on first add, with an unguessable id, and adds more of the same variant to its line", async () => {
    const id = await newCartWith(japanese, 2);
    expect(cart.isCartId(id)).toBe(true);
    const again = await cart.addToCart(id, { variantId: variantId(japanese), quantity: "3" }, JP, clock);
    expect(again).toMatchObject({ ok: true, cartId: id, data: { quantity: 5 } });
    expect(await cart.cartItemCount(id, clock)).toBe(5);
  });

  it("groups lines into one parcel per seller and quotes each with the trade engine in the market's currency", async () => {
    const id = await newCartWith(japanese, 1, JP);
    await cart.addToCart(id, { variantId: variantId(german), quantity: "1" }, JP, clock);
    await cart.addToCart(id, { variantId: variantId(ebook), quantity: "1" }, JP, clock);
    const view = (await cart.loadCart(id, "ja", JP, clock))!;
    expect(view.currency).toBe("JPY");
    const sellers = view.parcels.map((p) => p.seller.country);
    expect(sellers.slice(0, 2)).toEqual(["JP", "DE"]);
    expect(view.quote).not.toBeNull();
    expect(view.quote!.parcels).toHaveLength(view.parcels.length);
    expect(view.quote!.currency).toBe("JPY");
    const total = view.quote!.parcels.reduce((sum, p) => sum + p.total.amountMinor, 0);
    expect(view.quote!.total.amountMinor).toBe(total);
    expect(view.quote!.parcels[0]!.regime).toBe("DOMESTIC");
    expect(view.needsAcknowledgement).toBe(false);
  });

  it("refuses nonsense and what cannot be had, changing nothing", async () => {
    const id = await newCartWith(japanese, 1);
    for (const quantity of ["0", "-2", "1.5", "abc", "100", ""]) {
      expect(await cart.addToCart(id, { variantId: variantId(japanese), quantity }, JP, clock), quantity).toEqual({ ok: false, code: "INVALID_QUANTITY" });
    }
    for (const bad of ["nope", "\u0000", 42, null, "x".repeat(500)]) {
      expect(await cart.addToCart(id, { variantId: bad, quantity: "1" }, JP, clock)).toEqual({ ok: false, code: "VARIANT_NOT_FOUND" });
    }
    expect(await cart.cartItemCount(id, clock)).toBe(1);
    expect(await cart.setLineQuantity("not-a-cart-id-at-allxx", { lineId: "x", quantity: "1" }, clock)).toEqual({ ok: false, code: "CART_NOT_FOUND" });
    expect(await cart.setLineQuantity(id, { lineId: "\u0000", quantity: "1" }, clock)).toEqual({ ok: false, code: "LINE_NOT_FOUND" });
    expect(await cart.setLineQuantity(id, { lineId: "line_someone_elses", quantity: "1" }, clock)).toEqual({ ok: false, code: "LINE_NOT_FOUND" });
  });

  it("bounds quantities by stock and by the maximum", async () => {
    const id = await newCartWith(german, 1);
    // Read now: other suites on this database (checkout) may have sold some.
    const stock = (await getPrisma().variant.findUniqueOrThrow({ where: { id: variantId(german) } })).stock;
    const full = await cart.addToCart(id, { variantId: variantId(german), quantity: String(MAX_QUANTITY) }, JP, clock);
    expect(full).toMatchObject({ ok: true, data: { quantity: Math.min(stock, MAX_QUANTITY) } });
    const view = (await cart.loadCart(id, "en", JP, clock))!;
    const line = view.parcels[0]!.lines[0]!;
    expect((await cart.setLineQuantity(id, { lineId: line.id, quantity: "2" }, clock))).toMatchObject({ ok: true, data: { quantity: 2 } });
    expect(await cart.setLineQuantity(id, { lineId: line.id, quantity: "0" }, clock)).toMatchObject({ ok: true, data: { quantity: 0 } });
    expect(await cart.cartItemCount(id, clock)).toBe(0);
  });

  it("shows a price change and a stock drop on the line until the buyer acknowledges them", async () => {
    // A product of its own so other tests are unaffected.
    const product = PRODUCTS.find((p) => sellerCountry(p) === "FR" && p.kind === "PHYSICAL" && p.variants[0]!.stock >= 3)!;
    const variant = product.variants[0]!;
    const id = await newCartWith(product, 3, DE);
    try {
      expect((await changeVariant(actor, { sku: variant.sku, priceMinor: variant.priceMinor + 100, stock: 1 }, getPrisma())).ok).toBe(true);
      const view = (await cart.loadCart(id, "de", DE, clock))!;
      const line = view.parcels[0]!.lines[0]!;
      expect(line.quantity).toBe(3);
      expect(line.changes).toEqual([
        { kind: "PRICE_CHANGED", from: { amountMinor: variant.priceMinor, currency: "EUR" }, to: { amountMinor: variant.priceMinor + 100, currency: "EUR" } },
        { kind: "STOCK_REDUCED", available: 1 },
      ]);
      expect(view.needsAcknowledgement).toBe(true);
      expect((await cart.acknowledgeChanges(id, DE, clock)).ok).toBe(true);
      const after = (await cart.loadCart(id, "de", DE, clock))!;
      expect(after.needsAcknowledgement).toBe(false);
      expect(after.parcels[0]!.lines[0]!.quantity).toBe(1);
    } finally {
      await changeVariant(actor, { sku: variant.sku, priceMinor: variant.priceMinor, stock: variant.stock }, getPrisma());
    }
  });

  it("a market change shows the display price change; a restricted item is named by the engine", async () => {
    const id = await newCartWith(seeds, 1, DE);
    const inAustralia = (await cart.loadCart(id, "en", AU, clock))!;
    expect(inAustralia.parcels[0]!.lines[0]!.changes.map((c) => c.kind)).toEqual(["DISPLAY_PRICE_CHANGED"]);
    expect(inAustralia.quote!.restrictions.map((r) => r.reason)).toContain("trade.restriction.au.seedsForSowing");
  });

  it("an expired cart is gone: not loaded, not added to, pruned", async () => {
    const id = await newCartWith(japanese, 1);
    const later = fixedClock(new Date(NOW.getTime() + 31 * 86_400_000));
    expect(await cart.loadCart(id, "en", JP, later)).toBeNull();
    expect(await cart.cartItemCount(id, later)).toBe(0);
    const fresh = await cart.addToCart(id, { variantId: variantId(japanese), quantity: "1" }, JP, later);
    expect(fresh.ok && fresh.cartId).not.toBe(id);
    expect(await cart.pruneExpiredCarts(later)).toBeGreaterThan(0);
    expect(await getPrisma().cart.findUnique({ where: { id } })).toBeNull();
  });
});
