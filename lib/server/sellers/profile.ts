import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { SellerProfile } from "@/lib/domain/sellers";
import { readFxTable } from "@/lib/server/fx/load";

type Db = PrismaClient | Prisma.TransactionClient;

/** The currencies a seller may price in: the euro and every one the store's FX table holds a rate for. */
export async function knownCurrencies(db: Db): Promise<Set<string>> {
  const table = await readFxTable(db);
  return new Set<string>(["EUR", ...table.rates.keys()]);
}

/** A profile as the Seller row stores it; the legal address is the ship-from address until one of its own is asked. */
export function profileColumns(profile: SellerProfile) {
  return {
    legalName: profile.legalName,
    name: profile.name,
    country: profile.country,
    currency: profile.currency,
    languages: profile.languages,
    shipFrom: profile.shipFrom,
    legalAddress: profile.shipFrom,
    returnDays: profile.returnDays,
    returnShippingPaidBy: profile.returnShippingPaidBy,
    vatNumber: profile.vatNumber,
    iossNumber: profile.iossNumber,
    abn: profile.abn,
    trader: profile.trader,
  };
}
