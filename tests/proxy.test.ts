import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

function request(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, "http://shop.test"), { headers });
}

const rewriteOf = (response: Response) => new URL(response.headers.get("x-middleware-rewrite") ?? "http://none/").pathname;

describe("proxy", () => {
  it("redirects a path without a locale using Accept-Language", async () => {
    const response = await proxy(request("/", { "accept-language": "ja-JP,ja;q=0.9" }));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://shop.test/ja");
  });

  it("prefers the remembered locale over Accept-Language", async () => {
    const response = await proxy(request("/catalogue", { "accept-language": "ja", cookie: "NEXT_LOCALE=de" }));
    expect(response.headers.get("location")).toBe("http://shop.test/de/catalogue");
  });

  it("sends an unsupported locale segment to a real locale, where it 404s", async () => {
    const response = await proxy(request("/xx/catalogue", { "accept-language": "fr" }));
    expect(response.headers.get("location")).toBe("http://shop.test/fr/xx/catalogue");
  });

  it("rewrites to the market from the cookie, keeping the public URL", async () => {
    const response = await proxy(request("/en/products/tea", { cookie: "caravan_market=JP" }));
    expect(rewriteOf(response)).toBe("/en/jp/products/tea");
    expect(response.headers.get("set-cookie") ?? "").not.toContain("caravan_market");
  });

  it("negotiates and remembers a market on the first visit", async () => {
    const response = await proxy(request("/en", { "accept-language": "en-GB,en;q=0.8" }));
    expect(rewriteOf(response)).toBe("/en/gb");
    expect(response.headers.get("set-cookie")).toContain("caravan_market=GB");
  });

  it("ignores a tampered market cookie", async () => {
    const response = await proxy(request("/ja", { cookie: "caravan_market=ZZ" }));
    expect(rewriteOf(response)).toBe("/ja/jp");
  });

  it("moves catalogue filters into path segments", async () => {
    const response = await proxy(request("/en/catalogue?category=books&page=2", { cookie: "caravan_market=US" }));
    expect(rewriteOf(response)).toBe("/en/us/catalogue/category=books/page=2");
  });

  it("redirects nonsense catalogue parameters to the canonical query", async () => {
    const response = await proxy(request("/en/catalogue?page=-1&min=abc&kind=digital", { cookie: "caravan_market=US" }));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://shop.test/en/catalogue?kind=digital");
  });
});

describe("proxy when the database is down", () => {
  let server: net.Server;
  let port: number;
  const saved = process.env.DATABASE_URL;
  beforeAll(async () => {
    server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => {
    server.close();
    process.env.DATABASE_URL = saved;
  });

  it("answers search with the translated 503 page", async () => {
    process.env.DATABASE_URL = "postgresql://u:p@127.0.0.1:9/db";
    const response = await proxy(request("/ja/search?q=tea", { cookie: "caravan_market=JP" }));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(rewriteOf(response)).toBe("/ja/unavailable");
  });

  it("leaves cacheable pages alone: they can still be served from the cache", async () => {
    process.env.DATABASE_URL = "postgresql://u:p@127.0.0.1:9/db";
    const response = await proxy(request("/ja/catalogue", { cookie: "caravan_market=JP" }));
    expect(rewriteOf(response)).toBe("/ja/jp/catalogue");
  });

  it("searches normally when the database answers", async () => {
    process.env.DATABASE_URL = `postgresql://u:p@127.0.0.1:${port}/db`;
    const response = await proxy(request("/ja/search?q=tea", { cookie: "caravan_market=JP" }));
    expect(response.status).toBe(200);
    expect(rewriteOf(response)).toBe("/ja/jp/search");
  });
});
