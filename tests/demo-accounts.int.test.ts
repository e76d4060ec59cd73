/** The demo store's accounts (prisma/seed-accounts.ts) sign in with their documented passwords when CARAVAN_DEMO=true. */
import { describe, expect, inject, it } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.CARAVAN_DEMO = "true";
process.env.CARAVAN_PUBLIC_URL = "http://shop.test";

const signIn = await import("@/app/api/account/sign-in/route");
const { currentViewer } = await import("@/lib/server/auth/viewer");
const { getPrisma } = await import("@/lib/db/client");
const { seedDemoAccounts, DEMO_PASSWORDS } = await import("@/prisma/seed-accounts");
const db = getPrisma();

let client = 0;
const freshClient = () => `192.0.2.${200 + ++client}`;

async function signInAs(email: string, password: string) {
  const response = await signIn.POST(
    new Request("http://shop.test/api/account/sign-in", {
      method: "POST",
      headers: { host: "shop.test", origin: "http://shop.test", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": freshClient() },
      body: new URLSearchParams({ email, password, locale: "en" }).toString(),
    }),
  );
  expect(response.status).toBe(303);
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

    expect(await signInAs("operator@demo.caravan.localhost", DEMO_PASSWORDS.OPERATOR)).toMatchObject({ role: "OPERATOR", seller: null });
    expect(await signInAs("buyer@demo.caravan.localhost", DEMO_PASSWORDS.BUYER)).toMatchObject({ role: "BUYER", seller: null });
    const seller = sellers[0]!;
    expect(await signInAs(`seller+${seller.handle}@demo.caravan.localhost`, DEMO_PASSWORDS.SELLER)).toMatchObject({ role: "BUYER", seller: { id: seller.id, role: "OWNER" } });
    expect(await signInAs("buyer@demo.caravan.localhost", DEMO_PASSWORDS.SELLER)).toBeNull();
  });
});
