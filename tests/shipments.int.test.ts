import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Viewer } from "@/lib/domain/accounts";
import { fixedClock } from "@/lib/domain/clock";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { toDecimalString, money } from "@/lib/domain/money";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed";
import { PRODUCTS, SELLERS } from "@/prisma/seed-data";
import { pdfText } from "@/lib/server/contracts/test-support";
import { createDatabase } from "./database";
import { payOnSandbox, sessionIdOf, stockedProduct, type SeedProduct, placeTestOrder } from "./checkout-support";

/**
 * The seller's shipments on a database of their own, with an order placed and paid
 * through the real checkout and the suite's Stripe sandbox: a Kyoto tea seller's parcel
 * to Berlin (two physical lines and an e-book) beside a Solingen seller's. Full and
 * partial shipments, refusals that change nothing, manual tracking updates, the CN22 /
 * CN23 choice with its values, and the per-shipment packing slip.
 */
const url = await createDatabase(inject("databaseUrl"), `shipments_${process.pid}`);
process.env.DATABASE_URL = url;
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
process.env.CARAVAN_OUTBOX_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));

const { syncPayment } = await import("@/lib/server/checkout/fulfil");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const { getPrisma } = await import("@/lib/db/client");
const { createShipment, addTrackingUpdate, listShipments, shipmentCustoms } = await import("@/lib/server/logistics/shipments");
const { customsDeclarationPdf } = await import("@/lib/server/logistics/customs-pdf");
const { shipmentPackingSlipPdf } = await import("@/lib/server/seller/packing-slip");
const { CATALOGUES } = await import("@/lib/server/i18n/catalogues");
const { LOCALES } = await import("@/lib/domain/markets");

const db = getPrisma();
const clock = () => fixedClock(new Date());
const DE = findMarket("DE") as MarketDefinition;
const DE_ADDRESS = { email: "lena@example.de", name: "Lena Fischer", line1: "Torstraße 12", postalCode: "10119", city: "Berlin", phone: "+49 1512 3456789" };
const labels = { goods: (t: string) => t, shipping: (s: string) => `Shipping ${s}`, duty: (s: string) => `Duty ${s}`, tax: (s: string) => `Tax ${s}` };

const tea = PRODUCTS.find((p) => p.slug === "uji-sencha-green-tea-first-flush")!;
const knife = PRODUCTS.find((p) => p.slug === "kyoto-santoku-knife-165mm")!;
const ebook = PRODUCTS.find((p) => p.slug === "the-everyday-way-of-tea-ebook")!;
const german = stockedProduct("DE");
const jpSeller = SELLERS.find((s) => s.id === tea.sellerId)!;
const deSeller = SELLERS.find((s) => s.id === german.sellerId)!;

const member = (sellerId: string): Viewer => ({ userId: `usr_${sellerId}`, email: `${sellerId}@example.com`, role: "BUYER", seller: { id: sellerId, role: "OWNER" } });
const sellerA = member(jpSeller.id);
const sellerB = member(deSeller.id);
const buyer: Viewer = { userId: "usr_buyer", email: "buyer@example.com", role: "BUYER", seller: null };

const place = (items: [SeedProduct, number][]) => placeTestOrder(db, items, { market: DE, address: DE_ADDRESS, labels, clock, digitalConsent: true });

let subA: string;
let subB: string;
let unpaidSub: string;
let teaLine: { id: string; goodsMinor: number; quantity: number };
let knifeLine: { id: string; goodsMinor: number; quantity: number };
let ebookLine: { id: string };
let currency: string;

/** What a refusal must leave as it was. */
async function snapshot() {
  const [shipments, lines, events, audits] = await Promise.all([db.shipment.count(), db.shipmentLine.count(), db.trackingEvent.count(), db.auditEntry.count({ where: { action: { startsWith: "shipment." } } })]);
  return { shipments, lines, events, audits };
}

beforeAll(async () => {
  await migrate(url);
  await seed(db);
  const report = await ensureSellerAccounts(db, "http://127.0.0.1:3000");
  expect(report.failed).toBe(0);
  const placed = await place([
    [tea, 2],
    [knife, 4],
    [ebook, 1],
    [german, 1],
  ]);
  expect(await payOnSandbox(placed.url)).toBe(303);
  expect(await syncPayment(sessionIdOf(placed.url), clock(), db)).toMatchObject({ ok: true, status: "PAID" });
  const subs = await db.subOrder.findMany({ where: { orderId: placed.orderId }, include: { lines: true, order: true } });
  const a = subs.find((s) => s.sellerId === jpSeller.id)!;
  subA = a.id;
  subB = subs.find((s) => s.sellerId === deSeller.id)!.id;
  currency = a.order.currency;
  teaLine = a.lines.find((l) => l.productId === tea.id)!;
  knifeLine = a.lines.find((l) => l.productId === knife.id)!;
  ebookLine = a.lines.find((l) => l.productId === ebook.id)!;
  const open = await place([[tea, 1]]);
  unpaidSub = (await db.subOrder.findFirstOrThrow({ where: { orderId: open.orderId } })).id;
});

afterAll(async () => {
  await db.$disconnect();
});

const form = (quantities: Record<string, unknown>, over: Partial<{ carrier: string; trackingNumber: string; weightGrams: string }> = {}) => ({
  carrier: "japan-post",
  trackingNumber: "RR 1234 5678 5JP",
  weightGrams: "2400",
  quantities,
  ...over,
});

describe("creating shipments", () => {
  it("refuses, changing nothing: a bad tracking number, a wrong S10 check digit, an unknown carrier, a bad weight, too many units, nothing, a digital line", async () => {
    const before = await snapshot();
    const q = () => ({ [teaLine.id]: "1", [knifeLine.id]: "4" });
    expect(await createShipment(sellerA, subA, form(q(), { trackingNumber: "12345" }), { db })).toMatchObject({ ok: false, code: "INVALID_TRACKING_NUMBER" });
    expect(await createShipment(sellerA, subA, form(q(), { trackingNumber: "RR123456784JP" }), { db })).toMatchObject({ ok: false, code: "INVALID_TRACKING_NUMBER" });
    expect(await createShipment(sellerA, subA, form(q(), { carrier: "pigeon" }), { db })).toMatchObject({ ok: false, code: "UNKNOWN_CARRIER" });
    expect(await createShipment(sellerA, subA, form(q(), { weightGrams: "0" }), { db })).toMatchObject({ ok: false, code: "INVALID_WEIGHT" });
    expect(await createShipment(sellerA, subA, form({ [teaLine.id]: "3" }), { db })).toMatchObject({ ok: false, code: "QUANTITY_TOO_HIGH" });
    expect(await createShipment(sellerA, subA, form({ [teaLine.id]: "0", [knifeLine.id]: "" }), { db })).toMatchObject({ ok: false, code: "NO_ITEMS" });
    expect(await createShipment(sellerA, subA, form({ [teaLine.id]: "-1" }), { db })).toMatchObject({ ok: false, code: "INVALID_QUANTITY" });
    expect(await createShipment(sellerA, subA, form({ [ebookLine.id]: "1" }), { db })).toMatchObject({ ok: false, code: "NOT_SHIPPABLE" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an unpaid order, another seller's sub-order and a buyer, changing nothing", async () => {
    const before = await snapshot();
    expect(await createShipment(sellerA, unpaidSub, form({}), { db })).toMatchObject({ ok: false, code: "NOT_PAID" });
    expect(await createShipment(sellerA, subB, form({}), { db })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await createShipment(sellerB, subA, form({ [teaLine.id]: "1" }), { db })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await createShipment(buyer, subA, form({ [teaLine.id]: "1" }), { db })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await createShipment(null, subA, form({ [teaLine.id]: "1" }), { db })).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(await listShipments(sellerB, subA, db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
  });

  it("ships part of the order: the parcel's lines, its first event LABEL_CREATED from the seller, an audit entry; the rest stays open", async () => {
    const created = await createShipment(sellerA, subA, form({ [teaLine.id]: "1", [knifeLine.id]: "4", [ebookLine.id]: "0" }), { db });
    if (!created.ok) throw new Error(created.code);
    const shipment = await db.shipment.findUniqueOrThrow({ where: { id: created.shipmentId }, include: { lines: true, events: true } });
    expect(shipment).toMatchObject({ subOrderId: subA, carrier: "japan-post", trackingNumber: "RR123456785JP", weightGrams: 2400, status: "LABEL_CREATED" });
    expect(shipment.lines.map((l) => [l.orderLineId, l.quantity]).sort()).toEqual([[knifeLine.id, 4], [teaLine.id, 1]].sort());
    expect(shipment.events).toEqual([expect.objectContaining({ kind: "LABEL_CREATED", source: "SELLER", carrier: "japan-post" })]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "shipment.create", subjectId: created.shipmentId } });
    expect(audit.actor).toMatchObject({ kind: "seller", id: sellerA.userId });
    expect(audit.after).toMatchObject({ subOrderId: subA, trackingNumber: "RR123456785JP", items: expect.arrayContaining([{ orderLineId: teaLine.id, sku: tea.variants[0]!.sku, quantity: 1 }, { orderLineId: knifeLine.id, sku: knife.variants[0]!.sku, quantity: 4 }]) });
    const listed = await listShipments(sellerA, subA, db);
    if (!listed.ok) throw new Error(listed.code);
    expect(listed.canShip).toBe(true);
    expect(Object.fromEntries(listed.lines.map((l) => [l.orderLineId, l.remaining]))).toEqual({ [teaLine.id]: 1, [knifeLine.id]: 0, [ebookLine.id]: 0 });
  });

  it("refuses the same tracking number with the same carrier again and more than remains, changing nothing", async () => {
    const before = await snapshot();
    expect(await createShipment(sellerA, subA, form({ [teaLine.id]: "1" }), { db })).toMatchObject({ ok: false, code: "DUPLICATE_TRACKING_NUMBER" });
    expect(await createShipment(sellerA, subA, form({ [knifeLine.id]: "1" }, { carrier: "simulated", trackingNumber: "SIM0000000001" }), { db })).toMatchObject({ ok: false, code: "QUANTITY_TOO_HIGH" });
    expect(await snapshot()).toEqual(before);
  });

  it("ships the rest with the simulated carrier; then nothing remains", async () => {
    const created = await createShipment(sellerA, subA, form({ [teaLine.id]: "1" }, { carrier: "simulated", trackingNumber: "sim 0000000001", weightGrams: "180" }), { db });
    expect(created).toMatchObject({ ok: true });
    const listed = await listShipments(sellerA, subA, db);
    if (!listed.ok) throw new Error(listed.code);
    expect(listed.canShip).toBe(false);
    expect(listed.lines.every((l) => l.remaining === 0)).toBe(true);
    expect(listed.shipments.map((s) => [s.carrier, s.trackingNumber])).toEqual([["japan-post", "RR123456785JP"], ["simulated", "SIM0000000001"]]);
    expect(await createShipment(sellerA, subA, form({ [teaLine.id]: "1" }, { carrier: "dhl-express", trackingNumber: "1234567890" }), { db })).toMatchObject({ ok: false, code: "QUANTITY_TOO_HIGH" });
  });
});

describe("two parcels at once", () => {
  it("ships each unit once: of two simultaneous parcels for the last units, one is refused", async () => {
    const placed = await place([[tea, 1]]);
    expect(await payOnSandbox(placed.url)).toBe(303);
    expect(await syncPayment(sessionIdOf(placed.url), clock(), db)).toMatchObject({ ok: true, status: "PAID" });
    const sub = await db.subOrder.findFirstOrThrow({ where: { orderId: placed.orderId }, include: { lines: true } });
    const line = sub.lines[0]!;
    const results = await Promise.all(
      ["1234567890", "2345678901"].map((number) => createShipment(sellerA, sub.id, { carrier: "dhl-express", trackingNumber: number, weightGrams: "200", quantities: { [line.id]: "1" } }, { db })),
    );
    expect(results.map((r) => (r.ok ? "ok" : r.code)).sort()).toEqual(["QUANTITY_TOO_HIGH", "ok"]);
    expect(await db.shipmentLine.aggregate({ where: { orderLineId: line.id }, _sum: { quantity: true } })).toMatchObject({ _sum: { quantity: 1 } });
  });
});

describe("manual tracking updates", () => {
  it("records the seller's update in time order with the carrier's words; the status follows the newest event", async () => {
    const shipment = await db.shipment.findFirstOrThrow({ where: { subOrderId: subA, carrier: "japan-post" } });
    const at = new Date();
    const now = new Date(at.getTime() + 1_000);
    const later = await addTrackingUpdate(sellerA, shipment.id, { kind: "IN_TRANSIT", at: at.toISOString(), location: "Kawasaki", note: "Departed from the international exchange office" }, { db, now });
    expect(later).toMatchObject({ ok: true, status: "IN_TRANSIT" });
    // An older event joins the timeline without moving the status back.
    const hourBefore = new Date(shipment.createdAt.getTime() - 3_600_000);
    const earlier = await addTrackingUpdate(sellerA, shipment.id, { kind: "PICKED_UP", at: hourBefore.toISOString(), location: "Kyoto", note: "" }, { db, now });
    expect(earlier).toMatchObject({ ok: true, status: "IN_TRANSIT" });
    const listed = await listShipments(sellerA, subA, db);
    if (!listed.ok) throw new Error(listed.code);
    const view = listed.shipments.find((s) => s.id === shipment.id)!;
    expect(view.status).toBe("IN_TRANSIT");
    expect(view.events.map((e) => e.kind)).toEqual(["PICKED_UP", "LABEL_CREATED", "IN_TRANSIT"]);
    expect(view.events.find((e) => e.kind === "IN_TRANSIT")).toMatchObject({ location: "Kawasaki", carrierText: "Departed from the international exchange office", source: "SELLER" });
    expect(await db.auditEntry.count({ where: { action: "shipment.event", subjectId: shipment.id } })).toBe(2);
  });

  it("refuses a time in the future, an unknown status, another seller and a buyer, changing nothing", async () => {
    const shipment = await db.shipment.findFirstOrThrow({ where: { subOrderId: subA, carrier: "japan-post" } });
    const before = await snapshot();
    const now = new Date();
    const update = (at: Date, kind = "DELIVERED") => ({ kind, at: at.toISOString(), location: "Berlin", note: "" });
    expect(await addTrackingUpdate(sellerA, shipment.id, update(new Date(now.getTime() + 3_600_000)), { db, now })).toMatchObject({ ok: false, code: "TIME_IN_FUTURE" });
    expect(await addTrackingUpdate(sellerA, shipment.id, update(now, "LOST"), { db, now })).toMatchObject({ ok: false, code: "INVALID_STATUS" });
    expect(await addTrackingUpdate(sellerB, shipment.id, update(now), { db, now })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await addTrackingUpdate(buyer, shipment.id, update(now), { db, now })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await addTrackingUpdate(sellerA, "shp_nosuchshipment0000", update(now), { db, now })).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot()).toEqual(before);
    expect((await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).status).toBe("IN_TRANSIT");
  });
});

describe("customs declaration and packing slip", () => {
  it("is a CN23 for the parcel above 300 SDR and a CN22 for the one within, filled from the order", async () => {
    const [big, small] = await db.shipment.findMany({ where: { subOrderId: subA }, orderBy: { createdAt: "asc" } });
    const cn23 = await shipmentCustoms(sellerA, big!.id, db);
    const cn22 = await shipmentCustoms(sellerA, small!.id, db);
    if (!cn23.ok || !cn22.ok) throw new Error("no declaration");
    const knifeValue = knifeLine.goodsMinor;
    // Half the tea line, rounded half away from zero; the second parcel takes the rest.
    const teaValue = Math.round(teaLine.goodsMinor / 2);
    expect(cn23.declaration.form).toBe("CN23");
    expect(cn23.declaration.totalValue).toEqual(money(knifeValue + teaValue, currency));
    expect(Number(cn23.declaration.valueSdr)).toBeGreaterThan(300);
    expect(cn23.declaration.items).toEqual(
      expect.arrayContaining([
        { description: expect.stringMatching(/^.+ \/ .+$/), hsCode: "821192", quantity: 4, netWeightGrams: 4 * knife.weightGrams!, value: money(knifeValue, currency), originCountry: "JP" },
        expect.objectContaining({ hsCode: "090210", quantity: 1, netWeightGrams: tea.weightGrams!, value: money(teaValue, currency), originCountry: "JP" }),
      ]),
    );
    expect(cn23.declaration.grossWeightGrams).toBe(2400);
    expect(cn23.declaration.category).toBe("SALE_OF_GOODS");
    const seller = await db.seller.findUniqueOrThrow({ where: { id: jpSeller.id } });
    expect(cn23.declaration.sender).toEqual({ name: seller.legalName ?? seller.name, address: seller.shipFrom.length > 0 ? seller.shipFrom : seller.legalAddress, country: "JP" });
    expect(cn23.declaration.addressee.lines.join("\n")).toContain("Lena Fischer");
    expect(cn23.declaration.addressee.country).toBe("DE");
    expect(cn22.declaration.form).toBe("CN22");
    expect(cn22.declaration.totalValue).toEqual(money(teaLine.goodsMinor - teaValue, currency));
    expect(cn22.declaration.grossWeightGrams).toBe(180);
    expect(Number(cn22.declaration.valueSdr)).toBeLessThanOrEqual(300);
  });

  it("prints the declaration as a PDF with its HS codes, values, origin and weights; another seller's shipment is not found", async () => {
    const [big] = await db.shipment.findMany({ where: { subOrderId: subA }, orderBy: { createdAt: "asc" } });
    const pdf = await customsDeclarationPdf(sellerA, big!.id, { db, locale: "en" });
    if (!pdf.ok) throw new Error(pdf.code);
    expect(pdf.form).toBe("CN23");
    expect(pdf.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(pdf.pdf);
    expect(text).toContain("CN 23");
    expect(text).toContain("821192");
    expect(text).toContain("090210");
    expect(text).toContain(`${toDecimalString(money(knifeLine.goodsMinor, currency))} ${currency}`);
    expect(text).toContain("(JP)");
    expect(text).toContain("Sale of goods");
    expect(text).toContain("2.400 kg");
    expect(text).toContain("Lena Fischer");
    // In the seller's language, with the form's English labels beside.
    const ja = await customsDeclarationPdf(sellerA, big!.id, { db });
    if (!ja.ok) throw new Error(ja.code);
    const jaText = await pdfText(ja.pdf);
    expect(jaText).toContain("税関告知書");
    expect(jaText).toContain("HS tariff number");
    expect(jaText).toContain("821192");
    expect(await customsDeclarationPdf(sellerB, big!.id, { db })).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("prints the declaration in every language with the same codes and values", async () => {
    const [big] = await db.shipment.findMany({ where: { subOrderId: subA }, orderBy: { createdAt: "asc" } });
    for (const locale of LOCALES) {
      const pdf = await customsDeclarationPdf(sellerA, big!.id, { db, locale });
      if (!pdf.ok) throw new Error(pdf.code);
      const text = await pdfText(pdf.pdf);
      expect(text, locale).toContain(CATALOGUES[locale].shipments.customs.heading);
      expect(text, locale).toContain("821192");
      expect(text, locale).toContain(`${toDecimalString(money(knifeLine.goodsMinor, currency))} ${currency}`);
    }
  });

  it("prints a packing slip per shipment with its tracking number and only its items", async () => {
    const [big, small] = await db.shipment.findMany({ where: { subOrderId: subA }, orderBy: { createdAt: "asc" } });
    const slip = await shipmentPackingSlipPdf(sellerA, small!.id, db);
    if (!slip.ok) throw new Error(slip.code);
    expect(slip.filename).toMatch(/^packing-slip-CV-[0-9A-Z]{4}-[0-9A-Z]{4}-SIM0000000001\.pdf$/);
    const text = await pdfText(slip.pdf);
    expect(text).toContain("SIM0000000001");
    const teaTitle = (await db.orderLine.findUniqueOrThrow({ where: { id: teaLine.id } })).title;
    const knifeTitle = (await db.orderLine.findUniqueOrThrow({ where: { id: knifeLine.id } })).title;
    expect(text).toContain(teaTitle.slice(0, 10));
    expect(text).not.toContain(knifeTitle.slice(0, 10));
    const bigSlip = await shipmentPackingSlipPdf(sellerA, big!.id, db);
    if (!bigSlip.ok) throw new Error(bigSlip.code);
    expect(await pdfText(bigSlip.pdf)).toContain(knifeTitle.slice(0, 10));
    expect(await shipmentPackingSlipPdf(sellerB, small!.id, db)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await shipmentPackingSlipPdf(buyer, small!.id, db)).toEqual({ ok: false, code: "FORBIDDEN" });
  });
});
