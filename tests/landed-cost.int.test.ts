import { describe, expect, inject, it } from "vitest";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";
import { LANDED_COST_EXAMPLE_REQUEST } from "@/lib/domain/trade/openapi";
import { fixedClock } from "@/lib/domain/clock";

process.env.DATABASE_URL = inject("databaseUrl");
const { quoteLandedCostRequest } = await import("@/lib/server/trade/quote");
const { quoteProductDelivery } = await import("@/lib/server/trade/product-delivery");
const { getProduct } = await import("@/lib/server/catalogue/entities");
const { loadFxTable } = await import("@/lib/server/catalogue/fx");

const TODAY = "2026-11-28";
const AT_TODAY = fixedClock(new Date(`${TODAY}T12:00:00Z`));
const example = LANDED_COST_EXAMPLE_REQUEST;

type Money = { amountMinor: number; currency: string };
const add = (...ms: Money[]) => ms.reduce((n, m) => n + m.amountMinor, 0);

describe("POST /api/v1/landed-cost service", () => {
  it("prices the documented example under the EU low-value regime with exact sums", async () => {
    const result = await quoteLandedCostRequest(example, TODAY);
    expect(result.status).toBe(200);
    if (result.status !== 200) return;
    const quote = result.body;
    const parcel = quote.parcels[0]!;
    expect(parcel.regime).toBe("EU_IOSS");
    expect(parcel.incoterm).toBe("DDP");
    // 2026-08-01 is after the EUR 3 flat duty started (one HS subheading).
    expect(parcel.duty).toEqual({ amountMinor: 300, currency: "EUR" });
    expect(parcel.total.amountMinor).toBe(add(parcel.goods, parcel.shipping, parcel.duty, parcel.tax, parcel.fees));
    expect(quote.total.amountMinor).toBe(add(...quote.parcels.map((p) => p.total)));
    expect(quote.rules.map((r) => r.id)).toEqual(expect.arrayContaining(["regime.eu.ioss", "duty.eu.flat-low-value", "vat.DE"]));
    expect(quote.fxRates[0]).toMatchObject({ from: "JPY", to: "EUR", rateDate: "2026-11-27" });
  });

  it("defaults the date to today and the currency to the destination's", async () => {
    const body = { destination: "JP", parcels: [{ ...example.parcels[0]!, origin: "DE" }] };
    const result = await quoteLandedCostRequest(body, TODAY);
    expect(result.status).toBe(200);
    if (result.status === 200) expect(result.body).toMatchObject({ currency: "JPY", date: TODAY });
  });

  it("resolves catalogue products by id, judging each seller's parcel on its own", async () => {
    const tea = PRODUCTS.find((p) => p.sellerId === SELLERS.find((s) => s.country === "JP")!.id && p.kind === "PHYSICAL")!;
    const knife = PRODUCTS.find((p) => p.sellerId === SELLERS.find((s) => s.country === "DE")!.id && p.kind === "PHYSICAL")!;
    const result = await quoteLandedCostRequest(
      {
        destination: "GB",
        date: TODAY,
        parcels: [
          { origin: "JP", shipping: { amountMinor: 0, currency: "JPY" }, items: [{ productId: tea.id, quantity: 1 }] },
          { origin: "DE", shipping: { amountMinor: 0, currency: "EUR" }, items: [{ productId: knife.id, quantity: 1 }] },
        ],
      },
      TODAY,
    );
    expect(result.status).toBe(200);
    if (result.status !== 200) return;
    expect(result.body.parcels).toHaveLength(2);
    expect(result.body.currency).toBe("GBP");
    expect(result.body.total.amountMinor).toBe(add(...result.body.parcels.map((p) => p.total)));
  });

  it.each([
    ["an unknown country", { ...example, destination: "XX" }, ["destination"]],
    ["an HS code that is not 6-10 digits", { ...example, parcels: [{ ...example.parcels[0]!, items: [{ ...example.parcels[0]!.items[0]!, hsCode: "0902" }] }] }, ["parcels", 0, "items", 0, "hsCode"]],
    ["negative minor units", { ...example, parcels: [{ ...example.parcels[0]!, shipping: { amountMinor: -1, currency: "JPY" } }] }, ["parcels", 0, "shipping", "amountMinor"]],
    ["fractional minor units", { ...example, parcels: [{ ...example.parcels[0]!, items: [{ ...example.parcels[0]!.items[0]!, unitPrice: { amountMinor: 10.5, currency: "JPY" } }] }] }, ["parcels", 0, "items", 0, "unitPrice", "amountMinor"]],
    ["an unsupported currency", { ...example, currency: "XYZ" }, ["currency"]],
    ["an unknown product", { ...example, parcels: [{ ...example.parcels[0]!, items: [{ productId: "prd_nope", quantity: 1 }] }] }, ["parcels", 0, "items", 0, "productId"]],
  ])("answers 400 with the field path for %s", async (_name, body, path) => {
    const result = await quoteLandedCostRequest(body, TODAY);
    expect(result.status).toBe(400);
    if (result.status === 400) expect(result.body.issues.map((i) => i.path)).toContainEqual(path);
  });

  it("answers 422 when digital evidence contradicts itself", async () => {
    const result = await quoteLandedCostRequest(
      {
        destination: "FR",
        date: TODAY,
        evidence: { billingCountry: "FR", ipCountry: "DE" },
        parcels: [{ origin: "US", shipping: { amountMinor: 0, currency: "USD" }, items: [{ kind: "digital", quantity: 1, unitPrice: { amountMinor: 999, currency: "USD" }, taxCategory: "ebook" }] }],
      },
      TODAY,
    );
    expect(result.status).toBe(422);
    if (result.status === 422) expect(result.body.errors[0]!.code).toBe("EVIDENCE_CONFLICT");
  });
});

describe("delivered price on the product page", () => {
  const jp = PRODUCTS.find((p) => p.id === "prd_001") ?? PRODUCTS.find((p) => p.originCountry === "JP" && p.kind === "PHYSICAL")!;
  const market = (c: string) => findMarket(c) as MarketDefinition;

  it("differs between Germany and the United States, each under its own regime", async () => {
    const fx = await loadFxTable();
    const de = quoteProductDelivery((await getProduct(jp.slug, "en", market("DE")))!, market("DE"), fx, AT_TODAY);
    const us = quoteProductDelivery((await getProduct(jp.slug, "en", market("US")))!, market("US"), fx, AT_TODAY);
    expect(de.ok && us.ok).toBe(true);
    if (!de.ok || !us.ok) return;
    expect(de.quote.parcels[0]!.regime).toBe("EU_IOSS");
    expect(us.quote.parcels[0]!.regime).toBe("US_IMPORT");
    expect(de.quote.currency).toBe("EUR");
    expect(us.quote.currency).toBe("USD");
    expect(de.quote.tax.amountMinor).toBeGreaterThan(0);
    expect(us.quote.tax.amountMinor).toBe(0);
  });

  it("reports seeds for sowing as restricted in Australia", async () => {
    const seeds = PRODUCTS.find((p) => p.hsCode?.startsWith("1209"))!;
    const fx = await loadFxTable();
    const au = quoteProductDelivery((await getProduct(seeds.slug, "en", market("AU")))!, market("AU"), fx, AT_TODAY);
    expect(au.ok).toBe(true);
    if (au.ok) expect(au.quote.restrictions[0]).toMatchObject({ reason: "trade.restriction.au.seedsForSowing" });
    const gb = quoteProductDelivery((await getProduct(seeds.slug, "en", market("GB")))!, market("GB"), fx, AT_TODAY);
    if (gb.ok) expect(gb.quote.restrictions).toEqual([]);
  });

  it("applies a seeded seller's DAP choice to a DDP market", async () => {
    const dapSeller = SELLERS.find((s) => s.incoterm === "DAP")!;
    const coffee = PRODUCTS.find((p) => p.sellerId === dapSeller.id && p.kind === "PHYSICAL")!;
    const product = (await getProduct(coffee.slug, "en", market("DE")))!;
    expect(product.seller.incoterm).toBe("DAP");
    const quote = quoteProductDelivery(product, market("DE"), await loadFxTable(), AT_TODAY);
    expect(quote.ok && quote.quote.parcels[0]!.incoterm).toBe("DAP");
  });

  it("uses the seller's incoterm over the market's default", async () => {
    const product = (await getProduct(jp.slug, "en", market("DE")))!;
    const fx = await loadFxTable();
    const dap = quoteProductDelivery({ ...product, seller: { ...product.seller, incoterm: "DAP" } }, market("DE"), fx, AT_TODAY);
    expect(dap.ok && dap.quote.parcels[0]!.incoterm).toBe("DAP");
  });
});
