/**
 * What the checkout and contract suites share: the seeded catalogue's picks, the Stripe
 * SDK pointed at the suite's sandbox (as the store is), and paying on the sandbox's
 * hosted page as a buyer does.
 */
import Stripe from "stripe";
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
