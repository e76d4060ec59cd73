/**
 * The demo store's accounts (README, "Demo accounts"): one operator, one buyer and an
 * owner for each seeded seller, email already verified, one password per role. They
 * are made only for the demo (CARAVAN_DEMO=true) and sign in only there: the session
 * hook in lib/server/auth refuses them anywhere else.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/server/auth/passwords";
import { DEMO_EMAIL_DOMAIN } from "@/lib/domain/accounts";
import { SELLERS } from "./seed-data";

export const DEMO_PASSWORDS = { OPERATOR: "caravan-operator-demo", BUYER: "caravan-buyer-demo", SELLER: "caravan-seller-demo" } as const;

export interface DemoAccount {
  email: string;
  kind: keyof typeof DEMO_PASSWORDS;
  sellerId?: string;
}

export function demoAccounts(sellers: readonly { id: string; handle: string }[]): DemoAccount[] {
  return [
    { email: `operator@${DEMO_EMAIL_DOMAIN}`, kind: "OPERATOR" },
    { email: `buyer@${DEMO_EMAIL_DOMAIN}`, kind: "BUYER" },
    ...sellers.map((s) => ({ email: `seller+${s.handle}@${DEMO_EMAIL_DOMAIN}`, kind: "SELLER" as const, sellerId: s.id })),
  ];
}

/** Creates the demo accounts that do not exist yet; answers them all. */
export async function seedDemoAccounts(prisma: PrismaClient): Promise<DemoAccount[]> {
  // The seeded shops only: a shop opened through onboarding has its own owner, never a demo one.
  const sellers = await prisma.seller.findMany({ where: { id: { in: SELLERS.map((s) => s.id) } }, select: { id: true, handle: true }, orderBy: { handle: "asc" } });
  const accounts = demoAccounts(sellers);
  const hashes = { OPERATOR: await hashPassword(DEMO_PASSWORDS.OPERATOR), BUYER: await hashPassword(DEMO_PASSWORDS.BUYER), SELLER: await hashPassword(DEMO_PASSWORDS.SELLER) };
  for (const account of accounts) {
    const id = `usr_demo_${account.email.split("@")[0]!.replace(/[^a-z0-9]/g, "_")}`;
    if (await prisma.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
    const made = prisma.$transaction([
      prisma.user.create({ data: { id, email: account.email, name: account.email.split("@")[0]!, emailVerified: true, role: account.kind === "OPERATOR" ? "OPERATOR" : "BUYER" } }),
      prisma.account.create({ data: { id: `acc_${id}`, accountId: id, providerId: "credential", userId: id, password: hashes[account.kind] } }),
      ...(account.sellerId ? [prisma.sellerMember.create({ data: { id: `sm_${id}`, userId: id, sellerId: account.sellerId, role: "OWNER" } })] : []),
    ]);
    // Another seed run made the same account meanwhile (unique violation): it exists, which is all this wants.
    await made.catch((error: unknown) => {
      if ((error as { code?: string }).code !== "P2002") throw error;
    });
  }
  return accounts;
}
