/**
 * Accounts as HTTP exchanges through their route handlers, on the suite's database:
 * sign up, the verification mail in the outbox, verify, sign in, sessions in the
 * database, refusals, the forms rate limit, sign out everywhere, and who the viewer is.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, inject, it } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.CARAVAN_RATE_LIMIT_FORMS = "3/60";
process.env.CARAVAN_PUBLIC_URL = "http://shop.test";
const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "caravan-outbox-"));
process.env.CARAVAN_OUTBOX_DIR = outbox;

const signUp = await import("@/app/api/account/sign-up/route");
const signIn = await import("@/app/api/account/sign-in/route");
const signOut = await import("@/app/api/account/sign-out/route");
const everywhere = await import("@/app/api/account/sign-out-everywhere/route");
const resetRequest = await import("@/app/api/account/reset-request/route");
const reset = await import("@/app/api/account/reset/route");
const authRoute = await import("@/app/api/auth/[...all]/route");
const { currentViewer, requireOperator, requireSellerMember } = await import("@/lib/server/auth/viewer");
const { getPrisma } = await import("@/lib/db/client");
const { seedDemoAccounts, DEMO_PASSWORDS } = await import("@/prisma/seed-accounts");
const db = getPrisma();

let client = 0;
/** A new client address per request, so only the rate-limit test meets the limit. */
const freshClient = () => `192.0.2.${++client}`;
const PASSWORD = "correct horse battery";

function post(route: { POST: (r: Request) => Promise<Response> }, action: string, fields: Record<string, string>, { ip = freshClient(), cookie }: { ip?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = { host: "shop.test", origin: "http://shop.test", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip };
  if (cookie) headers.cookie = cookie;
  return route.POST(new Request(`http://shop.test/api/account/${action}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() }));
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("caravan.session_token="));
  expect(cookie).toBeDefined();
  return cookie!.split(";")[0]!;
}

async function mailTo(address: string, subject: RegExp) {
  // Only finished messages: the outbox writes `<name>.eml.partial` and renames it when complete.
  for (const file of fs.readdirSync(outbox).filter((f) => f.endsWith(".eml")).sort().reverse()) {
    const mail = await simpleParser(fs.readFileSync(path.join(outbox, file)));
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    if (to?.value[0]?.address === address && subject.test(mail.subject ?? "")) return mail;
  }
  throw new Error(`no mail to ${address}`);
}

/** Signs up and follows the link in the verification mail; answers the address. */
async function verifiedAccount(name: string, locale = "en"): Promise<string> {
  const email = `${name}-${Date.now()}@example.com`;
  const created = await post(signUp, "sign-up", { email, password: PASSWORD, repeat: PASSWORD, locale });
  expect(created.status).toBe(303);
  expect(created.headers.get("location")).toBe(`/${locale}/sign-in?sent=1`);
  const mail = await mailTo(email, /./);
  const link = mail.text!.match(/https?:\/\/\S+/)![0];
  const verified = await authRoute.GET(new Request(link, { headers: { host: "shop.test" } }));
  expect(verified.status).toBe(302);
  expect(verified.headers.get("location")).toContain(`/${locale}/sign-in?verified=1`);
  return email;
}

async function signedIn(email: string): Promise<string> {
  const response = await post(signIn, "sign-in", { email, password: PASSWORD, locale: "en" });
  expect(response.status).toBe(303);
  return sessionCookie(response);
}

describe("sign up, verify, sign in", () => {
  it("sends the verification mail in the visitor's language, refuses sign-in until verified, then signs in", async () => {
    const email = `hanna-${Date.now()}@example.com`;
    const created = await post(signUp, "sign-up", { email: email.toUpperCase(), password: PASSWORD, repeat: PASSWORD, locale: "de" });
    expect(created.headers.get("location")).toBe("/de/sign-in?sent=1");
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
    expect(user).toMatchObject({ emailVerified: false, role: "BUYER" });
    expect(user.accounts[0]!.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const mail = await mailTo(email, /Bestätigen Sie Ihre E-Mail-Adresse/);
    expect(mail.text).toContain("Willkommen bei Caravan");

    const early = await post(signIn, "sign-in", { email, password: PASSWORD, locale: "de" });
    expect(early.headers.get("location")).toBe("/de/sign-in?error=EMAIL_NOT_VERIFIED");
    expect(early.headers.getSetCookie().some((c) => c.startsWith("caravan.session_token="))).toBe(false);

    const link = mail.text!.match(/https?:\/\/\S+/)![0];
    expect(new URL(link).origin).toBe("http://shop.test");
    const verified = await authRoute.GET(new Request(link, { headers: { host: "shop.test" } }));
    expect(verified.headers.get("location")).toContain("/de/sign-in?verified=1");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(true);

    const response = await post(signIn, "sign-in", { email, password: PASSWORD, locale: "de", returnTo: "/de/orders" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/de/orders");
    const cookie = sessionCookie(response);
    expect(response.headers.getSetCookie().find((c) => c.startsWith("caravan.session_token="))).toMatch(/HttpOnly/i);
    const sessions = await db.session.findMany({ where: { userId: user.id } });
    expect(sessions).toHaveLength(1);
    expect(decodeURIComponent(cookie.split("=")[1]!).split(".")[0]).toBe(sessions[0]!.token);
  });

  it("refuses a wrong password and a foreign returnTo", async () => {
    const email = await verifiedAccount("wrong");
    const wrong = await post(signIn, "sign-in", { email, password: "not the password", locale: "fr" });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe("/fr/sign-in?error=INVALID_CREDENTIALS");
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const unknown = await post(signIn, "sign-in", { email: "nobody@example.com", password: PASSWORD, locale: "en" });
    expect(unknown.headers.get("location")).toBe("/en/sign-in?error=INVALID_CREDENTIALS");
    const away = await post(signIn, "sign-in", { email, password: PASSWORD, locale: "en", returnTo: "//evil.example/x" });
    expect(away.headers.get("location")).toBe("/en/account");
  });

  it("refuses a short password and differing repeats before creating anything", async () => {
    const email = `short-${Date.now()}@example.com`;
    const short = await post(signUp, "sign-up", { email, password: "short", repeat: "short", locale: "ar" });
    expect(short.headers.get("location")).toBe("/ar/sign-up?error=PASSWORD_TOO_SHORT");
    const differ = await post(signUp, "sign-up", { email, password: PASSWORD, repeat: `${PASSWORD}!`, locale: "en" });
    expect(differ.headers.get("location")).toBe("/en/sign-up?error=PASSWORDS_DIFFER");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a form from another origin", async () => {
    const response = await signIn.POST(
      new Request("http://shop.test/api/account/sign-in", {
        method: "POST",
        headers: { host: "shop.test", origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": freshClient() },
        body: "email=a%40example.com&password=x",
      }),
    );
    expect(response.status).toBe(403);
  });
});

describe("password reset", () => {
  it("mails a link in the visitor's language; the new password works, the old one and every session end", async () => {
    const email = await verifiedAccount("reset");
    const before = await signedIn(email);
    const asked = await post(resetRequest, "reset-request", { email, locale: "ja" });
    expect(asked.headers.get("location")).toBe("/ja/reset-password?sent=1");
    const mail = await mailTo(email, /新しいパスワード/);
    const link = mail.text!.match(/https?:\/\/\S+/)![0];
    const landed = await authRoute.GET(new Request(link, { headers: { host: "shop.test" } }));
    expect(landed.status).toBe(302);
    const page = new URL(landed.headers.get("location")!, "http://shop.test");
    expect(page.pathname).toBe("/ja/reset-password");
    const token = page.searchParams.get("token")!;

    const differ = await post(reset, "reset", { token, password: "a brand new secret", repeat: "another one", locale: "ja" });
    expect(differ.headers.get("location")).toBe(`/ja/reset-password?token=${token}&error=PASSWORDS_DIFFER`);
    const done = await post(reset, "reset", { token, password: "a brand new secret", repeat: "a brand new secret", locale: "ja" });
    expect(done.headers.get("location")).toBe("/ja/sign-in?reset=1");
    expect(await currentViewer(new Headers({ cookie: before }))).toBeNull();

    const old = await post(signIn, "sign-in", { email, password: PASSWORD, locale: "en" });
    expect(old.headers.get("location")).toBe("/en/sign-in?error=INVALID_CREDENTIALS");
    const fresh = await post(signIn, "sign-in", { email, password: "a brand new secret", locale: "en" });
    expect(fresh.headers.get("location")).toBe("/en/account");
    const again = await post(reset, "reset", { token, password: "yet another secret", repeat: "yet another secret", locale: "en" });
    expect(again.headers.get("location")).toBe(`/en/reset-password?token=${token}&error=INVALID_TOKEN`);
  });

  it("answers the same for an address without an account", async () => {
    const asked = await post(resetRequest, "reset-request", { email: "nobody-here@example.com", locale: "en" });
    expect(asked.headers.get("location")).toBe("/en/reset-password?sent=1");
  });
});

describe("rate limit", () => {
  it("answers 429 after the forms limit, on the store's forms and on better-auth's own endpoint", async () => {
    const ip = freshClient();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(signIn, "sign-in", { email: "nobody@example.com", password: "x", locale: "en" }, { ip })).status);
    expect(statuses).toEqual([303, 303, 303, 429]);
    const direct = await authRoute.POST(
      new Request("http://shop.test/api/auth/sign-in/email", {
        method: "POST",
        headers: { host: "shop.test", origin: "http://shop.test", "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify({ email: "nobody@example.com", password: "x" }),
      }),
    );
    expect(direct.status).toBe(429);
    expect(direct.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("sessions and the viewer", () => {
  it("signs out this browser: its session is deleted and its cookie expired", async () => {
    const email = await verifiedAccount("signout");
    const cookie = await signedIn(email);
    const other = await signedIn(email);
    const out = await post(signOut, "sign-out", { locale: "es" }, { cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/es");
    expect(out.headers.getSetCookie().find((c) => c.startsWith("caravan.session_token="))).toMatch(/Max-Age=0/i);
    expect(await currentViewer(new Headers({ cookie }))).toBeNull();
    expect(await currentViewer(new Headers({ cookie: other }))).toMatchObject({ email });
  });

  it("signs out everywhere: every session of the user is revoked", async () => {
    const email = await verifiedAccount("everywhere");
    const first = await signedIn(email);
    const second = await signedIn(email);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await currentViewer(new Headers({ cookie: first }))).toMatchObject({ email, role: "BUYER", seller: null });

    const out = await post(everywhere, "sign-out-everywhere", { locale: "en" }, { cookie: second });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/en/sign-in?revoked=1");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await currentViewer(new Headers({ cookie: first }))).toBeNull();
  });

  it("names a buyer, an operator and a seller member, and the guards decide by them", async () => {
    const [buyerEmail, operatorEmail, memberEmail] = await Promise.all([verifiedAccount("buyer"), verifiedAccount("operator"), verifiedAccount("member")]);
    await db.user.update({ where: { email: operatorEmail }, data: { role: "OPERATOR" } });
    const seller = await db.seller.findFirstOrThrow({ orderBy: { id: "asc" } });
    const member = await db.user.findUniqueOrThrow({ where: { email: memberEmail } });
    await db.sellerMember.create({ data: { id: `sm_${member.id}`, userId: member.id, sellerId: seller.id, role: "STAFF" } });

    const buyer = await currentViewer(new Headers({ cookie: await signedIn(buyerEmail) }));
    const operator = await currentViewer(new Headers({ cookie: await signedIn(operatorEmail) }));
    const staff = await currentViewer(new Headers({ cookie: await signedIn(memberEmail) }));
    expect(buyer).toMatchObject({ email: buyerEmail, role: "BUYER", seller: null });
    expect(operator).toMatchObject({ email: operatorEmail, role: "OPERATOR", seller: null });
    expect(staff).toEqual({ userId: member.id, email: memberEmail, role: "BUYER", seller: { id: seller.id, role: "STAFF" }, secondFactor: "off" });

    expect(requireOperator(operator)).toEqual({ ok: true, viewer: operator });
    expect(requireOperator(buyer)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(requireOperator(await currentViewer(new Headers()))).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(requireSellerMember(staff, seller.id).ok).toBe(true);
    expect(requireSellerMember(staff, "sel_other")).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(requireSellerMember(operator, seller.id)).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(await currentViewer(new Headers({ cookie: "caravan.session_token=forged.value" }))).toBeNull();
  });
});

describe("demo accounts outside the demo store", () => {
  it("exist once seeded but cannot sign in without CARAVAN_DEMO=true", async () => {
    await seedDemoAccounts(db);
    const refused = await post(signIn, "sign-in", { email: "operator@demo.caravan.localhost", password: DEMO_PASSWORDS.OPERATOR, locale: "en" });
    expect(refused.headers.get("location")).toBe("/en/sign-in?error=INVALID_CREDENTIALS");
    expect(refused.headers.getSetCookie()).toEqual([]);
  });
});
