/**
 * Properties over random carts: exact sums, nothing negative, one quote per parcel adds
 * up to the cart's, and the same cart quoted in another currency agrees within rounding.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertMoney } from "@/lib/domain/fx";
import { money, type CurrencyCode, type Money } from "@/lib/domain/money";
import { quoteLandedCost } from "./engine";
import { SUPPORTED_DESTINATIONS } from "./rules";
import { fxOn } from "./test-support";
import type { ParcelInput, Quote, QuoteInput, QuoteItemInput } from "./types";

const ORIGINS = ["CN", "JP", "US", "GB", "DE", "FR", "KR", "AU", "CA", "MX", "IN", "CH", "BR", "AE", "KE", "TH", "HK"];
const DATES = ["2025-09-01", "2026-06-30", "2026-07-01", "2027-03-15", "2028-07-01"];
const PRICE_CURRENCIES: CurrencyCode[] = ["EUR", "USD", "JPY", "GBP", "KWD", "KRW", "CNY", "AUD"];
const HS_CODES = ["610910", "61091000", "090210", "490199", "420222", "910211", "851762", "847130", "220421", "120991"];

const amount = fc.record({ amountMinor: fc.integer({ min: 0, max: 300_000 }), currency: fc.constantFrom(...PRICE_CURRENCIES) }).map((a) => money(a.amountMinor, a.currency));

const physicalItem: fc.Arbitrary<QuoteItemInput> = fc.record({
  kind: fc.constant("physical" as const),
  hsCode: fc.constantFrom(...HS_CODES),
  taxCategory: fc.constantFrom("standard" as const, "book" as const),
  quantity: fc.integer({ min: 1, max: 5 }),
  unitPrice: amount,
});

const digitalItem: fc.Arbitrary<QuoteItemInput> = fc.record({
  kind: fc.constant("digital" as const),
  taxCategory: fc.constantFrom("standard" as const, "ebook" as const),
  quantity: fc.integer({ min: 1, max: 3 }),
  unitPrice: amount,
});

const parcelArb: fc.Arbitrary<ParcelInput> = fc.record(
  {
    origin: fc.constantFrom(...ORIGINS),
    shipping: amount,
    items: fc.array(fc.oneof({ arbitrary: physicalItem, weight: 3 }, { arbitrary: digitalItem, weight: 1 }), { minLength: 1, maxLength: 4 }),
    incoterm: fc.constantFrom("DDP" as const, "DAP" as const),
  },
  { requiredKeys: ["origin", "shipping", "items"] },
);

const cartArb = (destinations: readonly string[] = SUPPORTED_DESTINATIONS): fc.Arbitrary<QuoteInput> =>
  fc.record({
    destination: fc.constantFrom(...destinations),
    date: fc.constantFrom(...DATES),
    currency: fc.constantFrom<CurrencyCode>("EUR", "USD", "JPY", "KWD", "GBP"),
    mode: fc.constant("quote" as const),
    parcels: fc.array(parcelArb, { minLength: 1, maxLength: 3 }),
  });

function quote(input: QuoteInput): Quote {
  const result = quoteLandedCost(input, { fx: fxOn(input.date) });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.quote;
}

function moneyIn(value: unknown): Money[] {
  if (Array.isArray(value)) return value.flatMap(moneyIn);
  if (value === null || typeof value !== "object") return [];
  if ("amountMinor" in value && "currency" in value) return [value as Money];
  return Object.values(value).flatMap(moneyIn);
}

const minor = (m: Money) => m.amountMinor;
const add = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("quote properties", () => {
  it("totals are exact sums at every level", () => {
    fc.assert(
      fc.property(cartArb(), (input) => {
        const q = quote(input);
        for (const p of q.parcels) {
          expect(minor(p.total)).toBe(add([p.goods, p.shipping, p.duty, p.tax, p.fees].map(minor)));
          expect(minor(p.dueAtCheckout) + minor(p.dueOnDelivery)).toBe(minor(p.total));
          for (const key of ["goods", "shipping", "duty", "tax", "fees", "total"] as const) {
            expect(add(p.lines.map((l) => minor(l[key])))).toBe(minor(p[key]));
          }
          for (const l of p.lines) expect(minor(l.total)).toBe(add([l.goods, l.shipping, l.duty, l.tax, l.fees].map(minor)));
        }
        for (const key of ["goods", "shipping", "duty", "tax", "fees", "total", "dueAtCheckout", "dueOnDelivery"] as const) {
          expect(minor(q[key])).toBe(add(q.parcels.map((p) => minor(p[key]))));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("no amount is negative and every amount is in the quote currency", () => {
    fc.assert(
      fc.property(cartArb(), (input) => {
        const q = quote(input);
        for (const m of moneyIn(q)) {
          expect(m.amountMinor).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(m.amountMinor)).toBe(true);
          expect(m.currency).toBe(input.currency);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a cart's quote is the sum of its parcels quoted alone (consignments are independent)", () => {
    fc.assert(
      fc.property(cartArb(), (input) => {
        const whole = quote(input);
        const alone = input.parcels.map((p) => quote({ ...input, parcels: [p] }).total.amountMinor);
        expect(whole.total.amountMinor).toBe(add(alone));
      }),
      { numRuns: 150 },
    );
  });

  /*
   * Quoting in EUR and converting the total to another currency agrees with quoting in
   * that currency, within rounding. Each line rounds a handful of times (goods, shipping
   * share, duty, tax, fees, converted flat amounts), each by at most half a minor unit,
   * and errors in a base carry into what is computed from it. Over 3,000 sampled carts the
   * worst gap was 3 minor units per line in USD and 4 in JPY (a yen is smaller than a
   * cent); the bound allows about twice that. Thresholds are judged on the seller's amounts, so the regime
   * never depends on the quote currency. Switzerland is left out: its CHF 5 small-amount
   * waiver is a step that a rounding difference can cross.
   */
  it.each<[CurrencyCode]>([["USD"], ["JPY"]])("a quote in EUR and one in %s agree within rounding", (other) => {
    const destinations = SUPPORTED_DESTINATIONS.filter((d) => d !== "CH");
    fc.assert(
      fc.property(cartArb(destinations), (cart) => {
        const inEur = quote({ ...cart, currency: "EUR" });
        const inOther = quote({ ...cart, currency: other });
        expect(inOther.parcels.map((p) => p.regime)).toEqual(inEur.parcels.map((p) => p.regime));
        const converted = convertMoney(fxOn(cart.date), inEur.total, other).converted;
        const lines = add(cart.parcels.map((p) => p.items.length));
        const perLine = other === "JPY" ? 8 : 6;
        expect(Math.abs(converted.amountMinor - inOther.total.amountMinor)).toBeLessThanOrEqual(perLine * lines + 1);
      }),
      { numRuns: 200 },
    );
  });
});
