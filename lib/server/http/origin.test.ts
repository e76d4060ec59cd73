import { describe, expect, it } from "vitest";
import { checkSameOrigin, ownOrigins } from "./origin";

const PUBLIC = "https://shop.example";
const TOKEN = "6f1c2a8e-3b7d-4c55-9e0a-1f2b3c4d5e6f";
const post = (headers: Record<string, string>, url = "http://127.0.0.1:3000/api/preferences/market") => new Request(url, { method: "POST", headers });

describe("ownOrigins", () => {
  it("are the public URL's origin, the request URL's and the Host header's on the same protocol", () => {
    expect(ownOrigins(post({ host: "shop.test:3000" }), PUBLIC)).toEqual(["https://shop.example", "http://127.0.0.1:3000", "http://shop.test:3000"]);
  });
  it("ignore a Host header that is not a host", () => {
    expect(ownOrigins(post({ host: "a b/c" }), PUBLIC)).toEqual(["https://shop.example", "http://127.0.0.1:3000"]);
  });
});

describe("checkSameOrigin", () => {
  it("accepts the store's own origin by Host header or public URL", () => {
    expect(checkSameOrigin(post({ host: "shop.test:3000", origin: "http://shop.test:3000" }), null, PUBLIC)).toEqual({ ok: true });
    expect(checkSameOrigin(post({ host: "internal:3000", origin: "https://shop.example" }), null, PUBLIC)).toEqual({ ok: true });
  });

  it("refuses a foreign Origin", () => {
    expect(checkSameOrigin(post({ host: "shop.test:3000", origin: "https://evil.example" }), null, PUBLIC)).toEqual({ ok: false, code: "FORBIDDEN_ORIGIN" });
  });

  it("reads the double-submit cookie among others", () => {
    const headers = { host: "shop.test", cookie: `caravan_market=DE; caravan_csrf=${TOKEN}; NEXT_LOCALE=de` };
    expect(checkSameOrigin(post(headers), TOKEN, PUBLIC)).toEqual({ ok: true });
    expect(checkSameOrigin(post(headers), null, PUBLIC)).toEqual({ ok: false, code: "FORBIDDEN_ORIGIN" });
    expect(checkSameOrigin(post({ host: "shop.test", cookie: `xcaravan_csrf=${TOKEN}` }), TOKEN, PUBLIC)).toEqual({ ok: false, code: "FORBIDDEN_ORIGIN" });
  });
});
