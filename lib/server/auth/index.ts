/**
 * The store's accounts (README, "Accounts"): better-auth on the store's Prisma client,
 * email and password with argon2id, sessions in PostgreSQL. The session cookie is
 * `caravan.session_token` (`__Secure-caravan.session_token` when the store's public
 * URL is https), the names lib/preferences.ts lists for the proxy.
 *
 * Rate limiting is the store's own (lib/server/rate-limit, bucket "forms"), applied in
 * front of better-auth by the route handlers; better-auth's limiter is off.
 */
import "server-only";
import crypto from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { twoFactor } from "better-auth/plugins/two-factor";
import { getPrisma } from "@/lib/db/client";
import { isDemoEmail, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/accounts";
import { serverEnv } from "@/lib/env";
import { storeSecret } from "@/lib/server/checkout/access";
import { ownOrigins } from "@/lib/server/http/origin";
import { sendAccountMail } from "./mail";
import { hashPassword, verifyPassword } from "./passwords";

/** Prefix of every account cookie: better-auth appends `.session_token`. */
export const AUTH_COOKIE_PREFIX = "caravan";

/** A key of its own for sessions, derived from the store's secret so that one secret serves both. */
function authSecret(): string {
  return crypto.createHmac("sha256", storeSecret()).update("caravan:accounts").digest("base64url");
}

/** better-auth paths whose new session is the reward of a good TOTP or backup code. */
const SECOND_STEP_PATHS: ReadonlySet<string> = new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code"]);

function passesSecondStep(path: string | undefined): boolean {
  return path !== undefined && SECOND_STEP_PATHS.has(path);
}

function createAuth() {
  const env = serverEnv();
  return betterAuth({
    appName: "Caravan",
    baseURL: env.CARAVAN_PUBLIC_URL,
    basePath: "/api/auth",
    secret: authSecret(),
    database: prismaAdapter(getPrisma(), { provider: "postgresql" }),
    trustedOrigins: (request) => (request ? ownOrigins(request, env.CARAVAN_PUBLIC_URL) : [new URL(env.CARAVAN_PUBLIC_URL).origin]),
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }) => sendAccountMail("reset", user.email, url),
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: false,
      sendVerificationEmail: ({ user, url }) => sendAccountMail("verify", user.email, url),
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      additionalFields: { twoFactorVerified: { type: "boolean", required: false, defaultValue: false, input: false } },
    },
    // The address is not kept with the session: only a keyed hash of the device (lib/server/account/devices.ts).
    advanced: { cookiePrefix: AUTH_COOKIE_PREFIX, ipAddress: { disableIpTracking: true } },
    plugins: [
      // README "Two-factor sign-in": TOTP with 10 backup codes, secret and codes encrypted under this instance's secret.
      twoFactor({ issuer: "Caravan", backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: "encrypted" }, twoFactorCookieMaxAge: 600 }),
    ],
    databaseHooks: {
      session: {
        create: {
          before: async (session, context) => {
            // Demo accounts have published passwords: they sign in only in the demo store.
            if (!env.CARAVAN_DEMO) {
              const user = await getPrisma().user.findUnique({ where: { id: session.userId }, select: { email: true } });
              if (user && isDemoEmail(user.email)) return false;
            }
            // A session made by the second step (or by confirming the authenticator) has passed it.
            return { data: { ...session, ipAddress: null, twoFactorVerified: passesSecondStep(context?.path) } };
          },
        },
      },
    },
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { caravanAuth?: Auth };

/** The one better-auth instance of a process, made on first use (the environment is read then). */
export function getAuth(): Auth {
  globalForAuth.caravanAuth ??= createAuth();
  return globalForAuth.caravanAuth;
}
