import { describe, expect, it } from "vitest";
import { countDay, isBot, MAX_VIEW_BODY, optedOut, parseViewBody } from "./counts";

describe("parseViewBody", () => {
  it("takes the product id from the beacon's JSON", () => {
    expect(parseViewBody(JSON.stringify({ productId: "prod_jp-tea_001" }))).toEqual({ ok: true, productId: "prod_jp-tea_001" });
  });
  it("refuses what is not a JSON object", () => {
    for (const text of ["", "not json", "[]", "null", '"prod_1"', "42"]) expect(parseViewBody(text), text).toEqual({ ok: false, code: "INVALID_BODY" });
  });
  it("refuses a body larger than a beacon's", () => {
    expect(parseViewBody(JSON.stringify({ productId: "p", pad: "x".repeat(MAX_VIEW_BODY) }))).toEqual({ ok: false, code: "INVALID_BODY" });
  });
  it("calls a missing or malformed id no such product", () => {
    for (const productId of [undefined, 12, "", "a b", "x'; DROP TABLE", "x".repeat(101)]) {
      expect(parseViewBody(JSON.stringify({ productId })), String(productId)).toEqual({ ok: false, code: "PRODUCT_NOT_FOUND" });
    }
  });
});

describe("isBot", () => {
  const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  const headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36";
  it("counts ordinary browsers", () => {
    expect(isBot(chrome)).toBe(false);
    expect(isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")).toBe(false);
  });
  it("skips crawlers, scripts and an absent user agent", () => {
    for (const agent of [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0)",
      "Mozilla/5.0 (compatible; YandexBot/3.0)",
      "Baiduspider+(+http://www.baidu.com/search/spider.htm)",
      "facebookexternalhit/1.1",
      "curl/8.5.0",
      "python-requests/2.32",
      "",
      null,
      undefined,
    ]) expect(isBot(agent), String(agent)).toBe(true);
  });
  it("counts headless Chromium by default and skips it only when asked", () => {
    expect(isBot(headless)).toBe(false);
    expect(isBot(headless, { countHeadless: false })).toBe(true);
    expect(isBot(chrome, { countHeadless: false })).toBe(false);
  });
});

describe("optedOut", () => {
  it("honours Do Not Track and Global Privacy Control", () => {
    expect(optedOut(new Headers({ dnt: "1" }))).toBe(true);
    expect(optedOut(new Headers({ "sec-gpc": "1" }))).toBe(true);
    expect(optedOut(new Headers({ dnt: "0" }))).toBe(false);
    expect(optedOut(new Headers())).toBe(false);
  });
});

describe("countDay", () => {
  it("is the UTC calendar day", () => {
    expect(countDay(new Date("2026-12-01T23:59:59.999Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(countDay(new Date("2026-12-02T00:00:00.000Z")).toISOString()).toBe("2026-12-02T00:00:00.000Z");
  });
});
