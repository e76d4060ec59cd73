/**
 * Webhook delivery as Stripe does it: each event POSTed as JSON to the endpoint with
 * `Stripe-Signature: t=<unix>,v1=<HMAC-SHA256("<t>.<body>")>`, retried with growing
 * delays on a non-2xx answer or a network error, up to a bounded number of attempts.
 * Every attempt is logged so tests can see what the store was sent and what it said.
 */
import { createHmac } from "node:crypto";
import type { DeliveryAttempt, State, StripeObject } from "./state";

export function signatureHeader(body: string, secret: string, timestamp: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export interface DelivererOptions {
  url: string | null;
  secret: string;
  maxAttempts: number;
  /** First retry delay; each further retry doubles it. */
  retryBaseMs: number;
  timeoutMs: number;
  state: () => State;
  save: () => void;
  log: (line: string) => void;
}

export class Deliverer {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private closed = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly controllers = new Set<AbortController>();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: DelivererOptions) {}

  get configured(): boolean {
    return this.options.url !== null;
  }

  /** Queues a newly created event for delivery. */
  enqueue(event: StripeObject): void {
    if (!this.options.url) return;
    const state = this.options.state();
    state.deliveries[event.id as string] = { event: event.id as string, status: "pending", attempts: 0, next_attempt_at: Date.now() };
    this.kick();
  }

  /** Looks for due deliveries now (after a change, a resume or a restart). */
  kick(): void {
    if (this.closed || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), 0);
  }

  private pendingIds(): string[] {
    const state = this.options.state();
    // Events are kept oldest first; the queue follows creation order.
    return state.events.map((e) => e.id as string).filter((id) => state.deliveries[id]?.status === "pending");
  }

  private async run(): Promise<void> {
    this.timer = null;
    if (this.closed || this.running) return;
    this.running = true;
    try {
      const state = this.options.state();
      while (!this.closed && !state.webhooks_paused) {
        const now = Date.now();
        const due = this.pendingIds().find((id) => (state.deliveries[id]?.next_attempt_at ?? Infinity) <= now);
        if (!due) break;
        await this.attemptScheduled(due);
      }
    } finally {
      this.running = false;
    }
    this.scheduleNext();
    this.notifyIdle();
  }

  private scheduleNext(): void {
    if (this.closed) return;
    const state = this.options.state();
    if (state.webhooks_paused) return;
    const next = Math.min(...this.pendingIds().map((id) => state.deliveries[id]?.next_attempt_at ?? Infinity));
    if (!Number.isFinite(next)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), Math.max(0, next - Date.now()));
  }

  private async attemptScheduled(id: string): Promise<void> {
    const state = this.options.state();
    const delivery = state.deliveries[id];
    const event = state.events.find((e) => e.id === id);
    if (!delivery || !event) return;
    delivery.attempts += 1;
    const attempt = await this.send(event, delivery.attempts, "scheduled");
    if (attempt.ok) {
      delivery.status = "delivered";
      event.pending_webhooks = 0;
    } else if (delivery.attempts >= this.options.maxAttempts) {
      delivery.status = "failed";
    } else {
      delivery.next_attempt_at = Date.now() + this.options.retryBaseMs * 2 ** (delivery.attempts - 1);
    }
    this.options.save();
  }

  /** One POST of the event, signed afresh; does not touch the retry queue. */
  async send(event: StripeObject, attemptNumber: number, mode: DeliveryAttempt["mode"]): Promise<DeliveryAttempt> {
    const url = this.options.url;
    const record: DeliveryAttempt = {
      event: event.id as string,
      type: event.type as string,
      attempt: attemptNumber,
      mode,
      at: Date.now(),
      status_code: null,
      error: null,
      ok: false,
    };
    if (!url) {
      record.error = "no webhook endpoint configured";
      return record;
    }
    const body = JSON.stringify(event, null, 2);
    // Signed with the wall clock, not the sandbox clock: the receiver checks the
    // timestamp against its own clock (300 s tolerance) even when tests advance time.
    const timestamp = Math.floor(Date.now() / 1000);
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs);
    const request = fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "stripe-signature": signatureHeader(body, this.options.secret, timestamp),
      },
      body,
      signal: controller.signal,
    })
      .then(async (res) => {
        record.status_code = res.status;
        record.ok = res.status >= 200 && res.status < 300;
        await res.arrayBuffer().catch(() => undefined);
      })
      .catch((error: unknown) => {
        record.error = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      })
      .finally(() => {
        clearTimeout(timeout);
        this.controllers.delete(controller);
      });
    this.inFlight.add(request);
    await request;
    this.inFlight.delete(request);
    if (!this.running && this.inFlight.size === 0) queueMicrotask(() => this.notifyIdle());
    const state = this.options.state();
    state.delivery_log.push(record);
    if (state.delivery_log.length > 5000) state.delivery_log.splice(0, state.delivery_log.length - 5000);
    this.options.log(`webhook ${record.type} ${record.event} attempt ${record.attempt} (${mode}): ${record.status_code ?? record.error}`);
    return record;
  }

  /**
   * Sends the given events now, one after another in the order given (the test-control
   * way to make the store see events out of order). A queued delivery counts as done
   * once one of these attempts succeeds.
   */
  async deliverInOrder(ids: string[], mode: DeliveryAttempt["mode"]): Promise<DeliveryAttempt[]> {
    const state = this.options.state();
    const attempts: DeliveryAttempt[] = [];
    for (const id of ids) {
      const event = state.events.find((e) => e.id === id);
      if (!event) continue;
      const delivery = state.deliveries[id];
      const attempt = await this.send(event, (delivery?.attempts ?? 0) + 1, mode);
      if (delivery) {
        delivery.attempts += 1;
        if (attempt.ok) {
          delivery.status = "delivered";
          event.pending_webhooks = 0;
        }
      }
      attempts.push(attempt);
    }
    this.options.save();
    return attempts;
  }

  pendingEventIds(): string[] {
    return this.pendingIds();
  }

  /** Resolves once nothing is due right now and nothing is being sent. */
  async idle(): Promise<void> {
    const state = this.options.state();
    const dueNow = () => !state.webhooks_paused && this.pendingIds().some((id) => (state.deliveries[id]?.next_attempt_at ?? Infinity) <= Date.now());
    if (!this.running && !dueNow() && this.inFlight.size === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const c of this.controllers) c.abort();
    await Promise.allSettled([...this.inFlight]);
    this.notifyIdle();
  }
}
