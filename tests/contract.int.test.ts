import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "@/lib/domain/clock";
import { findMarket, type MarketDefinition } from "@/lib/domain/markets";
import { EBOOK, payOnSandbox, sandboxStripe, sessionIdOf, stockedProduct, variantId, type SeedProduct } from "./checkout-support";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.STRIPE_SANDBOX_URL = inject("stripeSandboxUrl");
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));
process.env.CARAVAN_OUTBOX_DIR = outbox;

const cart = await import("@/lib/server/cart");
const checkout = await import("@/lib/server/checkout");
const { placeOrder } = await import("@/lib/server/checkout/place");
const { syncPayment } = await import("@/lib/server/checkout/fulfil");
const { ensureSellerAccounts } = await import("@/lib/server/payments/sellers");
const { verifyAcceptance } = await import("@/lib/server/contracts/evidence");
const { withdrawalOptions, confirmWithdrawal, receiveReturn } = await import("@/lib/server/contracts/withdrawals");
const { orderAccessKey } = await import("@/lib/server/checkout/access");
const { getPrisma } = await import("@/lib/db/client");
const { contractPdfForGuest } = await import("@/lib/server/contracts/order-pdf");
const { pdfText } = await import("@/lib/server/contracts/test-support");

/**
 * The electronic contract on the shared seeded database and the suite's sandbox: the
 * terms accepted at checkout and their signed record, and withdrawal online with its
 * refund and the seller's transfer reversed.
 */
const db = getPrisma();
const clock = () => fixedClock(new Date());
const DE = findMarket("DE") as MarketDefinition;
const US = findMarket("US") as MarketDefinition;
const stripe = sandboxStripe(inject("stripeSandboxUrl"));
const german = stockedProduct("DE");
const french = stockedProduct("FR");
const ebook = EBOOK;
const labels = { goods: (t: string) => t, shipping: (s: string) => `Shipping ${s}`, duty: (s: string) => `Duty ${s}`, tax: (s: string) => `Tax ${s}` };
const DE_ADDRESS = { email: "lena@example.de", name: "Lena Fischer", line1: "Torstraße 12", postalCode: "10119", city: "Berlin", phone: "+49 1512 3456789" };
const US_ADDRESS = { email: "sam@example.com", name: "Sam Rivera", line1: "410 NW 10th Ave", city: "Portland", region: "OR", postalCode: "97209", phone: "+1 503 555 0142" };

async function orderFor(items: [SeedProduct, number][], market: MarketDefinition, address: Record<string, string>, options: { accept?: boolean; digitalConsent?: boolean; locale?: "de" | "ar" | "en" } = {}) {
  const locale = options.locale ?? "de";
  let id: string | undefined;
  for (const [product, quantity] of items) {
    const added = await cart.addToCart(id, { variantId: variantId(product), quantity: String(quantity) }, market, clock());
    if (!added.ok) throw new Error(added.code);
    id = added.cartId;
  }
  await checkout.saveCheckoutForm(id!, { country: market.country, fields: address, delivery: {} });
  const view = (await checkout.loadCheckout(id!, locale, market, clock()))!;
  const placed = await placeOrder(
    id!,
    {
      token: view.lock!.token,
      locale,
      fallback: market,
      origin: "http://127.0.0.1:3000",
      labels,
      acceptance: { accepted: options.accept ?? true, textSha256: view.contract?.sha256, digitalConsent: options.digitalConsent ?? false },
      client: { ip: "198.51.100.23", userAgent: "Mozilla/5.0 (contract test)" },
    },
    clock(),
  );
  return { cartId: id!, view, placed };
}

async function paid(items: [SeedProduct, number][], market = DE, address: Record<string, string> = DE_ADDRESS, options: { digitalConsent?: boolean; locale?: "de" | "ar" | "en" } = {}) {
  const { view, placed } = await orderFor(items, market, address, options);
  if (!placed.ok || placed.kind !== "pay") throw new Error(`not placed: ${JSON.stringify(placed)}`);
  expect(await payOnSandbox(placed.url, "4242424242424242", { name: "Lena Fischer" })).toBe(303);
  const sessionId = sessionIdOf(placed.url);
  expect(await syncPayment(sessionId, clock())).toMatchObject({ ok: true, status: "PAID" });
  return { orderId: placed.orderId, key: orderAccessKey(placed.orderId), view };
}

beforeAll(async () => {
  await ensureSellerAccounts(db, "http://127.0.0.1:3000");
});

describe("terms accepted at checkout", () => {
  it("shows the EU terms in German for a buyer in Germany, naming the operator and each seller with their return policy", async () => {
    let id: string | undefined;
    for (const product of [german, french]) {
      const added = await cart.addToCart(id, { variantId: variantId(product), quantity: "1" }, DE, clock());
      if (!added.ok) throw new Error(added.code);
      id = added.cartId;
    }
    await checkout.saveCheckoutForm(id!, { country: "DE", fields: DE_ADDRESS, delivery: {} });
    const view = (await checkout.loadCheckout(id!, "de", DE, clock()))!;
    const contract = view.contract!;
    expect(contract.rendered.jurisdiction).toBe("EU");
    expect(contract.rendered.locale).toBe("de");
    expect(contract.rendered.fallback).toBe(false);
    expect(contract.rendered.text).toContain("Caravan Marketplace Ltd.");
    expect(contract.rendered.text).toContain("Messerschmiede Hollerbach GmbH");
    expect(contract.rendered.text).toContain("Atelier Lavande & Lin SARL");
    expect(contract.rendered.text).toMatch(/30 Tagen/);
    expect(contract.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes no order without the ticked box, nor for terms other than the ones shown", async () => {
    const unticked = await orderFor([[german, 1]], DE, DE_ADDRESS, { accept: false });
    expect(unticked.placed).toEqual({ ok: false, code: "TERMS_NOT_ACCEPTED" });
    expect(await db.order.count({ where: { cartId: unticked.cartId } })).toBe(0);
  });

  it("records what was accepted, signed and sealed: it verifies, and its raw row holds no plaintext address or agent", async () => {
    const { orderId, view } = await paid([[german, 1]]);
    const verified = await verifyAcceptance(db, orderId);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.record.termsVersionId).toBe(view.contract!.rendered.termsVersionId);
    expect(verified.record.textSha256).toBe(view.contract!.sha256);
    expect(verified.record.totals).toMatchObject({ currency: "EUR", chargedMinor: view.plan!.total.amountMinor });
    expect(verified.record.consents).toMatchObject({ terms: true });
    const [row] = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(a)::text AS row FROM "ContractAcceptance" a WHERE "orderId" = ${orderId}`;
    expect(row!.row).not.toContain("198.51.100.23");
    expect(row!.row).not.toContain("contract test");
  });
});

describe("the buyer's durable copy", () => {
  it("is a PDF of the accepted German terms with the buyer's name and the order number; a wrong key gets nothing", async () => {
    const { orderId, key } = await paid([[german, 1]]);
    const result = await contractPdfForGuest(orderId, key);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = await pdfText(result.pdf);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(text).toContain(order.number);
    expect(text).toContain("Lena Fischer");
    expect(text).toContain("Messerschmiede Hollerbach GmbH");
    expect(text).toMatch(/Widerruf/);
    expect(await contractPdfForGuest(orderId, "x".repeat(32))).toEqual({ ok: false, status: 404 });
  });

  it("in Arabic, for a buyer in Kuwait: the Arabic terms come out of the PDF as Arabic text, right to left in logical order", async () => {
    const KW = findMarket("KW") as MarketDefinition;
    const address = { email: "fatima@example.com", name: "فاطمة العلي", line1: "Block 3, Street 12, House 7", city: "Salmiya", postalCode: "20001", phone: "+965 5123 4567" };
    const { orderId, key, view } = await paid([[german, 1]], KW, address, { locale: "ar" });
    expect(view.contract!.rendered.locale).toBe("ar");
    const result = await contractPdfForGuest(orderId, key);
    if (!result.ok) throw new Error("no PDF");
    const text = await pdfText(result.pdf);
    expect(text).toContain("فاطمة العلي");
    // A sentence of the Arabic terms as rendered, found whole in the extracted text.
    const sentence = view.contract!.rendered.text.split("\n").find((line) => /[\u0600-\u06FF]{3,}/.test(line) && line.length > 30 && !/[\u2066-\u2069]/.test(line))!;
    expect(text.replace(/\s+/g, " ")).toContain(sentence.replace(/\s+/g, " ").trim().slice(0, 25));
  });

  it("is refused for a record that no longer verifies", async () => {
    const { orderId, key } = await paid([[german, 1]]);
    await db.$executeRawUnsafe(`ALTER TABLE "ContractAcceptance" DISABLE TRIGGER USER`);
    try {
      await db.$executeRaw`UPDATE "ContractAcceptance" SET "text" = "text" || ' ' WHERE "orderId" = ${orderId}`;
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "ContractAcceptance" ENABLE TRIGGER USER`);
    }
    expect(await contractPdfForGuest(orderId, key)).toEqual({ ok: false, status: 409 });
  });
});

describe("withdrawal online", () => {
  it("a buyer in Germany withdraws from one of two items: acknowledged at once on screen and by email; once the return arrives, refunded with the seller's transfer partly reversed and the item restocked", async () => {
    const { orderId, key } = await paid([[german, 2]]);
    const options = (await withdrawalOptions(orderId, key, clock()))!;
    expect(options.statutory).toBe(true);
    const item = options.parcels[0]!.items[0]!;
    expect(item.window).toMatchObject({ open: true, from: "NOT_STARTED" });

    const token = "tok_abcdefghijklmnop";
    const first = await confirmWithdrawal(orderId, key, { token, items: [{ lineId: item.lineId, quantity: 1 }] }, clock());
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const again = await confirmWithdrawal(orderId, key, { token, items: [{ lineId: item.lineId, quantity: 1 }] }, clock());
    expect(again).toEqual(first);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { subOrders: true, lines: true } });
    expect(order.lines[0]!.withdrawnQuantity).toBe(1);
    const mails = fs.readdirSync(outbox).filter((f) => f.endsWith(".eml")).map((f) => fs.readFileSync(path.join(outbox, f), "utf8")).filter((m) => m.includes(order.number) && /Widerruf|withdrawal/i.test(m));
    expect(mails.length).toBeGreaterThanOrEqual(1);

    const [withdrawalId] = first.withdrawalIds;
    const withdrawal = await db.withdrawal.findUniqueOrThrow({ where: { id: withdrawalId! } });
    expect(withdrawal.status).toBe("REQUESTED");
    expect(withdrawal.refundMinor).toBeGreaterThan(0);
    expect(withdrawal.refundMinor).toBeLessThanOrEqual(order.subOrders[0]!.dueAtCheckoutMinor);
    const stock = (await db.variant.findUniqueOrThrow({ where: { id: variantId(german) } })).stock;

    const received = await receiveReturn(withdrawalId!, clock());
    expect(received.ok).toBe(true);
    const refund = await stripe.refunds.retrieve((received as { refundId: string }).refundId);
    expect(refund.amount).toBe(withdrawal.refundMinor);
    const transfer = await stripe.transfers.retrieve(order.subOrders[0]!.transferId!);
    expect(transfer.amount_reversed).toBeGreaterThan(0);
    expect(transfer.amount_reversed).toBeLessThan(transfer.amount);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variantId(german) } })).stock).toBe(stock + 1);

    // The same return marked twice refunds once.
    expect(await receiveReturn(withdrawalId!, clock())).toEqual(received);
    expect((await stripe.refunds.list({ payment_intent: refund.payment_intent as string })).data).toHaveLength(1);
    expect((await db.variant.findUniqueOrThrow({ where: { id: variantId(german) } })).stock).toBe(stock + 1);
    // The refund and the partial reversal are in the audit log, once each.
    const refunds = await db.auditEntry.findMany({ where: { action: "order.refund", subjectId: order.subOrders[0]!.id } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ actor: { kind: "system", name: "payments" }, after: { withdrawalId, refundId: refund.id, refundedMinor: withdrawal.refundMinor } });
    expect(await db.auditEntry.count({ where: { action: "transfer.reverse", subjectId: order.subOrders[0]!.id } })).toBe(1);
    // And nothing more than was bought can be withdrawn.
    const more = await confirmWithdrawal(orderId, key, { token: "tok_qrstuvwxyzabcdef", items: [{ lineId: item.lineId, quantity: 2 }] }, clock());
    expect(more).toEqual({ ok: false, code: "INVALID_SELECTION" });
  });

  it("an e-book bought with the consent to immediate supply cannot be withdrawn from; without it, it can and is refunded at once", async () => {
    const consented = await paid([[ebook, 1]], DE, DE_ADDRESS, { digitalConsent: true });
    const withConsent = (await withdrawalOptions(consented.orderId, consented.key, clock()))!;
    expect(withConsent.parcels[0]!.items[0]!.window).toEqual({ open: false, reason: "DIGITAL_SUPPLY_STARTED" });
    expect(await verifyAcceptance(db, consented.orderId)).toMatchObject({ ok: true, record: { consents: { digitalImmediateSupply: true } } });

    const { loadOrderForGuest } = await import("@/lib/server/checkout/confirmation");
    const now = (await loadOrderForGuest(consented.orderId, consented.key))!;
    const paidAt = (await db.order.findUniqueOrThrow({ where: { id: consented.orderId } })).paidAt!;
    expect(now.digitalAvailableFrom).toEqual(paidAt);

    const waiting = await paid([[ebook, 1]]);
    const later = (await loadOrderForGuest(waiting.orderId, waiting.key))!;
    const waitingPaidAt = (await db.order.findUniqueOrThrow({ where: { id: waiting.orderId } })).paidAt!;
    // Without the consent, the e-book is not delivered before the 14-day period ends.
    expect(later.digitalAvailableFrom).toEqual(new Date(waitingPaidAt.getTime() + 14 * 86_400_000));
    const options = (await withdrawalOptions(waiting.orderId, waiting.key, clock()))!;
    const item = options.parcels[0]!.items[0]!;
    expect(item.window).toMatchObject({ open: true, from: "CONCLUSION" });
    const result = await confirmWithdrawal(waiting.orderId, waiting.key, { token: "tok_ebookwithdrawal1", items: [{ lineId: item.lineId, quantity: 1 }] }, clock());
    expect(result.ok).toBe(true);
    const withdrawal = await db.withdrawal.findFirstOrThrow({ where: { orderId: waiting.orderId } });
    expect(withdrawal.status).toBe("REFUNDED");
  });

  it("a buyer in the United States has no statutory withdrawal, only the seller's return policy", async () => {
    const { orderId, key } = await paid([[german, 1]], US, US_ADDRESS);
    const options = (await withdrawalOptions(orderId, key, clock()))!;
    expect(options.statutory).toBe(false);
    expect(options.parcels[0]!.items[0]!.window).toEqual({ open: false, reason: "NO_STATUTORY_RIGHT" });
    const refused = await confirmWithdrawal(orderId, key, { token: "tok_usbuyerwithdraws", items: [{ lineId: options.parcels[0]!.items[0]!.lineId, quantity: 1 }] }, clock());
    expect(refused).toEqual({ ok: false, code: "NO_STATUTORY_RIGHT" });
  });

  it("a wrong key finds no order", async () => {
    const { orderId } = await paid([[german, 1]]);
    expect(await withdrawalOptions(orderId, "x".repeat(32), clock())).toBeNull();
    expect(await confirmWithdrawal(orderId, "x".repeat(32), { token: "tok_wrongkeywrongkey", items: [] }, clock())).toEqual({ ok: false, code: "ORDER_NOT_FOUND" });
  });
});
