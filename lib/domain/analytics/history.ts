/**
 * The demo store's order history, decided without I/O: which orders were paid when,
 * shipped where, with which lines. Same seed and same end, same orders.
 *
 * Per product and destination, a week's expected units are the product's base rate x
 * the destination's share of the seller's sales (home and near markets more) x a trend
 * over the two years x the season of its category (tea and coffee in the destination's
 * winter, garden goods in its spring, gifts before Christmas) x festival peaks by
 * destination (Ramadan in AE and KW, Lunar New Year in CN and KR) x the product's
 * promotions (a week or two at three times the usual demand). Units are drawn from a
 * Poisson distribution; slow movers have a low base rate, so most of their weeks have
 * no sale (intermittent demand). Within a week, an order's day follows a weekly pattern
 * (more on Sunday and Monday, fewer on Saturday).
 */

export interface HistoryProduct {
  id: string;
  sellerId: string;
  categoryId: string;
  variants: readonly { id: string; priceMinor: number }[];
}

export interface HistorySeller {
  id: string;
  country: string;
}

export interface HistoryInput {
  seed: number;
  sellers: readonly HistorySeller[];
  products: readonly HistoryProduct[];
  /** Destinations the store ships to. */
  destinations: readonly string[];
  /** Monday 00:00 UTC after the last week of history. */
  end: Date;
  /** Weeks of history; 104 (two years) by default. */
  weeks?: number;
}

export interface HistoryLine {
  productId: string;
  variantId: string;
  quantity: number;
}

export interface HistoryOrder {
  sellerId: string;
  destination: string;
  paidAt: Date;
  lines: HistoryLine[];
}

export type Speed = "fast" | "medium" | "slow";

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** mulberry32: a small, fast 32-bit PRNG; floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A stable 32-bit hash of a string (FNV-1a), to give each product its own stream. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k += 1;
    p *= random();
  }
  return k;
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const REGION: Record<string, string> = {
  GB: "EU", DE: "EU", FR: "EU", ES: "EU", IT: "EU", NL: "EU", CH: "EU", PT: "EU",
  US: "NA", CA: "NA", MX: "LA", BR: "LA",
  JP: "EA", KR: "EA", CN: "EA", IN: "SA", AU: "OC",
  AE: "ME", KW: "ME", MA: "ME", KE: "AF",
};
/** Larger markets buy more. */
const MARKET_SIZE: Record<string, number> = { US: 2.5, GB: 1.5, DE: 1.6, FR: 1.3, JP: 1.4, CN: 1.2, CA: 0.9, AU: 0.8, ES: 0.8, IT: 0.8, NL: 0.7 };
const SOUTHERN = new Set(["AU", "BR"]);
const TROPICAL = new Set(["KE", "IN", "AE", "KW", "MX"]);

/** Each destination's share of a seller's sales: home and the seller's region more, far markets less. */
export function destinationMix(sellerCountry: string, destinations: readonly string[]): Map<string, number> {
  const weights = destinations.map((d) => {
    const near = d === sellerCountry ? 4 : REGION[d] !== undefined && REGION[d] === REGION[sellerCountry] ? 2 : 0.5;
    return near * (MARKET_SIZE[d] ?? 0.5);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  return new Map(destinations.map((d, i) => [d, (weights[i] ?? 0) / total]));
}

/**
 * Approximate festival dates (they follow lunar calendars): Ramadan 2025 about 28 Feb to
 * 29 Mar, 2026 about 18 Feb to 19 Mar; Lunar New Year 29 Jan 2025 and 17 Feb 2026.
 */
export const RAMADAN: readonly { from: string; to: string }[] = [
  { from: "2024-03-11", to: "2024-04-09" },
  { from: "2025-02-28", to: "2025-03-29" },
  { from: "2026-02-18", to: "2026-03-19" },
];
export const LUNAR_NEW_YEAR: readonly string[] = ["2024-02-10", "2025-01-29", "2026-02-17"];

const RAMADAN_TIMES = RAMADAN.map((r) => ({ from: Date.parse(`${r.from}T00:00:00Z`), to: Date.parse(`${r.to}T00:00:00Z`) }));
const LUNAR_TIMES = LUNAR_NEW_YEAR.map((day) => Date.parse(`${day}T00:00:00Z`));
const RAMADAN_MARKETS = new Set(["AE", "KW", "MA"]);
const LUNAR_MARKETS = new Set(["CN", "KR"]);
const GIFT_CATEGORIES = new Set(["cat_crafts", "cat_textiles", "cat_home", "cat_kitchen", "cat_beauty", "cat_music", "cat_books", "cat_coffee_tea"]);

/** Day of the year (0..365) of an instant, as a fraction of the year in radians. */
function yearAngle(t: number): number {
  const d = new Date(t);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return (2 * Math.PI * (t - start)) / (365.25 * DAY);
}

/** The season's multiplier for a week (its Thursday) of a category's sales in a destination. */
export function seasonality(categoryId: string, destination: string, weekStart: number): number {
  const mid = weekStart + 3 * DAY;
  let angle = yearAngle(mid);
  if (SOUTHERN.has(destination)) angle += Math.PI;
  let factor = 1;
  if (categoryId === "cat_coffee_tea" && !TROPICAL.has(destination)) factor *= 1 + 0.6 * Math.cos(angle - 0.25); // peak mid-January
  if (categoryId === "cat_garden" && !TROPICAL.has(destination)) factor *= 1 + 0.8 * Math.cos(angle - 2.0); // peak early May
  const d = new Date(mid);
  if (GIFT_CATEGORIES.has(categoryId)) {
    const christmas = Date.UTC(d.getUTCFullYear(), 11, 14);
    const days = (mid - christmas) / DAY;
    factor *= 1 + 1.8 * Math.exp(-(days * days) / (2 * 12 * 12));
  }
  if (RAMADAN_MARKETS.has(destination)) {
    for (const { from, to } of RAMADAN_TIMES) {
      if (mid >= from && mid <= to + 3 * DAY) factor *= mid >= to - 14 * DAY ? 2.6 : 1.6; // gifts for Eid at the end
    }
  }
  if (LUNAR_MARKETS.has(destination)) {
    for (const t of LUNAR_TIMES) {
      if (mid >= t - 24 * DAY && mid <= t + 3 * DAY) factor *= 2.4;
    }
  }
  return factor;
}

/** Share of a week's orders by weekday, Monday first. */
export const WEEKDAY_SHARE = [1.3, 1.1, 1.0, 1.0, 0.9, 0.75, 1.2];
const WEEKDAY_TOTAL = WEEKDAY_SHARE.reduce((a, b) => a + b, 0);

function weekday(random: () => number): number {
  let r = random() * WEEKDAY_TOTAL;
  for (let i = 0; i < WEEKDAY_SHARE.length; i += 1) {
    r -= WEEKDAY_SHARE[i] ?? 0;
    if (r < 0) return i;
  }
  return 6;
}

const BASE: Record<Speed, number> = { fast: 1.3, medium: 0.45, slow: 0.07 };

/** A product's speed, drawn once from its own stream: a third fast, a third slow. */
export function speedOf(productId: string, seed: number): Speed {
  const r = prng(hash32(`${seed}:speed:${productId}`))();
  return r < 0.3 ? "fast" : r < 0.68 ? "medium" : "slow";
}

/** Every product's weekly units by destination, as decided: [product][destination] -> units per week. */
export function weeklyUnits(input: HistoryInput): Map<string, Map<string, number[]>> {
  const weeks = input.weeks ?? 104;
  const start = input.end.getTime() - weeks * WEEK;
  const sellers = new Map(input.sellers.map((s) => [s.id, s]));
  const out = new Map<string, Map<string, number[]>>();
  for (const product of input.products) {
    const seller = sellers.get(product.sellerId);
    if (!seller || product.variants.length === 0) continue;
    const random = prng(hash32(`${input.seed}:${product.id}`));
    const base = BASE[speedOf(product.id, input.seed)];
    const slope = -0.3 + random() * 0.9;
    const promos = new Set<number>();
    const promoCount = Math.floor(random() * 3);
    for (let i = 0; i < promoCount; i += 1) promos.add(8 + Math.floor(random() * (weeks - 10)));
    const mix = destinationMix(seller.country, input.destinations);
    const byDestination = new Map<string, number[]>();
    for (const [destination, share] of mix) {
      const units: number[] = [];
      for (let w = 0; w < weeks; w += 1) {
        const weekStart = start + w * WEEK;
        const trend = 1 + slope * (w / weeks);
        const promo = promos.has(w) ? 3 : promos.has(w - 1) ? 1.8 : 1;
        const lambda = base * 0.8 * share * trend * promo * seasonality(product.categoryId, destination, weekStart);
        units.push(poisson(lambda, random));
      }
      byDestination.set(destination, units);
    }
    out.set(product.id, byDestination);
  }
  return out;
}

/**
 * The orders: each unit-week becomes orders of 1 (mostly) or 2 units of one of the
 * product's variants, paid on a weekday drawn from the weekly pattern at a time of day.
 * Sorted by payment time.
 */
export function generateHistory(input: HistoryInput): HistoryOrder[] {
  const weeks = input.weeks ?? 104;
  const start = input.end.getTime() - weeks * WEEK;
  const units = weeklyUnits(input);
  const orders: HistoryOrder[] = [];
  for (const product of input.products) {
    const byDestination = units.get(product.id);
    if (!byDestination) continue;
    const random = prng(hash32(`${input.seed}:orders:${product.id}`));
    for (const [destination, series] of byDestination) {
      series.forEach((count, w) => {
        let left = count;
        while (left > 0) {
          const quantity = left >= 2 && random() < 0.2 ? 2 : 1;
          left -= quantity;
          const variant = product.variants[Math.floor(random() * product.variants.length)] ?? product.variants[0]!;
          const paidAt = new Date(start + w * WEEK + weekday(random) * DAY + Math.floor((7 + random() * 15) * 3_600_000));
          orders.push({ sellerId: product.sellerId, destination, paidAt, lines: [{ productId: product.id, variantId: variant.id, quantity }] });
        }
      });
    }
  }
  orders.sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime() || a.lines[0]!.productId.localeCompare(b.lines[0]!.productId));
  return orders;
}

/** Tax and duty as a fixed share of the goods, for the demo orders: 15 % tax, 4 % duty outside the seller's country. */
export function demoCharges(goodsMinor: number, domestic: boolean): { taxMinor: number; dutyMinor: number } {
  return { taxMinor: Math.round(goodsMinor * 0.15), dutyMinor: domestic ? 0 : Math.round(goodsMinor * 0.04) };
}

/** Monday 00:00 UTC of the week holding an instant. */
export function mondayOf(t: Date): Date {
  const day = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  const weekdayIndex = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - weekdayIndex * DAY);
}
