import crypto from "node:crypto";

/**
 * Two-factor sign-in (README "Two-factor sign-in"): the decisions, without I/O. The
 * secrets, challenges and backup codes themselves are better-auth's twoFactor plugin's
 * (lib/server/auth); this says who must have it, what a typed code is, what a device is.
 */

/** A viewer's second factor: none set up, set up but this session did not pass it, or passed. */
export type SecondFactor = "off" | "unverified" | "passed";

export function secondFactorOf(enabled: boolean | null | undefined, sessionVerified: boolean | null | undefined): SecondFactor {
  if (!enabled) return "off";
  return sessionVerified ? "passed" : "unverified";
}

/**
 * Payouts and operator actions need a session that passed the second step. A viewer
 * without two-factor is sent to set it up; one whose session predates it signs in again.
 */
export function requireSecondFactor(viewer: { secondFactor?: SecondFactor }): { ok: true } | { ok: false; code: "TWO_FACTOR_REQUIRED" } {
  return viewer.secondFactor === "passed" ? { ok: true } : { ok: false, code: "TWO_FACTOR_REQUIRED" };
}

/** Form paths whose every action needs the second factor: the operator's. */
export function actionNeedsSecondFactor(pathname: string): boolean {
  return pathname === "/api/admin" || pathname.startsWith("/api/admin/");
}

export const TWO_FACTOR_ERROR_CODES = ["INVALID_TWO_FACTOR_CODE", "TWO_FACTOR_EXPIRED", "TWO_FACTOR_LOCKED", "TWO_FACTOR_ALREADY_ON", "TWO_FACTOR_NOT_ON", "TWO_FACTOR_REQUIRED", "INVALID_CREDENTIALS", "RATE_LIMITED", "SERVICE_BUSY"] as const;
export type TwoFactorErrorCode = (typeof TWO_FACTOR_ERROR_CODES)[number];

export function isTwoFactorErrorCode(value: unknown): value is TwoFactorErrorCode {
  return typeof value === "string" && (TWO_FACTOR_ERROR_CODES as readonly string[]).includes(value);
}

/** better-auth's twoFactor refusals, as the store names them. */
const FROM_PLUGIN: Record<string, TwoFactorErrorCode> = {
  INVALID_CODE: "INVALID_TWO_FACTOR_CODE",
  INVALID_BACKUP_CODE: "INVALID_TWO_FACTOR_CODE",
  OTP_HAS_EXPIRED: "TWO_FACTOR_EXPIRED",
  INVALID_TWO_FACTOR_COOKIE: "TWO_FACTOR_EXPIRED",
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: "TWO_FACTOR_EXPIRED",
  ACCOUNT_TEMPORARILY_LOCKED: "TWO_FACTOR_LOCKED",
  TOTP_ALREADY_ENABLED: "TWO_FACTOR_ALREADY_ON",
  TOTP_NOT_ENABLED: "TWO_FACTOR_NOT_ON",
  TWO_FACTOR_NOT_ENABLED: "TWO_FACTOR_NOT_ON",
  BACKUP_CODES_NOT_ENABLED: "TWO_FACTOR_NOT_ON",
  INVALID_PASSWORD: "INVALID_CREDENTIALS",
  CREDENTIAL_ACCOUNT_NOT_FOUND: "INVALID_CREDENTIALS",
};

export function twoFactorErrorCode(upstream: unknown): TwoFactorErrorCode {
  return typeof upstream === "string" && Object.hasOwn(FROM_PLUGIN, upstream) ? FROM_PLUGIN[upstream]! : "SERVICE_BUSY";
}

/** A code typed at the second step: six digits from the authenticator, or a backup code (xxxxx-xxxxx). */
export type SecondStepCode = { kind: "totp"; code: string } | { kind: "backup"; code: string };

const TOTP_CODE = /^\d{6}$/;
const BACKUP_CODE = /^([A-Za-z0-9]{5})-?([A-Za-z0-9]{5})$/;

export function parseSecondStepCode(raw: unknown): { ok: true; data: SecondStepCode } | { ok: false; code: "INVALID_TWO_FACTOR_CODE" } {
  if (typeof raw !== "string" || raw.length > 40) return { ok: false, code: "INVALID_TWO_FACTOR_CODE" };
  const typed = raw.replace(/\s+/g, "");
  if (TOTP_CODE.test(typed)) return { ok: true, data: { kind: "totp", code: typed } };
  const backup = BACKUP_CODE.exec(typed);
  if (backup) return { ok: true, data: { kind: "backup", code: `${backup[1]}-${backup[2]}` } };
  return { ok: false, code: "INVALID_TWO_FACTOR_CODE" };
}

/** Only an authenticator code (turning two-factor on or off). */
export function parseTotpCode(raw: unknown): { ok: true; data: string } | { ok: false; code: "INVALID_TWO_FACTOR_CODE" } {
  const parsed = parseSecondStepCode(raw);
  return parsed.ok && parsed.data.kind === "totp" ? { ok: true, data: parsed.data.code } : { ok: false, code: "INVALID_TWO_FACTOR_CODE" };
}

/** The secret of an otpauth:// URI, for those who type it into their authenticator. */
export function secretOfUri(uri: string): string | null {
  try {
    const url = new URL(uri);
    if (url.protocol !== "otpauth:") return null;
    return url.searchParams.get("secret");
  } catch {
    return null;
  }
}

/** The secret in groups of four, easier to type. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

// ---------------------------------------------------------------------------
// Devices

/** A device not seen for this long is new again. */
export const DEVICE_MEMORY_DAYS = 90;

/** The network of an address: IPv4 /24, IPv6 /48; null when there is none or it is not an address. */
export function networkOf(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const address = ip.trim().replace(/\/\d+$/, "").replace(/^::ffff:/i, "");
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) {
    const parts = v4.slice(1, 4).map(Number);
    if (parts.some((p) => p > 255) || Number(v4[4]) > 255) return null;
    return `${parts.join(".")}.0/24`;
  }
  if (!address.includes(":") || !/^[0-9a-f:]+$/i.test(address)) return null;
  const [head = "", tail = ""] = address.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const missing = 8 - headParts.length - tailParts.length;
  if (missing < 0 || (missing > 0 && !address.includes("::"))) return null;
  const groups = [...headParts, ...Array<string>(missing).fill("0"), ...tailParts].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""));
  if (groups.length !== 8 || groups.some((g) => g.length > 4)) return null;
  return `${groups.slice(0, 3).join(":")}::/48`;
}

/** What identifies a device: its browser's user agent and its network, before the server keys and hashes it. */
export function deviceKey(userAgent: string | null | undefined, ip: string | null | undefined): string {
  return `${(userAgent ?? "").trim().slice(0, 512)}\n${networkOf(ip) ?? "-"}`;
}

/** Whether a device last seen at `lastSeenAt` (null: never) counts as new at `now`. */
export function isNewDevice(lastSeenAt: Date | null, now: Date): boolean {
  if (!lastSeenAt) return true;
  return now.getTime() - lastSeenAt.getTime() > DEVICE_MEMORY_DAYS * 86_400_000;
}

/**
 * Whether a sign-in gets the new-device notice: the device is new, and the account has
 * signed in before from another one within the memory (an account's very first device
 * is where it was made, not a stranger's).
 */
export function noticeForDevice(lastSeenAt: Date | null, otherDevicesLastSeen: readonly Date[], now: Date): boolean {
  if (!isNewDevice(lastSeenAt, now)) return false;
  return otherDevicesLastSeen.some((seen) => !isNewDevice(seen, now));
}

// ---------------------------------------------------------------------------
// TOTP (RFC 6238), for the demo accounts' documented secret and the tests

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, "").toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error("not base32");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The TOTP code of `key` at `time` (RFC 6238 over RFC 4226: HMAC, dynamic truncation). */
export function totpCode(key: Uint8Array, time: Date, options: { period?: number; digits?: number; algorithm?: "sha1" | "sha256" | "sha512" } = {}): string {
  const period = options.period ?? 30;
  const digits = options.digits ?? 6;
  const counter = Math.floor(time.getTime() / 1000 / period);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac(options.algorithm ?? "sha1", key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/**
 * The demo store's authenticator secret (README "Demo accounts"): the demo operator and
 * the demo sellers have two-factor on with it, so a newcomer adds it to an authenticator
 * app and signs in. It works only where the demo accounts do (CARAVAN_DEMO=true).
 */
export const DEMO_TOTP_SECRET = "CARAVANDEMOAUTHENTICATORSECRET23";

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * The base32 secret an authenticator takes, from the secret as better-auth keeps it
 * (decrypted): its generated secrets are used as bytes of text, an imported one is
 * kept as `base32:<secret>`.
 */
export function authenticatorSecret(stored: string): string {
  return stored.startsWith("base32:") ? stored.slice(7).toUpperCase() : base32Encode(new TextEncoder().encode(stored));
}

/** The otpauth:// URI an authenticator app reads (Key Uri Format): issuer, account, secret, 6 digits, 30 s. */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?${new URLSearchParams({ secret, issuer, algorithm: "SHA1", digits: "6", period: "30" }).toString()}`;
}
