/** Deterministic series for the forecasting tests. */

/** Mulberry32: a small seeded generator, uniform in [0, 1). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const repeat = (pattern: readonly number[], times: number) => Array.from({ length: times }, () => pattern).flat();

/** level + slope * t + pattern[t mod m] + uniform noise in [-noise, noise]. */
export function trendSeasonal(n: number, level: number, slope: number, pattern: readonly number[], noise: number, seed: number): number[] {
  const next = random(seed);
  return Array.from({ length: n }, (_, t) => Math.max(0, level + slope * t + (pattern[t % pattern.length] ?? 0) + noise * (2 * next() - 1)));
}

/** Weeks with demand with probability p, sizes 1..maxSize. */
export function intermittent(n: number, p: number, maxSize: number, seed: number): number[] {
  const next = random(seed);
  return Array.from({ length: n }, () => (next() < p ? 1 + Math.floor(next() * maxSize) : 0));
}

/** A yearly pattern for weekly data: a peak before the end of the year. */
export const YEARLY = Array.from({ length: 52 }, (_, w) => 20 * Math.sin((2 * Math.PI * w) / 52) + (w >= 46 ? 30 : 0));
