/**
 * A local Stripe-compatible server for development and tests. The store talks to it
 * only through the official `stripe` SDK (host, port and protocol options), exactly as
 * it talks to Stripe, so switching to Stripe is a matter of configuration.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { API_ROUTES, type Ctx } from "./api";
import { Core, type DeclineCode, type RequestInfo } from "./core";
import { ApiError, invalid } from "./errors";
import { canonical, parseForm, type FormTree } from "./form";
import { challengePage, declinedText, messagePage, onboardingPage, pageLocale, paymentPage } from "./pages";
import { formatAmount } from "./currency";
import { clone, loadState, newId, type CardDetails, type StripeObject } from "./state";
import { Deliverer } from "./webhooks";

export interface SandboxOptions {
  /** 0 picks a free port. Default 12111. */
  port?: number;
  host?: string;
  /** Base of the URLs handed to buyers (session and onboarding pages). Default `http://<host>:<port>`. */
  publicUrl?: string;
  secretKey?: string;
  webhookSecret?: string;
  /** Where events are POSTed; null sends none. */
  webhookUrl?: string | null;
  dataDir?: string;
  apiVersion?: string;
  webhookMaxAttempts?: number;
  /** First retry delay; each retry doubles it. */
  webhookRetryBaseMs?: number;
  webhookTimeoutMs?: number;
  /** Sandbox-clock seconds before a bank transfer settles. */
  asyncSettleSeconds?: number;
  /** How often expiry and settlement are checked (wall clock). */
  sweepIntervalMs?: number;
  log?: (line: string) => void;
}

export interface Sandbox {
  url: string;
  close(): Promise<void>;
}

export const DEFAULTS = {
  port: 12111,
  host: "127.0.0.1",
  secretKey: "sk_test_sandbox",
  webhookSecret: "whsec_sandbox",
  dataDir: ".data/stripe-sandbox",
  apiVersion: "2026-10-28.endive",
  webhookMaxAttempts: 8,
  webhookRetryBaseMs: 60_000,
  webhookTimeoutMs: 10_000,
  asyncSettleSeconds: 5,
  sweepIntervalMs: 1000,
} as const;

const MAX_BODY = 1024 * 1024;

interface TestCard {
  brand: string;
  funding: string;
  behaviour: "succeed" | "authenticate" | DeclineCode;
}

/** Stripe's documented test card numbers and what each does. */
const TEST_CARDS: Record<string, TestCard> = {
  "4242424242424242": { brand: "visa", funding: "credit", behaviour: "succeed" },
  "4000056655665556": { brand: "visa", funding: "debit", behaviour: "succeed" },
  "5555555555554444": { brand: "mastercard", funding: "credit", behaviour: "succeed" },
  "378282246310005": { brand: "amex", funding: "credit", behaviour: "succeed" },
  "4000000000000077": { brand: "visa", funding: "credit", behaviour: "succeed" },
  "4000000000000002": { brand: "visa", funding: "credit", behaviour: "generic_decline" },
  "4000000000009995": { brand: "visa", funding: "credit", behaviour: "insufficient_funds" },
  "4000002500003155": { brand: "visa", funding: "credit", behaviour: "authenticate" },
  "4000002760003184": { brand: "visa", funding: "credit", behaviour: "authenticate" },
};

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Keep draining an oversized body so the client reads the 413 instead of a reset connection.
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => (size > MAX_BODY ? reject(new HttpError(413, "Request body too large")) : resolve(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

function flat(tree: FormTree): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tree)) if (typeof v === "string") out[k] = v;
  return out;
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? DEFAULTS.host;
  const secretKey = options.secretKey ?? DEFAULTS.secretKey;
  const dataDir = path.resolve(options.dataDir ?? DEFAULTS.dataDir);
  const log = options.log ?? (() => {});
  const state = loadState(dataDir);

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULTS.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/$/, "");

  const core = new Core(state, {
    dataDir,
    apiVersion: options.apiVersion ?? DEFAULTS.apiVersion,
    publicUrl,
    asyncSettleSeconds: options.asyncSettleSeconds ?? DEFAULTS.asyncSettleSeconds,
  });
  const deliverer = new Deliverer({
    url: options.webhookUrl ?? null,
    secret: options.webhookSecret ?? DEFAULTS.webhookSecret,
    maxAttempts: options.webhookMaxAttempts ?? DEFAULTS.webhookMaxAttempts,
    retryBaseMs: options.webhookRetryBaseMs ?? DEFAULTS.webhookRetryBaseMs,
    timeoutMs: options.webhookTimeoutMs ?? DEFAULTS.webhookTimeoutMs,
    state: () => core.state,
    save: () => core.save(),
    log,
  });
  core.deliverer = deliverer;

  // ---- Stripe API -------------------------------------------------------------

  function authenticate(req: http.IncomingMessage): void {
    const header = req.headers.authorization;
    let key: string | undefined;
    if (header?.startsWith("Bearer ")) key = header.slice(7).trim();
    else if (header?.startsWith("Basic ")) key = Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0];
    if (!key) {
      throw new ApiError(
        401,
        "invalid_request_error",
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      );
    }
    if (key !== secretKey) {
      const masked = key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : "*".repeat(key.length);
      throw new ApiError(401, "invalid_request_error", `Invalid API Key provided: ${masked}`);
    }
  }

  function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body, null, 2);
    res.writeHead(status, {
      "content-type": "application/json",
      "cache-control": "no-cache, no-store",
      "access-control-allow-origin": "*",
      ...headers,
    });
    res.end(text);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, query: string): Promise<void> {
    const requestId = newId("req_", 14);
    const version = (req.headers["stripe-version"] as string | undefined) ?? core.options.apiVersion;
    const headers: Record<string, string> = { "request-id": requestId, "stripe-version": version };
    const method = req.method ?? "GET";
    const idempotencyKey = method === "POST" ? ((req.headers["idempotency-key"] as string | undefined) ?? null) : null;
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    try {
      authenticate(req);
      const body = method === "POST" ? await readBody(req) : "";
      let tree: FormTree;
      try {
        tree = parseForm(method === "POST" ? body : query);
      } catch (e) {
        throw invalid((e as Error).message);
      }
      core.sweep();
      const route = API_ROUTES.find(([m, re]) => m === method && re.test(pathname));
      if (!route) {
        throw new ApiError(
          404,
          "invalid_request_error",
          `Unrecognized request URL (${method}: ${pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        );
      }
      if (idempotencyKey) {
        if (idempotencyKey.length > 255) throw invalid("Invalid idempotency key: keys may be at most 255 characters long.");
        const stored = core.state.idempotency[idempotencyKey];
        const fingerprint = canonical(tree);
        if (stored && stored.created + 24 * 3600 > core.now()) {
          if (stored.method !== method || stored.path !== pathname || stored.params !== fingerprint) {
            throw new ApiError(
              400,
              "idempotency_error",
              `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            );
          }
          sendJson(res, stored.status, stored.body, { ...headers, "idempotent-replayed": "true", "original-request": stored.request_id });
          return;
        }
      }
      const [, re, handler] = route;
      const ids = (re.exec(pathname) ?? []).slice(1);
      const request: RequestInfo = { id: requestId, idempotency_key: idempotencyKey };
      const ctx: Ctx = { core, tree, ids, request };
      let status = 200;
      let result: unknown;
      let store = true;
      try {
        result = handler(ctx);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        status = e.status;
        result = e.body();
        store = !e.validation;
      }
      if (idempotencyKey && store) {
        core.state.idempotency[idempotencyKey] = { method, path: pathname, params: canonical(tree), status, body: result, created: core.now(), request_id: requestId };
      }
      core.save();
      sendJson(res, status, result, headers);
    } catch (e) {
      if (e instanceof ApiError) {
        sendJson(res, e.status, e.body(), headers);
        return;
      }
      if (e instanceof HttpError) {
        sendJson(res, e.status, { error: { type: "invalid_request_error", message: e.message } }, headers);
        return;
      }
      log(`error: ${(e as Error).stack ?? String(e)}`);
      sendJson(res, 500, { error: { type: "api_error", message: "An unknown error occurred in the sandbox." } }, headers);
    }
  }

  // ---- Test-control API (not Stripe's) ------------------------------------------

  async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, query: string): Promise<void> {
    try {
      authenticate(req);
      const method = req.method ?? "GET";
      const tree = parseForm(method === "POST" ? await readBody(req) : query);
      const p = flat(tree);
      const eventOr404 = (id: string) => {
        const event = core.state.events.find((e) => e.id === id);
        if (!event) throw new ApiError(404, "invalid_request_error", `No such event: '${id}'`, { code: "resource_missing", param: "id" });
        return event;
      };
      const status = () => ({
        object: "sandbox.webhooks",
        url: options.webhookUrl ?? null,
        paused: core.state.webhooks_paused,
        pending: deliverer.pendingEventIds(),
        failed: Object.values(core.state.deliveries).filter((d) => d.status === "failed").map((d) => d.event),
      });
      let m: RegExpExecArray | null;
      let result: unknown;
      if (method === "GET" && pathname === "/_sandbox/deliveries") {
        const data = core.state.delivery_log.filter((a) => !p.event || a.event === p.event);
        result = { object: "list", data, has_more: false, url: "/_sandbox/deliveries" };
      } else if (method === "GET" && pathname === "/_sandbox/webhooks") {
        result = status();
      } else if (method === "POST" && pathname === "/_sandbox/webhooks/pause") {
        core.state.webhooks_paused = true;
        core.save();
        result = status();
      } else if (method === "POST" && pathname === "/_sandbox/webhooks/resume") {
        core.state.webhooks_paused = false;
        let attempts: unknown[] = [];
        if (p.order === "reverse") attempts = await deliverer.deliverInOrder(deliverer.pendingEventIds().reverse(), "ordered");
        else if (p.order !== undefined && p.order !== "created") throw invalid("order must be created or reverse", "order");
        core.save();
        deliverer.kick();
        result = { ...status(), attempts };
      } else if (method === "POST" && pathname === "/_sandbox/webhooks/wait") {
        await Promise.race([deliverer.idle(), new Promise((r) => setTimeout(r, 10_000))]);
        result = status();
      } else if (method === "POST" && pathname === "/_sandbox/deliver") {
        const ids = Object.keys(tree.events && typeof tree.events === "object" ? tree.events : {})
          .sort((a, b) => Number(a) - Number(b))
          .map((k) => (tree.events as Record<string, string>)[k] as string);
        if (ids.length === 0) throw invalid("Missing required param: events.", "events", "parameter_missing");
        ids.forEach(eventOr404);
        result = { object: "list", data: await deliverer.deliverInOrder(ids, "ordered") };
      } else if (method === "POST" && (m = /^\/_sandbox\/events\/([A-Za-z0-9_]+)\/replay$/.exec(pathname))) {
        const event = eventOr404(m[1] ?? "");
        result = await deliverer.send(event, 0, "replay");
        core.save();
      } else if (method === "POST" && (m = /^\/_sandbox\/events\/([A-Za-z0-9_]+)\/duplicate$/.exec(pathname))) {
        const event = eventOr404(m[1] ?? "");
        // Both copies at once: the store's deduplication must hold under concurrency, not only in sequence.
        result = { object: "list", data: await Promise.all([deliverer.send(event, 0, "duplicate"), deliverer.send(event, 0, "duplicate")]) };
        core.save();
      } else if (method === "POST" && pathname === "/_sandbox/advance_time") {
        const seconds = Number(p.seconds);
        if (!Number.isInteger(seconds) || seconds < 0) throw invalid("seconds must be a non-negative integer", "seconds");
        core.state.clock_offset += seconds;
        core.sweep();
        core.save();
        result = { object: "sandbox.clock", now: core.now(), offset: core.state.clock_offset };
      } else if (method === "GET" && pathname === "/_sandbox/clock") {
        result = { object: "sandbox.clock", now: core.now(), offset: core.state.clock_offset };
      } else if (method === "POST" && (m = /^\/_sandbox\/payment_intents\/([A-Za-z0-9_]+)\/settle$/.exec(pathname))) {
        const pi = core.state.payment_intents[m[1] ?? ""];
        if (!pi) throw new ApiError(404, "invalid_request_error", `No such payment_intent: '${m[1]}'`, { code: "resource_missing", param: "intent" });
        if (pi.status !== "processing") throw invalid(`PaymentIntent ${pi.id} is not awaiting settlement (status ${pi.status}).`);
        const outcome = p.outcome ?? "succeeded";
        if (outcome !== "succeeded" && outcome !== "failed") throw invalid("outcome must be succeeded or failed", "outcome");
        core.settleDelayed(pi.id as string, outcome);
        core.save();
        result = clone(pi);
      } else {
        throw new ApiError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${pathname}).`);
      }
      sendJson(res, 200, result);
    } catch (e) {
      if (e instanceof ApiError) return sendJson(res, e.status, e.body());
      log(`error: ${(e as Error).stack ?? String(e)}`);
      sendJson(res, 500, { error: { type: "api_error", message: (e as Error).message } });
    }
  }

  // ---- Hosted pages ----------------------------------------------------------------

  function sendHtml(res: http.ServerResponse, status: number, html: string): void {
    res.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // form-action covers the redirect after a form post: the page hands the buyer back to the store's success or cancel URL.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'",
      "x-robots-tag": "noindex",
    });
    res.end(html);
  }

  function redirect(res: http.ServerResponse, location: string): void {
    res.writeHead(303, { location, "cache-control": "no-store" });
    res.end();
  }

  function finishCheckout(res: http.ServerResponse, session: StripeObject): void {
    const success = session.success_url as string | null;
    if (success) redirect(res, success.replaceAll("{CHECKOUT_SESSION_ID}", session.id as string));
    else sendHtml(res, 200, messagePage("Payment complete", "This test payment is complete. You can close this page."));
  }

  function readCard(form: Record<string, string>): CardDetails | string {
    const digits = (form.card_number ?? "").replace(/[\s-]/g, "");
    if (!/^\d{12,19}$/.test(digits) || !luhn(digits)) return "Your card number is invalid.";
    const exp = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(form.card_expiry ?? "");
    if (!exp) return "Your card's expiration date is incomplete.";
    const month = Number(exp[1]);
    let year = Number(exp[2]);
    if (year < 100) year += 2000;
    if (month < 1 || month > 12) return "Your card's expiration month is invalid.";
    const now = new Date(core.now() * 1000);
    if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
      return "Your card's expiration date is in the past.";
    }
    const known = TEST_CARDS[digits];
    const cvcLength = known?.brand === "amex" ? 4 : 3;
    if (!new RegExp(`^\\d{${cvcLength}}$`).test((form.card_cvc ?? "").trim())) return "Your card's security code is incomplete.";
    return {
      brand: known?.brand ?? (digits.startsWith("4") ? "visa" : digits.startsWith("5") ? "mastercard" : "unknown"),
      last4: digits.slice(-4),
      exp_month: month,
      exp_year: year,
      funding: known?.funding ?? "credit",
      country: "US",
      name: form.name?.trim() || null,
      email: form.email?.trim() || null,
    };
  }

  async function handlePages(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    const method = req.method ?? "GET";
    core.sweep();
    let m: RegExpExecArray | null;
    if ((m = /^\/pay\/(cs_test_[A-Za-z0-9]+)(\/cancel|\/authenticate)?$/.exec(pathname))) {
      const session = core.state.sessions[m[1] ?? ""];
      if (!session) return sendHtml(res, 404, messagePage("Not found", "This checkout session does not exist."));
      const sub = m[2];
      const locale = pageLocale(session.locale as string | null, req.headers["accept-language"]);
      const lineItems = core.state.session_meta[session.id as string]?.line_items ?? [];
      const render = (status: number, extra: { error?: string; notice?: "expired" | "complete"; values?: Record<string, string> } = {}) =>
        sendHtml(res, status, paymentPage({ session, lineItems, locale, ...extra }));
      if (sub === "/cancel") {
        if (session.cancel_url) return redirect(res, session.cancel_url as string);
        return redirect(res, `/pay/${session.id}`);
      }
      if (session.status === "expired") return render(410, { notice: "expired" });
      if (session.status === "complete") {
        if (method === "GET" && !sub) return render(200, { notice: "complete" });
        return render(409, { notice: "complete" });
      }
      const pi = session.payment_intent ? core.state.payment_intents[session.payment_intent as string] : undefined;
      if (sub === "/authenticate") {
        const pending = pi ? core.state.payment_meta[pi.id as string]?.pending_card : undefined;
        if (!pi || pi.status !== "requires_action" || !pending) return redirect(res, `/pay/${session.id}`);
        if (method === "GET") return sendHtml(res, 200, challengePage(session.id as string, formatAmount(pi.amount as number, pi.currency as string)));
        const form = flat(parseForm(await readBody(req)));
        if (form.outcome === "approve") {
          core.cardSucceeded(pi, pending);
          core.save();
          return finishCheckout(res, session);
        }
        const message = core.authenticationFailed(pi, pending);
        core.save();
        return render(402, { error: message });
      }
      if (method === "GET") return render(200);
      if (method !== "POST") return sendHtml(res, 405, messagePage("Method not allowed", "Use the payment form."));
      const form = flat(parseForm(await readBody(req)));
      if (pi?.status === "requires_action") return redirect(res, `/pay/${session.id}/authenticate`);
      const values = { card_number: form.card_number ?? "", card_expiry: form.card_expiry ?? "", name: form.name ?? "", email: form.email ?? "" };
      if (form.payment_method === "bank_transfer") {
        const outcome = form.bank_outcome === "failed" ? "failed" : "succeeded";
        const intent = core.ensurePaymentIntent(session);
        core.delayedStarted(intent, outcome, form.email?.trim() || null, form.name?.trim() || null);
        core.save();
        return finishCheckout(res, session);
      }
      if (form.payment_method !== undefined && form.payment_method !== "card") return render(400, { error: "Choose a payment method.", values });
      const card = readCard(form);
      if (typeof card === "string") return render(400, { error: card, values });
      const intent = core.ensurePaymentIntent(session);
      const digits = (form.card_number ?? "").replace(/[\s-]/g, "");
      const behaviour = TEST_CARDS[digits]?.behaviour ?? "test_mode_live_card";
      if (behaviour === "succeed") {
        core.cardSucceeded(intent, card);
        core.save();
        return finishCheckout(res, session);
      }
      if (behaviour === "authenticate") {
        core.cardNeedsAuthentication(intent, card, `${publicUrl}/pay/${session.id}/authenticate`);
        core.save();
        return redirect(res, `/pay/${session.id}/authenticate`);
      }
      const message = core.cardDeclined(intent, card, behaviour);
      core.save();
      return render(402, { error: behaviour === "generic_decline" ? declinedText(locale) : message, values });
    }
    if ((m = /^\/connect\/onboarding\/([A-Za-z0-9]+)$/.exec(pathname))) {
      const link = core.state.account_links[m[1] ?? ""];
      const account = link ? core.state.accounts[link.account] : undefined;
      if (!link || !account) return sendHtml(res, 404, messagePage("Not found", "This onboarding link does not exist."));
      // Account Links are single-use and short-lived; a stale one sends the user to refresh_url for a new link.
      if (link.used || link.expires_at <= core.now()) return redirect(res, link.refresh_url);
      if (method === "GET") return sendHtml(res, 200, onboardingPage(m[1] ?? "", account));
      const form = flat(parseForm(await readBody(req)));
      link.used = true;
      if (form.action === "submit") {
        const capabilities = account.capabilities as Record<string, string>;
        const previous = {
          capabilities: clone(capabilities),
          charges_enabled: account.charges_enabled,
          details_submitted: account.details_submitted,
          payouts_enabled: account.payouts_enabled,
          requirements: clone(account.requirements),
        };
        for (const name of Object.keys(capabilities)) capabilities[name] = "active";
        Object.assign(account, {
          business_type: account.business_type ?? "individual",
          charges_enabled: capabilities.card_payments === "active",
          details_submitted: true,
          payouts_enabled: true,
          requirements: { alternatives: [], current_deadline: null, currently_due: [], disabled_reason: null, errors: [], eventually_due: [], past_due: [], pending_verification: [] },
          tos_acceptance: { date: core.now(), ip: "127.0.0.1", user_agent: req.headers["user-agent"] ?? null },
        });
        core.emit("account.updated", account, undefined, previous);
      }
      core.save();
      return redirect(res, link.return_url);
    }
    if (pathname === "/connect/done") return sendHtml(res, 200, messagePage("Onboarding", "You can close this page."));
    sendHtml(res, 404, messagePage("Not found", "Nothing here."));
  }

  server.on("request", (req, res) => {
    const parsed = new URL(req.url ?? "/", "http://sandbox");
    const pathname = parsed.pathname;
    const query = parsed.search.slice(1);
    let work: Promise<void>;
    if (pathname.startsWith("/v1/")) work = handleApi(req, res, pathname, query);
    else if (pathname.startsWith("/_sandbox/")) work = handleControl(req, res, pathname, query);
    else work = handlePages(req, res, pathname);
    work.catch((e: unknown) => {
      log(`error: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) sendHtml(res, e instanceof HttpError ? e.status : 500, messagePage("Error", (e as Error).message));
      else res.end();
    });
  });

  const sweeper = setInterval(() => {
    try {
      core.sweep();
    } catch (e) {
      log(`sweep error: ${(e as Error).message}`);
    }
  }, options.sweepIntervalMs ?? DEFAULTS.sweepIntervalMs);
  sweeper.unref();

  // Deliveries left pending by a previous run (or a crash) resume now.
  deliverer.kick();
  core.sweep();
  log(`Stripe sandbox listening on ${url} (data: ${dataDir})`);

  return {
    url,
    async close() {
      clearInterval(sweeper);
      await deliverer.close();
      core.flush();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
