import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card, eventsOf, sessionParams, startHarness, submitPayment, waitFor, type Harness } from "./test-helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const open = (overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) => h.stripe.checkout.sessions.create(sessionParams(overrides));

describe("hosted payment page", () => {
  it("is marked as a test payment and lists the items and total in the session's currency and locale", async () => {
    const s = await open({
      locale: "ja",
      line_items: [{ quantity: 3, price_data: { currency: "jpy", unit_amount: 1200, product_data: { name: "抹茶 <100g>" } } }],
    });
    const res = await fetch(s.url!);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="ja" dir="ltr">');
    expect(html).toContain("テスト決済");
    expect(html).toContain("抹茶 &lt;100g&gt;");
    expect(html).toContain("￥3,600");
    expect(html).toMatch(/<form method="post" action="\/pay\/cs_test_/);
    expect(html).not.toContain("<script");
  });

  it.each([
    ["de", "TESTZAHLUNG", "33,00\u00a0€"],
    ["fr", "PAIEMENT DE TEST", "33,00\u00a0€"],
    ["es", "PAGO DE PRUEBA", "33,00\u00a0€"],
    ["zh", "测试付款", "€33.00"],
    ["pt-BR", "PAGAMENTO DE TESTE", "€\u00a033,00"],
    ["en", "TEST PAYMENT", "€33.00"],
  ])("speaks %s", async (locale, label, total) => {
    const s = await open({ locale: locale as Stripe.Checkout.SessionCreateParams.Locale });
    const html = await (await fetch(s.url!)).text();
    expect(html).toContain(`lang="${locale}"`);
    expect(html).toContain(label);
    expect(html).toContain(total);
  });

  it("follows the browser's language with locale auto, right to left for Arabic", async () => {
    const s = await open({ locale: "auto" });
    const html = await (await fetch(s.url!, { headers: { "accept-language": "ar-EG,ar;q=0.9,en;q=0.5" } })).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain("دفعة تجريبية");
  });
});

describe("test cards", () => {
  it("4242 4242 4242 4242 pays: session complete and paid, payment intent and charge succeeded, checkout.session.completed sent", async () => {
    const s = await open();
    const res = await submitPayment(s.url!, card("4242 4242 4242 4242"));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`http://127.0.0.1:3000/checkout/success?session_id=${s.id}`);
    const paid = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent.latest_charge"] });
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", customer_details: { email: "ada@example.com", name: "Ada Lovelace" } });
    const pi = paid.payment_intent as Stripe.PaymentIntent;
    expect(pi.id).toMatch(/^pi_/);
    expect(pi).toMatchObject({ object: "payment_intent", status: "succeeded", amount: 3300, amount_received: 3300, currency: "eur", transfer_group: "ord_1", metadata: { order_id: "ord_1" }, livemode: false });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.id).toMatch(/^ch_/);
    expect(charge).toMatchObject({ object: "charge", status: "succeeded", paid: true, amount: 3300, transfer_group: "ord_1", payment_method_details: { type: "card", card: { last4: "4242", brand: "visa" } } });
    const listed = await h.stripe.checkout.sessions.list({ payment_intent: pi.id });
    expect(listed.data.map((x) => x.id)).toEqual([s.id]);
    const completed = await waitFor(() => eventsOf(h.receiver, "checkout.session.completed", s.id)[0]);
    expect(completed).toMatchObject({ object: "event", api_version: "2026-10-28.endive", livemode: false, data: { object: { payment_status: "paid", payment_intent: pi.id } } });
    expect(completed.id).toMatch(/^evt_/);
    await waitFor(() => eventsOf(h.receiver, "payment_intent.succeeded", pi.id)[0]);
    const again = await submitPayment(s.url!, card("4242424242424242"));
    expect(again.status).toBe(409);
  });

  it("4000 0000 0000 0002 is declined: the page says so, the session stays open, payment_intent.payment_failed sent", async () => {
    const s = await open();
    const res = await submitPayment(s.url!, card("4000 0000 0000 0002"));
    expect(res.status).toBe(402);
    expect(await res.text()).toContain("Your card was declined.");
    const after = await h.stripe.checkout.sessions.retrieve(s.id);
    expect(after.status).toBe("open");
    expect(after.payment_status).toBe("unpaid");
    const pi = await h.stripe.paymentIntents.retrieve(after.payment_intent as string);
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.last_payment_error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." });
    const failed = await waitFor(() => eventsOf(h.receiver, "payment_intent.payment_failed", pi.id)[0]);
    expect((failed.data.object as Stripe.PaymentIntent).last_payment_error?.code).toBe("card_declined");
    // The buyer can try again with a good card on the same session.
    const retry = await submitPayment(s.url!, card("4242424242424242"));
    expect(retry.status).toBe(303);
    expect((await h.stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
  });

  it("4000 0000 0000 9995 is declined for insufficient funds; a real card number is refused in test mode", async () => {
    const s = await open();
    const res = await submitPayment(s.url!, card("4000000000009995"));
    expect(res.status).toBe(402);
    expect(await res.text()).toContain("Your card has insufficient funds.");
    let pi = await h.stripe.paymentIntents.retrieve((await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string);
    expect(pi.last_payment_error?.decline_code).toBe("insufficient_funds");
    const live = await submitPayment(s.url!, card("4111111111111111"));
    expect(live.status).toBe(402);
    pi = await h.stripe.paymentIntents.retrieve(pi.id);
    expect(pi.last_payment_error?.decline_code).toBe("test_mode_live_card");
    const listed = await h.stripe.paymentIntents.list({ limit: 100 });
    expect(listed.data.map((p) => p.id)).toContain(pi.id);
  });

  it("refuses an invalid card number and a past expiry without charging", async () => {
    const s = await open();
    const bad = await submitPayment(s.url!, card("4242 4242 4242 4241"));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Your card number is invalid.");
    const past = await submitPayment(s.url!, card("4242424242424242", { card_expiry: "01/20" }));
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("expiration date is in the past");
    expect((await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent).toBeNull();
  });

  it("4000 0025 0000 3155 asks for authentication; approving pays", async () => {
    const s = await open();
    const res = await submitPayment(s.url!, card("4000 0025 0000 3155"));
    expect(res.status).toBe(303);
    const challengeUrl = new URL(res.headers.get("location")!, s.url!).toString();
    expect(challengeUrl).toBe(`${s.url}/authenticate`);
    const pi = await h.stripe.paymentIntents.retrieve((await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string);
    expect(pi.status).toBe("requires_action");
    const page = await (await fetch(challengeUrl)).text();
    expect(page).toContain("Complete authentication");
    expect(page).toContain("Fail authentication");
    const approve = await submitPayment(challengeUrl, { outcome: "approve" });
    expect(approve.status).toBe(303);
    expect(approve.headers.get("location")).toContain(s.id);
    expect((await h.stripe.checkout.sessions.retrieve(s.id)).payment_status).toBe("paid");
  });

  it("failing authentication leaves the session open and sends payment_intent.payment_failed", async () => {
    const s = await open();
    await submitPayment(s.url!, card("4000002500003155"));
    const fail = await submitPayment(`${s.url}/authenticate`, { outcome: "fail" });
    expect(fail.status).toBe(402);
    expect(await fail.text()).toContain("We are unable to authenticate your payment method");
    const after = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent"] });
    expect(after.status).toBe("open");
    const pi = after.payment_intent as Stripe.PaymentIntent;
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.last_payment_error?.code).toBe("payment_intent_authentication_failure");
    await waitFor(() => eventsOf(h.receiver, "payment_intent.payment_failed", pi.id)[0]);
  });
});

describe("delayed payment (bank transfer)", () => {
  it("completes unpaid, then async_payment_succeeded when the funds arrive", async () => {
    const s = await open();
    const res = await submitPayment(s.url!, { payment_method: "bank_transfer", bank_outcome: "succeeded", email: "b@example.com" });
    expect(res.status).toBe(303);
    const after = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent"] });
    expect(after).toMatchObject({ status: "complete", payment_status: "unpaid" });
    expect((after.payment_intent as Stripe.PaymentIntent).status).toBe("processing");
    const completed = await waitFor(() => eventsOf(h.receiver, "checkout.session.completed", s.id)[0]);
    expect((completed.data.object as Stripe.Checkout.Session).payment_status).toBe("unpaid");
    expect(eventsOf(h.receiver, "checkout.session.async_payment_succeeded", s.id)).toHaveLength(0);
    await h.control("POST", "/_sandbox/advance_time", { seconds: "10" });
    const succeeded = await waitFor(() => eventsOf(h.receiver, "checkout.session.async_payment_succeeded", s.id)[0]);
    expect((succeeded.data.object as Stripe.Checkout.Session).payment_status).toBe("paid");
    expect((await h.stripe.paymentIntents.retrieve((after.payment_intent as Stripe.PaymentIntent).id)).status).toBe("succeeded");
  });

  it("settles on its own a few seconds later", async () => {
    const quick = await startHarness({ asyncSettleSeconds: 1 });
    try {
      const s = await quick.stripe.checkout.sessions.create(sessionParams());
      await submitPayment(s.url!, { payment_method: "bank_transfer", bank_outcome: "succeeded" });
      await waitFor(() => eventsOf(quick.receiver, "checkout.session.async_payment_succeeded", s.id)[0], 4000);
    } finally {
      await quick.close();
    }
  });

  it("sends async_payment_failed when the transfer fails", async () => {
    const s = await open();
    await submitPayment(s.url!, { payment_method: "bank_transfer", bank_outcome: "failed" });
    await h.control("POST", "/_sandbox/advance_time", { seconds: "10" });
    await waitFor(() => eventsOf(h.receiver, "checkout.session.async_payment_failed", s.id)[0]);
    const after = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent"] });
    expect(after.payment_status).toBe("unpaid");
    expect((after.payment_intent as Stripe.PaymentIntent).status).toBe("requires_payment_method");
  });

  it("can be settled at once, either way, through the control API", async () => {
    const s = await open();
    await submitPayment(s.url!, { payment_method: "bank_transfer", bank_outcome: "succeeded" });
    const piId = (await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string;
    const settled = await h.control("POST", `/_sandbox/payment_intents/${piId}/settle`, { outcome: "failed" });
    expect(settled.status).toBe("requires_payment_method");
    await waitFor(() => eventsOf(h.receiver, "checkout.session.async_payment_failed", s.id)[0]);
    await expect(h.control("POST", `/_sandbox/payment_intents/${piId}/settle`, { outcome: "succeeded" })).rejects.toThrow(/not awaiting settlement/);
  });
});

describe("leaving and expiry", () => {
  it("the cancel link returns the buyer to cancel_url", async () => {
    const s = await open();
    const html = await (await fetch(s.url!)).text();
    expect(html).toContain(`href="/pay/${s.id}/cancel"`);
    const res = await fetch(`${s.url}/cancel`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:3000/cart");
  });

  it("a session past expires_at is expired, sends checkout.session.expired and refuses payment", async () => {
    // The sandbox clock, not the wall clock: earlier tests advanced it.
    const { now } = (await h.control("GET", "/_sandbox/clock")) as { now: number };
    const s = await open({ expires_at: now + 1800 });
    expect(s.expires_at).toBe(now + 1800);
    await submitPayment(s.url!, card("4000000000000002"));
    await h.control("POST", "/_sandbox/advance_time", { seconds: "1700" });
    expect((await h.stripe.checkout.sessions.retrieve(s.id)).status).toBe("open");
    await h.control("POST", "/_sandbox/advance_time", { seconds: "101" });
    const after = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent"] });
    expect(after.status).toBe("expired");
    expect((after.payment_intent as Stripe.PaymentIntent).status).toBe("canceled");
    await waitFor(() => eventsOf(h.receiver, "checkout.session.expired", s.id)[0]);
    const res = await submitPayment(s.url!, card("4242424242424242"));
    expect(res.status).toBe(410);
    expect(await res.text()).toContain("This checkout session has expired.");
  });

  it("a session expired through the API refuses payment", async () => {
    const s = await open();
    await h.stripe.checkout.sessions.expire(s.id);
    expect((await submitPayment(s.url!, card("4242424242424242"))).status).toBe(410);
  });
});

describe("refunds", () => {
  async function paidIntent(): Promise<Stripe.PaymentIntent> {
    const s = await open();
    await submitPayment(s.url!, card("4242424242424242"));
    return h.stripe.paymentIntents.retrieve((await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string);
  }

  it("refunds part, then the rest, then refuses; charge.refunded sent each time", async () => {
    const pi = await paidIntent();
    const part = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, { idempotencyKey: `refund-${pi.id}-1` });
    expect(part.id).toMatch(/^re_/);
    expect(part).toMatchObject({ object: "refund", amount: 1000, currency: "eur", status: "succeeded", payment_intent: pi.id, charge: pi.latest_charge });
    let charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 1000, refunded: false });
    const tooMuch = await h.stripe.refunds.create({ payment_intent: pi.id, amount: 2301 }).catch((e: Stripe.errors.StripeError) => e);
    expect(tooMuch).toMatchObject({ statusCode: 400, param: "amount" });
    const rest = await h.stripe.refunds.create({ charge: pi.latest_charge as string });
    expect(rest.amount).toBe(2300);
    charge = await h.stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 3300, refunded: true });
    const again = await h.stripe.refunds.create({ payment_intent: pi.id }).catch((e: Stripe.errors.StripeError) => e);
    expect(again).toMatchObject({ statusCode: 400, code: "charge_already_refunded" });
    const refunded = await waitFor(() => {
      const evs = eventsOf(h.receiver, "charge.refunded", charge.id);
      return evs.length === 2 ? evs : undefined;
    });
    expect(refunded.map((e) => (e.data.object as Stripe.Charge).amount_refunded).sort()).toEqual([1000, 3300]);
    const listed = await h.stripe.refunds.list({ payment_intent: pi.id });
    expect(listed.data.map((r) => r.amount)).toEqual([2300, 1000]);
    expect((await h.stripe.refunds.list({ charge: charge.id })).data).toHaveLength(2);
    expect((await h.stripe.refunds.retrieve(part.id)).amount).toBe(1000);
  });

  it("refuses to refund an unpaid payment", async () => {
    const s = await open();
    await submitPayment(s.url!, card("4000000000000002"));
    const piId = (await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string;
    const e = await h.stripe.refunds.create({ payment_intent: piId }).catch((err: Stripe.errors.StripeError) => err);
    expect(e).toMatchObject({ statusCode: 400, code: "charge_not_refundable" });
  });
});
