import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect } from "./fixtures";
import { CATEGORIES, PRODUCTS, SELLERS } from "../prisma/seed-data";
import { LOCALES, MARKETS } from "../lib/domain/markets";
import { catalogueQueryEntries, decodeQuerySegments } from "../lib/domain/catalogue/query";

/**
 * Adversarial requests against the running store (property-based, fast-check): paths,
 * query strings, cookies, headers, JSON and form bodies. Whatever a client sends, the
 * store never answers 5xx, never redirects off its own origin, never shows a stack
 * trace or a file path, and caches only pages of the real catalogue.
 */
const DIST = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const LEAKS = [
  /\bat [\w$.<>]+ \((?:file:|\/|node:)/, // a stack frame
  /(?:\/[\w.-]+){2,}\.(?:ts|tsx|mjs|cjs|js):\d+/, // a source path with a line
  /node_modules\//,
  new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
];

/** A distinct, valid client address per request: each fuzz run has rate-limit budgets of its own. */
let clients = 0;
const clientAddress = () => {
  clients += 1;
  return `198.51.${(clients >> 8) & 255}.${clients & 255}`;
};

async function check(response: APIResponse, what: string, baseURL: string) {
  const status = response.status();
  expect(status, `${what} answered ${status}`).toBeLessThan(500);
  if (status >= 300 && status < 400) {
    const location = response.headers()["location"];
    if (location) expect(new URL(location, baseURL).origin, `${what} redirected to ${location}`).toBe(new URL(baseURL).origin);
  }
  const body = await response.text().catch(() => "");
  for (const leak of LEAKS) expect(body, `${what} shows ${leak}`).not.toMatch(leak);
}

// ---- generators -------------------------------------------------------------------

const nasty = fc.constantFrom(
  "%", "%ZZ", "%00", "%0a", "%e0%a4%a", "%ff", "%2e%2e", "..", ".", "%2f", "%5c", "a.b", "~", "%c0%af",
  "日本", "%E6%97%A5", "\u202e", "null", "undefined", "constructor", "__proto__", "<script>", "'\"", ";", "$", "{}", "[]",
);
const segment = fc.oneof(
  nasty,
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.stringMatching(/^[a-z0-9-]{1,40}$/),
  fc.constantFrom(...PRODUCTS.slice(0, 5).map((p) => p.slug), ...SELLERS.slice(0, 3).map((s) => s.handle)),
  fc.nat({ max: 2000 }).map((n) => "x".repeat(n)),
);
const prefix = fc.constantFrom(
  "/", "/en/", "/ar/", "/ja/products/", "/de/sellers/", "/en/catalogue/", "/en/search/", "/images/products/",
  "/en/kw/", "/en/us/catalogue/", "/xx/", "/api/v1/", "/api/preferences/", "/en/account/", "/en/checkout/", "/_next/",
);
const pathArb = fc
  .tuple(prefix, fc.array(segment, { maxLength: 6 }), fc.boolean())
  .map(([p, segs, deep]) => p + segs.join("/") + (deep ? "/" + Array.from({ length: 300 }, () => "catalogue").join("/") : ""));

const queryValue = fc.oneof(nasty, fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom("-1", "1e9", "0x10", "9".repeat(40), "1.5", " 12 "));
const queryKey = fc.constantFrom("category", "origin", "kind", "min", "max", "sort", "page", "q", "returnTo", "_rsc", "__proto__");
const queryArb = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 6 })
  .map((pairs) => (pairs.length ? "?" + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&") : ""));

/** Header values as a client can send them: bytes, not text, so anything beyond ASCII arrives percent-encoded. */
const asHeader = (v: string) => v.replace(/[^\x20-\x7e]/g, (c) => encodeURIComponent(c));
const headerValue = fc.oneof(fc.string({ maxLength: 60 }), nasty).map(asHeader);
const headersArb = fc.record(
  {
    cookie: fc
      .tuple(fc.constantFrom("caravan_market", "NEXT_LOCALE", "caravan.session_token", "caravan_csrf", "x"), headerValue)
      .map(([k, v]) => `${k}=${v.replace(/[;,]/g, "")}`),
    "accept-language": headerValue,
    referer: fc.oneof(fc.constant("http://evil.example//x/"), fc.webUrl(), headerValue),
    origin: fc.oneof(fc.constant("null"), fc.webUrl({ withFragments: false, withQueryParameters: false }), headerValue),
    "x-forwarded-proto": fc.constantFrom("http", "https", "gopher", ""),
    "x-forwarded-host": fc.constantFrom("evil.example", "", "127.0.0.1"),
    rsc: fc.constantFrom("1", "0"),
  },
  { requiredKeys: [] },
);

const amount = fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER), fc.string({ maxLength: 8 }), fc.constant(null));
const landedCostBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .record({
      destination: fc.oneof(fc.constantFrom("DE", "JP", "US", "KW", "ZZ", ""), fc.string({ maxLength: 4 })),
      date: fc.oneof(fc.constantFrom("0000-01-01", "2026-02-30", "9999-12-31", "2026-08-01", "yesterday"), fc.string({ maxLength: 12 })),
      currency: fc.oneof(fc.constantFrom("EUR", "JPY", "KWD", "XXX", "eur"), fc.string({ maxLength: 4 })),
      parcels: fc.array(
        fc.record({
          origin: fc.constantFrom("JP", "DE", "", "??"),
          shipping: fc.record({ amountMinor: amount, currency: fc.constantFrom("JPY", "EUR", "") }),
          items: fc.array(
            fc.oneof(
              fc.record({ productId: fc.oneof(fc.constantFrom("\u0000", "prd_001", "%", "'; DROP TABLE"), fc.string({ maxLength: 20 })), quantity: amount }),
              fc.record({ hsCode: fc.string({ maxLength: 12 }), kind: fc.constantFrom("physical", "digital", "x"), quantity: amount, unitPrice: fc.record({ amountMinor: amount, currency: fc.constantFrom("JPY", "EUR") }) }),
            ),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 3 },
      ),
    }, { requiredKeys: [] })
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constant("{".repeat(5000)),
);
const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json; charset=latin1");

// ---- the properties ---------------------------------------------------------------

async function property<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, runs = RUNS) {
  // Shrinking is bounded: every shrink step is a request to the running store.
  await fc.assert(fc.asyncProperty(arb, predicate), { seed: SEED, numRuns: runs, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: true });
}

let origin = "";
function send(request: APIRequestContext, method: "GET" | "POST" | "HEAD", url: string, options: { headers?: Record<string, string>; data?: string | Buffer; form?: Record<string, string> } = {}) {
  // Absolute, so that a path starting with "//" stays a path on this server.
  return request.fetch(origin + url, { method, maxRedirects: 0, failOnStatusCode: false, timeout: 20_000, ...options, headers: { "x-forwarded-for": clientAddress(), ...options.headers } });
}

test.describe("fuzz", () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeAll(({ baseURL }) => {
    origin = new URL(baseURL!).origin;
  });

  test("paths and query strings", async ({ request, baseURL }) => {
    await property(fc.tuple(pathArb, queryArb, fc.constantFrom("GET", "HEAD", "POST") as fc.Arbitrary<"GET" | "HEAD" | "POST">), async ([p, q, method]) => {
      await check(await send(request, method, p + q), `${method} ${p}${q}`, baseURL!);
    }, RUNS * 3);
  });

  test("catalogue and search parameters", async ({ request, baseURL }) => {
    await property(fc.tuple(fc.constantFrom("/en/catalogue", "/ja/catalogue", "/ar/search", "/de/search"), queryArb), async ([p, q]) => {
      await check(await send(request, "GET", p + q, { headers: { cookie: "caravan_market=KW" } }), `GET ${p}${q}`, baseURL!);
    });
  });

  test("cookies and headers", async ({ request, baseURL }) => {
    await property(fc.tuple(fc.constantFrom("/", "/en", "/fr/catalogue?page=2", "/ja/products/" + PRODUCTS[0]!.slug, "/en/account"), headersArb), async ([p, headers]) => {
      await check(await send(request, "GET", p, { headers }), `GET ${p} ${JSON.stringify(headers)}`, baseURL!);
    });
  });

  test("landed-cost bodies and content types", async ({ request, baseURL }) => {
    await property(fc.tuple(landedCostBody, contentType), async ([body, type]) => {
      const response = await send(request, "POST", "/api/v1/landed-cost", { headers: type ? { "content-type": type } : {}, data: body });
      await check(response, `POST landed-cost ${type} ${body.slice(0, 120)}`, baseURL!);
      expect([200, 400, 413, 415, 422, 429], body.slice(0, 120)).toContain(response.status());
    });
    const huge = await send(request, "POST", "/api/v1/landed-cost", { headers: { "content-type": "application/json" }, data: Buffer.alloc(2 * 1024 * 1024, 0x20) });
    expect(huge.status()).toBe(413);
  });

  test("market preference form posts", async ({ request, baseURL }) => {
    const field = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.constantFrom("/%09/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/日本", "/\u0000"));
    const form = fc.record({ country: fc.oneof(fc.constantFrom("JP", "zz", ""), field), returnTo: field, csrf: field }, { requiredKeys: [] });
    const origin = fc.constantFrom(baseURL!, "https://evil.example", "null", "");
    await property(fc.tuple(form, origin, headersArb), async ([fields, from, headers]) => {
      const response = await send(request, "POST", "/api/preferences/market", { form: fields, headers: { ...headers, ...(from ? { origin: from } : {}) } });
      await check(response, `POST market ${JSON.stringify(fields)} from ${from}`, baseURL!);
      if (from && from !== baseURL) expect(response.status()).not.toBe(303);
    });
  });

  test("afterwards the page cache holds only pages of the real catalogue", async () => {
    const problems = unexpectedCacheEntries();
    expect(problems, problems.slice(0, 10).join("\n")).toEqual([]);
    const fetchCache = path.join(DIST, "cache", "fetch-cache");
    const tagMarkers = fs.existsSync(fetchCache) ? fs.readdirSync(fetchCache).filter((f) => !f.startsWith(".")).length : 0;
    // One marker per distinct set of page tags: a product, a seller, the listings, the sitemap.
    expect(tagMarkers).toBeLessThanOrEqual(PRODUCTS.length + SELLERS.length + 4);
  });
});

/** Every page in the cache, as its internal path, that is not a page of the seeded catalogue. */
function unexpectedCacheEntries(): string[] {
  const root = path.join(DIST, "server", "app");
  const slugs = new Set(PRODUCTS.map((p) => p.slug));
  const handles = new Set(SELLERS.map((s) => s.handle));
  const categories = new Set(CATEGORIES.map((c) => c.slug));
  const markets = new Map(MARKETS.map((m) => [m.country.toLowerCase(), m]));
  const locales = new Set<string>(LOCALES);
  const problems: string[] = [];
  // Prerendered by the build: bounded by what the build prerenders. What matters is
  // what requests added since.
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, "prerender-manifest.json"), "utf8")) as { routes: Record<string, unknown> };
  const prerendered = new Set(Object.keys(manifest.routes).map((route) => route.replace(/^\//, "")));
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.endsWith(".segments")) walk(full);
        continue;
      }
      if (!entry.name.endsWith(".meta")) continue;
      const key = path.relative(root, full).replace(/\.meta$/, "").split(path.sep);
      if (prerendered.has(key.join("/"))) continue;
      if (key.some((part) => part.startsWith("_") || part.startsWith("[") || part === "index")) continue; // build artefacts
      const [locale, marketSegment, kind, ...rest] = key.map(decodeURIComponent);
      const market = markets.get(marketSegment ?? "");
      if (!locale || !locales.has(locale) || !market) {
        if (key.length > 1 || !locales.has(key[0]!)) problems.push(key.join("/"));
        continue;
      }
      const ok =
        kind === undefined ||
        (kind === "help" && rest.length === 0) ||
        (kind === "products" && rest.length === 1 && slugs.has(rest[0]!)) ||
        (kind === "sellers" && rest.length === 1 && handles.has(rest[0]!)) ||
        (kind === "catalogue" && canonicalListing(rest, market.currency, categories));
      if (!ok) problems.push(key.join("/"));
    }
  };
  if (fs.existsSync(root)) walk(root);
  return problems;
}

function canonicalListing(segments: string[], currency: (typeof MARKETS)[number]["currency"], categories: Set<string>): boolean {
  const query = decodeQuerySegments(segments.map(encodeURIComponent), currency);
  const canonical = catalogueQueryEntries(query, currency).map(([k, v]) => `${k}=${v}`);
  if (canonical.join("/") !== segments.join("/")) return false;
  if (query.category && !categories.has(query.category)) return false;
  return query.minMinor === undefined && query.maxMinor === undefined;
}
