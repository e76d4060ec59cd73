import { randomBytes } from "node:crypto";

/** Storage keys (lib/server/storage): made by the store, checked before any file system or bucket sees them. */
export class StorageKeyError extends Error {
  constructor() {
    super("refused storage key");
  }
}

const PART = /^[a-z0-9][a-z0-9._-]{0,127}$/;

/** A key the store could have made: 1 to 8 `/`-separated parts, none `.`/`..`-like, no other characters. */
export function isStorageKey(key: unknown): key is string {
  if (typeof key !== "string" || key.length === 0 || key.length > 512) return false;
  const parts = key.split("/");
  return parts.length <= 8 && parts.every((part) => PART.test(part) && !part.includes(".."));
}

/** A fresh unguessable key part: 128 random bits as 32 hex digits, with a short prefix naming what it holds. */
export function newStorageId(prefix: "i" | "f"): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

