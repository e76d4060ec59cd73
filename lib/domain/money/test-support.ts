/** Helpers shared by the money and FX tests. */

/**
 * Reference rounding for checking the implementation, written independently of it:
 * sign(n/d) * floor((2|n| + |d|) / 2|d|), i.e. half away from zero.
 */
export function referenceRound(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const r = (2n * an + ad) / (2n * ad);
  return negative ? -r : r;
}
