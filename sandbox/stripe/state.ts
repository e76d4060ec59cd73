/**
 * The sandbox's whole state, kept in one JSON file so that a restart (of the sandbox
 * or of the machine) finds the same sessions, payments, accounts and undelivered
 * events, as a real provider would. Written to a temporary file and renamed, so a
 * crash mid-write leaves the previous state intact.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type StripeObject = Record<string, unknown> & { id?: string; object: string };

export interface Delivery {
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  /** Real time (ms) of the next attempt; retries follow wall-clock backoff, not the sandbox clock. */
  next_attempt_at: number;
}

export interface DeliveryAttempt {
  event: string;
  type: string;
  attempt: number;
  /** `scheduled` for the normal queue; the others come from the test-control API. */
  mode: "scheduled" | "replay" | "duplicate" | "ordered";
  at: number;
  status_code: number | null;
  error: string | null;
  ok: boolean;
}

export interface IdempotentResult {
  method: string;
  path: string;
  params: string;
  status: number;
  body: unknown;
  created: number;
  request_id: string;
}

/** What Stripe keeps about an object but does not show in it. */
export interface SessionMeta {
  line_items: StripeObject[];
  payment_intent_data: { transfer_group?: string; metadata?: Record<string, string>; description?: string; receipt_email?: string };
}

export interface PaymentMeta {
  session: string | null;
  /** The card waiting for the buyer's answer on the authentication page. */
  pending_card?: CardDetails;
  /** Delayed method: when (sandbox clock, seconds) and how it settles. */
  settle_at?: number;
  settle_outcome?: "succeeded" | "failed";
}

export interface CardDetails {
  brand: string;
  last4: string;
  exp_month: number;
  exp_year: number;
  funding: string;
  country: string;
  name: string | null;
  email: string | null;
}

export interface AccountLinkMeta {
  account: string;
  refresh_url: string;
  return_url: string;
  expires_at: number;
  used: boolean;
}

export interface State {
  version: 1;
  /** Seconds added to the wall clock by the test-control API. */
  clock_offset: number;
  sessions: Record<string, StripeObject>;
  session_meta: Record<string, SessionMeta>;
  payment_intents: Record<string, StripeObject>;
  payment_meta: Record<string, PaymentMeta>;
  charges: Record<string, StripeObject>;
  refunds: Record<string, StripeObject>;
  accounts: Record<string, StripeObject>;
  account_links: Record<string, AccountLinkMeta>;
  transfers: Record<string, StripeObject>;
  reversals: Record<string, StripeObject>;
  /** Oldest first. */
  events: StripeObject[];
  deliveries: Record<string, Delivery>;
  delivery_log: DeliveryAttempt[];
  webhooks_paused: boolean;
  idempotency: Record<string, IdempotentResult>;
}

export function emptyState(): State {
  return {
    version: 1,
    clock_offset: 0,
    sessions: {},
    session_meta: {},
    payment_intents: {},
    payment_meta: {},
    charges: {},
    refunds: {},
    accounts: {},
    account_links: {},
    transfers: {},
    reversals: {},
    events: [],
    deliveries: {},
    delivery_log: [],
    webhooks_paused: false,
    idempotency: {},
  };
}

export function statePath(dataDir: string): string {
  return path.join(dataDir, "state.json");
}

export function loadState(dataDir: string): State {
  const file = statePath(dataDir);
  if (!fs.existsSync(file)) return emptyState();
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<State>;
  return { ...emptyState(), ...parsed };
}

export function saveState(dataDir: string, state: State): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = statePath(dataDir);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Stripe-style ids: a type prefix and random base-62 characters. */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}${out}`;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}
