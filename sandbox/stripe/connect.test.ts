import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { card, eventsOf, sessionParams, startHarness, submitPayment, waitFor, type Harness } from "./test-helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function onboardedAccount(): Promise<Stripe.Account> {
  const account = await h.stripe.accounts.create({ type: "express", country: "DE", email: "seller@example.com", capabilities: { transfers: { requested: true }, card_payments: { requested: true } } });
  const link = await h.stripe.accountLinks.create({ account: account.id, type: "account_onboarding", refresh_url: "http://127.0.0.1:3000/sell/refresh", return_url: "http://127.0.0.1:3000/sell/done" });
  await fetch(link.url, { method: "POST", redirect: "manual", body: new URLSearchParams({ action: "submit" }) });
  return h.stripe.accounts.retrieve(account.id);
}

async function paidCharge(currency = "eur", amount = 10_000): Promise<Stripe.Charge> {
  const s = await h.stripe.checkout.sessions.create(sessionParams({ line_items: [{ quantity: 1, price_data: { currency, unit_amount: amount, product_data: { name: "Rug" } } }] }));
  await submitPayment(s.url!, card("4242424242424242"));
  const pi = await h.stripe.paymentIntents.retrieve((await h.stripe.checkout.sessions.retrieve(s.id)).payment_intent as string, { expand: ["latest_charge"] });
  return pi.latest_charge as Stripe.Charge;
}

describe("connected accounts and onboarding", () => {
  it("creates an Express account that cannot take money until onboarding", async () => {
    const account = await h.stripe.accounts.create({ type: "express", country: "JP", email: "s@example.com", metadata: { seller_id: "s1" } });
    expect(account.id).toMatch(/^acct_/);
    expect(account).toMatchObject({ object: "account", type: "express", country: "JP", default_currency: "jpy", charges_enabled: false, payouts_enabled: false, details_submitted: false, metadata: { seller_id: "s1" } });
    expect(account.capabilities).toEqual({ card_payments: "inactive", transfers: "inactive" });
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);
    const again = await h.stripe.accounts.retrieve(account.id);
    expect(again.id).toBe(account.id);
    const missing = await h.stripe.accounts.retrieve("acct_missing").catch((e: Stripe.errors.StripeError) => e);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("an account link opens the sandbox's onboarding page; submitting it enables the account and sends account.updated", async () => {
    const account = await h.stripe.accounts.create({ type: "express", capabilities: { transfers: { requested: true } } });
    const link = await h.stripe.accountLinks.create({ account: account.id, type: "account_onboarding", refresh_url: "http://127.0.0.1:3000/sell/refresh", return_url: "http://127.0.0.1:3000/sell/done" });
    expect(link).toMatchObject({ object: "account_link" });
    expect(link.expires_at - link.created).toBe(300);
    expect(link.url.startsWith(`${h.sandbox.url}/connect/onboarding/`)).toBe(true);
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("TEST ONBOARDING");
    const res = await fetch(link.url, { method: "POST", redirect: "manual", body: new URLSearchParams({ action: "submit" }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:3000/sell/done");
    const after = await h.stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({ details_submitted: true, payouts_enabled: true, charges_enabled: false, capabilities: { transfers: "active" } });
    const updated = await waitFor(() => eventsOf(h.receiver, "account.updated", account.id)[0]);
    expect(updated.data.object).toMatchObject({ details_submitted: true });
    expect(updated.data.previous_attributes).toMatchObject({ details_submitted: false, payouts_enabled: false });
    // Links are single-use: a second visit goes to refresh_url.
    const reused = await fetch(link.url, { redirect: "manual" });
    expect(reused.headers.get("location")).toBe("http://127.0.0.1:3000/sell/refresh");
  });

  it("leaving onboarding returns to return_url with nothing enabled", async () => {
    const account = await h.stripe.accounts.create({ type: "express" });
    const link = await h.stripe.accountLinks.create({ account: account.id, type: "account_onboarding", refresh_url: "http://127.0.0.1:3000/r", return_url: "http://127.0.0.1:3000/d" });
    const res = await fetch(link.url, { method: "POST", redirect: "manual", body: new URLSearchParams({ action: "leave" }) });
    expect(res.headers.get("location")).toBe("http://127.0.0.1:3000/d");
    expect((await h.stripe.accounts.retrieve(account.id)).details_submitted).toBe(false);
  });

  it("an expired link sends the user to refresh_url", async () => {
    const account = await h.stripe.accounts.create({ type: "express" });
    const link = await h.stripe.accountLinks.create({ account: account.id, type: "account_onboarding", refresh_url: "http://127.0.0.1:3000/r", return_url: "http://127.0.0.1:3000/d" });
    await h.control("POST", "/_sandbox/advance_time", { seconds: "301" });
    const res = await fetch(link.url, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:3000/r");
  });

  it("refuses a link for an unknown account", async () => {
    const e = await h.stripe.accountLinks.create({ account: "acct_nope", type: "account_onboarding", refresh_url: "http://x/r", return_url: "http://x/d" }).catch((err: Stripe.errors.StripeError) => err);
    expect(e).toMatchObject({ statusCode: 404, code: "resource_missing", param: "account" });
  });
});

describe("transfers and reversals", () => {
  it("transfers part of a charge to an onboarded seller and reverses it in two steps", async () => {
    const seller = await onboardedAccount();
    const charge = await paidCharge();
    const transfer = await h.stripe.transfers.create(
      { amount: 8500, currency: "eur", destination: seller.id, transfer_group: "ord_1", source_transaction: charge.id, metadata: { seller_order: "so_1" } },
      { idempotencyKey: `transfer-${charge.id}` },
    );
    expect(transfer.id).toMatch(/^tr_/);
    expect(transfer).toMatchObject({ object: "transfer", amount: 8500, amount_reversed: 0, reversed: false, currency: "eur", destination: seller.id, transfer_group: "ord_1", source_transaction: charge.id, livemode: false });
    await waitFor(() => eventsOf(h.receiver, "transfer.created", transfer.id)[0]);
    const byGroup = await h.stripe.transfers.list({ transfer_group: "ord_1" });
    expect(byGroup.data.map((t) => t.id)).toContain(transfer.id);
    expect((await h.stripe.transfers.list({ destination: seller.id })).data.map((t) => t.id)).toEqual([transfer.id]);

    const part = await h.stripe.transfers.createReversal(transfer.id, { amount: 3000 });
    expect(part.id).toMatch(/^trr_/);
    expect(part).toMatchObject({ object: "transfer_reversal", amount: 3000, currency: "eur", transfer: transfer.id });
    let after = await h.stripe.transfers.retrieve(transfer.id);
    expect(after).toMatchObject({ amount_reversed: 3000, reversed: false });
    const tooMuch = await h.stripe.transfers.createReversal(transfer.id, { amount: 5501 }).catch((e: Stripe.errors.StripeError) => e);
    expect(tooMuch).toMatchObject({ statusCode: 400, param: "amount" });
    await h.stripe.transfers.createReversal(transfer.id);
    after = await h.stripe.transfers.retrieve(transfer.id);
    expect(after).toMatchObject({ amount_reversed: 8500, reversed: true });
    expect(after.reversals.data.map((r) => r.amount)).toEqual([5500, 3000]);
    const reversed = await waitFor(() => {
      const evs = eventsOf(h.receiver, "transfer.reversed", transfer.id);
      return evs.length === 2 ? evs : undefined;
    });
    expect(reversed.map((e) => (e.data.object as Stripe.Transfer).amount_reversed).sort((a, b) => a - b)).toEqual([3000, 8500]);
    const listed = await h.stripe.transfers.listReversals(transfer.id);
    expect(listed.data).toHaveLength(2);
    const done = await h.stripe.transfers.createReversal(transfer.id).catch((e: Stripe.errors.StripeError) => e);
    expect(done).toMatchObject({ statusCode: 400 });
  });

  it("refuses a transfer to an account that has not finished onboarding", async () => {
    const account = await h.stripe.accounts.create({ type: "express" });
    const charge = await paidCharge();
    const e = await h.stripe.transfers.create({ amount: 100, currency: "eur", destination: account.id, source_transaction: charge.id }).catch((err: Stripe.errors.StripeError) => err);
    expect(e).toMatchObject({ statusCode: 400, code: "insufficient_capabilities_for_transfer", param: "destination" });
  });

  it("refuses transfers beyond the source charge, in another currency, or to an unknown destination", async () => {
    const seller = await onboardedAccount();
    const charge = await paidCharge("eur", 5000);
    await h.stripe.transfers.create({ amount: 4000, currency: "eur", destination: seller.id, source_transaction: charge.id });
    const over = await h.stripe.transfers.create({ amount: 1001, currency: "eur", destination: seller.id, source_transaction: charge.id }).catch((e: Stripe.errors.StripeError) => e);
    expect(over).toMatchObject({ statusCode: 400, code: "balance_insufficient" });
    const currency = await h.stripe.transfers.create({ amount: 100, currency: "usd", destination: seller.id, source_transaction: charge.id }).catch((e: Stripe.errors.StripeError) => e);
    expect(currency).toMatchObject({ statusCode: 400, param: "currency" });
    const nowhere = await h.stripe.transfers.create({ amount: 100, currency: "eur", destination: "acct_nope" }).catch((e: Stripe.errors.StripeError) => e);
    expect(nowhere).toMatchObject({ statusCode: 404, code: "resource_missing", param: "destination" });
    const kwd = await h.stripe.transfers.create({ amount: 1005, currency: "kwd", destination: seller.id }).catch((e: Stripe.errors.StripeError) => e);
    expect(kwd).toMatchObject({ statusCode: 400, param: "amount" });
  });

  it("refuses a transfer larger than the platform's balance", async () => {
    const seller = await onboardedAccount();
    const e = await h.stripe.transfers.create({ amount: 99_000_000, currency: "chf", destination: seller.id }).catch((err: Stripe.errors.StripeError) => err);
    expect(e).toMatchObject({ statusCode: 400, code: "balance_insufficient" });
  });
});

describe("events API", () => {
  it("lists events newest first, filters by type, and retrieves one", async () => {
    const all = await h.stripe.events.list({ limit: 5 });
    expect(all.object).toBe("list");
    expect(all.data).toHaveLength(5);
    expect(all.has_more).toBe(true);
    const created = all.data.map((e) => e.created);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    const page2 = await h.stripe.events.list({ limit: 5, starting_after: all.data[4]!.id });
    expect(page2.data.some((e) => all.data.some((f) => f.id === e.id))).toBe(false);
    const transfers = await h.stripe.events.list({ type: "transfer.*" });
    expect(transfers.data.length).toBeGreaterThan(0);
    expect(transfers.data.every((e) => e.type.startsWith("transfer."))).toBe(true);
    const one = await h.stripe.events.retrieve(all.data[0]!.id);
    expect(one).toMatchObject({ id: all.data[0]!.id, object: "event", api_version: "2026-10-28.endive", livemode: false });
    expect(one.request).toHaveProperty("id");
    const api = (await h.stripe.events.list({ type: "transfer.created", limit: 1 })).data[0]!;
    expect(api.request?.id).toMatch(/^req_/);
    const missing = await h.stripe.events.retrieve("evt_missing").catch((e: Stripe.errors.StripeError) => e);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});
