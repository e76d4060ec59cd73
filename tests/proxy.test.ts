import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

function request(path: string, headers: Record<string, string> = {}, init: { method?: string; origin?: string } = {}) {
  return new NextRequest(new URL(path, init.origin ?? "http://shop.test"), { headers, method: init.method ?? "GET" });
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

describe("proxy: the table of surfaces", () => {
  const US = { cookie: "caravan_market=US" };
  // Dynamic surfaces first check that the database answers: give them something that does.
  let database: net.Server;
  const savedUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    database = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => database.listen(0, "127.0.0.1", resolve));
    process.env.DATABASE_URL = `postgresql://u:p@127.0.0.1:${(database.address() as net.AddressInfo).port}/db`;
  });
  afterAll(() => {
    database.close();
    process.env.DATABASE_URL = savedUrl;
  });
  const browse = ["/en", "/en/catalogue", "/en/products/tea", "/en/sellers/kyoto-tea", "/en/help"];

  for (const method of ["GET", "POST"]) {
    for (const path of browse) {
      it(`${method} ${path}: browse, rewritten into the market and marked as varying by cookie`, async () => {
        const response = await proxy(request(path, US, { method }));
        expect(response.status).toBe(200);
        expect(rewriteOf(response)).toBe(path.replace(/^\/en/, "/en/us"));
        expect(response.headers.get("vary")).toBe("Cookie");
        expect(response.headers.get("cache-control")).toBeNull();
      });
    }

    it(`${method} /en/cart: per-user, priced in the market, never cached`, async () => {
      const response = await proxy(request("/en/cart", US, { method }));
      expect(rewriteOf(response)).toBe("/en/us/cart");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    });

    for (const path of ["/en/checkout", "/en/checkout/address", "/ar/sign-in", "/de/downloads/expired"]) {
      it(`${method} ${path}: per-user outside the market, locale prefix only`, async () => {
        const response = await proxy(request(path, US, { method }));
        expect(response.headers.get("x-middleware-rewrite")).toBeNull();
        expect(response.headers.get("x-middleware-next")).toBe("1");
        expect(response.headers.get("cache-control")).toBe("private, no-store");
      });
    }

    for (const path of ["/en/account", "/en/orders/CV-1", "/de/seller/products", "/ja/admin"]) {
      it(`${method} ${path}: signed-in surface sends a visitor without a session to sign in and back`, async () => {
        const response = await proxy(request(`${path}?tab=1`, US, { method }));
        expect(response.status).toBe(303);
        const location = new URL(response.headers.get("location")!);
        expect(location.origin).toBe("http://shop.test");
        expect(location.pathname).toBe(`/${path.split("/")[1]}/sign-in`);
        expect(location.searchParams.get("returnTo")).toBe(`${path}?tab=1`);
      });

      it(`${method} ${path}: with a session cookie it goes through (the service decides)`, async () => {
        const response = await proxy(request(path, { cookie: "caravan_market=US; caravan.session_token=abc" }, { method }));
        expect(response.headers.get("x-middleware-next")).toBe("1");
        expect(response.headers.get("cache-control")).toBe("private, no-store");
      });
    }
  }

  for (const method of ["GET", "POST"]) {
    for (const path of ["/ja/orders/lookup", "/ar/orders/lookup"]) {
      it(`${method} ${path}: the guests' order lookup opens without a session, never cached`, async () => {
        const response = await proxy(request(path, US, { method }));
        expect(response.status).toBe(200);
        expect(response.headers.get("x-middleware-next")).toBe("1");
        expect(response.headers.get("cache-control")).toBe("private, no-store");
      });
    }
    for (const path of ["/en/orders/lookup/CV-1", "/en/orders/lookups", "/en/account/lookup"]) {
      it(`${method} ${path}: only the lookup itself is open; the rest of the surface still needs a session`, async () => {
        const response = await proxy(request(path, US, { method }));
        expect(response.status).toBe(303);
        expect(new URL(response.headers.get("location")!).pathname).toBe("/en/sign-in");
      });
    }
  }

  it("search is browse, rendered per request and never cached", async () => {
    const response = await proxy(request("/en/search?q=tea", US));
    expect(rewriteOf(response)).toBe("/en/us/search");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("answers 405 to methods no page answers, with Allow", async () => {
    // TRACE cannot even become a Request: lib/server/http/node-guard.ts answers it below Next.
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const response = await proxy(request("/en/help", US, { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, POST");
    }
  });

  it("answers 400 to paths that cannot be decoded or hold control characters", async () => {
    for (const path of ["/en/products/%ZZ", "/en/products/%", "/en/sellers/%00", "/en/catalogue/%E0%A4%A", "/images/products/%ZZ/0.svg", "/%ff", "/en/products/a%0Ab"]) {
      const response = await proxy(request(path, US));
      expect(response.status, path).toBe(400);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("lets generated images through untouched", async () => {
    const response = await proxy(request("/images/products/p1/0.svg", US));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("lets uploaded photo renditions through untouched, without a locale redirect", async () => {
    const response = await proxy(request("/media/i0123456789abcdef0123456789abcdef/640.webp", US));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("answers unknown and over-long paths with one uncached 404, whatever was asked", async () => {
    const paths = [
      "/en/nowhere",
      "/en/kw/catalogue/a.b",
      "/en/us/products/tea",
      "/en/catalogue/books",
      "/en/products/tea/extra",
      "/en/downloads/expired/extra",
      "/en/" + Array.from({ length: 500 }, () => "catalogue").join("/"),
    ];
    for (const path of paths) {
      const response = await proxy(request(path, US));
      expect(response.status, path).toBe(404);
      expect(rewriteOf(response), path).toBe("/en/us/missing");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("marks cookies Secure over HTTPS, directly or behind a proxy that says so", async () => {
    const direct = await proxy(request("/en", { "accept-language": "en-GB" }, { origin: "https://shop.test" }));
    expect(direct.headers.get("set-cookie")).toMatch(/caravan_market=GB;.*Secure/i);
    const forwarded = await proxy(request("/en", { "accept-language": "en-GB", "x-forwarded-proto": "https" }));
    expect(forwarded.headers.get("set-cookie")).toMatch(/Secure/i);
    const plainHttp = await proxy(request("/en", { "accept-language": "en-GB" }));
    expect(plainHttp.headers.get("set-cookie")).not.toMatch(/Secure/i);
  });

  it("sets no cookie when both preferences are already remembered", async () => {
    const response = await proxy(request("/en/help", { cookie: "caravan_market=US; NEXT_LOCALE=en" }));
    expect(response.headers.get("set-cookie")).toBeNull();
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
