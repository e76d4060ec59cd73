/**
 * Two-factor sign-in through its route handlers, on a database of its own: turning it
 * on (a wrong first code refused, nothing changed), the backup codes shown once and
 * each good once, the second step of sign-in, turning it off, the new-device notice,
 * and operator actions refused without it. Secrets and codes never in plaintext.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, inject, it } from "vitest";
import { createDatabase } from "./database";

const url = await createDatabase(inject("databaseUrl"), `two_factor_${process.pid}`);
process.env.DATABASE_URL = url;
process.env.CARAVAN_DEMO = "true";
process.env.CARAVAN_PUBLIC_URL = "http://shop.test";
process.env.CARAVAN_RATE_LIMIT_FORMS = "6/60";
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));
process.env.CARAVAN_OUTBOX_DIR = outbox;

const { migrate } = await import("@/lib/db/migrate");
const { seed } = await import("@/prisma/seed");
const { getPrisma } = await import("@/lib/db/client");
const { hashPassword } = await import("@/lib/server/auth/passwords");
const signInRoute = await import("@/app/api/account/sign-in/route");
const stepRoute = await import("@/app/api/account/two-factor/route");
const securityRoute = await import("@/app/api/account/security/[action]/route");
const fxOverride = await import("@/app/api/admin/fx/override/route");
const { currentViewer } = await import("@/lib/server/auth/viewer");
const { revealBackupCodes, twoFactorStatus } = await import("@/lib/server/account/two-factor");
const { base32Decode, DEMO_TOTP_SECRET, totpCode } = await import("@/lib/domain/two-factor");
await migrate(url);
const db = getPrisma();
await seed(db, { demoAccounts: true });

const PASSWORD = "a long enough password";
let client = 0;
const freshClient = () => `198.51.${Math.floor(++client / 250)}.${client % 250}`;
const code = (secret: string, at = new Date()) => totpCode(base32Decode(secret), at);

type Jar = Map<string, string>;
function jar(...responses: Response[]): Jar {
  const cookies: Jar = new Map();
  for (const response of responses) absorb(cookies, response);
  return cookies;
}
function absorb(cookies: Jar, response: Response): Jar {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";");
    const [name, value] = [pair!.slice(0, pair!.indexOf("=")), pair!.slice(pair!.indexOf("=") + 1)];
    if (attributes.some((a) => /max-age=0/i.test(a.trim())) || value === "") cookies.delete(name);
    else cookies.set(name, value);
  }
  return cookies;
}
const header = (cookies: Jar) => [...cookies].map(([n, v]) => `${n}=${v}`).join("; ");

function form(target: string, fields: Record<string, string>, cookies: Jar = new Map(), options: { ip?: string; agent?: string } = {}): Request {
  const headers: Record<string, string> = {
    host: "shop.test",
    origin: "http://shop.test",
    "content-type": "application/x-www-form-urlencoded",
    "x-forwarded-for": options.ip ?? freshClient(),
    "user-agent": options.agent ?? "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
  };
  if (cookies.size > 0) headers.cookie = header(cookies);
  return new Request(`http://shop.test${target}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
}

const security = (action: string, fields: Record<string, string>, cookies: Jar, options?: { ip?: string }) =>
  securityRoute.POST(form(`/api/account/security/${action}`, { locale: "en", returnTo: "/en/account/security", ...fields }, cookies, options), { params: Promise.resolve({ action }) });

async function account(name: string, role: "BUYER" | "OPERATOR" = "BUYER"): Promise<{ id: string; email: string }> {
  const id = `usr_${name}_${Date.now()}`;
  const email = `${name}-${Date.now()}@example.com`;
  await db.user.create({ data: { id, email, name, emailVerified: true, role } });
  await db.account.create({ data: { id: `acc_${id}`, accountId: id, providerId: "credential", userId: id, password: await hashPassword(PASSWORD) } });
  return { id, email };
}

async function signIn(email: string, options: { ip?: string; agent?: string; password?: string } = {}): Promise<Response> {
  return signInRoute.POST(form("/api/account/sign-in", { email, password: options.password ?? PASSWORD, locale: "en", returnTo: "/en/account/orders" }, new Map(), options));
}

const viewerOf = (cookies: Jar) => currentViewer(new Headers({ cookie: header(cookies) }));
const secretIn = async (cookies: Jar) => (await twoFactorStatus((await viewerOf(cookies))!)).pending!.secret.replace(/\s+/g, "");

/** Signs up a buyer and turns two-factor on; answers the key, the backup codes and the session. */
async function withTwoFactor(name: string) {
  const user = await account(name);
  let cookies = jar(await signIn(user.email));
  expect((await security("enable", { password: PASSWORD }, cookies)).headers.get("location")).toBe("/en/account/security?done=started");
  const secret = await secretIn(cookies);
  const confirmed = await security("confirm", { code: code(secret) }, cookies);
  expect(confirmed.headers.get("location")).toBe("/en/account/security?done=enabled");
  cookies = absorb(cookies, confirmed);
  const codes = (await revealBackupCodes((await viewerOf(cookies))!, new Date()))!;
  return { user, secret, codes, cookies };
}

async function mailsTo(address: string): Promise<string[]> {
  const subjects: string[] = [];
  for (const file of fs.readdirSync(outbox).filter((f) => f.endsWith(".eml"))) {
    const mail = await simpleParser(fs.readFileSync(path.join(outbox, file)));
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    if (to?.value[0]?.address === address) subjects.push(mail.subject ?? "");
  }
  return subjects;
}

describe("turning two-factor on", () => {
  it("keeps the secret encrypted, refuses a wrong first code with nothing changed, then turns on with a good one", async () => {
    const user = await account("ines");
    const cookies = jar(await signIn(user.email));
    expect((await viewerOf(cookies))?.secondFactor).toBe("off");

    const wrongPassword = await security("enable", { password: "not the password" }, cookies);
    expect(wrongPassword.headers.get("location")).toBe("/en/account/security?error=INVALID_CREDENTIALS");
    expect(await db.twoFactor.count({ where: { userId: user.id } })).toBe(0);

    expect((await security("enable", { password: PASSWORD }, cookies)).status).toBe(303);
    const secret = await secretIn(cookies);
    expect(secret).toMatch(/^[A-Z2-7]{32,}$/);
    const row = await db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.verified).toBe(false);
    expect(row.secret).not.toContain(secret);
    expect(Buffer.from(base32Decode(secret)).toString("utf8")).not.toBe("");
    expect(row.secret).not.toContain(Buffer.from(base32Decode(secret)).toString("utf8"));

    const wrong = code(secret, new Date(Date.now() - 10 * 60_000));
    const refused = await security("confirm", { code: wrong === code(secret) ? "000000" : wrong }, cookies);
    expect(refused.headers.get("location")).toBe("/en/account/security?error=INVALID_TWO_FACTOR_CODE");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabled).toBe(false);
    expect((await security("confirm", { code: "12345" }, cookies)).headers.get("location")).toBe("/en/account/security?error=INVALID_TWO_FACTOR_CODE");
    expect(await db.auditEntry.count({ where: { subjectId: user.id } })).toBe(0);

    const confirmed = await security("confirm", { code: code(secret) }, cookies);
    expect(confirmed.headers.get("location")).toBe("/en/account/security?done=enabled");
    const after = absorb(new Map(cookies), confirmed);
    expect(header(after)).not.toBe(header(cookies)); // a new session, which passed the second step
    expect((await viewerOf(after))?.secondFactor).toBe("passed");
    expect(await viewerOf(cookies)).toBeNull();
    expect(await db.auditEntry.findMany({ where: { subjectId: user.id }, select: { action: true } })).toEqual([{ action: "account.two_factor_on" }]);

    // The ten backup codes: shown once, encrypted at rest.
    const viewer = (await viewerOf(after))!;
    const codes = await revealBackupCodes(viewer, new Date());
    expect(codes).toHaveLength(10);
    expect(await revealBackupCodes(viewer, new Date())).toBeNull();
    const stored = await db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    for (const one of codes!) expect(stored.backupCodes).not.toContain(one);
  });
});

describe("signing in with two-factor", () => {
  it("asks for a code on a second step; a wrong one is refused with no session, a good one signs in", async () => {
    const { user, secret } = await withTwoFactor("jonas");
    const first = await signIn(user.email);
    expect(first.headers.get("location")).toBe(`/en/sign-in/two-factor?returnTo=${encodeURIComponent("/en/account/orders")}`);
    const challenge = jar(first);
    expect(challenge.has("caravan.session_token")).toBe(false);
    expect(challenge.has("caravan.two_factor")).toBe(true);
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });

    const wrong = await stepRoute.POST(form("/api/account/two-factor", { locale: "en", code: code(secret, new Date(Date.now() - 3_600_000)), returnTo: "/en/account/orders" }, challenge));
    expect(wrong.headers.get("location")).toBe(`/en/sign-in/two-factor?returnTo=${encodeURIComponent("/en/account/orders")}&error=INVALID_TWO_FACTOR_CODE`);
    expect(jar(wrong).has("caravan.session_token")).toBe(false);
    const nonsense = await stepRoute.POST(form("/api/account/two-factor", { locale: "en", code: "drop table", returnTo: "/en/account/orders" }, challenge));
    expect(nonsense.headers.get("location")).toContain("error=INVALID_TWO_FACTOR_CODE");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);

    const good = await stepRoute.POST(form("/api/account/two-factor", { locale: "en", code: code(secret), returnTo: "/en/account/orders" }, challenge));
    expect(good.headers.get("location")).toBe("/en/account/orders");
    const viewer = await viewerOf(absorb(challenge, good));
    expect(viewer).toMatchObject({ email: user.email, secondFactor: "passed" });
  });

  it("takes a backup code once", async () => {
    const { user, codes } = await withTwoFactor("keiko");
    const backup = codes[3]!;
    const challenge = jar(await signIn(user.email));
    const good = await stepRoute.POST(form("/api/account/two-factor", { locale: "en", code: backup, returnTo: "/en/account/orders" }, challenge));
    expect(good.headers.get("location")).toBe("/en/account/orders");
    expect((await viewerOf(absorb(challenge, good)))?.secondFactor).toBe("passed");

    const again = jar(await signIn(user.email));
    const reused = await stepRoute.POST(form("/api/account/two-factor", { locale: "en", code: backup, returnTo: "/en/account/orders" }, again));
    expect(reused.headers.get("location")).toContain("error=INVALID_TWO_FACTOR_CODE");
    expect(jar(reused).has("caravan.session_token")).toBe(false);
    const status = await twoFactorStatus((await viewerOf(absorb(challenge, good)))!);
    expect(status.backupCodesLeft).toBe(9);
  });

  it("counts wrong codes against the forms rate limit", async () => {
    const { user } = await withTwoFactor("lena");
    const ip = "203.0.113.77";
    const challenge = jar(await signIn(user.email, { ip }));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await stepRoute.POST(form("/api/account/two-factor", { locale: "en", code: "000000" }, challenge, { ip }))).status);
    expect(statuses.slice(0, 5).every((s) => s === 303)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("turning off and new backup codes", () => {
  it("turns off only with the password and a current code, and writes the audit entry", async () => {
    const { user, secret, cookies } = await withTwoFactor("mateo");
    expect((await security("disable", { password: PASSWORD, code: "000000" }, cookies)).headers.get("location")).toBe("/en/account/security?error=INVALID_TWO_FACTOR_CODE");
    expect((await security("disable", { password: "wrong password", code: code(secret) }, cookies)).headers.get("location")).toBe("/en/account/security?error=INVALID_CREDENTIALS");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabled).toBe(true);

    const off = await security("disable", { password: PASSWORD, code: code(secret) }, cookies);
    expect(off.headers.get("location")).toBe("/en/account/security?done=disabled");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).twoFactorEnabled).toBe(false);
    expect(await db.twoFactor.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.auditEntry.findMany({ where: { subjectId: user.id }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action)).toEqual(["account.two_factor_on", "account.two_factor_off"]);
    // Signing in is one step again.
    expect((await signIn(user.email)).headers.get("location")).toBe("/en/account/orders");
  });

  it("regenerates the backup codes: the old ones stop working", async () => {
    const { user, codes, cookies } = await withTwoFactor("noor");
    expect((await security("backup-codes", { password: "wrong password" }, cookies)).headers.get("location")).toBe("/en/account/security?error=INVALID_CREDENTIALS");
    const made = await security("backup-codes", { password: PASSWORD }, cookies);
    expect(made.headers.get("location")).toBe("/en/account/security?done=regenerated");
    const fresh = (await revealBackupCodes((await viewerOf(cookies))!, new Date()))!;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => codes.includes(c))).toBe(false);
    expect((await db.auditEntry.findMany({ where: { subjectId: user.id }, orderBy: { id: "asc" }, select: { action: true } })).map((e) => e.action)).toEqual(["account.two_factor_on", "account.backup_codes_regenerated"]);
    const challenge = jar(await signIn(user.email));
    expect((await stepRoute.POST(form("/api/account/two-factor", { locale: "en", code: codes[0]! }, challenge))).headers.get("location")).toContain("error=INVALID_TWO_FACTOR_CODE");
  });
});

describe("operator actions need two-factor", () => {
  const override = (cookies: Jar) => fxOverride.POST(form("/api/admin/fx/override", { locale: "en", returnTo: "/en/admin/fx", currency: "JPY", rate: "160.5", reason: "Checking the two-factor rule" }, cookies));

  it("refuses an operator without two-factor with 403 TWO_FACTOR_REQUIRED, and nothing changes", async () => {
    const operator = await account("olga", "OPERATOR");
    const cookies = jar(await signIn(operator.email));
    const rates = await db.fxRate.count();
    const audits = await db.auditEntry.count();
    const refused = await override(cookies);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ ok: false, code: "TWO_FACTOR_REQUIRED" });
    expect(await db.fxRate.count()).toBe(rates);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("refuses a session begun before two-factor was on, until that session passes a code", async () => {
    const operator = await account("pavel", "OPERATOR");
    const other = jar(await signIn(operator.email, { agent: "Mozilla/5.0 (Macintosh) Safari/605.1.15" }));
    const cookies = jar(await signIn(operator.email));
    expect((await security("enable", { password: PASSWORD }, cookies)).status).toBe(303);
    const secret = await secretIn(cookies);
    expect((await security("confirm", { code: code(secret) }, cookies)).status).toBe(303);
    expect((await viewerOf(other))?.secondFactor).toBe("unverified");
    expect((await override(other)).status).toBe(403);

    expect((await security("verify-session", { code: "000000" }, other)).headers.get("location")).toBe("/en/account/security?error=INVALID_TWO_FACTOR_CODE");
    expect((await viewerOf(other))?.secondFactor).toBe("unverified");
    expect((await security("verify-session", { code: code(secret) }, other)).headers.get("location")).toBe("/en/account/security?done=verified");
    expect((await viewerOf(other))?.secondFactor).toBe("passed");
    expect((await override(other)).status).toBe(303);
  });

  it("locks confirming a session, and the sign-in step, after 10 wrong codes in a row", async () => {
    const { user, secret, cookies } = await withTwoFactor("rosa");
    // As a session begun on another device before two-factor was on.
    await db.session.updateMany({ where: { userId: user.id }, data: { twoFactorVerified: false } });
    expect((await viewerOf(cookies))?.secondFactor).toBe("unverified");
    for (let i = 0; i < 10; i++) expect((await security("verify-session", { code: "000000" }, cookies)).headers.get("location")).toBe("/en/account/security?error=INVALID_TWO_FACTOR_CODE");
    expect((await security("verify-session", { code: code(secret) }, cookies)).headers.get("location")).toBe("/en/account/security?error=TWO_FACTOR_LOCKED");
    expect((await viewerOf(cookies))?.secondFactor).toBe("unverified");
    const challenge = jar(await signIn(user.email));
    expect((await stepRoute.POST(form("/api/account/two-factor", { locale: "en", code: code(secret) }, challenge))).headers.get("location")).toContain("error=TWO_FACTOR_LOCKED");
    expect(jar(await signIn(user.email)).has("caravan.session_token")).toBe(false);
  });

  it("the demo operator has two-factor on under the documented key and passes the second step with it", async () => {
    const first = await signIn("operator@demo.caravan.localhost", { password: "caravan-operator-demo" });
    expect(first.headers.get("location")).toContain("/en/sign-in/two-factor");
    const challenge = jar(first);
    const good = await stepRoute.POST(form("/api/account/two-factor", { locale: "en", code: code(DEMO_TOTP_SECRET), returnTo: "/en/admin" }, challenge));
    expect(good.headers.get("location")).toBe("/en/admin");
    const cookies = absorb(challenge, good);
    expect(await viewerOf(cookies)).toMatchObject({ role: "OPERATOR", secondFactor: "passed" });
    const demo = await db.user.findUniqueOrThrow({ where: { email: "operator@demo.caravan.localhost" }, select: { id: true } });
    const row = await db.twoFactor.findUniqueOrThrow({ where: { userId: demo.id } });
    expect(row.secret).not.toContain(DEMO_TOTP_SECRET);
    expect((await override(cookies)).status).toBe(303);
  });
});

describe("sign-in from a new device", () => {
  it("mails a notice for a device not seen in 90 days (not for the account's first), and keeps no address", async () => {
    const user = await account("quinn");
    const firefox = { ip: "203.0.113.10", agent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" };
    expect((await signIn(user.email, firefox)).status).toBe(303);
    expect(await mailsTo(user.email)).toEqual([]);
    expect((await signIn(user.email, { ...firefox, ip: "203.0.113.99" })).status).toBe(303); // same /24
    expect(await mailsTo(user.email)).toEqual([]);

    expect((await signIn(user.email, { ip: "198.51.100.20", agent: firefox.agent })).status).toBe(303);
    expect(await mailsTo(user.email)).toEqual(["New sign-in to your Caravan account"]);
    expect((await signIn(user.email, { ip: "198.51.100.20", agent: firefox.agent })).status).toBe(303);
    expect(await mailsTo(user.email)).toHaveLength(1);

    const devices = await db.knownDevice.findMany({ where: { userId: user.id } });
    expect(devices).toHaveLength(2);
    for (const device of devices) expect(device.deviceHash).not.toContain("203.0.113");
    const sessions = await db.session.findMany({ where: { userId: user.id }, select: { ipAddress: true } });
    expect(sessions.every((s) => s.ipAddress === null)).toBe(true);

    // Not seen for more than 90 days: new again.
    await db.knownDevice.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 91 * 86_400_000) } });
    await db.knownDevice.create({ data: { userId: user.id, deviceHash: "another-recent-device", lastSeenAt: new Date() } });
    expect((await signIn(user.email, firefox)).status).toBe(303);
    expect(await mailsTo(user.email)).toHaveLength(2);
  });
});
