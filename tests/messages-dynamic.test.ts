/**
 * Messages the UI picks at run time, from a code the domain produces (a quote's regime,
 * a warning, a restriction reason...). The compiler checks these keys against English
 * only; this checks every locale, from the domain's own lists, so a new code fails here
 * until each language translates it.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SORT_LABELS } from "@/components/catalogue/sort-labels";
import { KINDS, SORTS } from "@/lib/domain/catalogue/query";
import { ACTIVATION_GAPS, FIELD_CODES, PRODUCT_KINDS, PRODUCT_STATUSES, SELLER_PRODUCT_ERROR_CODES, TAX_CATEGORIES } from "@/lib/domain/catalogue/editing";
import { FX_SOURCES } from "@/lib/domain/fx";
import { LOCALES } from "@/lib/domain/markets";
import { INCOTERMS, REGIMES, RESTRICTION_REASONS, WARNING_CODES } from "@/lib/domain/trade";
import { CART_ERROR_CODES, LINE_CHANGES } from "@/lib/domain/cart";
import { CHECKOUT_ERROR_CODES } from "@/lib/domain/checkout";
import { DELIVERY_SERVICES } from "@/lib/domain/shipping/options";
import { OrderStatus, WithdrawalStatus } from "@/generated/prisma/enums";
import { WITHDRAWAL_REFUSALS } from "@/lib/domain/withdrawal";

/** The order states a buyer can see: every state of the schema's enum. */
const ORDER_STATUSES = Object.values(OrderStatus);
import { SHIPPING_SERVICES } from "@/lib/server/mail/order-confirmation";
import { ADDRESS_ERROR_CODES, ADDRESS_LABELS } from "@/lib/domain/address";

/** The keys each dynamically translated code becomes, as the components build them. */
const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  "import regimes (landed cost)": REGIMES.map((regime) => `trade.regime.${regime}`),
  "quote warnings (landed cost)": WARNING_CODES.map((code) => `trade.warning.${code}`),
  "restriction reasons (landed cost)": RESTRICTION_REASONS,
  "incoterm badges (landed cost)": INCOTERMS.map((incoterm) => `trade.badge${incoterm}`),
  "FX rate sources (price tag)": FX_SOURCES.map((source) => `price.source${source}`),
  "product kinds (catalogue filters)": KINDS.map((kind) => `catalogue.${kind}`),
  "sort orders (catalogue filters)": SORTS.map((sort) => `catalogue.${SORT_LABELS[sort]}`),
  "cart errors (cart page, add to cart)": CART_ERROR_CODES.map((code) => `cart.error.${code}`),
  "changes since adding (cart lines)": LINE_CHANGES.map((change) => `cart.change.${change}`),
  "checkout errors (checkout page)": CHECKOUT_ERROR_CODES.map((code) => `checkout.error.${code}`),
  "delivery services (checkout page)": DELIVERY_SERVICES.map((service) => `checkout.service.${service}`),
  "withdrawal refusals (withdrawal page)": [...WITHDRAWAL_REFUSALS, "ORDER_NOT_FOUND", "INVALID_SELECTION"].map((code) => `withdrawal.refusal.${code}`),
  "withdrawal states (withdrawal page)": Object.values(WithdrawalStatus).map((status) => `withdrawal.status.${status}`),
  "order states (confirmation page)": ORDER_STATUSES.flatMap((status) => [`order.heading.${status}`, `order.status.${status}`]),
  "shipping services (order confirmation mail)": SHIPPING_SERVICES.map((service) => `mail.orderConfirmation.service.${service}`),
  "address errors (checkout address fields)": ADDRESS_ERROR_CODES.map((code) => `address.error.${code}`),
  "address field labels (checkout address fields)": ADDRESS_LABELS.map((label) => `address.label.${label}`),
  "seller product refusals (seller product pages)": SELLER_PRODUCT_ERROR_CODES.map((code) => `panel.error.${code}`),
  "seller product field errors (seller product pages)": FIELD_CODES.map((code) => `sellerProducts.fieldError.${code}`),
  "activation gaps (seller product page)": ACTIVATION_GAPS.map((gap) => `sellerProducts.gap.${gap}`),
  "product statuses, kinds, tax categories (seller product pages)": [
    ...PRODUCT_STATUSES.map((s) => `sellerProducts.status.${s}`),
    ...PRODUCT_KINDS.map((k) => `sellerProducts.kind.${k}`),
    ...TAX_CATEGORIES.map((c) => `sellerProducts.tax.${c}`),
  ],
};

/** The keys of `keys` that `catalogue` lacks or holds as anything but a non-empty string. */
function missingMessages(catalogue: unknown, keys: readonly string[]): string[] {
  return keys.filter((key) => {
    let node: unknown = catalogue;
    for (const part of key.split(".")) {
      if (node === null || typeof node !== "object" || !Object.prototype.hasOwnProperty.call(node, part)) return true;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node !== "string" || node.trim() === "";
  });
}

function load(locale: string): unknown {
  return JSON.parse(fs.readFileSync(path.resolve("messages", `${locale}.json`), "utf8"));
}

describe("missingMessages", () => {
  const fixture = {
    trade: { regime: { DOMESTIC: "Domestic", EU_IOSS: "", US_IMPORT: "   " }, warning: "not a namespace" },
    price: { sourceECB: { nested: "a namespace, not a message" } },
  };

  it("reports absent, empty, blank and non-string messages, and keys below a message", () => {
    const keys = ["trade.regime.DOMESTIC", "trade.regime.EU_IOSS", "trade.regime.US_IMPORT", "trade.regime.IMPORT", "trade.warning.TAX_PARTIAL", "price.sourceECB", "meta.siteName"];
    expect(missingMessages(fixture, keys)).toEqual(keys.slice(1));
  });

  it("does not look up inherited properties", () => {
    expect(missingMessages({}, ["constructor", "toString.name"])).toEqual(["constructor", "toString.name"]);
  });
});

describe("dynamically translated codes", () => {
  it("cover every list the components translate from", () => {
    for (const [list, keys] of Object.entries(DYNAMIC_KEYS)) expect(keys.length, list).toBeGreaterThan(0);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const catalogue = load(locale);
      for (const [list, keys] of Object.entries(DYNAMIC_KEYS)) {
        it(`translates every one of the ${list}`, () => {
          expect(missingMessages(catalogue, keys)).toEqual([]);
        });
      }
    });
  }
});
