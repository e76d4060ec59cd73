/**
 * The sandbox's model: objects, the clock, events, and the payment flows the hosted
 * page drives (card success, decline, authentication, delayed settlement, expiry).
 */
import type { Deliverer } from "./webhooks";
import { clone, newId, saveState, type CardDetails, type State, type StripeObject } from "./state";

export interface RequestInfo {
  id: string | null;
  idempotency_key: string | null;
}

const NO_REQUEST: RequestInfo = { id: null, idempotency_key: null };

export interface CoreOptions {
  dataDir: string;
  apiVersion: string;
  publicUrl: string;
  /** Sandbox-clock seconds between a delayed payment and its settlement. */
  asyncSettleSeconds: number;
}

export type DeclineCode = "generic_decline" | "insufficient_funds" | "test_mode_live_card";

const DECLINE_MESSAGES: Record<DeclineCode, string> = {
  generic_decline: "Your card was declined.",
  insufficient_funds: "Your card has insufficient funds.",
  test_mode_live_card:
    "Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.",
};

export class Core {
  deliverer!: Deliverer;

  constructor(
    public state: State,
    readonly options: CoreOptions,
  ) {}

  /** Unix seconds on the sandbox clock (the wall clock plus whatever tests advanced). */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.state.clock_offset;
  }

  private pendingSave: NodeJS.Timeout | null = null;

  /**
   * Persists the state: writes coalesce into one write a few milliseconds later, so a
   * burst of requests (a checkout under load) does not rewrite the whole file for each.
   * `flush` writes at once (on close).
   */
  save(): void {
    if (this.pendingSave) return;
    this.pendingSave = setTimeout(() => this.flush(), 25);
    this.pendingSave.unref?.();
  }

  flush(): void {
    if (this.pendingSave) clearTimeout(this.pendingSave);
    this.pendingSave = null;
    saveState(this.options.dataDir, this.state);
  }

  emit(type: string, object: StripeObject, request: RequestInfo = NO_REQUEST, previous?: Record<string, unknown>): StripeObject {
    const event: StripeObject = {
      id: newId("evt_"),
      object: "event",
      api_version: this.options.apiVersion,
      created: this.now(),
      data: { object: clone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: this.deliverer.configured ? 1 : 0,
      request: { id: request.id, idempotency_key: request.idempotency_key },
      type,
    };
    this.state.events.push(event);
    this.deliverer.enqueue(event);
    return event;
  }

  // ---- Checkout and payments -------------------------------------------------

  /** Expires open sessions whose `expires_at` has passed and settles due delayed payments. */
  sweep(): void {
    const now = this.now();
    let changed = false;
    for (const session of Object.values(this.state.sessions)) {
      if (session.status === "open" && (session.expires_at as number) <= now) {
        this.expireSession(session);
        changed = true;
      }
    }
    for (const [id, meta] of Object.entries(this.state.payment_meta)) {
      if (meta.settle_at !== undefined && meta.settle_at <= now) {
        this.settleDelayed(id, meta.settle_outcome ?? "succeeded");
        changed = true;
      }
    }
    if (changed) this.save();
  }

  expireSession(session: StripeObject, request: RequestInfo = NO_REQUEST): void {
    session.status = "expired";
    const piId = session.payment_intent as string | null;
    const pi = piId ? this.state.payment_intents[piId] : undefined;
    if (pi && ["requires_payment_method", "requires_action", "requires_confirmation"].includes(pi.status as string)) {
      pi.status = "canceled";
      pi.canceled_at = this.now();
      pi.cancellation_reason = "abandoned";
      pi.next_action = null;
      this.emit("payment_intent.canceled", pi, request);
    }
    this.emit("checkout.session.expired", session, request);
  }

  /** The session's PaymentIntent, created at the first payment attempt as Stripe does. */
  ensurePaymentIntent(session: StripeObject): StripeObject {
    const existing = session.payment_intent ? this.state.payment_intents[session.payment_intent as string] : undefined;
    if (existing) return existing;
    const meta = this.state.session_meta[session.id as string];
    const data = meta?.payment_intent_data ?? {};
    const id = newId("pi_3");
    const pi: StripeObject = {
      id,
      object: "payment_intent",
      amount: session.amount_total,
      amount_capturable: 0,
      amount_details: { tip: {} },
      amount_received: 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: "automatic_async",
      client_secret: `${id}_secret_${newId("", 25)}`,
      confirmation_method: "automatic",
      created: this.now(),
      currency: session.currency,
      customer: null,
      description: data.description ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: data.metadata ?? {},
      next_action: null,
      on_behalf_of: null,
      payment_method: null,
      payment_method_configuration_details: null,
      payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } },
      payment_method_types: ["card", "customer_balance"],
      processing: null,
      receipt_email: data.receipt_email ?? null,
      review: null,
      setup_future_usage: null,
      shipping: null,
      source: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: "requires_payment_method",
      transfer_data: null,
      transfer_group: data.transfer_group ?? null,
    };
    this.state.payment_intents[id] = pi;
    this.state.payment_meta[id] = { session: session.id as string };
    session.payment_intent = id;
    this.emit("payment_intent.created", pi);
    return pi;
  }

  private paymentMethod(card: CardDetails | null, type: "card" | "customer_balance"): StripeObject {
    return {
      id: newId("pm_"),
      object: "payment_method",
      billing_details: { address: null, email: card?.email ?? null, name: card?.name ?? null, phone: null },
      created: this.now(),
      customer: null,
      livemode: false,
      metadata: {},
      type,
      ...(type === "card" && card
        ? {
            card: {
              brand: card.brand,
              checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
              country: card.country,
              exp_month: card.exp_month,
              exp_year: card.exp_year,
              funding: card.funding,
              last4: card.last4,
            },
          }
        : { customer_balance: {} }),
    };
  }

  private newCharge(pi: StripeObject, pm: StripeObject, status: "succeeded" | "failed" | "pending", failure?: { code: string; decline: string; message: string }): StripeObject {
    const id = newId("ch_3");
    const succeeded = status === "succeeded";
    const card = pm.card as Record<string, unknown> | undefined;
    const charge: StripeObject = {
      id,
      object: "charge",
      amount: pi.amount,
      amount_captured: succeeded ? pi.amount : 0,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: succeeded ? newId("txn_3") : null,
      billing_details: pm.billing_details,
      calculated_statement_descriptor: "CARAVAN TEST",
      captured: succeeded,
      created: this.now(),
      currency: pi.currency,
      customer: null,
      description: pi.description ?? null,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: failure?.code ?? null,
      failure_message: failure?.message ?? null,
      fraud_details: {},
      livemode: false,
      metadata: pi.metadata,
      on_behalf_of: null,
      outcome:
        status === "pending"
          ? null
          : succeeded
            ? { network_status: "approved_by_network", reason: null, risk_level: "normal", risk_score: 20, seller_message: "Payment complete.", type: "authorized" }
            : { network_status: "declined_by_network", reason: failure?.decline ?? null, risk_level: "normal", risk_score: 20, seller_message: "The bank did not return any further details with this decline.", type: "issuer_declined" },
      paid: succeeded,
      payment_intent: pi.id,
      payment_method: pm.id,
      payment_method_details: card ? { card: { ...card, network: card.brand, three_d_secure: null }, type: "card" } : { customer_balance: {}, type: "customer_balance" },
      receipt_email: pi.receipt_email ?? null,
      receipt_number: null,
      receipt_url: null,
      refunded: false,
      review: null,
      shipping: null,
      source: null,
      source_transfer: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status,
      transfer_data: null,
      transfer_group: pi.transfer_group,
    };
    this.state.charges[id] = charge;
    return charge;
  }

  private sessionOf(pi: StripeObject): StripeObject | undefined {
    const sessionId = this.state.payment_meta[pi.id as string]?.session;
    return sessionId ? this.state.sessions[sessionId] : undefined;
  }

  private customerDetails(card: CardDetails | null, session: StripeObject) {
    return {
      address: null,
      business_name: null,
      email: card?.email ?? (session.customer_email as string | null) ?? null,
      individual_name: null,
      name: card?.name ?? null,
      phone: null,
      tax_exempt: "none",
      tax_ids: [],
    };
  }

  cardSucceeded(pi: StripeObject, card: CardDetails): void {
    const pm = this.paymentMethod(card, "card");
    const charge = this.newCharge(pi, pm, "succeeded");
    Object.assign(pi, {
      status: "succeeded",
      amount_received: pi.amount,
      latest_charge: charge.id,
      payment_method: pm.id,
      last_payment_error: null,
      next_action: null,
    });
    delete this.state.payment_meta[pi.id as string]?.pending_card;
    this.emit("charge.succeeded", charge);
    this.emit("payment_intent.succeeded", pi);
    const session = this.sessionOf(pi);
    if (session) {
      Object.assign(session, { status: "complete", payment_status: "paid", customer_details: this.customerDetails(card, session) });
      this.emit("checkout.session.completed", session);
    }
  }

  cardDeclined(pi: StripeObject, card: CardDetails, code: DeclineCode): string {
    const pm = this.paymentMethod(card, "card");
    const message = DECLINE_MESSAGES[code];
    const charge = this.newCharge(pi, pm, "failed", { code: "card_declined", decline: code, message });
    Object.assign(pi, {
      status: "requires_payment_method",
      latest_charge: charge.id,
      payment_method: null,
      next_action: null,
      last_payment_error: {
        charge: charge.id,
        code: "card_declined",
        decline_code: code,
        doc_url: "https://stripe.com/docs/error-codes/card-declined",
        message,
        payment_method: pm,
        type: "card_error",
      },
    });
    this.emit("charge.failed", charge);
    this.emit("payment_intent.payment_failed", pi);
    return message;
  }

  cardNeedsAuthentication(pi: StripeObject, card: CardDetails, challengeUrl: string): void {
    Object.assign(pi, {
      status: "requires_action",
      next_action: { redirect_to_url: { return_url: challengeUrl, url: challengeUrl }, type: "redirect_to_url" },
    });
    const meta = this.state.payment_meta[pi.id as string];
    if (meta) meta.pending_card = card;
    this.emit("payment_intent.requires_action", pi);
  }

  authenticationFailed(pi: StripeObject, card: CardDetails): string {
    const pm = this.paymentMethod(card, "card");
    const message = "We are unable to authenticate your payment method. Please choose a different payment method and try again.";
    Object.assign(pi, {
      status: "requires_payment_method",
      next_action: null,
      last_payment_error: {
        code: "payment_intent_authentication_failure",
        doc_url: "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
        message,
        payment_method: pm,
        type: "invalid_request_error",
      },
    });
    delete this.state.payment_meta[pi.id as string]?.pending_card;
    this.emit("payment_intent.payment_failed", pi);
    return message;
  }

  /** A bank transfer: the session completes at once but stays unpaid until the funds arrive. */
  delayedStarted(pi: StripeObject, outcome: "succeeded" | "failed", email: string | null, name: string | null): void {
    const pm = this.paymentMethod(null, "customer_balance");
    (pm.billing_details as Record<string, unknown>).email = email;
    (pm.billing_details as Record<string, unknown>).name = name;
    const charge = this.newCharge(pi, pm, "pending");
    Object.assign(pi, { status: "processing", latest_charge: charge.id, payment_method: pm.id, last_payment_error: null, next_action: null });
    const meta = this.state.payment_meta[pi.id as string];
    if (meta) {
      meta.settle_at = this.now() + this.options.asyncSettleSeconds;
      meta.settle_outcome = outcome;
    }
    this.emit("charge.pending", charge);
    this.emit("payment_intent.processing", pi);
    const session = this.sessionOf(pi);
    if (session) {
      Object.assign(session, {
        status: "complete",
        payment_status: "unpaid",
        customer_details: { ...this.customerDetails(null, session), email: email ?? session.customer_email ?? null, name },
      });
      this.emit("checkout.session.completed", session);
    }
  }

  settleDelayed(piId: string, outcome: "succeeded" | "failed"): void {
    const pi = this.state.payment_intents[piId];
    const meta = this.state.payment_meta[piId];
    if (!pi || !meta || meta.settle_at === undefined) return;
    delete meta.settle_at;
    delete meta.settle_outcome;
    const charge = this.state.charges[pi.latest_charge as string];
    const session = this.sessionOf(pi);
    if (outcome === "succeeded") {
      if (charge) Object.assign(charge, { status: "succeeded", paid: true, captured: true, amount_captured: charge.amount, balance_transaction: newId("txn_3"), outcome: { network_status: "approved_by_network", reason: null, risk_level: "not_assessed", seller_message: "Payment complete.", type: "authorized" } });
      Object.assign(pi, { status: "succeeded", amount_received: pi.amount });
      if (charge) this.emit("charge.succeeded", charge);
      this.emit("payment_intent.succeeded", pi);
      if (session) {
        session.payment_status = "paid";
        this.emit("checkout.session.async_payment_succeeded", session);
      }
    } else {
      const message = "The customer's bank transfer did not arrive.";
      if (charge) Object.assign(charge, { status: "failed", failure_code: "payment_method_provider_decline", failure_message: message, outcome: { network_status: "declined_by_network", reason: null, risk_level: "not_assessed", seller_message: message, type: "issuer_declined" } });
      Object.assign(pi, {
        status: "requires_payment_method",
        payment_method: null,
        last_payment_error: { code: "payment_method_provider_decline", message, type: "invalid_request_error", ...(charge ? { charge: charge.id } : {}) },
      });
      if (charge) this.emit("charge.failed", charge);
      this.emit("payment_intent.payment_failed", pi);
      if (session) this.emit("checkout.session.async_payment_failed", session);
    }
  }
}
