import { describe, expect, it } from "vitest";
import { safeReturnPath, sameOriginPath } from "./safe-return-path";

const ORIGIN = "http://shop.test";
const HOME = "/de";

/** Where a browser would go for `Location: <path>` on a page of ORIGIN. */
const resolvedOrigin = (path: string) => new URL(path, `${ORIGIN}/de/page`).origin;

describe("safeReturnPath: the requested path", () => {
  it.each([
    ["/de/catalogue?page=2", "/de/catalogue?page=2"],
    ["/", "/"],
    ["/ja/products/tea#reviews", "/ja/products/tea"],
    ["/a/./b/../c", "/a/c"],
    ["/日本", "/%E6%97%A5%E6%9C%AC"],
    ["/ar/search?q=قهوة", "/ar/search?q=%D9%82%D9%87%D9%88%D8%A9"],
    ["/a b", "/a%20b"],
    ['/x"<script>', "/x%22%3Cscript%3E"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/ÿ", "/%C3%BF"],
    ["/\u{1F600}", "/%F0%9F%98%80"],
  ])("keeps %j as %j", (requested, expected) => {
    const path = safeReturnPath(requested, null, ORIGIN, HOME);
    expect(path).toBe(expected);
    expect(resolvedOrigin(path)).toBe(ORIGIN);
  });

  it.each([
    "//evil.example",
    "//evil.example/x",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "/\t/evil.example",
    "\t//evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/a\r\nSet-Cookie: x=1",
    "/.//evil.example",
    "/./\\evil.example",
    "/..//evil.example",
    "https://evil.example",
    "https://evil.example/",
    "http://shop.test.evil.example/",
    "http://shop.test@evil.example/",
    "//shop.test@evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "de/catalogue",
    "?q=1",
    "",
    " /de",
    "/\u0000",
    "/\u0000/evil.example",
    "/a\u0007b",
    "/a\u007fb",
    "/a\u0085b",
    "/a\u009bb",
    `/${"a".repeat(2000)}`,
    `/${"日".repeat(700)}`,
  ])("refuses %j and falls back to the locale home", (requested) => {
    expect(safeReturnPath(requested, null, ORIGIN, HOME)).toBe(HOME);
  });

  it.each([undefined, null, 42, ["/de"], { toString: () => "/de" }])("refuses a non-string %j", (requested) => {
    expect(safeReturnPath(requested, null, ORIGIN, HOME)).toBe(HOME);
  });

  it("keeps %09 written out, which stays encoded inside the path", () => {
    expect(safeReturnPath("/%09/evil.example", null, ORIGIN, HOME)).toBe("/%09/evil.example");
    expect(resolvedOrigin("/%09/evil.example")).toBe(ORIGIN);
  });

  it("accepts a long path up to the limit", () => {
    const path = `/${"a".repeat(1999)}`;
    expect(safeReturnPath(path, null, ORIGIN, HOME)).toBe(path);
  });
});

describe("safeReturnPath: the Referer fallback", () => {
  it.each([
    ["http://shop.test/ja/products/x?y=1", "/ja/products/x?y=1"],
    ["http://shop.test/日本?q=茶", "/%E6%97%A5%E6%9C%AC?q=%E8%8C%B6"],
    ["http://SHOP.test:80/de", "/de"],
  ])("follows %j as %j when returnTo is unusable", (referer, expected) => {
    expect(safeReturnPath("//evil.example", referer, ORIGIN, HOME)).toBe(expected);
    expect(safeReturnPath(undefined, referer, ORIGIN, HOME)).toBe(expected);
  });

  it.each([
    "http://shop.test//evil.example/",
    "http://shop.test/.//evil.example",
    "http://shop.test/\\evil.example",
    "http://shop.test/\t/evil.example",
    "http://evil.example/ja",
    "https://shop.test/ja",
    "http://shop.test:8080/ja",
    "http://shop.test.evil.example/",
    "/de/relative",
    "not a url",
    "javascript:alert(1)",
    "",
    `http://shop.test/${"a".repeat(2000)}`,
  ])("refuses the Referer %j", (referer) => {
    expect(safeReturnPath(undefined, referer, ORIGIN, HOME)).toBe(HOME);
  });

  it("prefers a good returnTo over the Referer", () => {
    expect(safeReturnPath("/fr", "http://shop.test/ja", ORIGIN, HOME)).toBe("/fr");
  });
});

describe("sameOriginPath", () => {
  it("emits only printable ASCII starting with a single slash", () => {
    const samples = ["/日本", "/a b?c d", "/\u{10FFFF}", "/%", "/a?b=%zz", "/ä/ö?ü=ß"];
    for (const sample of samples) {
      const path = sameOriginPath(sample, ORIGIN, { pathOnly: true });
      expect(path, sample).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
    }
  });
});
