/**
 * The one Prisma client of a process, talking to PostgreSQL through the `pg` driver
 * adapter (no native query engine).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { parseEnv } from "@/lib/env";
import { withPersonalData } from "./personal-data";

const globalForPrisma = globalThis as unknown as { caravanPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string): PrismaClient {
  return withPersonalData(new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) }));
}

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.caravanPrisma) {
    const url = parseEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the store with `npm start` or set it.");
    globalForPrisma.caravanPrisma = createPrismaClient(url);
  }
  return globalForPrisma.caravanPrisma;
}
