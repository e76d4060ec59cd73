import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chargeStepMinor,
  CURRENCY_CODES,
  decimalsOf,
  isChargeable,
  isCurrencyCode,
  money,
  MoneyError,
  roundToChargeable,
  STRIPE_THREE_DECIMAL,
  STRIPE_ZERO_DECIMAL,
  stripeDecimals,
  toStripeAmount,
  UnknownCurrencyError,
} from ".";

describe("Stripe currency lists", () => {
  it("only name currencies the store knows", () => {
    for (const code of [...STRIPE_ZERO_DECIMAL, ...STRIPE_THREE_DECIMAL]) expect(isCurrencyCode(code), code).toBe(true);
  });
  it("three-decimal currencies are three-decimal in ISO too", () => {
    for (const code of STRIPE_THREE_DECIMAL) expect(decimalsOf(code), code).toBe(3);
    expect([...STRIPE_THREE_DECIMAL].sort()).toEqual(["BHD", "JOD", "KWD", "OMR", "TND"]);
  });
  it("the zero-decimal list holds JPY, KRW, VND, CLP and MGA but not EUR, ISK or HUF", () => {
    for (const code of ["JPY", "KRW", "VND", "CLP", "MGA", "XOF", "UGX"]) expect(STRIPE_ZERO_DECIMAL.has(code), code).toBe(true);
    for (const code of ["EUR", "USD", "ISK", "HUF", "KWD"]) expect(STRIPE_ZERO_DECIMAL.has(code), code).toBe(false);
  });
});

describe("stripeDecimals and chargeStepMinor", () => {
  it.each([
    ["JPY", 0, 0, 1],
    ["KRW", 0, 0, 1],
    ["EUR", 2, 2, 1],
    ["USD", 2, 2, 1],
    ["KWD", 3, 3, 10],
    ["BHD", 3, 3, 10],
    ["TND", 3, 3, 10],
    ["ISK", 0, 2, 1],
    ["MGA", 2, 0, 100],
  ])("%s: ISO %i decimals, Stripe %i, one step is %i minor units", (code, iso, stripe, step) => {
    expect(decimalsOf(code)).toBe(iso);
    expect(stripeDecimals(code)).toBe(stripe);
    expect(chargeStepMinor(code)).toBe(step);
  });
  it("refuses unknown currencies", () => {
    expect(() => chargeStepMinor("XXX")).toThrow(UnknownCurrencyError);
    expect(() => stripeDecimals("XXX")).toThrow(UnknownCurrencyError);
  });
});

describe("roundToChargeable", () => {
  it("rounds three-decimal currencies to a multiple of 10, halves away from zero", () => {
    expect(roundToChargeable(money(5124, "KWD"))).toEqual(money(5120, "KWD"));
    expect(roundToChargeable(money(5125, "KWD"))).toEqual(money(5130, "KWD"));
    expect(roundToChargeable(money(5126, "KWD"))).toEqual(money(5130, "KWD"));
    expect(roundToChargeable(money(5135, "KWD"))).toEqual(money(5140, "KWD"));
    expect(roundToChargeable(money(5120, "KWD"))).toEqual(money(5120, "KWD"));
    expect(roundToChargeable(money(-5124, "KWD"))).toEqual(money(-5120, "KWD"));
    expect(roundToChargeable(money(-5125, "KWD"))).toEqual(money(-5130, "KWD"));
    expect(roundToChargeable(money(4, "BHD"))).toEqual(money(0, "BHD"));
    expect(roundToChargeable(money(5, "OMR"))).toEqual(money(10, "OMR"));
  });
  it("rounds MGA to whole ariary (100 ISO minor units)", () => {
    expect(roundToChargeable(money(12349, "MGA"))).toEqual(money(12300, "MGA"));
    expect(roundToChargeable(money(12350, "MGA"))).toEqual(money(12400, "MGA"));
    expect(roundToChargeable(money(-12350, "MGA"))).toEqual(money(-12400, "MGA"));
  });
  it("leaves currencies whose every minor unit is chargeable alone", () => {
    for (const m of [money(1234, "EUR"), money(1, "USD"), money(1999, "JPY"), money(7, "ISK"), money(-3, "KRW")]) {
      expect(roundToChargeable(m)).toEqual(m);
    }
  });
});

describe("isChargeable", () => {
  it("tests for a whole number of steps, negative amounts included", () => {
    expect(isChargeable(money(5120, "KWD"))).toBe(true);
    expect(isChargeable(money(5125, "KWD"))).toBe(false);
    expect(isChargeable(money(1, "KWD"))).toBe(false);
    expect(isChargeable(money(-10, "KWD"))).toBe(true);
    expect(isChargeable(money(-5, "KWD"))).toBe(false);
    expect(isChargeable(money(100, "MGA"))).toBe(true);
    expect(isChargeable(money(150, "MGA"))).toBe(false);
    expect(isChargeable(money(1, "EUR"))).toBe(true);
    expect(isChargeable(money(1, "JPY"))).toBe(true);
    expect(isChargeable(money(1, "ISK"))).toBe(true);
  });
});

describe("toStripeAmount", () => {
  it("passes zero-decimal and two-decimal amounts through, lower-casing the currency", () => {
    expect(toStripeAmount(money(1234, "JPY"))).toEqual({ amount: 1234, currency: "jpy" });
    expect(toStripeAmount(money(50000, "KRW"))).toEqual({ amount: 50000, currency: "krw" });
    expect(toStripeAmount(money(1999, "EUR"))).toEqual({ amount: 1999, currency: "eur" });
  });
  it("sends three-decimal amounts in fils, ending in 0", () => {
    expect(toStripeAmount(money(5120, "KWD"))).toEqual({ amount: 5120, currency: "kwd" });
  });
  it("sends ISK in Stripe's two-decimal unit: 500 krónur is 50000", () => {
    expect(toStripeAmount(money(500, "ISK"))).toEqual({ amount: 50000, currency: "isk" });
    expect(toStripeAmount(money(1, "ISK"))).toEqual({ amount: 100, currency: "isk" });
  });
  it("sends MGA in whole ariary", () => {
    expect(toStripeAmount(money(12300, "MGA"))).toEqual({ amount: 123, currency: "mga" });
  });
  it("refuses amounts Stripe would reject", () => {
    expect(() => toStripeAmount(money(5125, "KWD"))).toThrow(MoneyError);
    expect(() => toStripeAmount(money(5121, "KWD"))).toThrow(/not chargeable/);
    expect(() => toStripeAmount(money(12350, "MGA"))).toThrow(/not chargeable/);
  });
});

describe("properties", () => {
  const currency = fc.constantFrom(...CURRENCY_CODES);
  const amount = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

  it("roundToChargeable gives a chargeable amount within half a step, rounding halves away from zero", () => {
    fc.assert(
      fc.property(currency, amount, (code, a) => {
        const step = chargeStepMinor(code);
        const rounded = roundToChargeable(money(a, code));
        expect(rounded.currency).toBe(code);
        expect(isChargeable(rounded)).toBe(true);
        const distance = Math.abs(rounded.amountMinor - a);
        expect(2 * distance).toBeLessThanOrEqual(step);
        if (2 * distance === step) expect(Math.abs(rounded.amountMinor)).toBeGreaterThan(Math.abs(a));
      }),
    );
  });

  it("roundToChargeable is idempotent and leaves chargeable amounts unchanged", () => {
    fc.assert(
      fc.property(currency, amount, (code, a) => {
        const m = money(a, code);
        const once = roundToChargeable(m);
        expect(roundToChargeable(once)).toEqual(once);
        if (isChargeable(m)) expect(once).toEqual(m);
      }),
    );
  });

  it("a rounded amount always reaches Stripe as a whole number of its smallest unit", () => {
    fc.assert(
      fc.property(currency, amount, (code, a) => {
        const rounded = roundToChargeable(money(a, code));
        const sent = toStripeAmount(rounded);
        expect(Number.isSafeInteger(sent.amount)).toBe(true);
        expect(sent.currency).toBe(code.toLowerCase());
        // same value: Stripe units scaled back to ISO minor units
        const shift = stripeDecimals(code) - decimalsOf(code);
        expect(sent.amount * 10 ** Math.max(0, -shift)).toBe(rounded.amountMinor * 10 ** Math.max(0, shift));
      }),
    );
  });

  it("toStripeAmount refuses exactly the amounts isChargeable rejects", () => {
    fc.assert(
      fc.property(fc.constantFrom("KWD", "BHD", "JOD", "OMR", "TND", "MGA"), amount, (code, a) => {
        const m = money(a, code);
        if (isChargeable(m)) expect(() => toStripeAmount(m)).not.toThrow();
        else expect(() => toStripeAmount(m)).toThrow(MoneyError);
      }),
    );
  });
});
