/**
 * The Stripe REST endpoints the store uses, with Stripe's parameters, checks,
 * object shapes and events.
 */
import { ApiError, invalid, missing, paramError } from "./errors";
import type { FormTree } from "./form";
import { arr, bool, expand, int, listFields, metadata, obj, readParams, str, type Params, type Spec } from "./params";
import { amountStep, formatAmount, isSupportedCurrency, MAX_AMOUNT, minimumAmount } from "./currency";
import type { Core, RequestInfo } from "./core";
import { clone, newId, type StripeObject } from "./state";

export interface Ctx {
  core: Core;
  tree: FormTree;
  ids: string[];
  request: RequestInfo;
}

export type Handler = (ctx: Ctx) => unknown;

// Stripe's Checkout locales (its API refuses any other value, so the sandbox does too).
export const CHECKOUT_LOCALES = [
  "auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr", "fr-CA", "hi-IN", "hr", "hu",
  "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi",
  "zh", "zh-HK", "zh-TW",
] as const;

function list(items: StripeObject[], params: Params, url: string): StripeObject {
  const limit = (params.limit as number | undefined) ?? 10;
  if (limit > 100) throw paramError("Invalid limit: must be less than or equal to 100", "limit", "parameter_invalid_integer");
  let start = 0;
  let end = items.length;
  if (typeof params.starting_after === "string") {
    const i = items.findIndex((o) => o.id === params.starting_after);
    if (i === -1) throw missing("object", params.starting_after, "starting_after");
    start = i + 1;
  }
  if (typeof params.ending_before === "string") {
    const i = items.findIndex((o) => o.id === params.ending_before);
    if (i === -1) throw missing("object", params.ending_before, "ending_before");
    end = i;
    start = Math.max(start, end - limit);
  }
  const page = items.slice(start, Math.min(end, start + limit));
  return { object: "list", data: page, has_more: start + page.length < end, url };
}

function newestFirst(objects: Record<string, StripeObject>): StripeObject[] {
  // Creation order is insertion order; `created` has one-second resolution only.
  return Object.values(objects).reverse();
}

function validUrl(value: unknown, param: string): void {
  if (value === undefined) return;
  try {
    const u = new URL(value as string);
    if (u.protocol === "http:" || u.protocol === "https:") return;
  } catch {
    // fall through
  }
  throw paramError("Not a valid URL", param, "url_invalid");
}

function checkCurrency(currency: string, param: string): string {
  const lower = currency.toLowerCase();
  if (!isSupportedCurrency(lower)) {
    throw paramError(`Invalid currency: ${currency}. Stripe currently supports these currencies: usd, eur, gbp, jpy, ...`, param, "parameter_invalid_string");
  }
  return lower;
}

function checkStep(amount: number, currency: string, param: string): void {
  const step = amountStep(currency);
  if (amount % step !== 0) {
    throw paramError(
      currency === "isk"
        ? `Invalid amount: isk amounts must be whole krónur (a multiple of 100 in the smallest unit), got ${amount}.`
        : `Invalid amount: ${currency} is a three-decimal currency and its amounts must end in 0 (a multiple of 10), got ${amount}.`,
      param,
      "amount_invalid",
    );
  }
}

function checkBounds(amount: number, currency: string, param: string | undefined, what: string): void {
  const min = minimumAmount(currency);
  if (amount < min) {
    throw new ApiError(400, "invalid_request_error", `${what} must add up to at least ${formatAmount(min, currency)} ${currency}`, { code: "amount_too_small", ...(param ? { param } : {}) });
  }
  if (amount > MAX_AMOUNT) {
    throw new ApiError(400, "invalid_request_error", `${what} must be no more than ${formatAmount(MAX_AMOUNT, currency)} ${currency}`, { code: "amount_too_large", ...(param ? { param } : {}) });
  }
}

function getOr404(core: Core, kind: keyof typeof KINDS, id: string, param: string): StripeObject {
  const found = (core.state[KINDS[kind].store] as Record<string, StripeObject>)[id];
  if (!found) throw missing(KINDS[kind].name, id, param);
  return found;
}

const KINDS = {
  session: { store: "sessions", name: "checkout.session" },
  payment_intent: { store: "payment_intents", name: "payment_intent" },
  charge: { store: "charges", name: "charge" },
  refund: { store: "refunds", name: "refund" },
  account: { store: "accounts", name: "account" },
  transfer: { store: "transfers", name: "transfer" },
} as const;

/** Replaces ids with objects along `expand[]` paths (`payment_intent.latest_charge`), as Stripe does. */
function expandFields(core: Core, object: StripeObject, paths: string[]): StripeObject {
  const out = clone(object);
  for (const path of paths) {
    const [head, ...rest] = path.split(".");
    if (!head) continue;
    if (head === "line_items" && out.object === "checkout.session") {
      const items = core.state.session_meta[out.id as string]?.line_items ?? [];
      out.line_items = { object: "list", data: clone(items), has_more: false, url: `/v1/checkout/sessions/${out.id}/line_items` };
      continue;
    }
    const value = out[head];
    if (typeof value === "string") {
      const target = lookup(core, value);
      if (!target) throw invalid(`This property cannot be expanded (${head}).`, "expand");
      out[head] = rest.length ? expandFields(core, target, [rest.join(".")]) : clone(target);
    } else if (value === undefined) {
      throw invalid(`This property cannot be expanded (${head}).`, "expand");
    } else if (value && typeof value === "object" && rest.length) {
      out[head] = expandFields(core, value as StripeObject, [rest.join(".")]);
    }
  }
  return out;
}

function lookup(core: Core, id: string): StripeObject | undefined {
  const s = core.state;
  return s.payment_intents[id] ?? s.charges[id] ?? s.sessions[id] ?? s.refunds[id] ?? s.accounts[id] ?? s.transfers[id] ?? s.reversals[id];
}

function respond(ctx: Ctx, object: StripeObject, params: Params): StripeObject {
  return expandFields(ctx.core, object, (params.expand as string[] | undefined) ?? []);
}

// ---- Checkout Sessions --------------------------------------------------------

const lineItemSpec = obj({
  price: str(),
  price_data: obj({
    currency: str(),
    product: str(),
    product_data: obj({ name: str(), description: str(), images: arr(str(), 8), metadata, tax_code: str() }),
    unit_amount: int(0),
    unit_amount_decimal: str(),
    tax_behavior: str({ enum: ["exclusive", "inclusive", "unspecified"] }),
  }),
  quantity: int(0),
  tax_rates: arr(str()),
});

const sessionCreate: Record<string, Spec> = {
  mode: str({ enum: ["payment", "setup", "subscription"] }),
  line_items: arr(lineItemSpec, 100),
  metadata,
  client_reference_id: str({ maxLength: 200 }),
  success_url: str({ maxLength: 5000 }),
  cancel_url: str({ maxLength: 5000 }),
  expires_at: int(),
  locale: str({ enum: CHECKOUT_LOCALES }),
  customer_email: str(),
  submit_type: str({ enum: ["auto", "book", "donate", "pay", "subscribe"] }),
  billing_address_collection: str({ enum: ["auto", "required"] }),
  payment_method_types: arr(str()),
  ui_mode: str({ enum: ["hosted", "embedded", "custom"] }),
  payment_intent_data: obj({
    transfer_group: str(),
    metadata,
    description: str(),
    receipt_email: str(),
    statement_descriptor_suffix: str({ maxLength: 22 }),
    capture_method: str({ enum: ["automatic", "automatic_async", "manual"] }),
  }),
  expand,
};

function createSession(ctx: Ctx): unknown {
  const { core } = ctx;
  const p = readParams(ctx.tree, sessionCreate);
  const now = core.now();
  if (p.mode === undefined) throw paramError("Missing required param: mode.", "mode", "parameter_missing");
  if (p.mode !== "payment") throw invalid("The sandbox supports Checkout Sessions in payment mode only.", "mode");
  if (p.ui_mode !== undefined && p.ui_mode !== "hosted") throw invalid("The sandbox serves hosted Checkout only (ui_mode=hosted).", "ui_mode");
  const pid = (p.payment_intent_data as Params | undefined) ?? {};
  if (pid.capture_method === "manual") throw invalid("The sandbox captures automatically only.", "payment_intent_data[capture_method]");
  validUrl(p.success_url, "success_url");
  validUrl(p.cancel_url, "cancel_url");
  if (typeof p.customer_email === "string" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.customer_email)) {
    throw paramError(`Invalid email address: ${p.customer_email}`, "customer_email", "email_invalid");
  }
  let expiresAt = now + 24 * 3600;
  if (p.expires_at !== undefined) {
    const e = p.expires_at as number;
    if (e < now + 30 * 60) throw invalid("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "expires_at");
    if (e > now + 24 * 3600) throw invalid("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "expires_at");
    expiresAt = e;
  }
  const items = (p.line_items as Params[] | undefined) ?? [];
  if (items.length === 0) throw paramError("Missing required param: line_items.", "line_items", "parameter_missing");
  let currency: string | null = null;
  let total = 0;
  const lineItems: StripeObject[] = [];
  items.forEach((item, i) => {
    const at = `line_items[${i}]`;
    if (item.price !== undefined) throw missing("price", item.price as string, `${at}[price]`);
    const pd = item.price_data as Params | undefined;
    if (!pd) throw paramError(`You must specify either \`price\` or \`price_data\` in ${at}.`, at, "parameter_missing");
    if (pd.currency === undefined) throw paramError(`Missing required param: ${at}[price_data][currency].`, `${at}[price_data][currency]`, "parameter_missing");
    if (pd.product !== undefined) throw missing("product", pd.product as string, `${at}[price_data][product]`);
    const productData = pd.product_data as Params | undefined;
    if (!productData) throw paramError(`Missing required param: ${at}[price_data][product_data].`, `${at}[price_data][product_data]`, "parameter_missing");
    if (productData.name === undefined) throw paramError(`Missing required param: ${at}[price_data][product_data][name].`, `${at}[price_data][product_data][name]`, "parameter_missing");
    if (pd.unit_amount_decimal !== undefined) throw invalid("The sandbox takes integer `unit_amount` only.", `${at}[price_data][unit_amount_decimal]`);
    if (pd.unit_amount === undefined) throw paramError(`Missing required param: ${at}[price_data][unit_amount].`, `${at}[price_data][unit_amount]`, "parameter_missing");
    if (item.quantity === undefined) throw paramError(`Missing required param: ${at}[quantity].`, `${at}[quantity]`, "parameter_missing");
    const cur = checkCurrency(pd.currency as string, `${at}[price_data][currency]`);
    if (currency !== null && cur !== currency) throw invalid("All line items must use the same currency.", `${at}[price_data][currency]`);
    currency = cur;
    const unit = pd.unit_amount as number;
    checkStep(unit, cur, `${at}[price_data][unit_amount]`);
    if (unit > MAX_AMOUNT) checkBounds(unit, cur, `${at}[price_data][unit_amount]`, "The unit amount");
    const quantity = item.quantity as number;
    if (quantity < 1) throw paramError(`Invalid ${at}[quantity]: must be greater than or equal to 1`, `${at}[quantity]`, "parameter_invalid_integer");
    const amount = unit * quantity;
    total += amount;
    lineItems.push({
      id: newId("li_"),
      object: "item",
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: cur,
      description: productData.name,
      price: {
        id: newId("price_"),
        object: "price",
        active: false,
        billing_scheme: "per_unit",
        created: now,
        currency: cur,
        custom_unit_amount: null,
        livemode: false,
        lookup_key: null,
        metadata: {},
        nickname: null,
        product: newId("prod_", 14),
        recurring: null,
        tax_behavior: pd.tax_behavior ?? "unspecified",
        tiers_mode: null,
        transform_quantity: null,
        type: "one_time",
        unit_amount: unit,
        unit_amount_decimal: String(unit),
      },
      quantity,
    });
  });
  const cur = currency as unknown as string;
  checkBounds(total, cur, undefined, "The Checkout Session's total amount due");
  const id = newId("cs_test_a1", 56);
  const session: StripeObject = {
    id,
    object: "checkout.session",
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: p.billing_address_collection ?? null,
    cancel_url: p.cancel_url ?? null,
    client_reference_id: p.client_reference_id ?? null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency: cur,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_creation: "if_required",
    customer_details: p.customer_email ? { address: null, email: p.customer_email, name: null, phone: null, tax_exempt: "none", tax_ids: null } : null,
    customer_email: p.customer_email ?? null,
    discounts: [],
    expires_at: expiresAt,
    invoice: null,
    invoice_creation: { enabled: false, invoice_data: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: null, metadata: {}, rendering_options: null } },
    livemode: false,
    locale: p.locale ?? null,
    metadata: p.metadata ?? {},
    mode: "payment",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "if_required",
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: "automatic" } },
    payment_method_types: ["card", "customer_balance"],
    payment_status: "unpaid",
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: p.submit_type ?? null,
    subscription: null,
    success_url: p.success_url ?? null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: `${core.options.publicUrl}/pay/${id}`,
    wallet_options: null,
  };
  core.state.sessions[id] = session;
  core.state.session_meta[id] = {
    line_items: lineItems,
    payment_intent_data: {
      ...(pid.transfer_group ? { transfer_group: pid.transfer_group as string } : {}),
      ...(pid.metadata ? { metadata: pid.metadata as Record<string, string> } : {}),
      ...(pid.description ? { description: pid.description as string } : {}),
      ...(pid.receipt_email ? { receipt_email: pid.receipt_email as string } : {}),
    },
  };
  return respond(ctx, session, p);
}

function retrieveSession(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { expand });
  return respond(ctx, getOr404(ctx.core, "session", ctx.ids[0] ?? "", "session"), p);
}

function listSessions(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, {
    ...listFields,
    payment_intent: str(),
    status: str({ enum: ["open", "complete", "expired"] }),
    payment_link: str(),
    customer: str(),
    created: obj({ gt: int(), gte: int(), lt: int(), lte: int() }),
  });
  let items = newestFirst(ctx.core.state.sessions);
  if (p.payment_intent) items = items.filter((s) => s.payment_intent === p.payment_intent);
  const created = p.created as { gt?: number; gte?: number; lt?: number; lte?: number } | undefined;
  if (created) {
    items = items.filter((s) => {
      const at = s.created as number;
      return (created.gt === undefined || at > created.gt) && (created.gte === undefined || at >= created.gte) && (created.lt === undefined || at < created.lt) && (created.lte === undefined || at <= created.lte);
    });
  }
  if (p.status) items = items.filter((s) => s.status === p.status);
  const page = list(items, p, "/v1/checkout/sessions");
  page.data = (page.data as StripeObject[]).map((s) => respond(ctx, s, { expand: ((p.expand as string[] | undefined) ?? []).map((e) => e.replace(/^data\./, "")) }));
  return page;
}

function sessionLineItems(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, listFields);
  const session = getOr404(ctx.core, "session", ctx.ids[0] ?? "", "session");
  const items = ctx.core.state.session_meta[session.id as string]?.line_items ?? [];
  return list(clone(items), p, `/v1/checkout/sessions/${session.id}/line_items`);
}

function expireSession(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { expand });
  const session = getOr404(ctx.core, "session", ctx.ids[0] ?? "", "session");
  if (session.status !== "open") {
    throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`, "session");
  }
  ctx.core.expireSession(session, ctx.request);
  return respond(ctx, session, p);
}

// ---- Payment Intents, Charges, Refunds ------------------------------------------

function retrievePaymentIntent(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { expand, client_secret: str() });
  return respond(ctx, getOr404(ctx.core, "payment_intent", ctx.ids[0] ?? "", "intent"), p);
}

function listPaymentIntents(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { ...listFields, customer: str() });
  return list(newestFirst(ctx.core.state.payment_intents), p, "/v1/payment_intents");
}

function retrieveCharge(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { expand });
  return respond(ctx, getOr404(ctx.core, "charge", ctx.ids[0] ?? "", "charge"), p);
}

function createRefund(ctx: Ctx): unknown {
  const { core } = ctx;
  const p = readParams(ctx.tree, {
    payment_intent: str(),
    charge: str(),
    amount: int(1),
    reason: str({ enum: ["duplicate", "fraudulent", "requested_by_customer"] }),
    metadata,
    instructions_email: str(),
    expand,
  });
  if (p.payment_intent === undefined && p.charge === undefined) {
    throw invalid("One of the following params should be provided for this request: payment_intent or charge.");
  }
  let charge: StripeObject;
  if (p.charge !== undefined) {
    charge = getOr404(core, "charge", p.charge as string, "charge");
    if (p.payment_intent !== undefined && charge.payment_intent !== p.payment_intent) {
      throw invalid(`The charge ${charge.id} does not belong to PaymentIntent ${p.payment_intent}.`, "charge");
    }
  } else {
    const pi = getOr404(core, "payment_intent", p.payment_intent as string, "payment_intent");
    const latest = pi.latest_charge ? core.state.charges[pi.latest_charge as string] : undefined;
    if (pi.status !== "succeeded" || !latest) {
      throw invalid(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable");
    }
    charge = latest;
  }
  if (charge.status !== "succeeded") throw invalid(`Charge ${charge.id} has not succeeded and cannot be refunded.`, "charge", "charge_not_refundable");
  const remaining = (charge.amount as number) - (charge.amount_refunded as number);
  if (remaining <= 0) throw invalid(`Charge ${charge.id} has already been refunded.`, "charge", "charge_already_refunded");
  const amount = (p.amount as number | undefined) ?? remaining;
  const currency = charge.currency as string;
  if (amount > remaining) {
    throw invalid(
      `Refund amount (${formatAmount(amount, currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, currency)})`,
      "amount",
      "amount_too_large",
    );
  }
  checkStep(amount, currency, "amount");
  const refund: StripeObject = {
    id: newId("re_3"),
    object: "refund",
    amount,
    balance_transaction: newId("txn_3"),
    charge: charge.id,
    created: core.now(),
    currency,
    destination_details: (charge.payment_method_details as Params | null)?.type === "card" ? { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" } : { type: "customer_cash_balance", customer_cash_balance: {} },
    metadata: p.metadata ?? {},
    payment_intent: charge.payment_intent,
    reason: p.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
  core.state.refunds[refund.id as string] = refund;
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded = (charge.amount_refunded as number) + amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  core.emit("refund.created", refund, ctx.request);
  core.emit("charge.refunded", charge, ctx.request, previous);
  return respond(ctx, refund, p);
}

function retrieveRefund(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { expand });
  return respond(ctx, getOr404(ctx.core, "refund", ctx.ids[0] ?? "", "refund"), p);
}

function listRefunds(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { ...listFields, payment_intent: str(), charge: str() });
  let items = newestFirst(ctx.core.state.refunds);
  if (p.payment_intent) items = items.filter((r) => r.payment_intent === p.payment_intent);
  if (p.charge) items = items.filter((r) => r.charge === p.charge);
  return list(items, p, "/v1/refunds");
}

// ---- Connect: accounts, account links, transfers ---------------------------------

const COUNTRY_CURRENCY: Record<string, string> = {
  US: "usd", GB: "gbp", JP: "jpy", CH: "chf", SE: "sek", DK: "dkk", NO: "nok", PL: "pln", CZ: "czk", HU: "huf", RO: "ron",
  BG: "bgn", CA: "cad", AU: "aud", NZ: "nzd", SG: "sgd", HK: "hkd", MX: "mxn", BR: "brl", IN: "inr", AE: "aed", TH: "thb", MY: "myr",
};

const capabilityRequest = obj({ requested: bool });

function createAccount(ctx: Ctx): unknown {
  const { core } = ctx;
  const p = readParams(ctx.tree, {
    type: str({ enum: ["express", "standard", "custom"] }),
    country: str(),
    email: str(),
    business_type: str({ enum: ["individual", "company", "non_profit", "government_entity"] }),
    capabilities: obj({ card_payments: capabilityRequest, transfers: capabilityRequest }),
    business_profile: obj({ name: str(), url: str(), mcc: str(), product_description: str(), support_email: str() }),
    default_currency: str(),
    metadata,
    expand,
  });
  if (p.type === undefined) throw paramError("Missing required param: type.", "type", "parameter_missing");
  if (p.type !== "express") throw invalid("The sandbox creates Express accounts only (type=express).", "type");
  const country = ((p.country as string | undefined) ?? "US").toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw invalid(`Country '${p.country}' is unknown. Try using a 2-character alphanumeric country code instead, such as 'US', 'EG', or 'GB'.`, "country");
  const requested = (p.capabilities as Record<string, Params> | undefined) ?? { card_payments: { requested: true }, transfers: { requested: true } };
  const capabilities: Record<string, string> = {};
  for (const [name, spec] of Object.entries(requested)) if (spec.requested) capabilities[name] = "inactive";
  const due = ["business_profile.url", "business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"];
  const profile = (p.business_profile as Params | undefined) ?? {};
  const account: StripeObject = {
    id: newId("acct_1", 15),
    object: "account",
    business_profile: {
      annual_revenue: null, estimated_worker_count: null, mcc: profile.mcc ?? null, name: profile.name ?? null,
      product_description: profile.product_description ?? null, support_address: null, support_email: profile.support_email ?? null,
      support_phone: null, support_url: null, url: profile.url ?? null,
    },
    business_type: p.business_type ?? null,
    capabilities,
    charges_enabled: false,
    controller: { fees: { payer: "application" }, is_controller: true, losses: { payments: "application" }, requirement_collection: "stripe", stripe_dashboard: { type: "express" }, type: "application" },
    country,
    created: core.now(),
    default_currency: ((p.default_currency as string | undefined) ?? COUNTRY_CURRENCY[country] ?? "eur").toLowerCase(),
    details_submitted: false,
    email: p.email ?? null,
    external_accounts: { object: "list", data: [], has_more: false, total_count: 0, url: "" },
    future_requirements: { alternatives: [], current_deadline: null, currently_due: [], disabled_reason: null, errors: [], eventually_due: [], past_due: [], pending_verification: [] },
    metadata: p.metadata ?? {},
    payouts_enabled: false,
    requirements: { alternatives: [], current_deadline: null, currently_due: due, disabled_reason: "requirements.past_due", errors: [], eventually_due: due, past_due: due, pending_verification: [] },
    settings: { payouts: { debit_negative_balances: true, schedule: { delay_days: 2, interval: "daily" }, statement_descriptor: null } },
    tos_acceptance: { date: null, ip: null, user_agent: null },
    type: "express",
  };
  (account.external_accounts as Params).url = `/v1/accounts/${account.id}/external_accounts`;
  core.state.accounts[account.id as string] = account;
  return respond(ctx, account, p);
}

function retrieveAccount(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { expand });
  return respond(ctx, getOr404(ctx.core, "account", ctx.ids[0] ?? "", "account"), p);
}

function createAccountLink(ctx: Ctx): unknown {
  const { core } = ctx;
  const p = readParams(
    ctx.tree,
    {
      account: str(),
      refresh_url: str(),
      return_url: str(),
      type: str({ enum: ["account_onboarding", "account_update"] }),
      collect: str({ enum: ["currently_due", "eventually_due"] }),
      collection_options: obj({ fields: str({ enum: ["currently_due", "eventually_due"] }), future_requirements: str({ enum: ["include", "omit"] }) }),
      expand,
    },
    ["account", "type"],
  );
  const account = getOr404(core, "account", p.account as string, "account");
  if (p.type === "account_update") throw invalid("You cannot create `account_update` type Account Links for Express accounts.", "type");
  validUrl(p.refresh_url, "refresh_url");
  validUrl(p.return_url, "return_url");
  const created = core.now();
  const token = newId("", 32);
  core.state.account_links[token] = {
    account: account.id as string,
    refresh_url: (p.refresh_url as string | undefined) ?? `${core.options.publicUrl}/connect/done`,
    return_url: (p.return_url as string | undefined) ?? `${core.options.publicUrl}/connect/done`,
    expires_at: created + 300,
    used: false,
  };
  return { object: "account_link", created, expires_at: created + 300, url: `${core.options.publicUrl}/connect/onboarding/${token}` };
}

/** The platform's balance per currency: what was charged, less refunds and transfers, plus reversals. */
function availableBalance(core: Core, currency: string): number {
  let total = 0;
  for (const c of Object.values(core.state.charges)) {
    if (c.currency === currency && c.status === "succeeded") total += (c.amount as number) - (c.amount_refunded as number);
  }
  for (const t of Object.values(core.state.transfers)) {
    if (t.currency === currency) total -= (t.amount as number) - (t.amount_reversed as number);
  }
  return total;
}

function createTransfer(ctx: Ctx): unknown {
  const { core } = ctx;
  const p = readParams(
    ctx.tree,
    { amount: int(1), currency: str(), destination: str(), transfer_group: str(), source_transaction: str(), description: str(), metadata, expand },
    ["amount", "currency", "destination"],
  );
  const currency = checkCurrency(p.currency as string, "currency");
  const amount = p.amount as number;
  checkStep(amount, currency, "amount");
  if (amount > MAX_AMOUNT) checkBounds(amount, currency, "amount", "The transfer amount");
  const destination = core.state.accounts[p.destination as string];
  if (!destination) throw missing("destination", p.destination as string, "destination");
  if ((destination.capabilities as Record<string, string>).transfers !== "active") {
    throw invalid(
      "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
      "destination",
      "insufficient_capabilities_for_transfer",
    );
  }
  let sourceType = "card";
  if (p.source_transaction !== undefined) {
    const charge = core.state.charges[p.source_transaction as string];
    if (!charge) throw missing("charge", p.source_transaction as string, "source_transaction");
    if (charge.status !== "succeeded") throw invalid(`The source_transaction ${charge.id} has not succeeded.`, "source_transaction");
    if (charge.currency !== currency) {
      throw invalid(`The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${currency}).`, "currency");
    }
    const already = Object.values(core.state.transfers)
      .filter((t) => t.source_transaction === charge.id)
      .reduce((sum, t) => sum + (t.amount as number) - (t.amount_reversed as number), 0);
    if (already + amount > (charge.amount as number) - (charge.amount_refunded as number)) {
      throw invalid(`Transfers from source_transaction ${charge.id} would exceed the amount available from it.`, "amount", "balance_insufficient");
    }
    sourceType = (charge.payment_method_details as Params).type === "card" ? "card" : "bank_account";
  } else if (availableBalance(core, currency) < amount) {
    throw invalid(
      "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card.",
      undefined,
      "balance_insufficient",
    );
  }
  const id = newId("tr_1");
  const transfer: StripeObject = {
    id,
    object: "transfer",
    amount,
    amount_reversed: 0,
    balance_transaction: newId("txn_1"),
    created: core.now(),
    currency,
    description: p.description ?? null,
    destination: destination.id,
    destination_payment: newId("py_1"),
    livemode: false,
    metadata: p.metadata ?? {},
    reversals: { object: "list", data: [], has_more: false, total_count: 0, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: p.source_transaction ?? null,
    source_type: sourceType,
    transfer_group: p.transfer_group ?? null,
  };
  core.state.transfers[id] = transfer;
  core.emit("transfer.created", transfer, ctx.request);
  return respond(ctx, transfer, p);
}

function retrieveTransfer(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { expand });
  return respond(ctx, getOr404(ctx.core, "transfer", ctx.ids[0] ?? "", "transfer"), p);
}

function listTransfers(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { ...listFields, destination: str(), transfer_group: str() });
  let items = newestFirst(ctx.core.state.transfers);
  if (p.destination) items = items.filter((t) => t.destination === p.destination);
  if (p.transfer_group) items = items.filter((t) => t.transfer_group === p.transfer_group);
  return list(items, p, "/v1/transfers");
}

function createReversal(ctx: Ctx): unknown {
  const { core } = ctx;
  const p = readParams(ctx.tree, { amount: int(1), description: str(), metadata, refund_application_fee: bool, expand });
  const transfer = getOr404(core, "transfer", ctx.ids[0] ?? "", "id");
  const remaining = (transfer.amount as number) - (transfer.amount_reversed as number);
  if (remaining <= 0) throw invalid(`Transfer ${transfer.id} has already been fully reversed.`, undefined, "transfer_already_reversed");
  const amount = (p.amount as number | undefined) ?? remaining;
  if (amount > remaining) {
    throw invalid(`You have requested a reversal of ${amount}, but there is only ${remaining} remaining on transfer ${transfer.id}.`, "amount");
  }
  const reversal: StripeObject = {
    id: newId("trr_1"),
    object: "transfer_reversal",
    amount,
    balance_transaction: newId("txn_1"),
    created: core.now(),
    currency: transfer.currency,
    destination_payment_refund: newId("pyr_1"),
    metadata: p.metadata ?? {},
    source_refund: null,
    transfer: transfer.id,
  };
  core.state.reversals[reversal.id as string] = reversal;
  const previous = { amount_reversed: transfer.amount_reversed, reversed: transfer.reversed };
  transfer.amount_reversed = (transfer.amount_reversed as number) + amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  const reversals = transfer.reversals as { data: StripeObject[]; total_count: number };
  reversals.data.unshift(clone(reversal));
  reversals.total_count += 1;
  core.emit("transfer.reversed", transfer, ctx.request, previous);
  return respond(ctx, reversal, p);
}

function listReversals(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, listFields);
  const transfer = getOr404(ctx.core, "transfer", ctx.ids[0] ?? "", "id");
  const items = newestFirst(ctx.core.state.reversals).filter((r) => r.transfer === transfer.id);
  return list(items, p, `/v1/transfers/${transfer.id}/reversals`);
}

// ---- Events -----------------------------------------------------------------------

function listEvents(ctx: Ctx): unknown {
  const p = readParams(ctx.tree, { ...listFields, type: str(), types: arr(str(), 20), delivery_success: bool, created: obj({ gt: int(), gte: int(), lt: int(), lte: int() }) });
  let items = [...ctx.core.state.events].reverse();
  const matches = (pattern: string, type: string) => (pattern.endsWith(".*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type);
  if (p.type && p.types) throw invalid("You may pass either `type` or `types`, but not both.", "types");
  if (p.type) items = items.filter((e) => matches(p.type as string, e.type as string));
  if (p.types) items = items.filter((e) => (p.types as string[]).some((t) => matches(t, e.type as string)));
  const created = p.created as Record<string, number> | undefined;
  if (created) {
    items = items.filter((e) => {
      const c = e.created as number;
      return (created.gt === undefined || c > created.gt) && (created.gte === undefined || c >= created.gte) && (created.lt === undefined || c < created.lt) && (created.lte === undefined || c <= created.lte);
    });
  }
  if (p.delivery_success !== undefined) {
    items = items.filter((e) => (ctx.core.state.deliveries[e.id as string]?.status === "delivered") === p.delivery_success);
  }
  return list(items, p, "/v1/events");
}

function retrieveEvent(ctx: Ctx): unknown {
  readParams(ctx.tree, { expand });
  const id = ctx.ids[0] ?? "";
  const event = ctx.core.state.events.find((e) => e.id === id);
  if (!event) throw missing("event", id, "id");
  return clone(event);
}

const ID = "([A-Za-z0-9_]+)";

export const API_ROUTES: [string, RegExp, Handler][] = [
  ["POST", /^\/v1\/checkout\/sessions$/, createSession],
  ["GET", /^\/v1\/checkout\/sessions$/, listSessions],
  ["GET", new RegExp(`^/v1/checkout/sessions/${ID}$`), retrieveSession],
  ["GET", new RegExp(`^/v1/checkout/sessions/${ID}/line_items$`), sessionLineItems],
  ["POST", new RegExp(`^/v1/checkout/sessions/${ID}/expire$`), expireSession],
  ["GET", /^\/v1\/payment_intents$/, listPaymentIntents],
  ["GET", new RegExp(`^/v1/payment_intents/${ID}$`), retrievePaymentIntent],
  ["GET", new RegExp(`^/v1/charges/${ID}$`), retrieveCharge],
  ["POST", /^\/v1\/refunds$/, createRefund],
  ["GET", /^\/v1\/refunds$/, listRefunds],
  ["GET", new RegExp(`^/v1/refunds/${ID}$`), retrieveRefund],
  ["POST", /^\/v1\/accounts$/, createAccount],
  ["GET", new RegExp(`^/v1/accounts/${ID}$`), retrieveAccount],
  ["POST", /^\/v1\/account_links$/, createAccountLink],
  ["POST", /^\/v1\/transfers$/, createTransfer],
  ["GET", /^\/v1\/transfers$/, listTransfers],
  ["GET", new RegExp(`^/v1/transfers/${ID}$`), retrieveTransfer],
  ["POST", new RegExp(`^/v1/transfers/${ID}/reversals$`), createReversal],
  ["GET", new RegExp(`^/v1/transfers/${ID}/reversals$`), listReversals],
  ["GET", /^\/v1\/events$/, listEvents],
  ["GET", new RegExp(`^/v1/events/${ID}$`), retrieveEvent],
];
