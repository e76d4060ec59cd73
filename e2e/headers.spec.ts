import fs from "node:fs";
import nodePath from "node:path";
import { test, expect } from "./fixtures";

/** What every response tells browsers and shared caches (docs/adr/0010, README "A CDN in front"). */
test.describe("response headers", () => {
  for (const path of ["/en", "/ar/catalogue", "/en/help", "/ja/search?q=tea", "/en/nowhere", "/api/v1/openapi.json", "/en/", "/api/v1/%ZZ", "/en/products/%ZZ"]) {
    test(`security headers on ${path}`, async ({ request }) => {
      const response = await request.get(path, { failOnStatusCode: false, maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).toContain("default-src 'self'");
      expect(headers["content-security-policy"]).toContain("object-src 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["x-middleware-rewrite"]).toBeUndefined();
      expect(JSON.stringify(headers)).not.toMatch(/\/en\/(us|gb)\//);
      // Plain HTTP: no HSTS promise.
      expect(headers["strict-transport-security"]).toBeUndefined();
    });
  }

  test("HSTS and Secure cookies when the request arrived over HTTPS", async ({ request }) => {
    const redirect = await request.get("/en/", { headers: { "x-forwarded-proto": "https" }, maxRedirects: 0 });
    expect(redirect.headers()["strict-transport-security"]).toContain("max-age=");
    const response = await request.get("/en", { headers: { "x-forwarded-proto": "https, http", "accept-language": "en-GB" } });
    expect(response.headers()["strict-transport-security"]).toContain("max-age=");
    const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
  });

  test("pages that depend on the market cookie say so to shared caches", async ({ request }) => {
    for (const path of ["/en", "/en/catalogue", "/en/help"]) {
      const response = await request.get(path, { headers: { cookie: "caravan_market=DE" } });
      expect(response.headers()["vary"]?.toLowerCase(), path).toContain("cookie");
    }
    const search = await request.get("/en/search?q=tea", { headers: { cookie: "caravan_market=DE" } });
    expect(search.headers()["cache-control"]).toMatch(/private|no-store/);
  });

  test("TRACE and other methods no page answers get 405, not 500", async ({ request }) => {
    for (const method of ["TRACE", "PUT", "DELETE", "OPTIONS"]) {
      const response = await request.fetch("/en/help", { method, failOnStatusCode: false });
      expect(response.status(), method).toBe(405);
    }
  });

  test("API routes answer other methods with 405 and say which they take", async ({ request }) => {
    for (const path of ["/api/v1/landed-cost", "/api/preferences/market"]) {
      for (const method of ["GET", "PUT", "DELETE", "PATCH"]) {
        const response = await request.fetch(path, { method, failOnStatusCode: false });
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers()["allow"], `${method} ${path}`).toBe("POST");
      }
    }
  });

  test("an unknown page is a real 404 page, readable without JavaScript, in the page's language", async ({ request }) => {
    const response = await request.get("/ar/no-such-page", { headers: { cookie: "caravan_market=AE" }, failOnStatusCode: false });
    expect(response.status()).toBe(404);
    const html = await response.text();
    expect(html).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"/);
    const ar = JSON.parse(fs.readFileSync(nodePath.resolve("messages/ar.json"), "utf8")) as { errors: { notFoundTitle: string } };
    expect(html).toContain(`<h1>${ar.errors.notFoundTitle}</h1>`);
  });

  test("malformed paths get 400 and unknown ones a 404, never 500", async ({ request }) => {
    for (const path of ["/en/products/%ZZ", "/en/products/%", "/en/sellers/%00", "/en/catalogue/%ZZ", "/images/products/%ZZ/0.svg"]) {
      expect((await request.get(path, { failOnStatusCode: false })).status(), path).toBe(400);
    }
    for (const path of ["/api/v1/%ZZ", "/_next/static/%", "/api/preferences/market/%E0%A4%A"]) {
      expect((await request.get(path, { failOnStatusCode: false })).status(), path).toBe(400);
    }
    for (const path of ["/en/kw/catalogue/a.b", "/en/us/help", "/en/products/no-such-thing", "/en/catalogue?category=no-such-category"]) {
      expect((await request.get(path, { failOnStatusCode: false })).status(), path).toBe(404);
    }
  });
});
