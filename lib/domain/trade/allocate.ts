/**
 * Splits an amount over lines in proportion to weights with the largest-remainder
 * method, so the parts always add up to the whole, to the minor unit.
 */
import { money, type Money } from "@/lib/domain/money";
import type { Ratio } from "./percent";

interface Share {
  index: number;
  floor: bigint;
  remainder: bigint;
}

/**
 * Proportional split of a non-negative amount. Weights must be non-negative; when they
 * are all zero the amount is split evenly. Ties go to the earlier line.
 */
export function allocateProportionally(total: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) return [];
  if (total.amountMinor < 0) throw new Error("Only non-negative amounts are allocated");
  const effective = weights.some((w) => w > 0n) ? weights : weights.map(() => 1n);
  const sum = effective.reduce((a, b) => a + b, 0n);
  const amount = BigInt(total.amountMinor);
  const shares: Share[] = effective.map((w, index) => ({
    index,
    floor: (amount * w) / sum,
    remainder: (amount * w) % sum,
  }));
  let leftover = amount - shares.reduce((a, s) => a + s.floor, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const extra = new Set<number>();
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    extra.add(share.index);
    leftover -= 1n;
  }
  return shares.map((s) => money(Number(s.floor + (extra.has(s.index) ? 1n : 0n)), total.currency));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/**
 * Integer weights in the same proportions as exact fractions (p/q each), by scaling them
 * all to a common denominator: weights computed from unrounded values.
 */
export function weightsFromRatios(values: readonly Ratio[]): bigint[] {
  const common = values.reduce((lcm, v) => (lcm * v.denominator) / gcd(lcm, v.denominator), 1n);
  return values.map((v) => v.numerator * (common / v.denominator));
}
