import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chainRates,
  convert,
  CURRENCY_CODES,
  decimalsOf,
  identityRate,
  invertRate,
  money,
  MoneyError,
  parseRate,
  rateToDecimalString,
  UnknownCurrencyError,
  type CurrencyCode,
  type Rate,
} from ".";
import { referenceRound } from "./test-support";


const abs = (x: bigint) => (x < 0n ? -x : x);
const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const inSafeRange = (x: bigint) => x >= -MAX && x <= MAX;

/** The exact converted amount in the quote's minor units, as a fraction [num, den] (den > 0). */
function exactConversion(amountMinor: number, rateNum: bigint, rateDen: bigint, from: string, to: string): [bigint, bigint] {
  const shift = decimalsOf(to) - decimalsOf(from);
  const num = BigInt(amountMinor) * rateNum * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const den = rateDen * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return [num, den];
}

const currency = fc.constantFrom(...CURRENCY_CODES);

/** A published decimal rate: a positive integer of digits with a decimal point somewhere. */
const rateText = fc
  .tuple(
    fc.oneof(fc.bigInt({ min: 1n, max: 1000n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 10n })),
    fc.integer({ min: 0, max: 8 }),
  )
  .map(([digits, scale]) => {
    const s = digits.toString().padStart(scale + 1, "0");
    return { text: scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`, num: digits, den: 10n ** BigInt(scale) };
  });

/** Rates between 1e-8 and 1e6, so that moderate amounts never leave the safe range. */
const moderateRateText = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 8n }), fc.integer({ min: 2, max: 8 }))
  .map(([digits, scale]) => {
    const s = digits.toString().padStart(scale + 1, "0");
    return { text: `${s.slice(0, -scale)}.${s.slice(-scale)}`, num: digits, den: 10n ** BigInt(scale) };
  });

const rateBetween = (from: fc.Arbitrary<CurrencyCode>, to: fc.Arbitrary<CurrencyCode>) =>
  fc.tuple(from, to, rateText).map(([base, quote, r]) => ({ rate: parseRate(base, quote, r.text), ...r }));

const amount = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
);

const EUR_JPY = parseRate("EUR", "JPY", "161.23");
const EUR_KWD = parseRate("EUR", "KWD", "0.3321");

describe("parseRate", () => {
  it("reads published decimals as exact, reduced fractions", () => {
    expect(EUR_JPY).toEqual({ base: "EUR", quote: "JPY", numerator: 16123n, denominator: 100n });
    expect(parseRate("EUR", "USD", "1.0824")).toEqual({ base: "EUR", quote: "USD", numerator: 1353n, denominator: 1250n });
    expect(parseRate("EUR", "KWD", "0.3321")).toMatchObject({ numerator: 3321n, denominator: 10000n });
    expect(parseRate("EUR", "GBP", "0.5")).toMatchObject({ numerator: 1n, denominator: 2n });
    expect(parseRate("EUR", "ISK", "150")).toMatchObject({ numerator: 150n, denominator: 1n });
    expect(parseRate("EUR", "ISK", "150.90")).toMatchObject({ numerator: 1509n, denominator: 10n });
  });
  it("ignores trailing zeros, leading zeros and surrounding blanks", () => {
    expect(parseRate("EUR", "JPY", "161.2300")).toEqual(EUR_JPY);
    expect(parseRate("EUR", "JPY", " 0161.23\n")).toEqual(EUR_JPY);
  });
  it.each(["0", "0.0000", "000", "-1", "-161.23", "abc", "1e5", "1E5", "", " ", ".5", "1.", "1,23", "+1", "NaN", "Infinity", "0x10", "1 000"])(
    "refuses %j",
    (value) => {
      expect(() => parseRate("EUR", "JPY", value)).toThrow(MoneyError);
    },
  );
  it("refuses unknown currencies", () => {
    expect(() => parseRate("EUR", "XXX", "1.5")).toThrow(UnknownCurrencyError);
    expect(() => parseRate("xxx", "EUR", "1.5")).toThrow(UnknownCurrencyError);
  });
});

describe("identity, inverse and chained rates", () => {
  it("identityRate is 1/1 from a currency to itself", () => {
    expect(identityRate("KWD")).toEqual({ base: "KWD", quote: "KWD", numerator: 1n, denominator: 1n });
    expect(() => identityRate("XXX")).toThrow(UnknownCurrencyError);
  });
  it("invertRate swaps both the currencies and the fraction", () => {
    expect(invertRate(EUR_JPY)).toEqual({ base: "JPY", quote: "EUR", numerator: 100n, denominator: 16123n });
    expect(invertRate(invertRate(EUR_KWD))).toEqual(EUR_KWD);
  });
  it("chainRates multiplies exactly and reduces", () => {
    // KWD -> EUR -> JPY: (10000/3321) * (16123/100) = 1612300/3321
    const kwdJpy = chainRates(invertRate(EUR_KWD), EUR_JPY);
    expect(kwdJpy).toEqual({ base: "KWD", quote: "JPY", numerator: 1612300n, denominator: 3321n });
    const usdJpy = chainRates(invertRate(parseRate("EUR", "USD", "1.0824")), EUR_JPY);
    expect(usdJpy).toEqual({ base: "USD", quote: "JPY", numerator: 403075n, denominator: 2706n });
  });
  it("chainRates refuses rates that do not meet in the middle", () => {
    expect(() => chainRates(EUR_JPY, EUR_KWD)).toThrow(MoneyError);
    expect(() => chainRates(EUR_JPY, parseRate("USD", "KWD", "0.31"))).toThrow(/Cannot chain EUR\/JPY with USD\/KWD/);
  });
});

describe("rateToDecimalString", () => {
  it("renders to six fraction digits by default, rounding half away from zero", () => {
    expect(rateToDecimalString(EUR_JPY)).toBe("161.230000");
    expect(rateToDecimalString(invertRate(EUR_JPY))).toBe("0.006202");
    expect(rateToDecimalString(invertRate(EUR_JPY), 10)).toBe("0.0062023197");
    expect(rateToDecimalString(parseRate("EUR", "USD", "0.0000005"))).toBe("0.000001");
    expect(rateToDecimalString(parseRate("EUR", "USD", "0.00000049"))).toBe("0.000000");
    expect(rateToDecimalString(parseRate("EUR", "USD", "2.5"), 0)).toBe("3");
    expect(rateToDecimalString(parseRate("EUR", "USD", "161.23"), 0)).toBe("161");
    expect(rateToDecimalString(parseRate("EUR", "USD", "1"), 2)).toBe("1.00");
  });
  it("round-trips through parseRate when the digits suffice", () => {
    fc.assert(
      fc.property(rateText, ({ text }) => {
        const rate = parseRate("EUR", "USD", text);
        expect(parseRate("EUR", "USD", rateToDecimalString(rate, 8))).toEqual(rate);
      }),
    );
  });
});

describe("convert, by hand", () => {
  it("EUR -> JPY at 161.23", () => {
    expect(convert(money(1000, "EUR"), EUR_JPY)).toEqual(money(1612, "JPY")); // 1612.3
    expect(convert(money(1999, "EUR"), EUR_JPY)).toEqual(money(3223, "JPY")); // 3222.9877
    expect(convert(money(-1999, "EUR"), EUR_JPY)).toEqual(money(-3223, "JPY"));
    expect(convert(money(1, "EUR"), EUR_JPY)).toEqual(money(2, "JPY")); // 1.6123
    expect(convert(money(31, "EUR"), EUR_JPY)).toEqual(money(50, "JPY")); // 49.9813
    expect(convert(money(0, "EUR"), EUR_JPY).amountMinor).toBe(0);
  });
  it("JPY -> EUR at 1/161.23", () => {
    const jpyEur = invertRate(EUR_JPY);
    expect(convert(money(1612, "JPY"), jpyEur)).toEqual(money(1000, "EUR")); // 999.81
    expect(convert(money(3223, "JPY"), jpyEur)).toEqual(money(1999, "EUR")); // 1999.008
    expect(convert(money(10000, "JPY"), jpyEur)).toEqual(money(6202, "EUR")); // 6202.3197
    expect(convert(money(1, "JPY"), jpyEur)).toEqual(money(1, "EUR")); // 0.62
    expect(convert(money(-1, "JPY"), jpyEur)).toEqual(money(-1, "EUR"));
  });
  it("EUR -> KWD at 0.3321 (two decimals into three)", () => {
    expect(convert(money(1000, "EUR"), EUR_KWD)).toEqual(money(3321, "KWD")); // 10 EUR = 3.321 KWD
    expect(convert(money(1999, "EUR"), EUR_KWD)).toEqual(money(6639, "KWD")); // 6638.679 fils
    expect(convert(money(1, "EUR"), EUR_KWD)).toEqual(money(3, "KWD")); // 3.321 fils
  });
  it("KWD -> EUR at 1/0.3321 (three decimals into two)", () => {
    const kwdEur = invertRate(EUR_KWD);
    expect(convert(money(3321, "KWD"), kwdEur)).toEqual(money(1000, "EUR"));
    expect(convert(money(1000, "KWD"), kwdEur)).toEqual(money(301, "EUR")); // 301.114
    expect(convert(money(2, "KWD"), kwdEur)).toEqual(money(1, "EUR")); // 0.602
    expect(convert(money(1, "KWD"), kwdEur)).toEqual(money(0, "EUR")); // 0.301
  });
  it("KWD <-> JPY through EUR (three decimals to none and back)", () => {
    const kwdJpy = chainRates(invertRate(EUR_KWD), EUR_JPY);
    expect(convert(money(1000, "KWD"), kwdJpy)).toEqual(money(485, "JPY")); // 485.486
    expect(convert(money(6639, "KWD"), kwdJpy)).toEqual(money(3223, "JPY")); // 3223.1
    expect(convert(money(485, "JPY"), invertRate(kwdJpy))).toEqual(money(999, "KWD")); // 998.999
    expect(convert(money(1, "JPY"), invertRate(kwdJpy))).toEqual(money(2, "KWD")); // 2.06
  });
  it("rounds exact halves away from zero", () => {
    const eurJpy150 = parseRate("EUR", "JPY", "150");
    expect(convert(money(1, "EUR"), eurJpy150)).toEqual(money(2, "JPY")); // 1.5
    expect(convert(money(-1, "EUR"), eurJpy150)).toEqual(money(-2, "JPY"));
    expect(convert(money(3, "EUR"), eurJpy150)).toEqual(money(5, "JPY")); // 4.5
    expect(convert(money(-3, "EUR"), eurJpy150)).toEqual(money(-5, "JPY"));
    expect(convert(money(2, "EUR"), eurJpy150)).toEqual(money(3, "JPY")); // 3.0
  });
  it("has no float drift where binary floating point would", () => {
    // 100 * 1.005 is 100.49999999999999 in floats, which would round to 100.
    expect(100 * 1.005).toBeLessThan(100.5);
    expect(convert(money(100, "EUR"), parseRate("EUR", "USD", "1.005"))).toEqual(money(101, "USD"));
    // 0.1 + 0.2 style drift: 3 * 1.1 = 3.3000000000000003 in floats; exactly 3.3 -> 3.
    expect(convert(money(3, "EUR"), parseRate("EUR", "USD", "1.1"))).toEqual(money(3, "USD"));
    expect(convert(money(1_234_567_890_123, "EUR"), parseRate("EUR", "USD", "1.0824"))).toEqual(money(1_336_296_284_269, "USD"));
  });
  it("refuses an amount in the wrong currency and results out of the safe range", () => {
    expect(() => convert(money(1000, "USD"), EUR_JPY)).toThrow(/cannot convert USD/);
    expect(() => convert(money(1000, "JPY"), EUR_JPY)).toThrow(MoneyError);
    expect(() => convert(money(Number.MAX_SAFE_INTEGER, "JPY"), parseRate("JPY", "KWD", "1000"))).toThrow(MoneyError);
  });
});

describe("convert, properties", () => {
  const anyRate = rateBetween(currency, currency);
  const moderateRate = fc
    .tuple(currency, currency, moderateRateText)
    .map(([base, quote, r]) => ({ rate: parseRate(base, quote, r.text), ...r }));
  const moderateAmount = fc.integer({ min: -1_000_000, max: 1_000_000 });

  it("matches exact BigInt arithmetic with one half-away rounding, and is always a safe integer", () => {
    fc.assert(
      fc.property(anyRate, amount, ({ rate, num, den }, a) => {
        const [n, d] = exactConversion(a, num, den, rate.base, rate.quote);
        const expected = referenceRound(n, d);
        const run = () => convert(money(a, rate.base), rate);
        if (!inSafeRange(expected)) {
          expect(run).toThrow(MoneyError);
          return;
        }
        const result = run();
        expect(result.currency).toBe(rate.quote);
        expect(Number.isSafeInteger(result.amountMinor)).toBe(true);
        expect(BigInt(result.amountMinor)).toBe(expected);
        // never further than half a minor unit from the exact value
        expect(2n * abs(BigInt(result.amountMinor) * d - n) <= d).toBe(true);
      }),
    );
  });

  it("is symmetric in sign and monotone in the amount", () => {
    fc.assert(
      fc.property(moderateRate, moderateAmount, moderateAmount, ({ rate }, a, b) => {
        const ca = convert(money(a, rate.base), rate).amountMinor;
        const cb = convert(money(b, rate.base), rate).amountMinor;
        expect(convert(money(-a, rate.base), rate).amountMinor).toBe(-ca || 0);
        if (a <= b) expect(ca).toBeLessThanOrEqual(cb);
      }),
    );
  });

  it("the identity rate is the identity", () => {
    fc.assert(
      fc.property(currency, fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (code, a) => {
        expect(convert(money(a, code), identityRate(code))).toEqual(money(a, code));
      }),
    );
  });

  it("converting there and back with the inverse stays within the rounding bound", () => {
    fc.assert(
      fc.property(moderateRate, moderateAmount, ({ rate, num, den }, a) => {
        const there = convert(money(a, rate.base), rate);
        const back = convert(there, invertRate(rate));
        expect(back.currency).toBe(rate.base);
        // With r the rate in minor units per minor unit (r = P/Q), the first rounding moves the
        // amount by at most 1/2 of a quote unit, i.e. 1/(2r) of a base unit, and the second by
        // at most 1/2: |back - a| <= (1 + r) / (2r), i.e. 2|back - a|P <= P + Q.
        const [P, Q] = exactConversion(1, num, den, rate.base, rate.quote);
        const drift = abs(BigInt(back.amountMinor) - BigInt(a));
        expect(2n * drift * P <= P + Q).toBe(true);
        // When one base minor unit is worth more than one quote minor unit, the round trip is exact.
        if (P > Q) expect(drift).toBe(0n);
      }),
    );
  });

  it("chaining two rates then converting equals the exact rational result", () => {
    const chain = fc
      .tuple(currency, currency, currency, rateText, rateText)
      .map(([x, y, z, r1, r2]) => ({ first: parseRate(x, y, r1.text), second: parseRate(y, z, r2.text), r1, r2 }));
    fc.assert(
      fc.property(chain, amount, ({ first, second, r1, r2 }, a) => {
        const chained = chainRates(first, second);
        expect(chained.base).toBe(first.base);
        expect(chained.quote).toBe(second.quote);
        // same value as the product, in lowest terms
        expect(chained.numerator * r1.den * r2.den).toBe(r1.num * r2.num * chained.denominator);
        const g = (x: bigint, y: bigint): bigint => (y === 0n ? x : g(y, x % y));
        expect(g(chained.numerator, chained.denominator)).toBe(1n);

        const [n, d] = exactConversion(a, r1.num * r2.num, r1.den * r2.den, first.base, second.quote);
        const expected = referenceRound(n, d);
        if (!inSafeRange(expected)) {
          expect(() => convert(money(a, first.base), chained)).toThrow(MoneyError);
        } else {
          expect(BigInt(convert(money(a, first.base), chained).amountMinor)).toBe(expected);
        }
      }),
    );
  });

  it("a rate chained with its inverse is the identity rate", () => {
    fc.assert(
      fc.property(anyRate, ({ rate }) => {
        expect(chainRates(rate, invertRate(rate))).toEqual(identityRate(rate.base));
      }),
    );
  });

  it("chaining is associative", () => {
    const three = fc
      .tuple(currency, currency, currency, currency, rateText, rateText, rateText)
      .map(([w, x, y, z, a, b, c]) => [parseRate(w, x, a.text), parseRate(x, y, b.text), parseRate(y, z, c.text)] as const);
    fc.assert(
      fc.property(three, ([a, b, c]: readonly [Rate, Rate, Rate]) => {
        expect(chainRates(chainRates(a, b), c)).toEqual(chainRates(a, chainRates(b, c)));
      }),
    );
  });
});
