import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  CURRENCY_CODES,
  decimalsOf,
  divideRoundHalfAwayFromZero,
  money,
  MoneyError,
  multiplyByRatio,
  parseDecimal,
  subtract,
  sum,
  toDecimalString,
  zero,
  type Money,
} from ".";
import { referenceRound } from "./test-support";


const currency = fc.constantFrom(...CURRENCY_CODES);
const safeAmount = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const anyMoney = fc.tuple(safeAmount, currency).map(([amount, code]) => money(amount, code));
/** Amounts small enough that a list of them never leaves the safe range. */
const modest = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
const nonZeroBigInt = fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }).filter((d) => d !== 0n);

describe("decimal string round trip", () => {
  it("parseDecimal(toDecimalString(m)) gives m back, for every currency and safe amount", () => {
    fc.assert(
      fc.property(anyMoney, (m) => {
        expect(parseDecimal(toDecimalString(m), m.currency)).toEqual(m);
      }),
    );
  });

  it("toDecimalString(parseDecimal(s)) gives back any canonical decimal string", () => {
    const canonical = currency.chain((code) => {
      const decimals = decimalsOf(code);
      const whole = fc.oneof(fc.constant("0"), fc.stringMatching(/^[1-9]\d{0,10}$/));
      const fraction = fc.stringMatching(new RegExp(`^\\d{${decimals}}$`));
      return fc.tuple(fc.boolean(), whole, fraction).map(([negative, w, f]) => {
        const body = decimals > 0 ? `${w}.${f}` : w;
        const isZero = /^[0.]+$/.test(body);
        return { code, text: (negative && !isZero ? "-" : "") + body };
      });
    });
    fc.assert(
      fc.property(canonical, ({ code, text }) => {
        expect(toDecimalString(parseDecimal(text, code))).toBe(text);
      }),
    );
  });

  it("a decimal string always carries exactly the currency's fraction digits", () => {
    fc.assert(
      fc.property(anyMoney, (m) => {
        const decimals = decimalsOf(m.currency);
        const pattern = decimals === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${decimals}}$`);
        expect(toDecimalString(m)).toMatch(pattern);
      }),
    );
  });

  it("parseDecimal refuses a value with one fraction digit too many", () => {
    fc.assert(
      fc.property(anyMoney, fc.integer({ min: 1, max: 9 }), (m, digit) => {
        const text = toDecimalString(m);
        const tooPrecise = decimalsOf(m.currency) === 0 ? `${text}.${digit}` : `${text}${digit}`;
        expect(() => parseDecimal(tooPrecise, m.currency)).toThrow(MoneyError);
      }),
    );
  });
});

describe("sum", () => {
  it("equals reducing with add from zero, and the plain integer sum", () => {
    fc.assert(
      fc.property(currency, fc.array(modest, { maxLength: 40 }), (code, amounts) => {
        const items = amounts.map((a) => money(a, code));
        const total = sum(items, code);
        expect(total).toEqual(items.reduce((acc, item) => add(acc, item), zero(code)));
        expect(total.amountMinor).toBe(amounts.reduce((acc, a) => acc + a, 0));
        expect(total.currency).toBe(code);
      }),
    );
  });

  it("does not depend on the order of the list", () => {
    fc.assert(
      fc.property(
        currency,
        fc.array(modest, { maxLength: 30 }).chain((amounts) => fc.tuple(fc.constant(amounts), fc.shuffledSubarray(amounts, { minLength: amounts.length }))),
        (code, [amounts, shuffled]) => {
          expect(sum(shuffled.map((a) => money(a, code)), code)).toEqual(sum(amounts.map((a) => money(a, code)), code));
        },
      ),
    );
  });

  it("refuses a list holding another currency anywhere", () => {
    fc.assert(
      fc.property(fc.array(modest, { maxLength: 10 }), fc.nat(), modest, (amounts, where, odd) => {
        const items: Money[] = amounts.map((a) => money(a, "EUR"));
        items.splice(where % (items.length + 1), 0, money(odd, "USD"));
        expect(() => sum(items, "EUR")).toThrow(MoneyError);
      }),
    );
  });
});

describe("add and subtract", () => {
  it("add is commutative and subtract undoes it", () => {
    fc.assert(
      fc.property(currency, modest, modest, (code, a, b) => {
        const x = money(a, code);
        const y = money(b, code);
        expect(add(x, y)).toEqual(add(y, x));
        expect(subtract(add(x, y), y)).toEqual(x);
        expect(compare(add(x, y), x)).toBe(Math.sign(b) === 0 ? 0 : Math.sign(b));
      }),
    );
  });

  it("either returns the exact result or throws, never a rounded float", () => {
    fc.assert(
      fc.property(safeAmount, safeAmount, (a, b) => {
        const exact = BigInt(a) + BigInt(b);
        const inRange = exact >= BigInt(Number.MIN_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER);
        if (inRange) expect(BigInt(add(money(a, "EUR"), money(b, "EUR")).amountMinor)).toBe(exact);
        else expect(() => add(money(a, "EUR"), money(b, "EUR"))).toThrow(MoneyError);
      }),
    );
  });
});

describe("divideRoundHalfAwayFromZero", () => {
  it("matches an independent reference for any numerator and denominator", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), nonZeroBigInt, (n, d) => {
        expect(divideRoundHalfAwayFromZero(n, d)).toBe(referenceRound(n, d));
      }),
    );
  });

  it("is never more than half a unit away from the exact quotient", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), nonZeroBigInt, (n, d) => {
        const q = divideRoundHalfAwayFromZero(n, d);
        const error = q * d - n;
        const abs = (x: bigint) => (x < 0n ? -x : x);
        expect(2n * abs(error) <= abs(d)).toBe(true);
      }),
    );
  });

  it("rounds exact halves away from zero, and anything below a half toward zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (q, half) => {
        const d = 2n * half;
        const atHalf = q * d + half;
        expect(divideRoundHalfAwayFromZero(atHalf, d)).toBe(q + 1n);
        expect(divideRoundHalfAwayFromZero(-atHalf, d)).toBe(-(q + 1n));
        expect(divideRoundHalfAwayFromZero(atHalf - 1n, d)).toBe(q);
        expect(divideRoundHalfAwayFromZero(-(atHalf - 1n), d)).toBe(-q);
      }),
    );
  });

  it("is odd-symmetric: f(-n, d) = -f(n, d) = f(n, -d)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), nonZeroBigInt, (n, d) => {
        const f = divideRoundHalfAwayFromZero(n, d);
        expect(divideRoundHalfAwayFromZero(-n, d)).toBe(-f);
        expect(divideRoundHalfAwayFromZero(n, -d)).toBe(-f);
      }),
    );
  });
});

describe("multiplyByRatio", () => {
  it("is exact rational arithmetic with one rounding", () => {
    fc.assert(
      fc.property(
        currency,
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.bigInt({ min: -1_000_000n, max: 1_000_000n }),
        fc.bigInt({ min: 1n, max: 1_000_000n }),
        (code, amount, n, d) => {
          const result = multiplyByRatio(money(amount, code), n, d);
          expect(result.currency).toBe(code);
          expect(BigInt(result.amountMinor)).toBe(referenceRound(BigInt(amount) * n, d));
        },
      ),
    );
  });

  it("a ratio of one is the identity", () => {
    fc.assert(
      fc.property(anyMoney, fc.bigInt({ min: 1n, max: 10n ** 12n }), (m, k) => {
        expect(multiplyByRatio(m, k, k)).toEqual(m);
      }),
    );
  });
});
