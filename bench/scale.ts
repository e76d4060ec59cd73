/**
 * The scale benchmark's page set, side-by-side table and targets: the same pages at
 * the seeded size and at a large catalogue, each compared with itself at the seeded size.
 */
import { PRODUCTS } from "@/prisma/seed-data";
import { LANDED_COST_EXAMPLE_REQUEST } from "@/lib/domain/trade/openapi";
import type { Result, Target } from "./measure";

export const FILTERED_RATE = 10;

export interface SizeResults {
  label: string;
  products: number;
  buildSeconds: number;
  loadSeconds?: number;
  results: Result[];
}

/**
 * Filtered listings no request has asked for yet: origin, kind and sort combinations of
 * the real catalogue with a rising minimum price, each in its canonical form (so the
 * store renders it rather than redirecting). Starts over for each size, so both sizes
 * see the same sequence.
 */
export function filteredCatalogue(): () => string {
  const origins = ["", "JP", "DE", "US"];
  const kinds = ["", "physical", "digital"];
  const sorts = ["", "newest", "price-asc", "price-desc"];
  let n = 0;
  return () => {
    const combo = n % (origins.length * kinds.length * sorts.length);
    const min = 1 + Math.floor(n / (origins.length * kinds.length * sorts.length));
    n++;
    const params = new URLSearchParams();
    const origin = origins[combo % origins.length]!;
    const kind = kinds[Math.floor(combo / origins.length) % kinds.length]!;
    const sort = sorts[Math.floor(combo / (origins.length * kinds.length))]!;
    if (origin) params.set("origin", origin);
    if (kind) params.set("kind", kind);
    params.set("min", String(min));
    if (sort) params.set("sort", sort);
    return `/en/catalogue?${params}`;
  };
}

const search = (locale: string, words: string[]) => words.map((w) => `/${locale}/search?q=${encodeURIComponent(w)}`);
const featured = PRODUCTS.filter((p) => p.featured);
const other = PRODUCTS.filter((p) => !p.featured);

export const SEARCH_LATIN = ["tea", "knife"];
export const SEARCH_JAPANESE = ["茶", "緑茶"];
export const SEARCH_NOTHING = ["qxzvkjw"];

/** Throughput pages (no rate) and latency pages (at a fixed rate); demo products, so both sizes show the same pages. */
export function scaleTargets(searchRate: number): Target[] {
  return [
    { name: "baseline (/en/help)", paths: ["/en/help"] },
    { name: "home", paths: ["/en"] },
    { name: "product, prerendered", paths: featured.slice(0, 2).map((p) => `/en/products/${p.slug}`) },
    { name: "product, on demand", paths: other.slice(0, 2).map((p) => `/en/products/${p.slug}`) },
    { name: "catalogue, cached", paths: ["/en/catalogue", "/en/catalogue?kind=digital", "/en/catalogue?page=2"] },
    { name: "catalogue, filtered on demand", paths: [], distinct: filteredCatalogue() },
    { name: "search, Latin", paths: search("en", SEARCH_LATIN) },
    { name: "search, Japanese", paths: search("ja", SEARCH_JAPANESE) },
    { name: "search, no results", paths: search("en", SEARCH_NOTHING) },
    { name: "landed-cost API (POST)", paths: ["/api/v1/landed-cost"], post: LANDED_COST_EXAMPLE_REQUEST },
    { name: `search, Latin at ${searchRate} req/s`, paths: search("en", SEARCH_LATIN), rate: searchRate },
    { name: `search, Japanese at ${searchRate} req/s`, paths: search("ja", SEARCH_JAPANESE), rate: searchRate },
    { name: `catalogue, filtered on demand at ${FILTERED_RATE} req/s`, paths: [], distinct: filteredCatalogue(), rate: FILTERED_RATE },
  ];
}

const ratio = (large: number, seeded: number) => (Number.isFinite(large / seeded) ? (large / seeded).toFixed(2) : "");
const size = (s: SizeResults) => s.products.toLocaleString("en");

export function scaleTable(seeded: SizeResults, large: SizeResults): string[] {
  const a = size(seeded);
  const b = size(large);
  const lines = [
    `| page | req/s ${a} | req/s ${b} | ratio | p95 ms ${a} | p95 ms ${b} | ratio | p99 ms ${a} | p99 ms ${b} | ratio | errors ${a} / ${b} |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const s of seeded.results) {
    const l = large.results.find((r) => r.name === s.name);
    if (!l) continue;
    lines.push(
      `| ${s.name} | ${s.rps.toFixed(0)} | ${l.rps.toFixed(0)} | ${ratio(l.rps, s.rps)} | ${s.p95} | ${l.p95} | ${ratio(l.p95, s.p95)} | ${s.p99} | ${l.p99} | ${ratio(l.p99, s.p99)} | ${s.errors + s.non2xx} / ${l.errors + l.non2xx} |`,
    );
  }
  lines.push("", `next build: ${seeded.buildSeconds.toFixed(1)} s (${a} products), ${large.buildSeconds.toFixed(1)} s (${b} products), ratio ${ratio(large.buildSeconds, seeded.buildSeconds)}`);
  if (large.loadSeconds !== undefined) lines.push(`Loading ${b} products: ${large.loadSeconds.toFixed(1)} s`);
  return lines;
}

/** The targets at the large size: search fast in absolute terms, everything else close to the seeded size. */
export function scaleChecks(seeded: SizeResults, large: SizeResults, searchRate = 25): { label: string; ok: boolean }[] {
  const at = (s: SizeResults, name: string) => {
    const r = s.results.find((x) => x.name === name);
    if (!r) throw new Error(`No result for ${name}`);
    return r;
  };
  const cached = ["home", "product, prerendered", "product, on demand", "catalogue, cached"];
  const filtered = `catalogue, filtered on demand at ${FILTERED_RATE} req/s`;
  return [
    ...["Latin", "Japanese"].map((script) => {
      const r = at(large, `search, ${script} at ${searchRate} req/s`);
      return { label: `search (${script}) p95 < 30 ms at ${searchRate} req/s with ${size(large)} products (${r.p95} ms)`, ok: r.p95 < 30 };
    }),
    {
      label: `filtered catalogue p95 at ${FILTERED_RATE} req/s <= 1.5 x seeded (${at(large, filtered).p95} vs ${at(seeded, filtered).p95} ms)`,
      ok: at(large, filtered).p95 <= 1.5 * at(seeded, filtered).p95,
    },
    ...cached.map((name) => ({
      label: `${name} requests/s >= 0.9 x seeded (${at(large, name).rps.toFixed(0)} vs ${at(seeded, name).rps.toFixed(0)})`,
      ok: at(large, name).rps >= 0.9 * at(seeded, name).rps,
    })),
    {
      label: `next build <= 1.2 x seeded (${large.buildSeconds.toFixed(0)} vs ${seeded.buildSeconds.toFixed(0)} s)`,
      ok: large.buildSeconds <= 1.2 * seeded.buildSeconds,
    },
    {
      label: "no errors or non-2xx answers at either size",
      ok: [...seeded.results, ...large.results].every((r) => r.errors + r.non2xx === 0),
    },
  ];
}
