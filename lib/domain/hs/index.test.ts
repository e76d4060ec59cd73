import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/domain/markets";
import { HS_CHAPTERS, HS_HEADINGS, HS_QUERY_MAX, HS_RESULTS_MAX, searchHs } from "./index";

const codes = (locale: Parameters<typeof searchHs>[0], query: string): string[] => {
  const result = searchHs(locale, query);
  if (!result.ok) throw new Error(result.code);
  return result.results.map((r) => r.code);
};

describe("the HS data", () => {
  it("has all 97 chapters, 77 reserved, and at least 250 headings under known chapters", () => {
    expect(HS_CHAPTERS.map((c) => c.code)).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, "0")));
    expect(HS_CHAPTERS.filter((c) => c.reserved).map((c) => c.code)).toEqual(["77"]);
    expect(HS_HEADINGS.length).toBeGreaterThanOrEqual(250);
    const chapters = new Set(HS_CHAPTERS.map((c) => c.code));
    for (const h of HS_HEADINGS) {
      expect(h.code).toMatch(/^\d{4}$/);
      expect(chapters.has(h.code.slice(0, 2))).toBe(true);
    }
    expect(new Set(HS_HEADINGS.map((h) => h.code)).size).toBe(HS_HEADINGS.length);
  });

  it("describes every chapter and heading in every store locale", () => {
    for (const entry of [...HS_CHAPTERS, ...HS_HEADINGS]) for (const locale of LOCALES) expect(entry.description[locale], `${entry.code} ${locale}`).toBeTruthy();
  });
});

describe("searchHs", () => {
  it("finds knives by the seller's own word", () => {
    expect(codes("de", "Messer")[0]).toBe("8211");
    expect(codes("ja", "ナイフ")[0]).toBe("8211");
    expect(codes("fr", "couteau")[0]).toBe("8211");
    expect(codes("de", "küchenmesser")).toContain("8211");
  });

  it("finds tea in Japanese and Chinese by substring", () => {
    expect(codes("ja", "茶")).toContain("0902");
    expect(codes("zh-CN", "茶")).toContain("0902");
    expect(codes("ja", "緑茶")[0]).toBe("0902");
  });

  it("folds case and accents", () => {
    expect(codes("fr", "café")[0]).toBe("0901");
    expect(codes("fr", "CAFE")[0]).toBe("0901");
    expect(codes("es", "algodon")).toContain("5208");
    expect(codes("de", "KÄSE")[0]).toBe("0406");
  });

  it("falls back to English words in any locale", () => {
    expect(codes("de", "coffee")).toContain("0901");
    expect(codes("ar", "teapot")).toContain("6912");
  });

  it("matches Arabic words inside words carrying the article", () => {
    expect(codes("ar", "سكين")).toContain("8211");
  });

  it("requires every word to match", () => {
    const both = codes("en", "kitchen knife");
    expect(both[0]).toBe("8211");
    expect(codes("en", "knife zzzzqx")).toEqual([]);
  });

  it("ranks headings before chapters and returns the chapter of each result in the locale", () => {
    const result = searchHs("de", "Kaffee");
    expect(result.ok && result.results[0]).toMatchObject({ code: "0901", kind: "heading", chapter: { code: "09", description: { text: "Kaffee, Tee, Mate und Gewürze", english: false } } });
    const kinds = result.ok ? result.results.map((r) => r.kind) : [];
    expect(kinds.indexOf("chapter")).toBeGreaterThan(kinds.lastIndexOf("heading"));
  });

  it("finds a code prefix, the exact code first", () => {
    const chapter = codes("en", "82");
    expect(chapter[0]).toBe("82");
    expect(chapter).toContain("8211");
    expect(chapter.every((c) => c.startsWith("82"))).toBe(true);
    expect(codes("en", "8211")).toEqual(["8211"]);
    expect(codes("en", "8211.10")).toEqual(["8211"]);
    expect(codes("en", " 0902 ")).toEqual(["0902"]);
  });

  it("never finds the reserved chapter 77", () => {
    expect(codes("en", "77")).toEqual([]);
    expect(codes("en", "harmonized system")).toEqual([]);
  });

  it("finds nothing for nonsense", () => {
    expect(codes("en", "xqzvwk")).toEqual([]);
    expect(codes("ja", "ぬゑゐ")).toEqual([]);
  });

  it("returns at most 20 results", () => {
    expect(searchHs("en", "8").ok && (searchHs("en", "8") as { results: unknown[] }).results.length).toBe(HS_RESULTS_MAX);
    const wide = searchHs("en", "of");
    expect(wide.ok && wide.results.length).toBeLessThanOrEqual(HS_RESULTS_MAX);
  });

  it("refuses empty and over-long queries with a code", () => {
    expect(searchHs("en", "")).toEqual({ ok: false, code: "HS_QUERY_EMPTY" });
    expect(searchHs("en", "   ")).toEqual({ ok: false, code: "HS_QUERY_EMPTY" });
    expect(searchHs("en", "?!.")).toEqual({ ok: false, code: "HS_QUERY_EMPTY" });
    expect(searchHs("en", undefined)).toEqual({ ok: false, code: "HS_QUERY_EMPTY" });
    expect(searchHs("en", "a".repeat(HS_QUERY_MAX + 1))).toEqual({ ok: false, code: "HS_QUERY_TOO_LONG" });
    expect(searchHs("en", "knife".padEnd(HS_QUERY_MAX, " ")).ok).toBe(true);
  });

  it("marks English shown in place of a missing translation", () => {
    const result = searchHs("ja", "0902");
    expect(result.ok && result.results[0]!.description.english).toBe(false);
  });
});
