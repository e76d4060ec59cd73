import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { serverEnv } from "@/lib/env";

/**
 * A guest's key to their order: the link in the confirmation email and on the return
 * from payment. It is an HMAC of the order id under the store's session secret
 * (CARAVAN_SESSION_SECRET; in development and the demo a secret made once under
 * `.data/`), so the store can hand it out again without keeping it; the order keeps
 * only its hash, and a key is accepted only if it hashes to that.
 */
let devSecret: string | undefined;

/** The store's session secret: CARAVAN_SESSION_SECRET, or in development and the demo the one kept under `.data/`. */
export function storeSecret(): string {
  const configured = serverEnv().CARAVAN_SESSION_SECRET;
  if (configured) return configured;
  if (devSecret) return devSecret;
  const file = path.resolve(".data/session-secret");
  try {
    devSecret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const made = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, made, { mode: 0o600, flag: "wx" });
      devSecret = made;
    } catch {
      devSecret = fs.readFileSync(file, "utf8").trim(); // another process made it first
    }
  }
  return devSecret!;
}

export function orderAccessKey(orderId: string): string {
  return crypto.createHmac("sha256", storeSecret()).update(`order-access:${orderId}`).digest("base64url").slice(0, 32);
}

export function hashAccessKey(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

export function accessKeyMatches(key: unknown, storedHash: string): boolean {
  if (typeof key !== "string" || !/^[A-Za-z0-9_-]{32}$/.test(key)) return false;
  const given = Buffer.from(hashAccessKey(key), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}

/** Sealing contexts: a sealed value only opens in its own order and field. */
export { orderField } from "@/lib/domain/privacy/contexts";

/** What the store's order ids look like; anything else is no order (and never reaches SQL). */
export function isOrderId(value: unknown): value is string {
  return typeof value === "string" && /^ord_[A-Za-z0-9_-]{16}$/.test(value);
}
