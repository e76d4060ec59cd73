import "server-only";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { isDemoEmail, type Viewer } from "@/lib/domain/accounts";
import { authenticatorSecret, DEMO_TOTP_SECRET, groupedSecret, otpauthUri } from "@/lib/domain/two-factor";
import { serverEnv } from "@/lib/env";
import { recordAudit } from "@/lib/server/audit";
import { getAuth } from "@/lib/server/auth";
import { actorOf } from "@/lib/server/panels/actor";

/**
 * Two-factor sign-in on the account's security page (README "Two-factor sign-in"). The
 * secret, the challenge at sign-in and the backup codes are better-auth's twoFactor
 * plugin's (ADR "two-factor"): its TwoFactor row keeps the secret and the codes
 * encrypted under the accounts' key. This reads what the page shows, shows a fresh set
 * of backup codes once, writes the audit entries and gives the demo accounts their
 * documented secret.
 */
export const TOTP_ISSUER = "Caravan";

/** How long after turning on or regenerating the page may still show the codes (once). */
const REVEAL_MINUTES = 10;
const revealId = (userId: string) => `caravan-2fa-reveal:${userId}`;

export interface TwoFactorStatus {
  enabled: boolean;
  /** This session passed the second step. */
  sessionVerified: boolean;
  /** Turned on but not yet confirmed with a first code: what the authenticator needs. */
  pending: { uri: string; secret: string } | null;
  /** How many backup codes are left (when on). */
  backupCodesLeft: number | null;
}

async function secretConfig() {
  return (await getAuth().$context).secretConfig;
}

export async function twoFactorStatus(viewer: Viewer, db: PrismaClient = getPrisma()): Promise<TwoFactorStatus> {
  const row = await db.twoFactor.findUnique({ where: { userId: viewer.userId }, select: { secret: true, backupCodes: true, verified: true } });
  const user = await db.user.findUnique({ where: { id: viewer.userId }, select: { twoFactorEnabled: true } });
  const enabled = Boolean(user?.twoFactorEnabled && row?.verified);
  let pending: TwoFactorStatus["pending"] = null;
  if (row && !enabled) {
    const secret = authenticatorSecret(await symmetricDecrypt({ key: await secretConfig(), data: row.secret }));
    pending = { uri: otpauthUri(TOTP_ISSUER, viewer.email, secret), secret: groupedSecret(secret) };
  }
  let backupCodesLeft: number | null = null;
  if (enabled && row) {
    const codes = JSON.parse(await symmetricDecrypt({ key: await secretConfig(), data: row.backupCodes })) as unknown;
    backupCodesLeft = Array.isArray(codes) ? codes.length : 0;
  }
  return { enabled, sessionVerified: viewer.secondFactor === "passed", pending, backupCodesLeft };
}

/** After turning on or regenerating: the page may show the codes once, within a few minutes. */
export async function allowBackupCodesReveal(viewer: Viewer, now: Date, db: PrismaClient = getPrisma()): Promise<void> {
  await db.verification.deleteMany({ where: { identifier: revealId(viewer.userId) } });
  await db.verification.create({ data: { id: `v2fa_${crypto.randomUUID()}`, identifier: revealId(viewer.userId), value: viewer.userId, expiresAt: new Date(now.getTime() + REVEAL_MINUTES * 60_000) } });
}

/** The backup codes, if the page may show them now; the permission is used up. */
export async function revealBackupCodes(viewer: Viewer, now: Date, db: PrismaClient = getPrisma()): Promise<string[] | null> {
  const { count } = await db.verification.deleteMany({ where: { identifier: revealId(viewer.userId), value: viewer.userId, expiresAt: { gt: now } } });
  if (count === 0) return null;
  const result = await getAuth().api.viewBackupCodes({ body: { userId: viewer.userId } });
  return result.backupCodes;
}

export type TwoFactorAuditAction = "account.two_factor_on" | "account.two_factor_off" | "account.backup_codes_regenerated";

/** The audit entry of a change of the account's two-factor (after better-auth made it). */
export async function auditTwoFactor(viewer: Viewer, action: TwoFactorAuditAction, db: PrismaClient = getPrisma()): Promise<void> {
  const [before, after] =
    action === "account.two_factor_on" ? [{ twoFactor: false }, { twoFactor: true }] : action === "account.two_factor_off" ? [{ twoFactor: true }, { twoFactor: false }] : [{ backupCodes: "replaced" }, { backupCodes: 10 }];
  await db.$transaction((tx) => recordAudit(tx, { actor: actorOf(viewer), action, subjectType: "user", subjectId: viewer.userId, before, after }));
}

/** Wrong codes in a row before the second step locks, and for how long: better-auth's own account lockout, shared. */
const LOCK_AFTER = 10;
const LOCK_MINUTES = 15;

/**
 * Confirming a session with a code (a session begun before two-factor was on) counts
 * its wrong codes on the same account-wide counter as the sign-in step, so a stolen
 * session cannot try codes without end.
 */
export async function secondFactorLocked(viewer: Viewer, now: Date, db: PrismaClient = getPrisma()): Promise<boolean> {
  const row = await db.twoFactor.findUnique({ where: { userId: viewer.userId }, select: { lockedUntil: true } });
  return Boolean(row?.lockedUntil && row.lockedUntil > now);
}

export async function recordSecondFactorFailure(viewer: Viewer, now: Date, db: PrismaClient = getPrisma()): Promise<void> {
  const row = await db.twoFactor.update({ where: { userId: viewer.userId }, data: { failedVerificationCount: { increment: 1 } }, select: { failedVerificationCount: true } });
  if (row.failedVerificationCount >= LOCK_AFTER) await db.twoFactor.update({ where: { userId: viewer.userId }, data: { lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), failedVerificationCount: 0 } });
}

export async function clearSecondFactorFailures(viewer: Viewer, db: PrismaClient = getPrisma()): Promise<void> {
  await db.twoFactor.updateMany({ where: { userId: viewer.userId }, data: { failedVerificationCount: 0, lockedUntil: null } });
}

/** Marks this session as having passed the second step, after a good code in it. */
export async function markSessionVerified(viewer: Viewer, sessionId: string, db: PrismaClient = getPrisma()): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, userId: viewer.userId }, data: { twoFactorVerified: true } });
}

/**
 * The demo operator and demo sellers sign in with two-factor on, under the secret the
 * README documents (DEMO_TOTP_SECRET), so payouts and operator pages work in the demo.
 * Only in the demo store; an existing row is kept.
 */
export async function ensureDemoTwoFactor(email: string, db: PrismaClient = getPrisma()): Promise<void> {
  if (!serverEnv().CARAVAN_DEMO || !isDemoEmail(email)) return;
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, role: true, twoFactorEnabled: true, sellerMember: { select: { id: true } }, twoFactor: { select: { id: true } } } });
  if (!user || (user.role !== "OPERATOR" && !user.sellerMember)) return;
  if (user.twoFactor && user.twoFactorEnabled) return;
  const key = await secretConfig();
  const secret = await symmetricEncrypt({ key, data: `base32:${DEMO_TOTP_SECRET}` });
  // Backup codes of the demo accounts are regenerated on the security page; none to begin with.
  const backupCodes = await symmetricEncrypt({ key, data: "[]" });
  const made = db.$transaction([
    db.twoFactor.upsert({ where: { userId: user.id }, create: { id: `tf_${user.id}`, userId: user.id, secret, backupCodes, verified: true }, update: { secret, backupCodes, verified: true } }),
    db.user.update({ where: { id: user.id }, data: { twoFactorEnabled: true } }),
  ]);
  // Another sign-in of the same demo account made it meanwhile (unique violation): it exists, which is all this wants.
  await made.catch((error: unknown) => {
    if ((error as { code?: string }).code !== "P2002") throw error;
  });
}
