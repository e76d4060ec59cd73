import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The CLI only needs a URL for commands that talk to a database (`db execute`);
// `generate` and `migrate diff --from/to-schema-datamodel` never connect.
// The schema's `env("DATABASE_URL")` must resolve too: without it the 6.19 CLI falls back
// to downloading a native engine, which this project never needs.
const url = (process.env.DATABASE_URL ??= "postgresql://postgres:postgres@127.0.0.1:54329/caravan");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: url }),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
