import { describe, expect, it } from "vitest";
import { catalogueSearch, parseCatalogueQuery } from "@/lib/domain/catalogue/query";
import { FILTERED_RATE, filteredCatalogue, scaleChecks, scaleTable, scaleTargets, type SizeResults } from "@/bench/scale";
import type { Result } from "@/bench/measure";

describe("scale benchmark: filtered catalogue pages", () => {
  it("asks for a different page every time, each in its canonical form", () => {
    const next = filteredCatalogue();
    const paths = Array.from({ length: 500 }, next);
    expect(new Set(paths).size).toBe(500);
    for (const p of paths) {
      const url = new URL(p, "http://127.0.0.1");
      expect(url.pathname).toBe("/en/catalogue");
      // The proxy redirects a non-canonical query: the bench must never measure a redirect.
      expect(catalogueSearch(parseCatalogueQuery(url.searchParams, "USD"), "USD")).toBe(url.search);
      expect(url.searchParams.get("min")).toMatch(/^\d+$/);
    }
  });

  it("starts the same sequence over for each size", () => {
    const a = filteredCatalogue();
    const b = filteredCatalogue();
    a();
    expect(Array.from({ length: 5 }, b)).not.toEqual(Array.from({ length: 5 }, a));
    expect(Array.from({ length: 5 }, filteredCatalogue())).toEqual(Array.from({ length: 5 }, filteredCatalogue()));
  });
});

describe("scale benchmark: page set", () => {
  const targets = scaleTargets(25);
  it("measures every page kind, and search and filtered listings also at a fixed rate", () => {
    expect(targets.map((t) => t.name)).toEqual([
      "baseline (/en/help)",
      "home",
      "product, prerendered",
      "product, on demand",
      "catalogue, cached",
      "catalogue, filtered on demand",
      "search, Latin",
      "search, Japanese",
      "search, no results",
      "landed-cost API (POST)",
      "search, Latin at 25 req/s",
      "search, Japanese at 25 req/s",
      `catalogue, filtered on demand at ${FILTERED_RATE} req/s`,
    ]);
    expect(targets.filter((t) => t.rate).map((t) => t.rate)).toEqual([25, 25, FILTERED_RATE]);
    expect(targets.find((t) => t.name === "search, Japanese")!.paths).toEqual([`/ja/search?q=${encodeURIComponent("茶")}`, `/ja/search?q=${encodeURIComponent("緑茶")}`]);
    expect(targets.find((t) => t.name.startsWith("landed-cost"))!.post).toMatchObject({ destination: "DE" });
  });
});

function size(products: number, buildSeconds: number, tweak: (r: Result) => Partial<Result> = () => ({})): SizeResults {
  const results = scaleTargets(25).map((t) => {
    const r: Result = { name: t.name, rps: 1000, p95: 10, p99: 20, errors: 0, non2xx: 0 };
    return { ...r, ...tweak(r) };
  });
  return { label: String(products), products, buildSeconds, results };
}

describe("scale benchmark: targets", () => {
  const failed = (checks: { label: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.label.split(" (")[0]);

  it("pass when the large catalogue keeps up with the seeded one", () => {
    expect(failed(scaleChecks(size(97, 100), size(100_000, 119)))).toEqual([]);
  });

  it("fail on slow search, a slow filtered listing, lost throughput, a long build or errors", () => {
    const seeded = size(97, 100);
    expect(failed(scaleChecks(seeded, size(100_000, 100, (r) => (r.name === "search, Japanese at 25 req/s" ? { p95: 30 } : {}))))).toEqual([
      "search",
    ]);
    expect(failed(scaleChecks(seeded, size(100_000, 100, (r) => (r.name.startsWith("catalogue, filtered on demand at") ? { p95: 15.1 } : {}))))).toEqual([
      "filtered catalogue p95 at 10 req/s <= 1.5 x seeded",
    ]);
    expect(failed(scaleChecks(seeded, size(100_000, 100, (r) => (r.name === "home" ? { rps: 899 } : {}))))).toEqual(["home requests/s >= 0.9 x seeded"]);
    expect(failed(scaleChecks(seeded, size(100_000, 121)))).toEqual(["next build <= 1.2 x seeded"]);
    expect(failed(scaleChecks(seeded, size(100_000, 100, (r) => (r.name === "search, no results" ? { non2xx: 1 } : {}))))).toEqual([
      "no errors or non-2xx answers at either size",
    ]);
  });

  it("prints one row per page with both sizes and their ratios, then the build times", () => {
    const lines = scaleTable(size(97, 100), size(100_000, 150, (r) => ({ rps: r.rps / 2, p95: r.p95 * 3 })));
    expect(lines[0]).toBe("| page | req/s 97 | req/s 100,000 | ratio | p95 ms 97 | p95 ms 100,000 | ratio | p99 ms 97 | p99 ms 100,000 | ratio | errors 97 / 100,000 |");
    expect(lines).toContain("| home | 1000 | 500 | 0.50 | 10 | 30 | 3.00 | 20 | 20 | 1.00 | 0 / 0 |");
    expect(lines.at(-1)).toBe("next build: 100.0 s (97 products), 150.0 s (100,000 products), ratio 1.50");
  });
});
