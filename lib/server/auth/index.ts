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
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    databaseHooks: {
      session: {
        create: {
          // Demo accounts have published passwords: they sign in only in the demo store.
          before: async (session) => {
            if (env.CARAVAN_DEMO) return;
            const user = await getPrisma().user.findUnique({ where: { id: session.userId }, select: { email: true } });
            if (user && isDemoEmail(user.email)) return false;
          },
        },
      },
    },
    rateLimit: { enabled: false },
    advanced: { cookiePrefix: AUTH_COOKIE_PREFIX },
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
