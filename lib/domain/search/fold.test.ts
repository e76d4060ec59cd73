import { describe, expect, it } from "vitest";
import { foldForSearch, searchDocument, searchQuery, searchTerms, searchTokens } from "./fold";

describe("search folding", () => {
  it("removes accents and case in Latin scripts", () => {
    expect(foldForSearch("Grüner Tee — Crème BRÛLÉE")).toBe("gruner tee creme brulee");
    expect(foldForSearch("Straße")).toBe("strasse");
    expect(foldForSearch("Café São Paulo")).toBe("cafe sao paulo");
  });
  it("unifies full-width forms and keeps CJK and Arabic letters", () => {
    expect(foldForSearch("ＫＮＩＦＥ　包丁")).toBe("knife 包丁");
    expect(foldForSearch("قهوة كينية")).toBe("قهوة كينية");
  });
  it("splits a query into at most the given number of terms", () => {
    expect(searchTerms("  a,b;;c d e ", 3)).toEqual(["a", "b", "c"]);
    expect(searchTerms("!!!")).toEqual([]);
  });
});

describe("search tokens and queries", () => {
  it("indexes Latin words as they are and unspaced scripts as characters and pairs", () => {
    expect(searchTokens("Crème brûlée set")).toEqual(["creme", "brulee", "set"]);
    expect(searchTokens("お茶の時間")).toEqual(["お", "茶", "の", "時", "間", "お茶", "茶の", "の時", "時間"]);
    expect(searchTokens("宇治 Matcha抹茶")).toEqual(["宇", "治", "宇治", "matcha", "抹", "茶", "抹茶"]);
    expect(searchTokens("緑")).toEqual(["緑"]);
    expect(searchDocument("Tee 緑茶")).toBe("tee 緑 茶 緑茶");
  });

  it("queries Latin words by prefix and unspaced scripts by character or pairs, every word required", () => {
    expect(searchQuery("Kaffee Bohnen")).toBe("kaffee:* & bohnen:*");
    expect(searchQuery("茶")).toBe("茶");
    expect(searchQuery("緑茶")).toBe("緑茶");
    expect(searchQuery("お茶の")).toBe("お茶 & 茶の");
    expect(searchQuery("tea 茶")).toBe("tea:* & 茶");
    expect(searchQuery("  ¿?!  ")).toBe("");
  });

  it("a query matches a document exactly when each of its parts is among the document's tokens", () => {
    const doc = new Set(searchTokens("宇治の玉露 Gyokuro green tea"));
    const matches = (q: string) => searchQuery(q).split(" & ").every((part) => (part.endsWith(":*") ? [...doc].some((t) => t.startsWith(part.slice(0, -2))) : doc.has(part)));
    expect(matches("玉露")).toBe(true);
    expect(matches("露")).toBe(true);
    expect(matches("宇治の玉露")).toBe(true);
    expect(matches("gyok")).toBe(true);
    expect(matches("玉茶")).toBe(false);
    expect(matches("black")).toBe(false);
  });
});
