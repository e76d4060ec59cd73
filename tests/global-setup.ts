import type { TestProject } from "vitest/node";
import { startTestDatabase } from "./database";

/** One migrated, seeded throwaway database for the integration suite. */
export default async function setup(project: TestProject) {
  const db = await startTestDatabase({ name: "integration" });
  process.env.DATABASE_URL = db.url;
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
