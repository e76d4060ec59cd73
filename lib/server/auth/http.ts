import "server-only";
import { APIError } from "better-auth/api";
import { authErrorCode, parseEmail, parseNewPassword, parseSignIn, parseSignUp, type AuthErrorCode } from "@/lib/domain/accounts";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { safeReturnPath } from "@/lib/safe-return-path";
import { readForm, type FormFields } from "@/lib/server/http/form";
import { checkSameOrigin, requestOrigin } from "@/lib/server/http/origin";
import { limitRequest } from "@/lib/server/rate-limit";
import { fixedClock } from "@/lib/domain/clock";
import { CART_COOKIE } from "@/lib/server/cart";
import { cartCookie, joinCartsOnSignIn } from "@/lib/server/cart/owner";
import { requestCookie } from "@/lib/server/http/cookies";
import { parseSecondStepCode, twoFactorErrorCode, type TwoFactorErrorCode } from "@/lib/domain/two-factor";
import { noticeNewDevice } from "@/lib/server/account/devices";
import { ensureDemoTwoFactor } from "@/lib/server/account/two-factor";
import { getAuth } from "./index";

/**
 * The account forms (sign in and its second step, sign up, sign out, sign out everywhere, password reset),
 * the same with and without JavaScript: each posts to /api/account/<action>, is
 * checked for origin and rate, calls better-auth's server API and answers 303 to a
 * page, carrying the session cookie better-auth set. Refusals come back as
 * `?error=CODE` (messages `auth.error.*`).
 */
export type AccountAction = "sign-in" | "two-factor" | "sign-up" | "sign-out" | "sign-out-everywhere" | "reset-request" | "reset";

/** better-auth paths that create sessions or send mail: the forms bucket in front of them. */
const LIMITED_AUTH_PATHS = ["/sign-in/", "/sign-up/", "/request-password-reset", "/reset-password", "/send-verification-email", "/two-factor/"];

const NO_STORE = { "cache-control": "private, no-store" };

export async function limitAuthRequest(request: Request): Promise<Response | null> {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
  if (!LIMITED_AUTH_PATHS.some((prefix) => path.startsWith(prefix))) return null;
  const limit = await limitRequest(request, "forms");
  if (limit.allowed) return null;
  return Response.json({ ok: false, code: "RATE_LIMITED" }, { status: 429, headers: { ...NO_STORE, ...limit.headers } });
}

export function redirect(location: string, headers: Headers = new Headers(), extra: Record<string, string> = {}): Response {
  const out = new Headers(NO_STORE);
  for (const [name, value] of Object.entries(extra)) out.set(name, value);
  for (const cookie of headers.getSetCookie()) out.append("set-cookie", cookie);
  out.set("location", location);
  return new Response(null, { status: 303, headers: out });
}

export function withQuery(path: string, query: Record<string, string>): string {
  const params = new URLSearchParams(query).toString();
  return params ? `${path}${path.includes("?") ? "&" : "?"}${params}` : path;
}

/** The upstream code of a better-auth refusal, as the store names it (the second step's in its own terms). */
function refusal(error: unknown, action?: AccountAction): AuthErrorCode | TwoFactorErrorCode {
  if (error instanceof APIError) {
    const code = (error.body as { code?: unknown } | undefined)?.code;
    return action === "two-factor" ? twoFactorErrorCode(code) : authErrorCode(code);
  }
  console.error(JSON.stringify({ level: "error", message: "account form failed", error: error instanceof Error ? error.name : "unknown" }));
  return "SERVICE_BUSY";
}

/**
 * Headers for better-auth: the visitor's cookies, address and agent. The origin has
 * been judged already (checkSameOrigin, which also knows the double-submit token), so
 * Origin and Referer are left out: better-auth would judge them again against the
 * public URL alone and refuse a store reached under another of its own names.
 */
export function forwarded(request: Request): Headers {
  const headers = new Headers(request.headers);
  for (const name of ["content-length", "content-type", "origin", "referer", "sec-fetch-site"]) headers.delete(name);
  return headers;
}

const RATE_LIMITED_ACTIONS: ReadonlySet<AccountAction> = new Set(["sign-in", "two-factor", "sign-up", "reset-request", "reset"]);

export async function handleAccountPost(request: Request, action: AccountAction): Promise<Response> {
  const form = await readForm(request);
  if (!form.ok) return Response.json({ ok: false, code: "PAYLOAD_TOO_LARGE" }, { status: 413, headers: NO_STORE });
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return Response.json({ ok: false, code: "FORBIDDEN_ORIGIN" }, { status: 403, headers: NO_STORE });
  let limitHeaders: Record<string, string> = {};
  if (RATE_LIMITED_ACTIONS.has(action)) {
    const limit = await limitRequest(request, "forms");
    if (!limit.allowed) return Response.json({ ok: false, code: "RATE_LIMITED" }, { status: 429, headers: { ...NO_STORE, ...limit.headers } });
    limitHeaders = limit.headers;
  }
  const requested = form.field("locale");
  const locale: Locale = isLocale(requested) ? requested : "en";
  try {
    return await perform(request, action, locale, form.field, limitHeaders);
  } catch (error) {
    return redirect(withQuery(pageOf(action, locale, form.field), { error: refusal(error, action) }), undefined, limitHeaders);
  }
}

function pageOf(action: AccountAction, locale: Locale, field: FormFields): string {
  switch (action) {
    case "sign-in":
      return withReturn(`/${locale}/sign-in`, field("returnTo"));
    case "two-factor":
      return withReturn(`/${locale}/sign-in/two-factor`, field("returnTo"));
    case "sign-up":
      return `/${locale}/sign-up`;
    case "reset-request":
      return `/${locale}/reset-password`;
    case "reset":
      return withQuery(`/${locale}/reset-password`, { token: field("token") ?? "" });
    default:
      return `/${locale}/account`;
  }
}

function withReturn(path: string, returnTo: string | null): string {
  return returnTo ? withQuery(path, { returnTo }) : path;
}

async function perform(request: Request, action: AccountAction, locale: Locale, field: FormFields, extra: Record<string, string>): Promise<Response> {
  const auth = getAuth();
  const headers = forwarded(request);
  const back = (code: AuthErrorCode | TwoFactorErrorCode) => redirect(withQuery(pageOf(action, locale, field), { error: code }), undefined, extra);
  switch (action) {
    case "sign-in": {
      const parsed = parseSignIn({ email: field("email"), password: field("password") });
      if (!parsed.ok) return back(parsed.code);
      const returnTo = safeReturnPath(field("returnTo"), null, requestOrigin(request), `/${locale}/account`);
      await ensureDemoTwoFactor(parsed.data.email);
      const result = await auth.api.signInEmail({ body: { ...parsed.data, rememberMe: true, callbackURL: `/${locale}/sign-in?verified=1` }, headers, returnHeaders: true });
      // Two-factor on: no session yet, only the challenge cookie; the second step asks for a code.
      if ("twoFactorRedirect" in result.response && result.response.twoFactorRedirect) return redirect(withReturn(`/${locale}/sign-in/two-factor`, returnTo), result.headers, extra);
      const user = (result.response as { user: { id: string; email: string } }).user;
      await joinCarts(request, user.id, result.headers);
      await noticeNewDevice(user, request, locale);
      return redirect(returnTo, result.headers, extra);
    }
    case "two-factor": {
      // The second step of sign-in: a TOTP code or a backup code, against the challenge cookie.
      const parsed = parseSecondStepCode(field("code"));
      if (!parsed.ok) return back(parsed.code);
      const returnTo = safeReturnPath(field("returnTo"), null, requestOrigin(request), `/${locale}/account`);
      const body = { code: parsed.data.code };
      const result = parsed.data.kind === "totp" ? await auth.api.verifyTOTP({ body, headers, returnHeaders: true }) : await auth.api.verifyBackupCode({ body, headers, returnHeaders: true });
      const user = result.response.user as { id: string; email: string };
      await joinCarts(request, user.id, result.headers);
      await noticeNewDevice(user, request, locale);
      return redirect(returnTo, result.headers, extra);
    }
    case "sign-up": {
      const parsed = parseSignUp({ email: field("email"), password: field("password"), repeated: field("repeat") });
      if (!parsed.ok) return back(parsed.code);
      const name = parsed.data.email.slice(0, parsed.data.email.indexOf("@"));
      await auth.api.signUpEmail({ body: { ...parsed.data, name, callbackURL: `/${locale}/sign-in?verified=1` }, headers });
      return redirect(`/${locale}/sign-in?sent=1`, undefined, extra);
    }
    case "reset-request": {
      const parsed = parseEmail(field("email"));
      if (!parsed.ok) return back(parsed.code);
      await auth.api.requestPasswordReset({ body: { email: parsed.data, redirectTo: `/${locale}/reset-password` }, headers });
      return redirect(`/${locale}/reset-password?sent=1`, undefined, extra);
    }
    case "reset": {
      const token = field("token");
      if (!token) return back("INVALID_TOKEN");
      const parsed = parseNewPassword(field("password"), field("repeat"));
      if (!parsed.ok) return back(parsed.code);
      await auth.api.resetPassword({ body: { newPassword: parsed.data, token }, headers });
      return redirect(`/${locale}/sign-in?reset=1`, undefined, extra);
    }
    case "sign-out": {
      const result = await auth.api.signOut({ headers, returnHeaders: true }).catch(() => null);
      return redirect(`/${locale}`, result?.headers ?? clearedSession(request), extra);
    }
    case "sign-out-everywhere": {
      await auth.api.revokeSessions({ headers });
      return redirect(`/${locale}/sign-in?revoked=1`, clearedSession(request), extra);
    }
  }
}

/**
 * The browser's cart joins the account's (lib/server/cart/owner.ts) and the cart cookie
 * follows. The buyer is signed in either way: a failure here costs the merge, not the session.
 */
async function joinCarts(request: Request, userId: string, out: Headers): Promise<void> {
  try {
    const joined = await joinCartsOnSignIn(requestCookie(request, CART_COOKIE), userId, fixedClock(new Date()));
    if (joined.cartId) out.append("set-cookie", cartCookie(joined.cartId, request));
  } catch (error) {
    console.error(JSON.stringify({ level: "error", message: "cart merge on sign-in failed", error: error instanceof Error ? error.name : "unknown" }));
  }
}

/** Expired session cookies under both names, for when better-auth had no session to sign out. */
function clearedSession(request: Request): Headers {
  const headers = new Headers();
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  headers.append("set-cookie", "caravan.session_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  if (secure) headers.append("set-cookie", "__Secure-caravan.session_token=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax");
  return headers;
}
