import { describe, expect, it } from "vitest";
import { canAddAddress, defaultAfter, describeUserAgent, isAddressId, MAX_ADDRESSES, pageOf } from "./index";

describe("pageOf", () => {
  it("reads the page from the URL and keeps it within the pages there are", () => {
    expect(pageOf("2", 45, 20)).toEqual({ page: 2, pages: 3, skip: 20 });
    expect(pageOf("9", 45, 20)).toEqual({ page: 3, pages: 3, skip: 40 });
    expect(pageOf(undefined, 0, 20)).toEqual({ page: 1, pages: 1, skip: 0 });
    for (const bad of ["0", "-1", "1.5", "abc", "", "9999999", null, {}]) expect(pageOf(bad, 45, 20).page, String(bad)).toBe(1);
  });
});

describe("address book", () => {
  const at = (ms: number) => new Date(ms);
  const book = [
    { id: "a", createdAt: at(1), isDefault: true },
    { id: "b", createdAt: at(2), isDefault: false },
    { id: "c", createdAt: at(3), isDefault: false },
  ];

  it("knows an address id from anything else", () => {
    expect(isAddressId("adr_abcdefghijklmnop")).toBe(true);
    for (const bad of ["adr_short", "ord_abcdefghijklmnop", "adr_abcdefghijklmno'", 7, null]) expect(isAddressId(bad)).toBe(false);
  });

  it("holds at most the limit", () => {
    expect(canAddAddress(MAX_ADDRESSES - 1)).toBe(true);
    expect(canAddAddress(MAX_ADDRESSES)).toBe(false);
  });

  it("makes the first address the default, and a new one only when asked", () => {
    expect(defaultAfter([], { kind: "ADD", id: "n", makeDefault: false })).toBe("n");
    expect(defaultAfter(book, { kind: "ADD", id: "n", makeDefault: false })).toBe("a");
    expect(defaultAfter(book, { kind: "ADD", id: "n", makeDefault: true })).toBe("n");
  });

  it("sets only an address of the book as default", () => {
    expect(defaultAfter(book, { kind: "SET", id: "c" })).toBe("c");
    expect(defaultAfter(book, { kind: "SET", id: "zz" })).toBe("a");
  });

  it("passes the default to the newest remaining address when the default goes", () => {
    expect(defaultAfter(book, { kind: "DELETE", id: "a" })).toBe("c");
    expect(defaultAfter(book, { kind: "DELETE", id: "b" })).toBe("a");
    expect(defaultAfter([book[0]!], { kind: "DELETE", id: "a" })).toBeNull();
  });
});

describe("describeUserAgent", () => {
  it("names common browsers and systems in plain words", () => {
    const cases: [string, ReturnType<typeof describeUserAgent>][] = [
      ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", { browser: "CHROME", system: "WINDOWS" }],
      ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0", { browser: "EDGE", system: "WINDOWS" }],
      ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15", { browser: "SAFARI", system: "MACOS" }],
      ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", { browser: "SAFARI", system: "IOS" }],
      ["Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", { browser: "FIREFOX", system: "LINUX" }],
      ["Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36", { browser: "SAMSUNG", system: "ANDROID" }],
      ["Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", { browser: "CHROME", system: "CHROMEOS" }],
      ["curl/8.4.0", { browser: null, system: null }],
      ["", { browser: null, system: null }],
    ];
    for (const [ua, expected] of cases) expect(describeUserAgent(ua), ua).toEqual(expected);
    expect(describeUserAgent(null)).toEqual({ browser: null, system: null });
  });
});
