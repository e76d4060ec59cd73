import pg from "pg";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PANEL_ROUTES, type PanelRoute } from "./panel-routes";
import { DEMO, signIn } from "./sign-in";

/**
 * The panels authorise every caller themselves: a seller member reaching for another
 * seller's products, variants, photos, imports or orders by id, a buyer at either panel
 * and a seller at the operator's get 404 or 403 from every page and API in
 * e2e/panel-routes.ts, and nothing of the other seller's changes.
 */
const A = "hollerbach-solingen";
const B = "ujigawa-chaho";

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

interface Ids {
  seller: string;
  product: string;
  variant: string;
  image: string;
  job: string;
  subOrder: string;
  order: string;
  shipment: string;
}

let ids: Ids;

/** Everything of seller B's that a refused request could have changed. */
async function snapshotOfB(): Promise<unknown> {
  const [seller] = await query(`SELECT status, "commissionBps", "returnDays", "vatNumber", "payoutsReady", "paymentAccountId", name FROM "Seller" WHERE id = $1`, [ids.seller]);
  const products = await query(`SELECT id, status, "hsCode", "weightGrams", "categoryId", listed FROM "Product" WHERE "sellerId" = $1 ORDER BY id`, [ids.seller]);
  const variants = await query(`SELECT v.id, v.sku, v."priceMinor", v.stock, v.name FROM "Variant" v JOIN "Product" p ON p.id = v."productId" WHERE p."sellerId" = $1 ORDER BY v.id`, [ids.seller]);
  const translations = await query(`SELECT t."productId", t.locale, t.title, t.description FROM "ProductTranslation" t JOIN "Product" p ON p.id = t."productId" WHERE p."sellerId" = $1 ORDER BY 1, 2`, [ids.seller]);
  const images = await query(`SELECT i.id, i.position, i.alt, i.status FROM "ProductImage" i JOIN "Product" p ON p.id = i."productId" WHERE p."sellerId" = $1 ORDER BY i.id`, [ids.seller]);
  const digital = await query(`SELECT (SELECT count(*) FROM "LicenceKey" k JOIN "Product" p ON p.id = k."productId" WHERE p."sellerId" = $1) AS keys, (SELECT count(*) FROM "DigitalFile" f JOIN "Product" p ON p.id = f."productId" WHERE p."sellerId" = $1) AS files`, [ids.seller]);
  const jobs = await query(`SELECT id, status, done FROM "Job" WHERE "sellerId" = $1 ORDER BY id`, [ids.seller]);
  const shipments = await query(
    `SELECT s.id, s.status, s."statusAt", (SELECT count(*) FROM "TrackingEvent" e WHERE e."shipmentId" = s.id) AS events FROM "Shipment" s JOIN "SubOrder" o ON o.id = s."subOrderId" WHERE o."sellerId" = $1 ORDER BY s.id`,
    [ids.seller],
  );
  return { seller, products, variants, translations, images, digital, jobs, shipments };
}

test.beforeAll(async () => {
  const [seller] = await query<{ id: string }>(`SELECT id FROM "Seller" WHERE handle = $1`, [B]);
  const [variant] = await query<{ id: string; productId: string }>(
    `SELECT v.id, v."productId" FROM "Variant" v JOIN "Product" p ON p.id = v."productId" WHERE p."sellerId" = $1 ORDER BY p.id, v.position LIMIT 1`,
    [seller!.id],
  );
  // Fixed ids, inserted once: every worker that runs a test of this file runs this too.
  const image = "img_access_walk";
  await query(
    `INSERT INTO "ProductImage" (id, "productId", position, "storageKey", "mimeType", width, height, "byteSize", widths, status)
     VALUES ($1, $2, 99, $3, 'image/png', 800, 800, 1000, '{320,640}', 'READY') ON CONFLICT DO NOTHING`,
    [image, variant!.productId, "access-walk-image"],
  );
  const job = "job_access_walk";
  await query(`INSERT INTO "Job" (id, kind, "sellerId", payload, status, done, total, "updatedAt") VALUES ($1, 'catalogue.import', $2, '{}', 'DONE', 1, 1, now()) ON CONFLICT DO NOTHING`, [job, seller!.id]);
  const order = "ord_access_walk";
  await query(
    `INSERT INTO "Order" (id, number, "cartId", status, locale, destination, currency, "emailSealed", quote, fingerprint, "pricingDate", "lockedUntil",
       "goodsMinor", "shippingMinor", "dutyMinor", "taxMinor", "totalMinor", "dueOnDeliveryMinor", "testMode", "accessKeyHash", "paidAt", "updatedAt")
     VALUES ($1, $2, $3, 'PAID', 'en', 'DE', 'EUR', 'sealed', '{}', 'f', '2026-12-01', now(), 1000, 0, 0, 190, 1190, 0, true, 'h', now(), now())
     ON CONFLICT DO NOTHING`,
    [order, "CV-ACCS-WALK", "cart_access_walk"],
  );
  const subOrder = "sub_access_walk";
  await query(
    `INSERT INTO "SubOrder" (id, "orderId", "sellerId", position, incoterm, regime, "goodsMinor", "shippingMinor", "dutyMinor", "taxMinor",
       "dueAtCheckoutMinor", "dueOnDeliveryMinor", "commissionBps", "commissionMinor", "sellerShareMinor", "paymentAccountId")
     VALUES ($1, $2, $3, 0, 'DDP', 'EU_IOSS', 1000, 0, 0, 190, 1190, 0, 1000, 100, 900, 'acct_access') ON CONFLICT DO NOTHING`,
    [subOrder, order, seller!.id],
  );
  const shipment = "shp_access_walk";
  await query(
    `INSERT INTO "Shipment" (id, "subOrderId", carrier, "trackingNumber", "weightGrams", "updatedAt") VALUES ($1, $2, 'simulated', 'SIM0000000001', 500, now()) ON CONFLICT DO NOTHING`,
    [shipment, subOrder],
  );
  ids = { seller: seller!.id, product: variant!.productId, variant: variant!.id, image, job, subOrder, order, shipment };
});

function pathOf(route: PanelRoute): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: keyof Ids) => encodeURIComponent(ids[name]));
}

/** The route's answer to this context's session, redirects not followed. */
async function call(request: APIRequestContext, route: PanelRoute, baseURL: string): Promise<number> {
  const url = pathOf(route);
  const response =
    route.method === "GET"
      ? await request.get(url, { maxRedirects: 0 })
      : await request.post(url, { form: { locale: "en", returnTo: "/en/seller", reason: "access check", bps: "1", status: "SUSPENDED", intent: "remove", direction: "up" }, headers: { origin: baseURL }, maxRedirects: 0 });
  return response.status();
}

async function refusals(page: Page, routes: readonly PanelRoute[], baseURL: string): Promise<string[]> {
  const wrong: string[] = [];
  for (const route of routes) {
    const status = await call(page.request, route, baseURL);
    if (status !== 404 && status !== 403) wrong.push(`${route.method} ${pathOf(route)} -> ${status}`);
  }
  return wrong;
}

test.describe("panel access", () => {
  test("a seller gets 404 or 403 from every route with another seller's ids, and nothing of theirs changes", async ({ page, baseURL }) => {
    const before = await snapshotOfB();
    await signIn(page, DEMO.seller(A));
    expect(await refusals(page, PANEL_ROUTES.filter((r) => r.access === "seller-ids"), baseURL!)).toEqual([]);
    expect(await snapshotOfB()).toEqual(before);
  });

  test("a seller gets 404 or 403 from every route of the operator's panel", async ({ page, baseURL }) => {
    const before = await snapshotOfB();
    await signIn(page, DEMO.seller(A));
    expect(await refusals(page, PANEL_ROUTES.filter((r) => r.access === "operator"), baseURL!)).toEqual([]);
    expect(await snapshotOfB()).toEqual(before);
  });

  test("a buyer gets 404 or 403 from every route of both panels", async ({ page, baseURL }) => {
    const before = await snapshotOfB();
    await signIn(page, DEMO.buyer);
    expect(await refusals(page, PANEL_ROUTES.filter((r) => r.access !== "signed-in"), baseURL!)).toEqual([]);
    expect(await snapshotOfB()).toEqual(before);
  });

  test("a signed-out visitor is sent to sign in from every panel page, and no API answers", async ({ page, baseURL }) => {
    const before = await snapshotOfB();
    const wrong: string[] = [];
    for (const route of PANEL_ROUTES) {
      const url = pathOf(route);
      const response =
        route.method === "GET"
          ? await page.request.get(url, { maxRedirects: 0 })
          : await page.request.post(url, { form: { locale: "en", returnTo: "/en/seller" }, headers: { origin: baseURL! }, maxRedirects: 0 });
      const location = response.headers()["location"] ?? "";
      const ok = response.status() === 401 || response.status() === 403 || (response.status() === 303 && location.includes("/sign-in"));
      if (!ok) wrong.push(`${route.method} ${url} -> ${response.status()} ${location}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshotOfB()).toEqual(before);
  });

  test("the seller's own pages answer the seller", async ({ page }) => {
    await signIn(page, DEMO.seller(A));
    for (const route of PANEL_ROUTES.filter((r) => r.method === "GET" && r.access === "seller" && r.file.endsWith("page.tsx"))) {
      const response = await page.request.get(pathOf(route));
      expect(response.status(), route.path).toBe(200);
    }
  });
});
