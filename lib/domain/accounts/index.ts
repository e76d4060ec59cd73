/**
 * Accounts without I/O: who a signed-in person is to the store (the viewer), the
 * guards the services ask, the sign-in forms' rules and the refusal codes the pages
 * translate (messages `auth.error.*`).
 */
import { z } from "zod";
import type { SecondFactor } from "@/lib/domain/two-factor";

export type UserRole = "BUYER" | "OPERATOR";
export type SellerRole = "OWNER" | "STAFF";

export interface Viewer {
  userId: string;
  email: string;
  role: UserRole;
  /** The one seller this user works for, if any. */
  seller: { id: string; role: SellerRole } | null;
  /** Two-factor sign-in and whether this session passed it (lib/domain/two-factor); absent: off. */
  secondFactor?: SecondFactor;
}

export type GuardResult = { ok: true; viewer: Viewer } | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" };

export function requireOperator(viewer: Viewer | null): GuardResult {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED" };
  return viewer.role === "OPERATOR" ? { ok: true, viewer } : { ok: false, code: "FORBIDDEN" };
}

/** A member (owner or staff) of `sellerId`; operators are not members of any seller by right. */
export function requireSellerMember(viewer: Viewer | null, sellerId: string): GuardResult {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED" };
  return viewer.seller?.id === sellerId ? { ok: true, viewer } : { ok: false, code: "FORBIDDEN" };
}

/** The demo store's accounts live under this domain (prisma/seed-accounts.ts); elsewhere they cannot sign in. */
export const DEMO_EMAIL_DOMAIN = "demo.caravan.localhost";

export function isDemoEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
}

export const AUTH_ERROR_CODES = [
  "INVALID_CREDENTIALS",
  "EMAIL_NOT_VERIFIED",
  "INVALID_EMAIL",
  "PASSWORD_TOO_SHORT",
  "PASSWORD_TOO_LONG",
  "PASSWORDS_DIFFER",
  "EMAIL_TAKEN",
  "INVALID_TOKEN",
  "RATE_LIMITED",
  "FORBIDDEN_ORIGIN",
  "SERVICE_BUSY",
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export function isAuthErrorCode(value: unknown): value is AuthErrorCode {
  return typeof value === "string" && (AUTH_ERROR_CODES as readonly string[]).includes(value);
}

/** Characters, as better-auth counts them (UTF-16 code units). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export type Parsed<T> = { ok: true; data: T } | { ok: false; code: AuthErrorCode };

export function parseSignIn(fields: { email: unknown; password: unknown }): Parsed<{ email: string; password: string }> {
  const address = email.safeParse(fields.email);
  if (!address.success) return { ok: false, code: "INVALID_EMAIL" };
  if (typeof fields.password !== "string" || fields.password.length === 0 || fields.password.length > PASSWORD_MAX) return { ok: false, code: "INVALID_CREDENTIALS" };
  return { ok: true, data: { email: address.data, password: fields.password } };
}

export function parseNewPassword(password: unknown, repeated: unknown): Parsed<string> {
  if (typeof password !== "string" || password.length < PASSWORD_MIN) return { ok: false, code: "PASSWORD_TOO_SHORT" };
  if (password.length > PASSWORD_MAX) return { ok: false, code: "PASSWORD_TOO_LONG" };
  if (repeated !== password) return { ok: false, code: "PASSWORDS_DIFFER" };
  return { ok: true, data: password };
}

export function parseSignUp(fields: { email: unknown; password: unknown; repeated: unknown }): Parsed<{ email: string; password: string }> {
  const address = email.safeParse(fields.email);
  if (!address.success) return { ok: false, code: "INVALID_EMAIL" };
  const password = parseNewPassword(fields.password, fields.repeated);
  return password.ok ? { ok: true, data: { email: address.data, password: password.data } } : password;
}

export function parseEmail(value: unknown): Parsed<string> {
  const address = email.safeParse(value);
  return address.success ? { ok: true, data: address.data } : { ok: false, code: "INVALID_EMAIL" };
}

/** better-auth's error codes, as the store names them to the visitor. */
const FROM_AUTH: Record<string, AuthErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: "INVALID_CREDENTIALS",
  INVALID_PASSWORD: "INVALID_CREDENTIALS",
  CREDENTIAL_ACCOUNT_NOT_FOUND: "INVALID_CREDENTIALS",
  USER_NOT_FOUND: "INVALID_CREDENTIALS",
  // The session hook refuses a demo account outside the demo store.
  FAILED_TO_CREATE_SESSION: "INVALID_CREDENTIALS",
  EMAIL_NOT_VERIFIED: "EMAIL_NOT_VERIFIED",
  INVALID_EMAIL: "INVALID_EMAIL",
  PASSWORD_TOO_SHORT: "PASSWORD_TOO_SHORT",
  PASSWORD_TOO_LONG: "PASSWORD_TOO_LONG",
  USER_ALREADY_EXISTS: "EMAIL_TAKEN",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "EMAIL_TAKEN",
  INVALID_TOKEN: "INVALID_TOKEN",
  TOKEN_EXPIRED: "INVALID_TOKEN",
};

export function authErrorCode(upstream: unknown): AuthErrorCode {
  return typeof upstream === "string" && Object.hasOwn(FROM_AUTH, upstream) ? FROM_AUTH[upstream]! : "SERVICE_BUSY";
}

/** The locale a mail is written in: the first segment of the page the link leads back to. */
export function localeOfPath<L extends string>(path: string | null, locales: readonly L[], fallback: L): L {
  const first = path?.match(/^\/([A-Za-z-]{2,5})(?:[/?#]|$)/)?.[1];
  return (locales as readonly string[]).includes(first ?? "") ? (first as L) : fallback;
}
