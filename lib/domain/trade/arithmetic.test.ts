import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "@/lib/domain/money";
import { allocateProportionally, weightsFromRatios } from "./allocate";
import { applyGrossedUpPercent, applyPercent, percentToRatio } from "./percent";

describe("percent rates", () => {
  it("parses published percents exactly", () => {
    expect(percentToRatio("25.5")).toEqual({ numerator: 255n, denominator: 1000n });
    expect(percentToRatio("19")).toEqual({ numerator: 19n, denominator: 100n });
    expect(() => percentToRatio("-1" as never)).toThrow();
  });

  it("applies a rate with one rounding, half away from zero", () => {
    expect(applyPercent(money(2300, "EUR"), "5.5")).toEqual(money(127, "EUR")); // 126.5
    expect(applyPercent(money(3438, "EUR"), "19")).toEqual(money(653, "EUR")); // 653.22
    expect(applyPercent(money(5, "KWD"), "10")).toEqual(money(1, "KWD")); // 0.5
  });

  it("grosses up a tax charged on a tax-inclusive base", () => {
    // 7200 x 17/83 = 1474.70
    expect(applyGrossedUpPercent(money(7200, "USD"), "17")).toEqual(money(1475, "USD"));
  });
});

describe("proportional allocation", () => {
  it("splits by the largest remainder, ties to the earlier line", () => {
    expect(allocateProportionally(money(500, "EUR"), [5000n, 1200n, 4000n]).map((m) => m.amountMinor)).toEqual([245, 59, 196]);
    expect(allocateProportionally(money(1, "EUR"), [1n, 1n]).map((m) => m.amountMinor)).toEqual([1, 0]);
    expect(allocateProportionally(money(300, "EUR"), [0n, 0n]).map((m) => m.amountMinor)).toEqual([150, 150]);
  });

  it("always adds up to the whole and stays within one unit of the exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 8 }), (total, weights) => {
        const parts = allocateProportionally(money(total, "EUR"), weights);
        expect(parts.reduce((s, p) => s + p.amountMinor, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0n);
        if (sum > 0n) {
          parts.forEach((p, i) => {
            const exact = (Number(weights[i]) * total) / Number(sum);
            expect(Math.abs(p.amountMinor - exact)).toBeLessThan(1);
          });
        }
      }),
    );
  });

  it("scales exact fractions to integer weights in the same proportions", () => {
    expect(weightsFromRatios([{ numerator: 1n, denominator: 3n }, { numerator: 1n, denominator: 6n }])).toEqual([2n, 1n]);
  });
});
