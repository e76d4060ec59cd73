import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonical, parseForm } from "./form";
import { makeStripe, sessionParams, startHarness, type Harness } from "./test-helpers";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ webhookUrl: null });
});
afterAll(() => h.close());

async function rejection(p: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await p;
  } catch (e) {
    return e as Stripe.errors.StripeError;
  }
  throw new Error("expected the call to fail");
}

describe("form encoding", () => {
  it("parses nested brackets, indexes, appended arrays and encoded brackets alike", () => {
    expect(parseForm("line_items[0][price_data][currency]=jpy&line_items[0][quantity]=2&expand[]=a&expand[]=b&metadata[note]=a%20b+c")).toEqual({
      line_items: { "0": { price_data: { currency: "jpy" }, quantity: "2" } },
      expand: { "0": "a", "1": "b" },
      metadata: { note: "a b c" },
    });
    expect(parseForm("metadata%5Bk%5D=v")).toEqual(parseForm("metadata[k]=v"));
  });

  it("compares parameter sets independently of key order", () => {
    expect(canonical(parseForm("a=1&b[c]=2"))).toBe(canonical(parseForm("b[c]=2&a=1")));
  });
});

describe("authentication", () => {
  it("answers 401 with Stripe's error for a wrong key", async () => {
    const e = await rejection(makeStripe(h.port, "sk_test_wrongwrongwrong").checkout.sessions.list());
    expect(e.statusCode).toBe(401);
    expect(e.type).toBe("StripeAuthenticationError");
    expect(e.message).toMatch(/^Invalid API Key provided: sk_test_\*+rong$/);
  });

  it("answers 401 without a key", async () => {
    const res = await fetch(`${h.sandbox.url}/v1/checkout/sessions`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/You did not provide an API key/);
  });

  it("protects the test-control API with the same key", async () => {
    const res = await fetch(`${h.sandbox.url}/_sandbox/clock`, { headers: { authorization: "Bearer sk_test_other" } });
    expect(res.status).toBe(401);
  });
});

describe("checkout sessions", () => {
  it("creates a session with Stripe's shape, lazily creating its payment intent", async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams({ locale: "de", customer_email: "buyer@example.com" }));
    expect(s.id).toMatch(/^cs_test_/);
    expect(s).toMatchObject({
      object: "checkout.session",
      livemode: false,
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: 3300,
      amount_subtotal: 3300,
      currency: "eur",
      metadata: { order_id: "ord_1" },
      client_reference_id: "ord_1",
      locale: "de",
      customer_email: "buyer@example.com",
      payment_intent: null,
      success_url: "http://127.0.0.1:3000/checkout/success?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://127.0.0.1:3000/cart",
    });
    expect(s.url).toBe(`${h.sandbox.url}/pay/${s.id}`);
    expect(s.created).toBeGreaterThan(1_700_000_000);
    expect(s.expires_at - s.created).toBe(24 * 3600);
    expect(s.line_items).toBeUndefined();
  });

  it("retrieves with expand[]=line_items and lists line items", async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const r = await h.stripe.checkout.sessions.retrieve(s.id, { expand: ["line_items"] });
    expect(r.line_items?.object).toBe("list");
    expect(r.line_items?.data.map((li) => [li.description, li.quantity, li.amount_total, li.price?.unit_amount])).toEqual([
      ["Olive oil 1 l", 2, 2500, 1250],
      ["Za'atar", 1, 800, 800],
    ]);
    const items = await h.stripe.checkout.sessions.listLineItems(s.id, { limit: 1 });
    expect(items.data).toHaveLength(1);
    expect(items.has_more).toBe(true);
    expect(items.data[0]?.object).toBe("item");
    const plain = await h.stripe.checkout.sessions.retrieve(s.id);
    expect(plain.line_items).toBeUndefined();
  });

  it("expires a session once, then refuses", async () => {
    const s = await h.stripe.checkout.sessions.create(sessionParams());
    const expired = await h.stripe.checkout.sessions.expire(s.id);
    expect(expired.status).toBe("expired");
    const again = await rejection(h.stripe.checkout.sessions.expire(s.id));
    expect(again.statusCode).toBe(400);
    expect(again.message).toMatch(/Only Checkout Sessions with a status in \["open"\] can be expired/);
    const events = await h.stripe.events.list({ type: "checkout.session.expired" });
    expect(events.data.some((e) => (e.data.object as Stripe.Checkout.Session).id === s.id)).toBe(true);
  });

  it("answers 404 resource_missing for an unknown session", async () => {
    const e = await rejection(h.stripe.checkout.sessions.retrieve("cs_test_nope"));
    expect(e.statusCode).toBe(404);
    expect(e.code).toBe("resource_missing");
    expect(e.message).toBe("No such checkout.session: 'cs_test_nope'");
  });

  it("refuses unknown and missing parameters as Stripe does", async () => {
    const unknown = await rejection(h.stripe.checkout.sessions.create({ ...sessionParams(), colour: "red" } as Stripe.Checkout.SessionCreateParams));
    expect(unknown).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "colour", message: "Received unknown parameter: colour" });
    const noMode = await rejection(h.stripe.checkout.sessions.create({ ...sessionParams(), mode: undefined }));
    expect(noMode).toMatchObject({ code: "parameter_missing", param: "mode" });
    const noName = await rejection(
      h.stripe.checkout.sessions.create(sessionParams({ line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 100, product_data: { description: "no name" } as unknown as { name: string } } }] })),
    );
    expect(noName).toMatchObject({ code: "parameter_missing", param: "line_items[0][price_data][product_data][name]" });
  });

  it("refuses a locale Stripe does not offer (Arabic pages come from the buyer's browser language)", async () => {
    const e = await rejection(h.stripe.checkout.sessions.create(sessionParams({ locale: "ar" as Stripe.Checkout.SessionCreateParams.Locale })));
    expect(e).toMatchObject({ statusCode: 400, param: "locale" });
  });

  it("checks expires_at is 30 minutes to 24 hours away", async () => {
    const now = Math.floor(Date.now() / 1000);
    const early = await rejection(h.stripe.checkout.sessions.create(sessionParams({ expires_at: now + 29 * 60 })));
    expect(early).toMatchObject({ statusCode: 400, param: "expires_at" });
    const late = await rejection(h.stripe.checkout.sessions.create(sessionParams({ expires_at: now + 25 * 3600 })));
    expect(late).toMatchObject({ statusCode: 400, param: "expires_at" });
    const ok = await h.stripe.checkout.sessions.create(sessionParams({ expires_at: now + 3600 }));
    expect(ok.expires_at).toBe(now + 3600);
  });

  it("lists sessions filtered by payment_intent", async () => {
    const all = await h.stripe.checkout.sessions.list({ limit: 100 });
    expect(all.object).toBe("list");
    expect(all.data.length).toBeGreaterThan(2);
    const none = await h.stripe.checkout.sessions.list({ payment_intent: "pi_unknown" });
    expect(none.data).toEqual([]);
  });

  it("lists sessions by creation time and status", async () => {
    const now = Math.floor(Date.now() / 1000);
    const recent = await h.stripe.checkout.sessions.list({ created: { gte: now - 3600 }, status: "open", limit: 100 });
    expect(recent.data.length).toBeGreaterThan(0);
    expect(recent.data.every((s) => s.created >= now - 3600 && s.status === "open")).toBe(true);
    const future = await h.stripe.checkout.sessions.list({ created: { gt: now + 3600 } });
    expect(future.data).toEqual([]);
  });
});

describe("currency rules", () => {
  const one = (currency: string, unit_amount: number | string, quantity = 1) =>
    h.stripe.checkout.sessions.create(sessionParams({ line_items: [{ quantity, price_data: { currency, unit_amount: unit_amount as number, product_data: { name: "Item" } } }] }));

  it("takes whole units only (a fractional JPY amount is not an integer)", async () => {
    const e = await rejection(one("jpy", "1999.5"));
    expect(e).toMatchObject({ statusCode: 400, code: "parameter_invalid_integer", param: "line_items[0][price_data][unit_amount]" });
    const ok = await one("jpy", 1999);
    expect(ok.amount_total).toBe(1999);
  });

  it("requires three-decimal amounts (KWD, BHD, JOD, OMR, TND) to end in 0", async () => {
    for (const currency of ["kwd", "bhd", "jod", "omr", "tnd"]) {
      const e = await rejection(one(currency, 5125));
      expect(e).toMatchObject({ statusCode: 400, param: "line_items[0][price_data][unit_amount]" });
      expect(e.message).toMatch(/multiple of 10/);
    }
    expect((await one("kwd", 5120)).amount_total).toBe(5120);
  });

  it("refuses totals under the minimum charge and over eight digits", async () => {
    expect(await rejection(one("usd", 49))).toMatchObject({ statusCode: 400, code: "amount_too_small" });
    expect((await one("usd", 50)).amount_total).toBe(50);
    expect(await rejection(one("jpy", 49))).toMatchObject({ code: "amount_too_small" });
    expect(await rejection(one("gbp", 29))).toMatchObject({ code: "amount_too_small" });
    expect(await rejection(one("kwd", 100))).toMatchObject({ code: "amount_too_small" });
    expect(await rejection(one("eur", 50_000_000, 2))).toMatchObject({ code: "amount_too_large" });
    expect((await one("eur", 99_999_999)).amount_total).toBe(99_999_999);
  });

  it("refuses an unknown currency and mixed currencies", async () => {
    expect(await rejection(one("xyz", 1000))).toMatchObject({ statusCode: 400, param: "line_items[0][price_data][currency]" });
    const mixed = await rejection(
      h.stripe.checkout.sessions.create(
        sessionParams({
          line_items: [
            { quantity: 1, price_data: { currency: "eur", unit_amount: 1000, product_data: { name: "A" } } },
            { quantity: 1, price_data: { currency: "usd", unit_amount: 1000, product_data: { name: "B" } } },
          ],
        }),
      ),
    );
    expect(mixed).toMatchObject({ statusCode: 400, param: "line_items[1][price_data][currency]" });
  });
});

describe("idempotency", () => {
  it("replays the first response for the same key and parameters", async () => {
    const key = `order-42-${Date.now()}`;
    const first = await h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: key });
    const second = await h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: key });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    const count = (await h.stripe.checkout.sessions.list({ limit: 100 })).data.filter((s) => s.id === first.id).length;
    expect(count).toBe(1);
  });

  it("refuses the same key with different parameters (idempotency_error, 400)", async () => {
    const key = `order-43-${Date.now()}`;
    await h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: key });
    const e = await rejection(h.stripe.checkout.sessions.create(sessionParams({ client_reference_id: "other" }), { idempotencyKey: key }));
    expect(e.statusCode).toBe(400);
    expect(e.type).toBe("StripeIdempotencyError");
    expect(e.rawType).toBe("idempotency_error");
    expect(e.message).toMatch(/Keys for idempotent requests can only be used with the same parameters/);
  });

  it("stores no result for a request refused while reading its parameters", async () => {
    const key = `order-44-${Date.now()}`;
    await rejection(h.stripe.checkout.sessions.create({ ...sessionParams(), mode: undefined }, { idempotencyKey: key }));
    const ok = await h.stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: key });
    expect(ok.status).toBe("open");
  });
});

describe("request edges", () => {
  it("accepts the key through HTTP Basic auth as Stripe does", async () => {
    const res = await fetch(`${h.sandbox.url}/v1/events?limit=1`, { headers: { authorization: `Basic ${Buffer.from("sk_test_sandbox:").toString("base64")}` } });
    expect(res.status).toBe(200);
  });

  it("answers an unknown path with Stripe's 404 and echoes request id and API version", async () => {
    const res = await fetch(`${h.sandbox.url}/v1/widgets`, { headers: { authorization: "Bearer sk_test_sandbox", "stripe-version": "2026-10-28.endive" } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/widgets\)/);
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    expect(res.headers.get("stripe-version")).toBe("2026-10-28.endive");
  });

  it("refuses a body over 1 MB", async () => {
    const res = await fetch(`${h.sandbox.url}/v1/checkout/sessions`, {
      method: "POST",
      headers: { authorization: "Bearer sk_test_sandbox", "content-type": "application/x-www-form-urlencoded" },
      body: `metadata[a]=${"x".repeat(1024 * 1024 + 1)}`,
    });
    expect(res.status).toBe(413);
  });

  it("refuses what the sandbox does not model rather than pretending", async () => {
    expect(await rejection(h.stripe.checkout.sessions.create(sessionParams({ mode: "subscription" })))).toMatchObject({ statusCode: 400, param: "mode" });
    expect(await rejection(h.stripe.checkout.sessions.create(sessionParams({ line_items: [{ price: "price_123", quantity: 1 }] })))).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "line_items[0][price]",
    });
    expect(
      await rejection(h.stripe.checkout.sessions.create(sessionParams({ line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount_decimal: "100.5", product_data: { name: "A" } } } as unknown as Stripe.Checkout.SessionCreateParams.LineItem] }))),
    ).toMatchObject({ statusCode: 400, param: "line_items[0][price_data][unit_amount_decimal]" });
  });

  it("checks URLs and email addresses", async () => {
    expect(await rejection(h.stripe.checkout.sessions.create(sessionParams({ success_url: "not a url" })))).toMatchObject({ code: "url_invalid", param: "success_url" });
    expect(await rejection(h.stripe.checkout.sessions.create(sessionParams({ customer_email: "nobody" })))).toMatchObject({ code: "email_invalid", param: "customer_email" });
  });

  it("pages lists backwards with ending_before", async () => {
    const first = await h.stripe.checkout.sessions.list({ limit: 3 });
    const back = await h.stripe.checkout.sessions.list({ limit: 2, ending_before: first.data[2]!.id });
    expect(back.data.map((s) => s.id)).toEqual(first.data.slice(0, 2).map((s) => s.id));
  });

  it("filters events by types and created", async () => {
    await h.stripe.checkout.sessions.expire((await h.stripe.checkout.sessions.create(sessionParams())).id);
    const typed = await h.stripe.events.list({ types: ["checkout.session.expired", "charge.refunded"], limit: 100 });
    expect(typed.data.length).toBeGreaterThan(0);
    expect(typed.data.every((e) => e.type === "checkout.session.expired")).toBe(true);
    const future = await h.stripe.events.list({ created: { gt: Math.floor(Date.now() / 1000) + 3600 } });
    expect(future.data).toEqual([]);
  });

  it("refuses non-Express accounts and account_update links", async () => {
    expect(await rejection(h.stripe.accounts.create({ type: "standard" }))).toMatchObject({ statusCode: 400, param: "type" });
    const a = await h.stripe.accounts.create({ type: "express" });
    expect(await rejection(h.stripe.accountLinks.create({ account: a.id, type: "account_update", refresh_url: "http://x/r", return_url: "http://x/d" }))).toMatchObject({ param: "type" });
  });
});
