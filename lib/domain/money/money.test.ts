import { describe, expect, it } from "vitest";
import {
  add,
  assertCurrency,
  compare,
  CURRENCY_CODES,
  CurrencyMismatchError,
  decimalsOf,
  divideRoundHalfAwayFromZero,
  equals,
  fromBigInt,
  isCurrencyCode,
  isNegative,
  ISO_DECIMALS,
  money,
  MoneyError,
  MoneyRangeError,
  multiplyByRatio,
  parseDecimal,
  subtract,
  sum,
  times,
  toDecimalString,
  UnknownCurrencyError,
  zero,
} from ".";

describe("money", () => {
  it("adds amounts of one currency", () => {
    expect(add(money(150, "EUR"), money(275, "EUR"))).toEqual(money(425, "EUR"));
  });
  it("refuses to add different currencies", () => {
    expect(() => add(money(1, "EUR"), money(1, "USD"))).toThrow(CurrencyMismatchError);
  });
  it("refuses fractional minor units and unknown currencies", () => {
    expect(() => money(1.5, "EUR")).toThrow(MoneyError);
    expect(() => money(1, "XXX")).toThrow(/Unknown/);
  });
  it("formats and parses decimal strings per currency exponent", () => {
    expect(toDecimalString(money(1234, "EUR"))).toBe("12.34");
    expect(toDecimalString(money(1234, "JPY"))).toBe("1234");
    expect(toDecimalString(money(5, "KWD"))).toBe("0.005");
    expect(toDecimalString(money(-5, "EUR"))).toBe("-0.05");
    expect(parseDecimal("12.3", "EUR")).toEqual(money(1230, "EUR"));
    expect(() => parseDecimal("12.345", "EUR")).toThrow(/2 decimals/);
    expect(() => parseDecimal("1.5", "JPY")).toThrow(MoneyError);
  });
  it("rounds ratios half away from zero", () => {
    expect(multiplyByRatio(money(5, "EUR"), 1n, 2n).amountMinor).toBe(3);
    expect(multiplyByRatio(money(-5, "EUR"), 1n, 2n).amountMinor).toBe(-3);
    expect(multiplyByRatio(money(1000, "EUR"), 19n, 100n).amountMinor).toBe(190);
  });
});

describe("currencies", () => {
  it("knows the ISO 4217 exponent of each currency", () => {
    expect(decimalsOf("EUR")).toBe(2);
    expect(decimalsOf("JPY")).toBe(0);
    expect(decimalsOf("KRW")).toBe(0);
    expect(decimalsOf("ISK")).toBe(0);
    expect(decimalsOf("KWD")).toBe(3);
    expect(decimalsOf("BHD")).toBe(3);
    expect(decimalsOf("MGA")).toBe(2);
  });
  it("rejects unknown, lower-case and inherited codes", () => {
    for (const code of ["XXX", "eur", "", "EURO", "toString", "__proto__", "constructor"]) {
      expect(isCurrencyCode(code)).toBe(false);
      expect(() => assertCurrency(code)).toThrow(UnknownCurrencyError);
    }
    expect(isCurrencyCode(undefined)).toBe(false);
    expect(isCurrencyCode(978)).toBe(false);
    expect(() => decimalsOf("XXX")).toThrow(UnknownCurrencyError);
  });
  it("lists every code once, sorted, each with a 0, 2 or 3 exponent", () => {
    expect(CURRENCY_CODES).toEqual([...CURRENCY_CODES].sort());
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(CURRENCY_CODES).toEqual(Object.keys(ISO_DECIMALS).sort());
    for (const code of CURRENCY_CODES) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3]).toContain(decimalsOf(code));
    }
  });
});

describe("money arithmetic", () => {
  it("builds values and zeros", () => {
    expect(money(-250, "USD")).toEqual({ amountMinor: -250, currency: "USD" });
    expect(zero("KWD")).toEqual({ amountMinor: 0, currency: "KWD" });
    expect(() => zero("XXX")).toThrow(UnknownCurrencyError);
  });
  it("subtracts, including below zero", () => {
    expect(subtract(money(1000, "JPY"), money(250, "JPY"))).toEqual(money(750, "JPY"));
    expect(subtract(money(100, "EUR"), money(250, "EUR"))).toEqual(money(-150, "EUR"));
  });
  it("multiplies by an integer quantity", () => {
    expect(times(money(1999, "EUR"), 3)).toEqual(money(5997, "EUR"));
    expect(times(money(1999, "EUR"), -2)).toEqual(money(-3998, "EUR"));
    expect(times(money(1999, "EUR"), 0).amountMinor).toBe(0);
    expect(() => times(money(1999, "EUR"), 1.5)).toThrow(MoneyError);
    expect(() => times(money(1999, "EUR"), Number.NaN)).toThrow(MoneyError);
  });
  it("sums a list, and an empty list to zero of the currency", () => {
    expect(sum([money(100, "EUR"), money(250, "EUR"), money(-50, "EUR")], "EUR")).toEqual(money(300, "EUR"));
    expect(sum([], "KWD")).toEqual(money(0, "KWD"));
    expect(() => sum([], "XXX")).toThrow(UnknownCurrencyError);
  });
  it("compares amounts of one currency", () => {
    expect(compare(money(1, "EUR"), money(2, "EUR"))).toBe(-1);
    expect(compare(money(2, "EUR"), money(2, "EUR"))).toBe(0);
    expect(compare(money(3, "EUR"), money(2, "EUR"))).toBe(1);
    expect(compare(money(-3, "EUR"), money(2, "EUR"))).toBe(-1);
  });
  it("tells negative amounts and equal values apart", () => {
    expect(isNegative(money(-1, "EUR"))).toBe(true);
    expect(isNegative(money(0, "EUR"))).toBe(false);
    expect(isNegative(money(1, "EUR"))).toBe(false);
    expect(equals(money(5, "EUR"), money(5, "EUR"))).toBe(true);
    expect(equals(money(5, "EUR"), money(6, "EUR"))).toBe(false);
    expect(equals(money(5, "EUR"), money(5, "USD"))).toBe(false);
  });
});

describe("mismatched currencies", () => {
  const eur = money(100, "EUR");
  const jpy = money(100, "JPY");
  it("are refused by every combining operation", () => {
    expect(() => add(eur, jpy)).toThrow(CurrencyMismatchError);
    expect(() => subtract(eur, jpy)).toThrow(CurrencyMismatchError);
    expect(() => compare(eur, jpy)).toThrow(CurrencyMismatchError);
    expect(() => sum([eur, jpy], "EUR")).toThrow(CurrencyMismatchError);
    expect(() => sum([jpy], "EUR")).toThrow(CurrencyMismatchError);
  });
  it("raise an error naming both currencies that is also a MoneyError", () => {
    let caught: unknown;
    try {
      add(eur, jpy);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MoneyError);
    expect(caught).toBeInstanceOf(CurrencyMismatchError);
    expect((caught as Error).message).toBe("Cannot combine EUR with JPY");
  });
});

describe("amounts that are not safe integers", () => {
  it("are rejected when building money", () => {
    for (const bad of [0.1, -1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53, -(2 ** 53), 1e20]) {
      expect(() => money(bad, "EUR")).toThrow(MoneyError);
    }
    // Overflow is told apart from a fraction (a bug), so callers can answer it as a typed error.
    for (const big of [Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53), 1e20]) expect(() => money(big, "EUR")).toThrow(MoneyRangeError);
    for (const fraction of [0.1, -1.5, Number.NaN]) expect(() => money(fraction, "EUR")).not.toThrow(MoneyRangeError);
    expect(money(Number.MAX_SAFE_INTEGER, "EUR").amountMinor).toBe(Number.MAX_SAFE_INTEGER);
    expect(money(Number.MIN_SAFE_INTEGER, "EUR").amountMinor).toBe(Number.MIN_SAFE_INTEGER);
  });
  it("are rejected when arithmetic would leave the safe range", () => {
    const max = money(Number.MAX_SAFE_INTEGER, "EUR");
    const min = money(Number.MIN_SAFE_INTEGER, "EUR");
    expect(() => add(max, money(1, "EUR"))).toThrow(MoneyError);
    expect(() => subtract(min, money(1, "EUR"))).toThrow(MoneyError);
    expect(() => times(max, 2)).toThrow(MoneyError);
    expect(() => times(money(2 ** 30, "EUR"), 2 ** 30)).toThrow(MoneyError);
    expect(() => sum([max, money(1, "EUR")], "EUR")).toThrow(MoneyError);
    expect(() => multiplyByRatio(max, 3n, 2n)).toThrow(MoneyError);
  });
  it("are rejected when converting from BigInt", () => {
    expect(fromBigInt(9007199254740991n, "JPY").amountMinor).toBe(Number.MAX_SAFE_INTEGER);
    expect(fromBigInt(-9007199254740991n, "JPY").amountMinor).toBe(Number.MIN_SAFE_INTEGER);
    expect(() => fromBigInt(9007199254740992n, "JPY")).toThrow(MoneyError);
    expect(() => fromBigInt(-9007199254740992n, "JPY")).toThrow(MoneyError);
    expect(() => fromBigInt(1n, "XXX")).toThrow(UnknownCurrencyError);
  });
});

describe("decimal strings", () => {
  it("render every exponent, with sign and leading zeros", () => {
    expect(toDecimalString(money(0, "EUR"))).toBe("0.00");
    expect(toDecimalString(money(1, "EUR"))).toBe("0.01");
    expect(toDecimalString(money(-1234, "EUR"))).toBe("-12.34");
    expect(toDecimalString(money(-5, "JPY"))).toBe("-5");
    expect(toDecimalString(money(0, "JPY"))).toBe("0");
    expect(toDecimalString(money(1230, "KWD"))).toBe("1.230");
    expect(toDecimalString(money(-1005, "KWD"))).toBe("-1.005");
    expect(toDecimalString(money(Number.MAX_SAFE_INTEGER, "EUR"))).toBe("90071992547409.91");
  });
  it("parse exactly, padding missing fraction digits", () => {
    expect(parseDecimal("12.34", "EUR")).toEqual(money(1234, "EUR"));
    expect(parseDecimal("-12.34", "EUR")).toEqual(money(-1234, "EUR"));
    expect(parseDecimal("12", "EUR")).toEqual(money(1200, "EUR"));
    expect(parseDecimal("  0.07 ", "EUR")).toEqual(money(7, "EUR"));
    expect(parseDecimal("007.50", "EUR")).toEqual(money(750, "EUR"));
    expect(parseDecimal("1.5", "KWD")).toEqual(money(1500, "KWD"));
    expect(parseDecimal("1.005", "KWD")).toEqual(money(1005, "KWD"));
    expect(parseDecimal("1234", "JPY")).toEqual(money(1234, "JPY"));
    expect(parseDecimal("-0.00", "EUR").amountMinor).toBe(0);
    expect(parseDecimal("90071992547409.91", "EUR").amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });
  it("refuse anything that is not a plain decimal", () => {
    for (const bad of ["", " ", "12.", ".5", "+1", "1,00", "1e3", "abc", "1.2.3", "- 1", "--1", "0x10", "١٢"]) {
      expect(() => parseDecimal(bad, "EUR"), bad).toThrow(MoneyError);
    }
  });
  it("refuse more fraction digits than the currency has, and out-of-range amounts", () => {
    expect(() => parseDecimal("1.0000", "KWD")).toThrow(/KWD has 3 decimals/);
    expect(() => parseDecimal("1.0", "JPY")).toThrow(/JPY has 0 decimals/);
    expect(() => parseDecimal("90071992547409.92", "EUR")).toThrow(MoneyError);
    expect(() => parseDecimal("1", "XXX")).toThrow(UnknownCurrencyError);
  });
});

describe("divideRoundHalfAwayFromZero", () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [3n, 2n, 2n],
    [-3n, 2n, -2n],
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
    [25n, 10n, 3n],
    [-25n, 10n, -3n],
    [15n, 10n, 2n],
    [-15n, 10n, -2n],
    [24n, 10n, 2n],
    [-24n, 10n, -2n],
    [26n, 10n, 3n],
    [-26n, 10n, -3n],
    [1n, 3n, 0n],
    [-1n, 3n, 0n],
    [2n, 3n, 1n],
    [-2n, 3n, -1n],
    [249999n, 100000n, 2n],
    [250000n, 100000n, 3n],
    [-249999n, 100000n, -2n],
    [-250000n, 100000n, -3n],
    [0n, 7n, 0n],
    [12n, 4n, 3n],
    [-12n, 4n, -3n],
  ])("%d / %d = %d", (numerator, denominator, expected) => {
    expect(divideRoundHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });
  it("normalises a negative denominator", () => {
    expect(divideRoundHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(divideRoundHalfAwayFromZero(-5n, -2n)).toBe(3n);
    expect(divideRoundHalfAwayFromZero(4n, -10n)).toBe(0n);
    expect(divideRoundHalfAwayFromZero(-6n, -10n)).toBe(1n);
  });
  it("refuses a zero denominator", () => {
    expect(() => divideRoundHalfAwayFromZero(1n, 0n)).toThrow(MoneyError);
  });
  it("is exact far beyond the float range", () => {
    const big = 10n ** 30n;
    expect(divideRoundHalfAwayFromZero(big * 3n + 1n, 2n)).toBe((big * 3n) / 2n + 1n);
    expect(divideRoundHalfAwayFromZero(-(big + 1n), big)).toBe(-1n);
  });
});

describe("multiplyByRatio", () => {
  it("keeps the currency and rounds once", () => {
    expect(multiplyByRatio(money(1999, "KWD"), 1n, 3n)).toEqual(money(666, "KWD"));
    expect(multiplyByRatio(money(-1999, "KWD"), 1n, 3n)).toEqual(money(-666, "KWD"));
    expect(multiplyByRatio(money(15, "JPY"), 1n, 10n)).toEqual(money(2, "JPY"));
    expect(multiplyByRatio(money(-15, "JPY"), 1n, 10n)).toEqual(money(-2, "JPY"));
    expect(multiplyByRatio(money(1234, "EUR"), 7n, 7n)).toEqual(money(1234, "EUR"));
  });
});
