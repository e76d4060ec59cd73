/**
 * The sellers the home page shows: a fixed number, so the page does not grow with the
 * marketplace. The largest shops first, one country at a time, so a few big countries
 * do not hide everyone else.
 */
export const FEATURED_SELLERS = 12;

export function featuredSellers<T extends { country: string; productCount: number; handle: string }>(sellers: readonly T[], limit = FEATURED_SELLERS): T[] {
  const byCountry = new Map<string, T[]>();
  const largestFirst = [...sellers].sort((a, b) => b.productCount - a.productCount || a.handle.localeCompare(b.handle));
  for (const seller of largestFirst) byCountry.set(seller.country, [...(byCountry.get(seller.country) ?? []), seller]);
  const picked: T[] = [];
  for (let round = 0; picked.length < limit; round++) {
    const before = picked.length;
    for (const list of byCountry.values()) {
      const next = list[round];
      if (next && picked.length < limit) picked.push(next);
    }
    if (picked.length === before) break;
  }
  return picked;
}
