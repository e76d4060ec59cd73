import { describe, expect, it } from "vitest";
import { foldForSearch, searchTerms } from "./fold";

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
