/**
 * What the checkout, contract and order suites share: the seeded catalogue's picks, the
 * Stripe SDK pointed at the suite's sandbox (as the store is), an order placed through the
 * real cart, checkout and place services, and paying on the sandbox's hosted page as a
 * buyer does.
 */
import Stripe from "stripe";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Clock } from "@/lib/domain/clock";
import type { MarketDefinition } from "@/lib/domain/markets";
import type { ChargeLabels, placeOrder as PlaceOrder } from "@/lib/server/checkout/place";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";

export type SeedProduct = (typeof PRODUCTS)[number];

export const sellerCountry = (p: SeedProduct) => SELLERS.find((s) => s.id === p.sellerId)!.country;

/** A physical product of a seller in `country` with plenty of stock in every variant. */
export const stockedProduct = (country: string) => PRODUCTS.find((p) => sellerCountry(p) === country && p.kind === "PHYSICAL" && p.variants.every((v) => v.stock > 20))!;

export const EBOOK = PRODUCTS.find((p) => p.kind === "DIGITAL" && p.taxCategory === "EBOOK")!;

export const variantId = (p: SeedProduct, i = 0) => `var_${p.variants[i]!.sku.toLowerCase()}`;

export function sandboxStripe(sandboxUrl: string): Stripe {
  const url = new URL(sandboxUrl);
  return new Stripe("sk_test_sandbox", { host: url.hostname, port: Number(url.port), protocol: "http", maxNetworkRetries: 0 });
}

/** Pays on the sandbox's hosted page with a test card; the status answers (303 paid, 402 declined). */
export async function payOnSandbox(url: string, card = "4242424242424242", buyer: { name: string; email?: string } = { name: "Hanako Yamada", email: "hanako@example.jp" }): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    body: new URLSearchParams({ payment_method: "card", card_number: card, card_expiry: "12 / 34", card_cvc: "123", ...buyer }),
    redirect: "manual",
  });
  return response.status;
}

export function sessionIdOf(url: string): string {
  return /\/pay\/(cs_test_[A-Za-z0-9]+)/.exec(url)![1]!;
}

export interface TestPurchase {
  market: MarketDefinition;
  /** The checkout form's address fields (with the email) for the market's country. */
  address: Record<string, string>;
  labels: ChargeLabels;
  clock: () => Clock;
  digitalConsent?: boolean;
  /** Who presses Pay (the contract evidence records it). */
  client?: { ip: string | null; userAgent: string | null };
  /** The signed-in account placing the order. */
  userId?: string;
}

type Placed = Extract<Awaited<ReturnType<typeof PlaceOrder>>, { ok: true; kind: "pay" }>;

/**
 * Puts `items` in a new cart, fills the checkout for the market's country, accepts the
 * terms and places the order, as the checkout's routes do; answers the payment session to
 * pay. The services are loaded when called, so a suite's environment is set before them.
 */
export async function placeTestOrder(db: PrismaClient, items: [SeedProduct, number][], purchase: TestPurchase): Promise<Placed> {
  const cart = await import("@/lib/server/cart");
  const checkout = await import("@/lib/server/checkout");
  const { placeOrder } = await import("@/lib/server/checkout/place");
  const { market, clock } = purchase;
  let id: string | undefined;
  for (const [product, quantity] of items) {
    const added = await cart.addToCart(id, { variantId: variantId(product), quantity: String(quantity) }, market, clock(), db);
    if (!added.ok) throw new Error(added.code);
    id = added.cartId;
  }
  const saved = await checkout.saveCheckoutForm(id, { country: market.country, fields: purchase.address, delivery: {} }, db);
  if (!saved.ok) throw new Error(`checkout form refused: ${JSON.stringify(saved)}`);
  const view = (await checkout.loadCheckout(id, "en", market, clock(), db))!;
  if (!Array.isArray(view.errors) || view.errors.length > 0) throw new Error(`checkout not ready: ${JSON.stringify(view.errors)}`);
  const placed = await placeOrder(
    id,
    {
      token: view.lock!.token,
      locale: "en",
      fallback: market,
      origin: "http://127.0.0.1:3000",
      labels: purchase.labels,
      acceptance: { accepted: true, textSha256: view.contract!.sha256, digitalConsent: purchase.digitalConsent ?? false },
      client: purchase.client ?? { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (test)" },
      userId: purchase.userId ?? null,
    },
    clock(),
    db,
  );
  if (!placed.ok || placed.kind !== "pay") throw new Error(`not placed: ${JSON.stringify(placed)}`);
  return placed;
}
