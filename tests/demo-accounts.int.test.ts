/** The demo store's accounts (prisma/seed-accounts.ts) sign in with their documented passwords when CARAVAN_DEMO=true; the operator and sellers with the documented two-factor key too. */
import { describe, expect, inject, it } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.CARAVAN_DEMO = "true";
process.env.CARAVAN_PUBLIC_URL = "http://shop.test";

const signIn = await import("@/app/api/account/sign-in/route");
const secondStep = await import("@/app/api/account/two-factor/route");
const { base32Decode, DEMO_TOTP_SECRET, totpCode } = await import("@/lib/domain/two-factor");
const { currentViewer } = await import("@/lib/server/auth/viewer");
const { getPrisma } = await import("@/lib/db/client");
const { seedDemoAccounts, DEMO_PASSWORDS } = await import("@/prisma/seed-accounts");
const db = getPrisma();

let client = 0;
const freshClient = () => `192.0.2.${200 + ++client}`;

const formPost = (target: string, fields: Record<string, string>, cookie?: string) =>
  new Request(`http://shop.test${target}`, {
    method: "POST",
    headers: { host: "shop.test", origin: "http://shop.test", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": freshClient(), ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });

/** Signs in; the operator and the sellers answer the second step with the demo key's current code (README "Demo accounts"). */
async function signInAs(email: string, password: string) {
  let response = await signIn.POST(formPost("/api/account/sign-in", { email, password, locale: "en" }));
  expect(response.status).toBe(303);
  const challenge = response.headers.getSetCookie().find((c) => c.startsWith("caravan.two_factor="));
  if (challenge) {
    response = await secondStep.POST(formPost("/api/account/two-factor", { locale: "en", code: totpCode(base32Decode(DEMO_TOTP_SECRET), new Date()) }, challenge.split(";")[0]!));
    expect(response.status).toBe(303);
  }
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("caravan.session_token="));
  return cookie ? currentViewer(new Headers({ cookie: cookie.split(";")[0]! })) : null;
}

describe("demo accounts", () => {
  it("an operator, a buyer and an owner per seller, each signing in with its role's password", async () => {
    const accounts = await seedDemoAccounts(db);
    const sellers = await db.seller.findMany({ select: { id: true, handle: true } });
    expect(accounts).toHaveLength(2 + sellers.length);
    expect(await seedDemoAccounts(db)).toHaveLength(accounts.length); // a second run adds nothing
    expect(await db.user.count({ where: { email: { in: accounts.map((a) => a.email) } } })).toBe(accounts.length);

    expect(await signInAs("operator@demo.caravan.localhost", DEMO_PASSWORDS.OPERATOR)).toMatchObject({ role: "OPERATOR", seller: null, secondFactor: "passed" });
    expect(await signInAs("buyer@demo.caravan.localhost", DEMO_PASSWORDS.BUYER)).toMatchObject({ role: "BUYER", seller: null, secondFactor: "off" });
    const seller = sellers[0]!;
    expect(await signInAs(`seller+${seller.handle}@demo.caravan.localhost`, DEMO_PASSWORDS.SELLER)).toMatchObject({ role: "BUYER", seller: { id: seller.id, role: "OWNER" }, secondFactor: "passed" });
    expect(await signInAs("buyer@demo.caravan.localhost", DEMO_PASSWORDS.SELLER)).toBeNull();
  });
});
