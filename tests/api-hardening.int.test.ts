/**
 * The public API and the form post as HTTP exchanges, through their route handlers, with
 * small limits of their own (read once per process from the environment).
 */
import { describe, expect, inject, it } from "vitest";
import { LANDED_COST_EXAMPLE_REQUEST } from "@/lib/domain/trade/openapi";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.CARAVAN_RATE_LIMIT_API = "4/60";
process.env.CARAVAN_RATE_LIMIT_FORMS = "3/60";
process.env.CARAVAN_MAX_BODY_BYTES = "2048";
process.env.CARAVAN_PUBLIC_URL = "https://shop.example";
const landedCost = await import("@/app/api/v1/landed-cost/route");
const market = await import("@/app/api/preferences/market/route");
const openapi = await import("@/app/api/v1/openapi.json/route");

let client = 0;
/** A new client address per call: each test gets budgets of its own. */
const freshClient = () => `198.51.100.${++client}`;

function apiPost(body: BodyInit, headers: Record<string, string> = {}, ip = freshClient()) {
  return landedCost.POST(
    new Request("http://shop.test/api/v1/landed-cost", { method: "POST", body, headers: { "content-type": "application/json", "x-forwarded-for": ip, ...headers } }),
  );
}

const TOKEN = "6f1c2a8e-3b7d-4c55-9e0a-1f2b3c4d5e6f";

function formPost(fields: Record<string, string>, headers: Record<string, string> = {}, ip = freshClient()) {
  return market.POST(
    new Request("http://shop.test/api/preferences/market", {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { host: "shop.test", origin: "http://shop.test", "x-forwarded-for": ip, ...headers },
    }),
  );
}

describe("POST /api/v1/landed-cost over HTTP", () => {
  it("quotes the example with the rate-limit headers and no caching", async () => {
    const response = await apiPost(JSON.stringify(LANDED_COST_EXAMPLE_REQUEST));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("ratelimit-policy")).toBe('"api";q=4;w=60');
    expect(response.headers.get("ratelimit")).toMatch(/^"api";r=3;t=\d+$/);
  });

  it.each([
    ["no content type", {}],
    ["text/plain", { "content-type": "text/plain" }],
    ["form encoding", { "content-type": "application/x-www-form-urlencoded" }],
    ["another charset", { "content-type": "application/json; charset=iso-8859-1" }],
  ])("answers 415 for %s", async (_name, headers) => {
    const response = await landedCost.POST(
      new Request("http://shop.test/api/v1/landed-cost", { method: "POST", body: JSON.stringify(LANDED_COST_EXAMPLE_REQUEST), headers: { "x-forwarded-for": freshClient(), ...headers } }),
    );
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: "UNSUPPORTED_MEDIA_TYPE" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("accepts a UTF-8 charset parameter", async () => {
    const response = await apiPost(JSON.stringify(LANDED_COST_EXAMPLE_REQUEST), { "content-type": "application/json; charset=UTF-8" });
    expect(response.status).toBe(200);
  });

  it("answers 413 above the configured body size", async () => {
    const big = JSON.stringify({ ...LANDED_COST_EXAMPLE_REQUEST, pad: "x".repeat(3000) });
    const response = await apiPost(big);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "PAYLOAD_TOO_LARGE" });
    const items = await apiPost(JSON.stringify({ ...LANDED_COST_EXAMPLE_REQUEST, parcels: Array.from({ length: 10_000 }, () => 0) }));
    expect(items.status).toBe(413);
  });

  it.each([
    ["not JSON", "{nope", [], "INVALID_JSON"],
    ["a NUL in a product id", JSON.stringify({ ...LANDED_COST_EXAMPLE_REQUEST, parcels: [{ ...LANDED_COST_EXAMPLE_REQUEST.parcels[0], items: [{ productId: "prd\u0000", quantity: 1 }] }] }), ["parcels", 0, "items", 0, "productId"], "INVALID_CHARACTER"],
    ["year zero", JSON.stringify({ ...LANDED_COST_EXAMPLE_REQUEST, date: "0000-01-01" }), ["date"], "DATE_OUT_OF_RANGE"],
    ["30 February", JSON.stringify({ ...LANDED_COST_EXAMPLE_REQUEST, date: "2026-02-30" }), ["date"], "INVALID_DATE"],
    ["200 parcels", JSON.stringify({ ...LANDED_COST_EXAMPLE_REQUEST, parcels: Array.from({ length: 200 }, () => 0) }), ["parcels"], "TOO_MANY_PARCELS"],
    ["deep nesting", JSON.stringify({ destination: "DE" }).slice(0, -1) + `,"parcels":${"[".repeat(900)}${"]".repeat(900)}}`, ["parcels", 0], "INVALID_TYPE"],
  ])("answers 400 with a field path for %s", async (_name, body, path, code) => {
    const response = await apiPost(body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: string; issues: { path: unknown; code: string }[] };
    expect(json.error).toBe("INVALID_REQUEST");
    expect(json.issues).toContainEqual({ path, code });
  });

  it("answers 422, not 500, for amounts that overflow once summed", async () => {
    const item = { hsCode: "090210", kind: "physical", quantity: 10_000, unitPrice: { amountMinor: 900_000_000_000, currency: "JPY" } };
    const parcel = { origin: "JP", shipping: { amountMinor: 0, currency: "JPY" }, items: [item, item] };
    const response = await apiPost(JSON.stringify({ destination: "US", date: "2026-08-01", currency: "JPY", parcels: [parcel, parcel] }).replace(/\s/g, ""));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: "QUOTE_REJECTED", errors: [{ code: "AMOUNT_TOO_LARGE" }] });
  });

  it("answers 429 once the client's budget is spent, with Retry-After, while another client goes on", async () => {
    const ip = freshClient();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await apiPost("{nope", {}, ip)).status);
    expect(statuses).toEqual([400, 400, 400, 400]);
    const refused = await apiPost(JSON.stringify(LANDED_COST_EXAMPLE_REQUEST), {}, ip);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: "RATE_LIMITED" });
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit")).toMatch(/^"api";r=0;t=\d+$/);
    expect((await apiPost(JSON.stringify(LANDED_COST_EXAMPLE_REQUEST))).status).toBe(200);
  });

  it("publishes 413, 415 and 429 in the OpenAPI document", async () => {
    const doc = (await openapi.GET().json()) as { paths: Record<string, { post: { responses: Record<string, unknown> } }> };
    expect(Object.keys(doc.paths["/api/v1/landed-cost"]!.post.responses)).toEqual(["200", "400", "413", "415", "422", "429"]);
  });
});

describe("POST /api/preferences/market over HTTP", () => {
  const setCookie = (response: Response) => response.headers.get("set-cookie") ?? "";

  it("remembers the market and returns to the page", async () => {
    const response = await formPost({ country: "JP", returnTo: "/en/catalogue?page=2" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/en/catalogue?page=2");
    expect(setCookie(response)).toContain("caravan_market=JP");
    expect(response.headers.get("ratelimit-policy")).toBe('"forms";q=3;w=60');
    expect(setCookie(response)).not.toMatch(/Secure/i);
  });

  it("marks the cookie Secure when the request came over HTTPS through a proxy", async () => {
    const response = await formPost({ country: "JP", returnTo: "/en" }, { "x-forwarded-proto": "https" });
    expect(response.status).toBe(303);
    expect(setCookie(response)).toMatch(/caravan_market=JP;.*Secure/i);
  });

  it.each([
    ["/%09/evil.example", "/%09/evil.example"],
    ["/\t/evil.example", "/fr"],
    ["//evil.example", "/fr"],
    ["/\\evil.example", "/fr"],
    ["https://evil.example/", "/fr"],
    ["/日本", "/%E6%97%A5%E6%9C%AC"],
    ["/\u0000", "/fr"],
    ["/\u0085x", "/fr"],
  ])("sends returnTo %j to %j, never to another host nor a 500", async (returnTo, location) => {
    const response = await formPost({ country: "DE", returnTo }, { "accept-language": "fr-FR" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(location);
    expect(new URL(response.headers.get("location")!, "http://shop.test/de").host).toBe("shop.test");
  });

  it("falls back to a same-origin Referer, never one that resolves elsewhere", async () => {
    const ok = await formPost({ country: "DE" }, { referer: "http://shop.test/ja/products/x?y=1" });
    expect(ok.headers.get("location")).toBe("/ja/products/x?y=1");
    const evil = await formPost({ country: "DE" }, { referer: "http://shop.test//evil.example/", cookie: "NEXT_LOCALE=ar" });
    expect(evil.headers.get("location")).toBe("/ar");
  });

  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["an opaque Origin", { origin: "null" }],
    ["no Origin and a cross-site fetch", { origin: "", "sec-fetch-site": "cross-site" }],
    ["no Origin, no fetch metadata, no token", { origin: "" }],
    ["no Origin and a token that does not match", { origin: "", cookie: `caravan_csrf=${TOKEN}` }],
  ])("refuses %s with 403 and changes nothing", async (_name, headers) => {
    const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ""));
    const request = new Request("http://shop.test/api/preferences/market", {
      method: "POST",
      body: new URLSearchParams({ country: "JP", returnTo: "/en", csrf: TOKEN.replace("6", "7") }),
      headers: { host: "shop.test", "x-forwarded-for": freshClient(), ...clean },
    });
    const response = await market.POST(request);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "FORBIDDEN_ORIGIN" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("accepts the public origin, Sec-Fetch-Site same-origin, or a matching double-submit token", async () => {
    expect((await formPost({ country: "JP" }, { origin: "https://shop.example" })).status).toBe(303);
    const noOrigin = (headers: Record<string, string>, fields: Record<string, string> = {}) =>
      market.POST(
        new Request("http://shop.test/api/preferences/market", {
          method: "POST",
          body: new URLSearchParams({ country: "JP", ...fields }),
          headers: { host: "shop.test", "x-forwarded-for": freshClient(), ...headers },
        }),
      );
    expect((await noOrigin({ "sec-fetch-site": "same-origin" })).status).toBe(303);
    expect((await noOrigin({ cookie: `caravan_csrf=${TOKEN}` }, { csrf: TOKEN })).status).toBe(303);
  });

  it("answers 413 for an oversized form, setting nothing", async () => {
    const response = await formPost({ country: "JP", returnTo: `/${"a".repeat(20_000)}` });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "PAYLOAD_TOO_LARGE" });
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("answers 429 with JSON once the client's form budget is spent, setting nothing", async () => {
    const ip = freshClient();
    for (let i = 0; i < 3; i++) expect((await formPost({ country: "JP", returnTo: "/en" }, {}, ip)).status).toBe(303);
    const refused = await formPost({ country: "DE", returnTo: "/en" }, {}, ip);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: "RATE_LIMITED" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });
});
