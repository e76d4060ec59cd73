import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chargeStepMinor, decimalsOf, invertRate, money, MoneyError, parseRate, type CurrencyCode } from "@/lib/domain/money";
import {
  ageInDays,
  buildFxTable,
  convertMoney,
  crossRate,
  isStale,
  scaledRate,
  MissingRateError,
  STALE_AFTER_DAYS,
  type EurRate,
  type FxSource,
} from ".";
import { referenceRound } from "@/lib/domain/money/test-support";


const entry = (quote: CurrencyCode, rate: string, date: string, source: FxSource = "ECB"): EurRate => ({ quote, rate, date, source });

const RATES: EurRate[] = [
  entry("USD", "1.0824", "2026-11-27"),
  entry("JPY", "161.23", "2026-11-27"),
  entry("GBP", "0.85713", "2026-11-26"),
  entry("KWD", "0.3321", "2026-11-20", "MANUAL"),
  entry("MGA", "4987.65", "2026-11-25", "MANUAL"),
];
const table = buildFxTable(RATES);

describe("buildFxTable", () => {
  it("indexes rates by currency and dates the table by its newest rate", () => {
    expect(table.date).toBe("2026-11-27");
    expect([...table.rates.keys()].sort()).toEqual(["GBP", "JPY", "KWD", "MGA", "USD"]);
    expect(table.rates.get("KWD")).toEqual(entry("KWD", "0.3321", "2026-11-20", "MANUAL"));
  });
  it("keeps the newest rate per currency whatever the input order", () => {
    const history = [
      entry("USD", "1.0811", "2026-11-25"),
      entry("USD", "1.0824", "2026-11-27"),
      entry("USD", "1.0798", "2026-11-26"),
      entry("JPY", "160.87", "2026-11-26"),
    ];
    for (const order of [history, [...history].reverse(), [history[2]!, history[1]!, history[3]!, history[0]!]]) {
      const t = buildFxTable(order);
      expect(t.rates.get("USD")?.rate).toBe("1.0824");
      expect(t.rates.get("JPY")?.rate).toBe("160.87");
      expect(t.date).toBe("2026-11-27");
    }
  });
  it("lets a manual rate replace an older ECB one and the other way round", () => {
    const t = buildFxTable([entry("KWD", "0.3300", "2026-11-01", "MANUAL"), entry("KWD", "0.3321", "2026-11-20", "ECB")]);
    expect(t.rates.get("KWD")).toEqual(entry("KWD", "0.3321", "2026-11-20", "ECB"));
  });
  it("builds an empty table from no rates", () => {
    const t = buildFxTable([]);
    expect(t.rates.size).toBe(0);
    expect(t.date).toBe("");
  });
  it("always holds, per currency, the entry with the latest date", () => {
    const entries = fc.array(
      fc.record({
        quote: fc.constantFrom<CurrencyCode>("USD", "JPY", "GBP", "KWD"),
        rate: fc.constantFrom("1", "2.5", "161.23"),
        date: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        source: fc.constantFrom<FxSource>("ECB", "MANUAL"),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(entries, (list) => {
        const t = buildFxTable(list);
        for (const [code, kept] of t.rates) {
          const newest = list.filter((e) => e.quote === code).reduce((max, e) => (e.date > max ? e.date : max), "");
          expect(kept.date).toBe(newest);
          expect(list).toContain(kept);
        }
        expect(t.rates.size).toBe(new Set(list.map((e) => e.quote)).size);
        expect(t.date).toBe(list.reduce((max, e) => (e.date > max ? e.date : max), ""));
      }),
    );
  });
});

describe("crossRate", () => {
  it("USD -> JPY is JPY/EUR divided by USD/EUR, exactly", () => {
    // (161.23 / 1.0824) = (16123/100) * (10000/10824) = 403075/2706
    const { rate, dates, sources } = crossRate(table, "USD", "JPY");
    expect(rate).toEqual({ base: "USD", quote: "JPY", numerator: 403075n, denominator: 2706n });
    expect(rate.numerator * 10824n * 100n).toBe(16123n * 10000n * rate.denominator);
    expect(dates).toEqual(["2026-11-27", "2026-11-27"]);
    expect(sources).toEqual(["ECB"]);
  });
  it("uses a table rate as is from EUR and inverted into EUR", () => {
    expect(crossRate(table, "EUR", "JPY").rate).toEqual(parseRate("EUR", "JPY", "161.23"));
    expect(crossRate(table, "JPY", "EUR").rate).toEqual(invertRate(parseRate("EUR", "JPY", "161.23")));
    expect(crossRate(table, "EUR", "KWD").dates).toEqual(["2026-11-20"]);
  });
  it("is the identity, using no rates, for one currency", () => {
    expect(crossRate(table, "CHF", "CHF")).toEqual({ rate: { base: "CHF", quote: "CHF", numerator: 1n, denominator: 1n }, dates: [], sources: [] });
  });
  it("reports each source once", () => {
    expect(crossRate(table, "USD", "KWD").sources.sort()).toEqual(["ECB", "MANUAL"]);
    expect(crossRate(table, "KWD", "MGA").sources).toEqual(["MANUAL"]);
  });
  it("throws MissingRateError naming the currency without a rate", () => {
    let caught: unknown;
    try {
      crossRate(table, "USD", "CHF");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MissingRateError);
    expect(caught).toBeInstanceOf(MoneyError);
    expect((caught as MissingRateError).currency).toBe("CHF");
    expect(() => crossRate(table, "CHF", "USD")).toThrow(/No exchange rate for CHF/);
    expect(() => crossRate(buildFxTable([]), "EUR", "USD")).toThrow(MissingRateError);
  });
  it("for any two table rates, crossing through EUR equals quote/EUR over base/EUR", () => {
    const rate = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }))
      .map(([digits, scale]) => {
        const s = digits.toString().padStart(scale + 1, "0");
        return { text: scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`, n: digits, d: 10n ** BigInt(scale) };
      });
    fc.assert(
      fc.property(rate, rate, (a, b) => {
        const t = buildFxTable([entry("USD", a.text, "2026-11-27"), entry("JPY", b.text, "2026-11-27")]);
        const { rate: usdJpy } = crossRate(t, "USD", "JPY");
        // usdJpy = (b.n/b.d) / (a.n/a.d)
        expect(usdJpy.numerator * b.d * a.n).toBe(b.n * a.d * usdJpy.denominator);
        const { rate: jpyUsd } = crossRate(t, "JPY", "USD");
        expect(jpyUsd).toEqual(invertRate(usdJpy));
      }),
    );
  });
});

describe("scaledRate", () => {
  it("scales the cross rate by the difference in decimals, either way", () => {
    // JPY (0 decimals) -> USD cents (2): 100 x 1.0824 / 161.23 = 10824 / 16123, exactly.
    const yenToCents = scaledRate(table, "JPY", "USD");
    expect(yenToCents.numerator * 16123n).toBe(yenToCents.denominator * 10824n);
    // USD cents -> millionths of a euro: 10^4 / 1.0824 = 10^8 / 10824.
    const centsToMicroEur = scaledRate(table, "USD", "EUR", { to: 6 });
    expect(centsToMicroEur.numerator * 10824n).toBe(centsToMicroEur.denominator * 100_000_000n);
    // Millionths of a euro -> fils (3 decimals): 10^-3 x 0.3321.
    const microEurToFils = scaledRate(table, "EUR", "KWD", { from: 6 });
    expect(microEurToFils.numerator * 1000n * 10_000n).toBe(microEurToFils.denominator * 3321n);
  });

  it("is the identity between a currency and itself", () => {
    expect(scaledRate(table, "EUR", "EUR")).toEqual({ numerator: 1n, denominator: 1n });
  });
});

describe("convertMoney", () => {
  it("converts through EUR with one rounding", () => {
    expect(convertMoney(table, money(1999, "EUR"), "JPY").converted).toEqual(money(3223, "JPY"));
    // 1000 USD-cents = 10 USD -> 10 * 403075/2706 = 1489.56 yen
    expect(convertMoney(table, money(1000, "USD"), "JPY").converted).toEqual(money(1490, "JPY"));
    // 1490 yen -> 1490 * 2706/403075 = 10.0029 USD
    expect(convertMoney(table, money(1490, "JPY"), "USD").converted).toEqual(money(1000, "USD"));
  });
  it("returns the original amount, the exact rate, the oldest date used and the sources", () => {
    const c = convertMoney(table, money(1000, "USD"), "KWD");
    expect(c.original).toEqual(money(1000, "USD"));
    expect(c.converted).toEqual(money(3068, "KWD")); // 10 / 1.0824 * 0.3321 = 3.06818 KWD
    expect(c.rate).toEqual({ base: "USD", quote: "KWD", numerator: 27n, denominator: 88n });
    expect(c.rateDate).toBe("2026-11-20");
    expect(c.sources.sort()).toEqual(["ECB", "MANUAL"]);
  });
  it("dates a conversion by the oldest rate used, not by the table", () => {
    expect(convertMoney(table, money(1000, "GBP"), "JPY").rateDate).toBe("2026-11-26");
    expect(convertMoney(table, money(1000, "JPY"), "GBP").rateDate).toBe("2026-11-26");
    expect(convertMoney(table, money(1000, "EUR"), "GBP").rateDate).toBe("2026-11-26");
    expect(convertMoney(table, money(1000, "MGA"), "KWD").rateDate).toBe("2026-11-20");
  });
  it("dates a same-currency conversion by the table and changes nothing", () => {
    const c = convertMoney(table, money(1234, "CHF"), "CHF");
    expect(c.converted).toEqual(money(1234, "CHF"));
    expect(c.rateDate).toBe("2026-11-27");
    expect(c.sources).toEqual([]);
  });
  it("leaves fils as they are without `chargeable`", () => {
    expect(convertMoney(table, money(1999, "EUR"), "KWD").converted).toEqual(money(6639, "KWD")); // 6638.679
    expect(convertMoney(table, money(1999, "EUR"), "KWD", { chargeable: false }).converted).toEqual(money(6639, "KWD"));
  });
  it("with `chargeable`, rounds KWD to 10 fils", () => {
    expect(convertMoney(table, money(1999, "EUR"), "KWD", { chargeable: true }).converted).toEqual(money(6640, "KWD"));
    expect(convertMoney(table, money(1000, "EUR"), "KWD", { chargeable: true }).converted).toEqual(money(3320, "KWD")); // 3321
    expect(convertMoney(table, money(-1999, "EUR"), "KWD", { chargeable: true }).converted).toEqual(money(-6640, "KWD"));
    expect(convertMoney(table, money(1000, "USD"), "KWD", { chargeable: true }).converted).toEqual(money(3070, "KWD")); // 3068.18
  });
  it("with `chargeable`, rounds MGA to whole ariary and leaves JPY and EUR alone", () => {
    // 10 EUR * 4987.65 = 49876.50 MGA -> 49877 ariary
    expect(convertMoney(table, money(1000, "EUR"), "MGA", { chargeable: true }).converted).toEqual(money(4987700, "MGA"));
    expect(convertMoney(table, money(1999, "EUR"), "JPY", { chargeable: true }).converted).toEqual(money(3223, "JPY"));
    expect(convertMoney(table, money(1490, "JPY"), "USD", { chargeable: true }).converted).toEqual(money(1000, "USD"));
  });
  it("with `chargeable`, rounds the exact value once, not the already rounded fils again", () => {
    // 1.37 EUR * 0.3321 = 0.454977 KWD: 454.977 fils is nearer 450 than 460
    // (rounding to 455 fils first, then to 10 fils, would give 460).
    expect(convertMoney(table, money(137, "EUR"), "KWD").converted).toEqual(money(455, "KWD"));
    expect(convertMoney(table, money(137, "EUR"), "KWD", { chargeable: true }).converted).toEqual(money(450, "KWD"));
    expect(convertMoney(table, money(-137, "EUR"), "KWD", { chargeable: true }).converted).toEqual(money(-450, "KWD"));
    // 10 EUR * 0.33245 = 3.3245 KWD: 3324.5 fils -> 3320, not 3325 -> 3330
    const t = buildFxTable([entry("KWD", "0.33245", "2026-11-27", "MANUAL")]);
    expect(convertMoney(t, money(1000, "EUR"), "KWD", { chargeable: true }).converted).toEqual(money(3320, "KWD"));
    // an exact half step still goes away from zero: 10 EUR * 0.3325 = 3325 fils -> 3330
    const half = buildFxTable([entry("KWD", "0.3325", "2026-11-27", "MANUAL")]);
    expect(convertMoney(half, money(1000, "EUR"), "KWD", { chargeable: true }).converted).toEqual(money(3330, "KWD"));
    expect(convertMoney(half, money(-1000, "EUR"), "KWD", { chargeable: true }).converted).toEqual(money(-3330, "KWD"));
  });
  it("throws MissingRateError for a currency without a rate", () => {
    expect(() => convertMoney(table, money(1000, "EUR"), "CHF")).toThrow(MissingRateError);
    expect(() => convertMoney(table, money(1000, "CHF"), "EUR")).toThrow(MissingRateError);
  });
  it("with `chargeable`, is the exact value rounded once to the nearest chargeable amount", () => {
    const codes: CurrencyCode[] = ["EUR", "USD", "JPY", "GBP", "KWD", "MGA"];
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom(...codes),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        (from, to, amount) => {
          const { converted, rate } = convertMoney(table, money(amount, from), to, { chargeable: true });
          const step = BigInt(chargeStepMinor(to));
          const shift = decimalsOf(to) - decimalsOf(from);
          const n = BigInt(amount) * rate.numerator * 10n ** BigInt(Math.max(0, shift));
          const d = rate.denominator * 10n ** BigInt(Math.max(0, -shift));
          expect(converted.currency).toBe(to);
          expect(BigInt(converted.amountMinor)).toBe(referenceRound(n, d * step) * step);
        },
      ),
    );
  });
});

describe("staleness", () => {
  const at = (date: string) => buildFxTable([entry("USD", "1.0824", date)]);

  it("is stale after seven days", () => {
    expect(STALE_AFTER_DAYS).toBe(7);
  });
  it("counts whole days between the table date and today", () => {
    expect(ageInDays(at("2026-11-20"), "2026-11-20")).toBe(0);
    expect(ageInDays(at("2026-11-20"), "2026-11-21")).toBe(1);
    expect(ageInDays(at("2026-11-20"), "2026-11-27")).toBe(7);
    expect(ageInDays(at("2026-11-20"), "2026-11-28")).toBe(8);
    expect(ageInDays(at("2026-12-28"), "2027-01-04")).toBe(7);
    expect(ageInDays(at("2028-02-28"), "2028-03-01")).toBe(2); // leap year
    expect(ageInDays(at("2027-02-28"), "2027-03-01")).toBe(1);
    expect(ageInDays(at("2026-03-28"), "2026-03-30")).toBe(2); // across a DST change in Europe
    expect(ageInDays(at("2026-11-27"), "2026-11-20")).toBe(-7);
  });
  it("a table seven days old is not stale; eight days old is", () => {
    expect(isStale(at("2026-11-20"), "2026-11-20")).toBe(false);
    expect(isStale(at("2026-11-20"), "2026-11-27")).toBe(false);
    expect(isStale(at("2026-11-20"), "2026-11-28")).toBe(true);
    expect(isStale(at("2026-12-28"), "2027-01-05")).toBe(true);
    expect(isStale(at("2026-11-27"), "2026-11-20")).toBe(false);
  });
  it("goes by the table's newest rate", () => {
    const t = buildFxTable([entry("KWD", "0.3321", "2026-10-01", "MANUAL"), entry("USD", "1.0824", "2026-11-27")]);
    expect(ageInDays(t, "2026-12-04")).toBe(7);
    expect(isStale(t, "2026-12-04")).toBe(false);
    expect(isStale(t, "2026-12-05")).toBe(true);
  });
  it("agrees with the day count for any pair of dates", () => {
    const day = fc.integer({ min: 0, max: 20_000 });
    const iso = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, (a, b) => {
        const t = at(iso(a));
        expect(ageInDays(t, iso(b))).toBe(b - a);
        expect(isStale(t, iso(b))).toBe(b - a > STALE_AFTER_DAYS);
      }),
    );
  });
});

describe("staleness fails closed", () => {
  it("treats an empty table and an unreadable date as stale", async () => {
    const { buildFxTable: build, isStale: stale, isRateDateStale } = await import("./table");
    expect(stale(build([]), "2026-11-28")).toBe(true);
    expect(isRateDateStale("not-a-date", "2026-11-28")).toBe(true);
    expect(isRateDateStale("2026-11-21", "2026-11-28")).toBe(false);
    expect(isRateDateStale("2026-11-20", "2026-11-28")).toBe(true);
  });
});
