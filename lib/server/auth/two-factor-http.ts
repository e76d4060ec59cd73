import "server-only";
import { APIError } from "better-auth/api";
import { CSRF_FIELD } from "@/lib/domain/http/same-origin";
import { isLocale, type Locale } from "@/lib/domain/markets";
import { signInPath } from "@/lib/domain/surfaces";
import { parseSecondStepCode, parseTotpCode, twoFactorErrorCode, type TwoFactorErrorCode } from "@/lib/domain/two-factor";
import { sameOriginPath } from "@/lib/safe-return-path";
import { currentSessionId } from "@/lib/server/account/sessions";
import { allowBackupCodesReveal, auditTwoFactor, clearSecondFactorFailures, markSessionVerified, recordSecondFactorFailure, secondFactorLocked, TOTP_ISSUER } from "@/lib/server/account/two-factor";
import { readForm, type FormFields } from "@/lib/server/http/form";
import { checkSameOrigin, requestOrigin } from "@/lib/server/http/origin";
import { withParams } from "@/lib/server/panels/http";
import { limitRequest } from "@/lib/server/rate-limit";
import { forwarded, redirect } from "./http";
import { getAuth } from "./index";
import { currentViewer, type Viewer } from "./viewer";

/**
 * The security page's forms (README "Two-factor sign-in"), plain POSTs to
 * /api/account/two-factor/<action> that work without JavaScript:
 *
 * - `enable` (password): makes the secret; the page shows it until the first code;
 * - `confirm` (code): the first code turns two-factor on, this session passes the
 *   second step, and the page shows the 10 backup codes once;
 * - `disable` (password and a current code), `backup-codes` (password): need a session
 *   that passed the second step;
 * - `verify-session` (code or backup code): a session begun before two-factor was on
 *   (another device) passes the second step; its wrong codes count towards the
 *   account's lock (10 in a row: 15 minutes), as at sign-in.
 *
 * Origin and rate (bucket "forms") are checked first; better-auth's session cookie,
 * replaced when two-factor is turned on or off, comes back with the 303.
 */
export type TwoFactorAction = "enable" | "confirm" | "disable" | "backup-codes" | "verify-session";

type Outcome = { ok: true; notice: string; headers?: Headers } | { ok: false; code: TwoFactorErrorCode };

const NO_STORE = { "cache-control": "private, no-store" };

export async function handleTwoFactorPost(request: Request, action: TwoFactorAction): Promise<Response> {
  const form = await readForm(request);
  if (!form.ok) return Response.json({ ok: false, code: "PAYLOAD_TOO_LARGE" }, { status: 413, headers: NO_STORE });
  if (!checkSameOrigin(request, form.field(CSRF_FIELD)).ok) return Response.json({ ok: false, code: "FORBIDDEN_ORIGIN" }, { status: 403, headers: NO_STORE });
  const limit = await limitRequest(request, "forms");
  if (!limit.allowed) return Response.json({ ok: false, code: "RATE_LIMITED" }, { status: 429, headers: { ...NO_STORE, ...limit.headers } });
  const requested = form.field("locale");
  const locale: Locale = isLocale(requested) ? requested : "en";
  const page = `/${locale}/account/security`;
  const back = sameOriginPath(form.field("returnTo"), requestOrigin(request), { pathOnly: true }) ?? page;
  const viewer = await currentViewer(request.headers);
  if (!viewer) return redirect(signInPath(locale, back), undefined, limit.headers);
  let outcome: Outcome;
  try {
    outcome = await perform(request, action, viewer, form.field);
  } catch (error) {
    if (!(error instanceof APIError)) console.error(JSON.stringify({ level: "error", message: "two-factor form failed", action, error: error instanceof Error ? error.name : "unknown" }));
    outcome = { ok: false, code: error instanceof APIError ? twoFactorErrorCode((error.body as { code?: unknown } | undefined)?.code) : "SERVICE_BUSY" };
  }
  if (!outcome.ok) return redirect(withParams(back, { error: outcome.code }), undefined, limit.headers);
  return redirect(withParams(back, { done: outcome.notice }), outcome.headers, limit.headers);
}

async function perform(request: Request, action: TwoFactorAction, viewer: Viewer, field: FormFields): Promise<Outcome> {
  const auth = getAuth();
  const headers = forwarded(request);
  const password = field("password") ?? "";
  switch (action) {
    case "enable": {
      if (viewer.secondFactor && viewer.secondFactor !== "off") return { ok: false, code: "TWO_FACTOR_ALREADY_ON" };
      if (!password) return { ok: false, code: "INVALID_CREDENTIALS" };
      await auth.api.enableTwoFactor({ body: { password, issuer: TOTP_ISSUER }, headers });
      return { ok: true, notice: "started" };
    }
    case "confirm": {
      if (viewer.secondFactor && viewer.secondFactor !== "off") return { ok: false, code: "TWO_FACTOR_ALREADY_ON" };
      const code = parseTotpCode(field("code"));
      if (!code.ok) return code;
      // The first good code: on, and this browser gets a new session that passed the second step.
      const result = await auth.api.verifyTOTP({ body: { code: code.data }, headers, returnHeaders: true });
      await auditTwoFactor(viewer, "account.two_factor_on");
      await allowBackupCodesReveal(viewer, new Date());
      return { ok: true, notice: "enabled", headers: result.headers };
    }
    case "disable": {
      if (viewer.secondFactor !== "passed") return { ok: false, code: viewer.secondFactor === "unverified" ? "TWO_FACTOR_REQUIRED" : "TWO_FACTOR_NOT_ON" };
      const code = parseTotpCode(field("code"));
      if (!code.ok) return code;
      if (!password) return { ok: false, code: "INVALID_CREDENTIALS" };
      await auth.api.verifyTOTP({ body: { code: code.data }, headers });
      const result = await auth.api.disableTwoFactor({ body: { password }, headers, returnHeaders: true });
      await auditTwoFactor(viewer, "account.two_factor_off");
      return { ok: true, notice: "disabled", headers: result.headers };
    }
    case "backup-codes": {
      if (viewer.secondFactor !== "passed") return { ok: false, code: viewer.secondFactor === "unverified" ? "TWO_FACTOR_REQUIRED" : "TWO_FACTOR_NOT_ON" };
      if (!password) return { ok: false, code: "INVALID_CREDENTIALS" };
      await auth.api.generateBackupCodes({ body: { password }, headers });
      await auditTwoFactor(viewer, "account.backup_codes_regenerated");
      await allowBackupCodesReveal(viewer, new Date());
      return { ok: true, notice: "regenerated" };
    }
    case "verify-session": {
      if (viewer.secondFactor !== "unverified") return { ok: false, code: viewer.secondFactor === "passed" ? "TWO_FACTOR_ALREADY_ON" : "TWO_FACTOR_NOT_ON" };
      const parsed = parseSecondStepCode(field("code"));
      if (!parsed.ok) return parsed;
      if (await secondFactorLocked(viewer, new Date())) return { ok: false, code: "TWO_FACTOR_LOCKED" };
      const body = { code: parsed.data.code };
      try {
        if (parsed.data.kind === "totp") await auth.api.verifyTOTP({ body, headers });
        else await auth.api.verifyBackupCode({ body, headers });
      } catch (error) {
        if (error instanceof APIError && twoFactorErrorCode((error.body as { code?: unknown } | undefined)?.code) === "INVALID_TWO_FACTOR_CODE") await recordSecondFactorFailure(viewer, new Date());
        throw error;
      }
      await clearSecondFactorFailures(viewer);
      const sessionId = await currentSessionId(request.headers);
      if (!sessionId) return { ok: false, code: "TWO_FACTOR_EXPIRED" };
      await markSessionVerified(viewer, sessionId);
      return { ok: true, notice: "verified" };
    }
  }
}
