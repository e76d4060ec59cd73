import "server-only";
import Stripe from "stripe";
import { money, toStripeAmount, type Money } from "@/lib/domain/money";
import { decimalsOf, stripeDecimals } from "@/lib/domain/money";
import type { Locale } from "@/lib/domain/markets";
import { paymentsConfig, type PaymentsConfig } from "./config";

/**
 * The store's only door to the payment provider (Stripe, or the local sandbox that
 * speaks its API): nothing else imports `stripe`. Every call takes the store's own
 * types and returns them, never Stripe's shapes; amounts cross in Stripe's minor units
 * through the money module; every mutating call carries an idempotency key derived
 * from the store's ids, so a retry after a crash cannot charge or pay twice.
 */
export { paymentsConfig, type PaymentsConfig } from "./config";

let client: { stripe: Stripe; key: string } | undefined;

function stripe(config: PaymentsConfig = paymentsConfig()): Stripe {
  if (!client || client.key !== `${config.secretKey}@${JSON.stringify(config.api)}`) {
    client = {
      key: `${config.secretKey}@${JSON.stringify(config.api)}`,
      stripe: new Stripe(config.secretKey, {
        ...(config.api ?? {}),
        maxNetworkRetries: 2,
        timeout: 15_000,
        telemetry: false,
        appInfo: { name: "Caravan" },
      }),
    };
  }
  return client.stripe;
}

export type ProviderFailure = { ok: false; code: "PAYMENT_UNAVAILABLE"; status: number | null; reason: string };

function failure(error: unknown): ProviderFailure {
  if (error instanceof Stripe.errors.StripeError) {
    return { ok: false, code: "PAYMENT_UNAVAILABLE", status: error.statusCode ?? null, reason: error.code ?? error.type };
  }
  return { ok: false, code: "PAYMENT_UNAVAILABLE", status: null, reason: error instanceof Error ? error.name : "unknown" };
}

/** Stripe's amount (its minor units) back to the store's Money. */
export function fromStripeAmount(amount: number, currency: string): Money {
  const code = currency.toUpperCase();
  const shift = stripeDecimals(code) - decimalsOf(code);
  return money(shift >= 0 ? amount / 10 ** shift : amount * 10 ** -shift, code);
}

/** Checkout's own locales where Stripe has one; Arabic and the rest follow the browser ("auto"). */
const CHECKOUT_LOCALE: Partial<Record<Locale, Stripe.Checkout.SessionCreateParams.Locale>> = {
  en: "en", de: "de", fr: "fr", es: "es", ja: "ja", "zh-CN": "zh", "pt-BR": "pt-BR",
};

export interface SessionLine {
  name: string;
  /** A chargeable amount for the whole line (quantity already applied). */
  amount: Money;
}

export interface CreateSessionInput {
  orderId: string;
  orderNumber: string;
  currency: string;
  lines: SessionLine[];
  email: string;
  locale: Locale;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
}

export interface PaymentSession {
  id: string;
  url: string;
  expiresAt: Date;
}

export async function createCheckoutSession(input: CreateSessionInput): Promise<{ ok: true; session: PaymentSession } | ProviderFailure> {
  try {
    const session = await stripe().checkout.sessions.create(
      {
        mode: "payment",
        ui_mode: "hosted",
        line_items: input.lines.map((line) => {
          const { amount, currency } = toStripeAmount(line.amount);
          if (currency !== input.currency.toLowerCase()) throw new Error("line currency differs from the order's");
          return { quantity: 1, price_data: { currency, unit_amount: amount, product_data: { name: line.name } } };
        }),
        customer_email: input.email,
        client_reference_id: input.orderId,
        metadata: { order_id: input.orderId, order_number: input.orderNumber },
        payment_intent_data: {
          transfer_group: input.orderId,
          metadata: { order_id: input.orderId, order_number: input.orderNumber },
          description: `Caravan order ${input.orderNumber}`,
        },
        locale: CHECKOUT_LOCALE[input.locale] ?? "auto",
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
        expires_at: Math.floor(input.expiresAt.getTime() / 1000),
      },
      { idempotencyKey: `checkout-session:${input.orderId}` },
    );
    if (!session.url) return { ok: false, code: "PAYMENT_UNAVAILABLE", status: null, reason: "no_url" };
    return { ok: true, session: { id: session.id, url: session.url, expiresAt: new Date(session.expires_at * 1000) } };
  } catch (error) {
    return failure(error);
  }
}

/** A session as the provider reports it now: the only source fulfilment trusts. */
export interface SessionState {
  id: string;
  orderId: string | null;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  amountTotal: Money | null;
  paymentIntentId: string | null;
  /** The intent's state: "processing" while a delayed method settles, "requires_payment_method" after a failure. */
  intentStatus: string | null;
  chargeId: string | null;
  /** Amount refunded on the charge so far. */
  refunded: Money | null;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

export async function retrieveSession(sessionId: string): Promise<{ ok: true; session: SessionState } | ProviderFailure | { ok: false; code: "NOT_FOUND" }> {
  try {
    const s = await stripe().checkout.sessions.retrieve(sessionId, { expand: ["payment_intent.latest_charge"] });
    const intent = s.payment_intent && typeof s.payment_intent !== "string" ? s.payment_intent : null;
    const charge = intent?.latest_charge && typeof intent.latest_charge !== "string" ? intent.latest_charge : null;
    return {
      ok: true,
      session: {
        id: s.id,
        orderId: s.metadata?.order_id ?? s.client_reference_id ?? null,
        status: (s.status ?? "open") as SessionState["status"],
        paymentStatus: s.payment_status === "paid" ? "paid" : s.payment_status === "no_payment_required" ? "no_payment_required" : "unpaid",
        amountTotal: s.amount_total != null && s.currency ? fromStripeAmount(s.amount_total, s.currency) : null,
        paymentIntentId: idOf(s.payment_intent),
        intentStatus: intent?.status ?? null,
        chargeId: charge?.id ?? idOf(intent?.latest_charge),
        refunded: charge ? fromStripeAmount(charge.amount_refunded, charge.currency) : null,
      },
    };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return { ok: false, code: "NOT_FOUND" };
    return failure(error);
  }
}

/** Ends an open session so it can no longer be paid; a session already complete stays complete (its state is returned). */
export async function expireSession(sessionId: string): Promise<{ ok: true; status: SessionState["status"] } | ProviderFailure> {
  try {
    const s = await stripe().checkout.sessions.expire(sessionId, {}, { idempotencyKey: `checkout-session-expire:${sessionId}` });
    return { ok: true, status: (s.status ?? "expired") as SessionState["status"] };
  } catch (error) {
    // Stripe refuses to expire a session that is no longer open: read what it became.
    const state = await retrieveSession(sessionId);
    if (state.ok) return { ok: true, status: state.session.status };
    return failure(error);
  }
}

/** Completed sessions created since `since` (for the reconciler), newest first. */
export async function listCompletedSessions(since: Date): Promise<{ ok: true; sessions: { id: string; orderId: string | null }[] } | ProviderFailure> {
  try {
    const out: { id: string; orderId: string | null }[] = [];
    for await (const s of stripe().checkout.sessions.list({ created: { gte: Math.floor(since.getTime() / 1000) }, status: "complete", limit: 100 })) {
      out.push({ id: s.id, orderId: s.metadata?.order_id ?? s.client_reference_id ?? null });
      if (out.length >= 10_000) break;
    }
    return { ok: true, sessions: out };
  } catch (error) {
    return failure(error);
  }
}

export async function transferToSeller(input: {
  amount: Money;
  destination: string;
  transferGroup: string;
  sourceCharge: string | null;
  idempotencyKey: string;
  metadata: Record<string, string>;
}): Promise<{ ok: true; transferId: string } | ProviderFailure> {
  try {
    const { amount, currency } = toStripeAmount(input.amount);
    const transfer = await stripe().transfers.create(
      {
        amount,
        currency,
        destination: input.destination,
        transfer_group: input.transferGroup,
        ...(input.sourceCharge ? { source_transaction: input.sourceCharge } : {}),
        metadata: input.metadata,
      },
      { idempotencyKey: input.idempotencyKey },
    );
    return { ok: true, transferId: transfer.id };
  } catch (error) {
    return failure(error);
  }
}

/** Takes back a transfer from a seller: all of it, or `amount` of it. */
export async function reverseTransfer(transferId: string, idempotencyKey: string, amount?: Money): Promise<{ ok: true; reversalId: string } | ProviderFailure> {
  try {
    const reversal = await stripe().transfers.createReversal(transferId, amount ? { amount: toStripeAmount(amount).amount } : {}, { idempotencyKey });
    return { ok: true, reversalId: reversal.id };
  } catch (error) {
    return failure(error);
  }
}

export async function refundPayment(input: { paymentIntentId: string; amount: Money; idempotencyKey: string; metadata: Record<string, string> }): Promise<{ ok: true; refundId: string } | ProviderFailure> {
  try {
    const { amount } = toStripeAmount(input.amount);
    const refund = await stripe().refunds.create({ payment_intent: input.paymentIntentId, amount, metadata: input.metadata }, { idempotencyKey: input.idempotencyKey });
    return { ok: true, refundId: refund.id };
  } catch (error) {
    return failure(error);
  }
}

/** A verified provider event: only its id, type and the id of what it is about (fulfilment re-reads the object). */
export interface VerifiedEvent {
  id: string;
  type: string;
  objectId: string | null;
  /** For charge events: the payment intent the charge belongs to. */
  paymentIntentId: string | null;
}

/** Checks the `Stripe-Signature` header against the raw body (never re-serialised JSON), with Stripe's 300 s tolerance. */
export function verifyWebhook(rawBody: string, signature: string | null): { ok: true; event: VerifiedEvent } | { ok: false } {
  if (!signature) return { ok: false };
  const { webhookSecret } = paymentsConfig();
  if (!webhookSecret) return { ok: false };
  try {
    const event = stripe().webhooks.constructEvent(rawBody, signature, webhookSecret);
    const object = event.data.object as unknown as { id?: string; object?: string; payment_intent?: string | { id: string } | null };
    return {
      ok: true,
      event: {
        id: event.id,
        type: event.type,
        objectId: typeof object.id === "string" ? object.id : null,
        paymentIntentId: object.object === "charge" ? idOf(object.payment_intent) : null,
      },
    };
  } catch {
    return { ok: false };
  }
}

/** Signs a payload the way Stripe does, for the store's own tests and tools. */
export function signWebhookPayload(payload: string, secret: string = paymentsConfig().webhookSecret, timestamp?: number): string {
  return stripe().webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });
}

// ---------------------------------------------------------------- sellers' connected accounts

export async function createSellerAccount(input: { sellerId: string; country: string; name: string }): Promise<{ ok: true; accountId: string } | ProviderFailure> {
  try {
    const account = await stripe().accounts.create(
      {
        type: "express",
        country: input.country,
        capabilities: { transfers: { requested: true } },
        business_profile: { name: input.name },
        metadata: { seller_id: input.sellerId },
      },
      { idempotencyKey: `seller-account:${input.sellerId}` },
    );
    return { ok: true, accountId: account.id };
  } catch (error) {
    return failure(error);
  }
}

export async function sellerOnboardingLink(accountId: string, returnUrl: string, refreshUrl: string): Promise<{ ok: true; url: string } | ProviderFailure> {
  try {
    const link = await stripe().accountLinks.create({ account: accountId, type: "account_onboarding", return_url: returnUrl, refresh_url: refreshUrl });
    return { ok: true, url: link.url };
  } catch (error) {
    return failure(error);
  }
}

/** Whether the account can receive transfers. */
export async function sellerAccountReady(accountId: string): Promise<{ ok: true; ready: boolean } | ProviderFailure> {
  try {
    const account = await stripe().accounts.retrieve(accountId);
    return { ok: true, ready: account.capabilities?.transfers === "active" };
  } catch (error) {
    return failure(error);
  }
}
