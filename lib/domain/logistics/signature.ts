/**
 * Signed carrier webhooks, without I/O: `Caravan-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>">` under the carrier's secret. A signature older (or
 * further in the future) than five minutes is refused, so a captured request cannot be
 * replayed later. Several `v1` values may be given (a secret being rotated): one match
 * is enough.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "caravan-signature";
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; code: "SIGNATURE_MISSING" | "SIGNATURE_MALFORMED" | "SIGNATURE_STALE" | "SIGNATURE_MISMATCH" };

export function signPayload(body: string, secret: string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

export function signatureHeader(body: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${signPayload(body, secret, timestamp)}`;
}

export function verifySignature(body: string, header: string | null | undefined, secret: string, nowSeconds: number, tolerance = SIGNATURE_TOLERANCE_SECONDS): SignatureCheck {
  if (!header) return { ok: false, code: "SIGNATURE_MISSING" };
  let timestamp: number | null = null;
  const given: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (name === "v1" && /^[0-9a-f]{64}$/i.test(value)) given.push(value.toLowerCase());
  }
  if (timestamp === null || given.length === 0) return { ok: false, code: "SIGNATURE_MALFORMED" };
  if (Math.abs(nowSeconds - timestamp) > tolerance) return { ok: false, code: "SIGNATURE_STALE" };
  const expected = Buffer.from(signPayload(body, secret, timestamp), "hex");
  const matches = given.some((value) => timingSafeEqual(Buffer.from(value, "hex"), expected));
  return matches ? { ok: true, timestamp } : { ok: false, code: "SIGNATURE_MISMATCH" };
}

/** The demo store's secret for a carrier: derived from the store's own secret, so nothing needs configuring. */
export function demoCarrierSecret(storeSecret: string, carrier: string): string {
  return createHmac("sha256", storeSecret).update(`carrier-webhook:${carrier}`).digest("base64url");
}

export type CarrierSecretsParse = { ok: true; secrets: Record<string, string> } | { ok: false; problem: string };

/** `simulated=...,dhl=...`: one secret per carrier code (lowercase letters, digits, '-' or '_'), 16 characters at least. */
export function parseCarrierSecrets(value: string): CarrierSecretsParse {
  const secrets: Record<string, string> = {};
  for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    const eq = entry.indexOf("=");
    const carrier = eq < 0 ? "" : entry.slice(0, eq).trim();
    const secret = eq < 0 ? "" : entry.slice(eq + 1).trim();
    if (!/^[a-z0-9_-]{1,32}$/.test(carrier)) return { ok: false, problem: `entry ${Object.keys(secrets).length + 1} must be <carrier>=<secret>, the carrier of 1-32 lowercase letters, digits, '-' or '_'` };
    if (secret.length < 16) return { ok: false, problem: `the secret of ${carrier} must be at least 16 characters` };
    if (carrier in secrets) return { ok: false, problem: `names carrier ${carrier} twice` };
    secrets[carrier] = secret;
  }
  return { ok: true, secrets };
}
